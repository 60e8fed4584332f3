"""`packdesk print zpl`: bitmaps by default, the printer's own font only when asked."""

from __future__ import annotations

from app.documents.zpl import code128_field
from main import main


def test_print_zpl_sends_bitmaps_unless_a_printer_font_is_named(shop, db_url, tmp_path):
    shop("9911001", recipient="张三")
    out = tmp_path / "w.zpl"
    args = ["--db", db_url, "print", "zpl", "9911001", "--carrier", "ZTO", "--out", str(out)]
    assert main([*args, "--tracking", "73100000000061"]) == 0
    text = out.read_text("utf-8")
    assert "^GFA," in text and "^A@" not in text
    assert f"^FD{code128_field('73100000000061')}^FS" in text

    again = [*args, "--reason", "换用已装字体的打印机", "--printer-font", "E:WQY.TTF"]
    assert main(again) == 0
    text = out.read_text("utf-8")
    assert "^GFA," not in text and "^A@N," in text and "E:WQY.TTF^FD张三" in text
