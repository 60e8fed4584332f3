"""ZPL waybills print on a stock Zebra: text as decodable bitmaps, barcodes as native ^BC.

The generated commands are read back with `zpl_reader` (a small ZPL subset reader written
from Zebra's manual): every graphic must decode to its declared size, the recipient's name
must really be drawn where it belongs, and the painted label must scan.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal

import pytest
import zpl_reader
import zxingcpp
from PIL import Image, ImageDraw, ImageFont

from app.documents import zpl_bitmap
from app.documents.barcodes import encode_code128
from app.documents.fonts import font_path
from app.documents.waybill_data import Party, WaybillData
from app.documents.waybill_layout import TEMPLATES
from app.documents.zpl import code128_field, waybills_zpl
from app.documents.zpl_bitmap import compress_hex, z64
from app.errors import BadInput, PrintError

LABEL = WaybillData(
    order_no="TB20261203001",
    carrier_code="ZTO",
    carrier_name="中通快递",
    service="标准快递",
    tracking_no="73100000000041",
    sort_code="755-W2-01",
    hub="深圳转运中心",
    recipient=Party("张三", "13900000001", "广东省深圳市南山区科技园南路88号海岸城3栋1205室"),
    sender=Party("青禾小铺", "0571-88886666", "浙江省杭州市余杭区仓前街道文一西路1008号3号仓"),
    goods="蓝牙耳机 黑色 ×2，手机壳 透明 ×1",
    weight=Decimal("0.45"),
    pieces=1,
    payment_type="寄付",
    insured_value=None,
    remarks="请尽快发货",
    printed_at=datetime(2026, 12, 3, 10, 30, tzinfo=UTC),
)
# Far more than any row holds: it must shrink, wrap and end in "…", never leave its box.
LONG = replace(
    LABEL,
    recipient=Party(
        "欧阳娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜",
        "13900000001-8888",
        "新疆维吾尔自治区伊犁哈萨克自治州霍尔果斯市" * 6,
    ),
    goods="超长商品名称义见赖说时间够么顶现晚败垫战紧创监软为啥翘络样张纸 ×1，" * 5,
    remarks="放门卫室，" * 20,
    sort_code="新疆-霍尔果斯-伊犁-W2-01-0099-ABCDEFG",
)
SIZES = {"76x130": (76, 130), "100x150": (100, 150), "100x180": (100, 180), "100x210": (100, 210)}


def _labels(data: WaybillData, size: str, dpi: int, **kw) -> list[zpl_reader.Label]:
    return zpl_reader.parse(waybills_zpl([data], TEMPLATES[size], "unused", dpi, **kw))


def _ink_box(g: zpl_reader.Graphic) -> tuple[int, int, int, int]:
    left, top, right, bottom = g.image.getbbox()
    return g.x + left, g.y + top, g.x + right, g.y + bottom


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _bars(label: zpl_reader.Label) -> list[tuple[int, int, int, int]]:
    """Every black bar of the ^GB boxes: a rule is one bar, a frame its four edges."""
    bars = []
    for b in label.boxes:
        x1, y1, t = b.x + b.w, b.y + b.h, b.thickness
        if b.w <= t or b.h <= t:
            bars.append((b.x, b.y, x1, y1))
        else:
            bars += [(b.x, b.y, x1, b.y + t), (b.x, y1 - t, x1, y1)]
            bars += [(b.x, b.y, b.x + t, y1), (x1 - t, b.y, x1, y1)]
    return bars


def _first_by_comment(label: zpl_reader.Label) -> dict[str, zpl_reader.Graphic]:
    found: dict[str, zpl_reader.Graphic] = {}
    for g in label.graphics:
        found.setdefault(g.comment, g)
    return found


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("dpi", [203, 300])
def test_label_is_the_templates_exact_dot_size_and_every_graphic_decodes(size, dpi):
    (label,) = _labels(LABEL, size, dpi)
    width_mm, height_mm = SIZES[size]
    assert (label.width, label.length) == (
        round(width_mm / 25.4 * dpi),
        round(height_mm / 25.4 * dpi),
    )
    assert label.graphics, "text should go out as ^GF bitmaps"
    for g in label.graphics:
        # decode_gfa already checked rows × bytes per row against the declared total.
        assert g.image.size == (g.width_bytes * 8, g.rows)
        x0, y0, x1, y1 = _ink_box(g)
        assert 0 <= x0 and x1 <= label.width and 0 <= y0 and y1 <= label.length, g.comment


@pytest.mark.parametrize("dpi", [203, 300])
def test_default_mode_sends_no_printer_font(dpi):
    text = waybills_zpl([LABEL], TEMPLATES["100x180"], "unused", dpi)
    assert "^A@" not in text and "WQY" not in text
    assert "^GFA," in text


def _pillow_line(text: str, size_px: int) -> Image.Image:
    """The line drawn independently with Pillow: grey anti-aliasing cut at half, ink = 1."""
    font = ImageFont.truetype(
        str(font_path()), size_px, index=0, layout_engine=ImageFont.Layout.BASIC
    )
    ascent, descent = font.getmetrics()
    grey = Image.new("L", (int(font.getlength(text)) + size_px, ascent + descent + size_px), 0)
    ImageDraw.Draw(grey).text((0, 0), text, font=font, fill=255)
    ink = grey.point(lambda v: 255 if v >= 128 else 0).convert("1")
    return ink.crop(ink.getbbox())


@pytest.mark.parametrize("dpi", [203, 300])
def test_recipient_name_is_drawn_in_the_recipient_box_pixel_for_pixel(dpi, tmp_path):
    (label,) = _labels(LABEL, "100x180", dpi)
    by_text = _first_by_comment(label)
    line = by_text["张三 13900000001"]
    drawn = line.image.crop(line.image.getbbox())

    renders = {px: _pillow_line("张三  13900000001", px) for px in range(10, 60)}
    matches = [
        px
        for px, image in renders.items()
        if image.size == drawn.size and image.tobytes() == drawn.tobytes()
    ]
    assert matches, "the bitmap is not the name and phone as Pillow draws them"
    # 11 pt, the PDF's recipient size, is 31 dots at 203 dpi and 45 at 300 (whole dots).
    assert matches[0] == int(11 * dpi / 72)

    # In the recipient row: below the main barcode, right of the 收 tag, above the sender.
    barcode = label.barcodes[0]
    tag = by_text["收"]
    sender = by_text["青禾小铺 0571-88886666"]
    x0, y0, x1, y1 = _ink_box(line)
    assert y0 > barcode.y + barcode.height
    assert x0 > _ink_box(tag)[2]
    assert y1 < _ink_box(sender)[1]
    drawn.convert("L").save(tmp_path / "recipient.png")


@pytest.mark.parametrize("dpi", [203, 300])
def test_barcode_data_is_the_tracking_number_with_whole_dot_modules_and_quiet_zones(dpi):
    (label,) = _labels(LABEL, "100x180", dpi)
    assert len(label.barcodes) == 2  # main and the stub's small one
    others = [_ink_box(g) for g in label.graphics] + _bars(label)
    for b in label.barcodes:
        assert b.data == LABEL.tracking_no
        # Subsets spelled out, so the printer draws python-barcode's symbol, as wide as planned.
        assert b.mode == "N"
        assert zpl_reader.modules(b.codewords) == encode_code128(b.data).modules
        assert isinstance(b.module, int) and 0.19 <= b.module / dpi * 25.4 <= 0.51
        quiet = 10 * b.module
        zone = (b.x - quiet, b.y, b.x + zpl_reader.barcode_width(b) + quiet, b.y + b.height)
        assert not [o for o in others if _overlap(zone, o)], "something in the quiet zone"


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("dpi", [203, 300])
def test_long_text_stays_in_its_box_and_nothing_overlaps(size, dpi):
    (label,) = _labels(LONG, size, dpi)
    inks = [(_ink_box(g), g.comment) for g in label.graphics]
    for i, (a, name_a) in enumerate(inks):
        assert a[2] <= label.width and a[3] <= label.length
        for b, name_b in inks[i + 1 :]:
            assert not _overlap(a, b), f"{name_a!r} overlaps {name_b!r}"
        # Row rules and frames are ^GB bars; text may not cross them.
        for bar in _bars(label):
            assert not _overlap(a, bar), f"{name_a!r} crosses a rule at {bar}"


def test_file_size_per_label_is_logged_and_under_60_kb(caplog):
    caplog.set_level(logging.INFO, logger="app.documents.zpl")
    sizes = {}
    for size in SIZES:
        for dpi in (203, 300):
            text = waybills_zpl([LABEL, LONG], TEMPLATES[size], "unused", dpi)
            sizes[size, dpi] = len(text.encode()) / 2
    assert max(sizes.values()) < 60 * 1024, sizes
    assert "KB per label" in caplog.text


def test_painted_label_scans_as_the_tracking_number(tmp_path):
    (label,) = _labels(LABEL, "100x180", 203)
    page = zpl_reader.paint(label)
    page.save(tmp_path / "label.png")
    found = {r.text for r in zxingcpp.read_barcodes(page)}
    assert found == {LABEL.tracking_no}


def test_printer_font_mode_sends_text_for_a_font_stored_on_the_printer():
    (label,) = _labels(LABEL, "100x180", 203, printer_font="e:wqy.ttf")
    assert not label.graphics
    fonts = {font for _x, _y, font, _text in label.printer_texts}
    assert fonts == {"E:WQY.TTF"}
    assert any(text == "张三  13900000001" for *_pos, text in label.printer_texts)
    with pytest.raises(BadInput, match="打印机字体名"):
        waybills_zpl([LABEL], TEMPLATES["100x180"], "unused", 203, printer_font="WQY^FS")


def test_missing_font_stops_the_print_with_print_error(monkeypatch, tmp_path):
    monkeypatch.setattr(zpl_bitmap, "font_path", lambda: tmp_path / "gone.ttc")
    zpl_bitmap.pil_font.cache_clear()
    zpl_bitmap.render_line.cache_clear()
    try:
        with pytest.raises(PrintError, match="找不到中文字体文件"):
            waybills_zpl([LABEL], TEMPLATES["100x180"], "unused", 203)
    finally:
        zpl_bitmap.pil_font.cache_clear()
        zpl_bitmap.render_line.cache_clear()


def test_ascii_compression_and_z64_decode_to_the_same_rows():
    rows = [
        "00" * 20,  # blank: a lone ","
        "00" * 20,  # repeated: ":"
        "F" * 40,  # black: "!"
        "0" * 7 + "1" + "0" * 32,  # odd zeros before the tail
        "A" * 40,
        "3C" * 20,
    ]
    wide = ["0" + "7" * 425 + "0" * 4]  # a run over 400 needs two count letters
    for data, per_row in ((rows, 20), (wide, 215)):
        total = per_row * len(data)
        expected = [bytes.fromhex(r) for r in data]
        assert zpl_reader.decode_gfa(compress_hex(data), total, per_row) == expected
        packed = z64(b"".join(expected))
        assert zpl_reader.decode_gfa(packed, total, per_row) == expected
    assert compress_hex(rows).startswith(",:!")


@pytest.mark.parametrize(
    ("number", "field"),
    [
        ("SF1234567890123", ">:SF>5123456789012>63"),
        ("432109876543210", ">;43210987654321>60"),
        ("JDVA12345678901", ">:JDVA>51234567890>61"),
        ("EA123456789CN", ">:EA>512345678>69CN"),
        ("AB>C", ">:AB><C"),
    ],
)
def test_barcode_subsets_are_spelled_out_as_python_barcode_chose_them(number, field):
    assert code128_field(number) == field
    text, words = zpl_reader.read_field(field, "N")
    assert text == number
    assert zpl_reader.modules(words) == encode_code128(number).modules


def test_a_number_with_a_zpl_command_character_is_left_to_the_printer():
    assert code128_field("A^B") is None
