"""The printer's DPI as a stored setting: only what label printers have, and a bad stored value
stops the print with the fix, never a traceback.

`settings set printer.dpi 250` used to be stored and ZPL came out at 250 dpi (labels the
wrong size); `settings set printer.dpi 300dpi` then made `print zpl` crash with a ValueError.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app import settings
from app.db.models import Order
from app.documents.waybill import preview_waybills, render_waybills_zpl
from app.settings_checks import BadSetting
from main import main


def _store(db, value) -> None:
    """Straight into the database, as a version without the checks would have stored it."""
    with db.transaction() as session:
        settings.put(session, "printer.dpi", value)


def test_a_300_dpi_printer_gets_300_dpi_zpl(shop) -> None:
    shop("7702001")
    _store(shop.db, 300)
    zpl = render_waybills_zpl(shop.db, ["7702001"], tracking="SF1234567890123")
    assert "^PW1181" in zpl and "^LL2126" in zpl  # 100 × 180 mm at 300 dpi


@pytest.mark.parametrize("stored", [250, "300dpi", True])
def test_a_bad_stored_dpi_stops_the_print_and_says_how_to_fix_it(shop, stored) -> None:
    shop("7702002")
    _store(shop.db, stored)

    for attempt in (render_waybills_zpl, preview_waybills):
        with pytest.raises(BadSetting) as caught:
            attempt(shop.db, ["7702002"])
        message = str(caught.value)
        assert "printer.dpi" in message and "203 或 300" in message
        assert "packdesk settings set printer.dpi" in message
    with shop.db.reading() as session:
        order = session.scalar(select(Order).where(Order.order_no == "7702002"))
        assert order.status == "packed"


def test_print_zpl_with_a_bad_stored_dpi_exits_3_without_a_traceback(
    shop, db_url, tmp_path, capsys
) -> None:
    shop("7702003")
    _store(shop.db, "300dpi")
    out = tmp_path / "w.zpl"
    assert main(["--db", db_url, "print", "zpl", "7702003", "--out", str(out)]) == 3
    err = capsys.readouterr().err
    assert "printer.dpi" in err and "300dpi" in err and "Traceback" not in err
    assert not out.exists()
