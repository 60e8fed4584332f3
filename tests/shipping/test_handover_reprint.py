"""A closed handover's manifest can be printed again (补打), from the parcels stored on it.

Closing a second time answered only "交接单 1 已关闭", so a manifest lost after the pickup
could not be had again, and nothing said how.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog

from app.documents.waybill import render_waybills
from app.shipping.handover import (
    HandoverRefused,
    close_handover,
    reprint_manifest,
    scan_parcel,
    start_handover,
)
from main import main
from ui.windows.handover import HandoverWindow


def _closed_handover(shop) -> int:
    """Handover of two ZTO parcels, one scanned and one left behind."""
    for order_no, number in (("4501001", "73100000000101"), ("4501002", "73100000000102")):
        shop(order_no)
        render_waybills(shop.db, [order_no], tracking=number, carrier="ZTO")
    started = start_handover(shop.db, "ZTO")
    scan_parcel(shop.db, started.id, "73100000000101")
    close_handover(shop.db, started.id)
    return started.id


def test_the_reprint_lists_the_parcels_handed_over_and_says_it_is_a_reprint(shop, read_pdf):
    handover_id = _closed_handover(shop)

    text = read_pdf.text(reprint_manifest(shop.db, handover_id))[0]

    assert f"交接清单 #{handover_id} 中通快递" in text.replace("  ", " ")
    assert "补打" in text and "已交接 1 件" in text
    assert "73100000000101" in text and "4501001" in text
    # The parcel left behind is not stored on the handover; the reprint does not guess it.
    assert "73100000000102" not in text
    assert "快递员签字" in text and "仓库交接人签字" in text


def test_only_a_closed_handover_has_a_manifest_to_reprint(shop):
    shop("4502001")
    render_waybills(shop.db, ["4502001"], tracking="73100000000111", carrier="ZTO")
    still_open = start_handover(shop.db, "ZTO")
    with pytest.raises(HandoverRefused, match="还没有完成交接"):
        reprint_manifest(shop.db, still_open.id)
    with pytest.raises(HandoverRefused, match="交接单 99 不存在"):
        reprint_manifest(shop.db, 99)


def test_closing_again_points_at_the_reprint_command(shop, db_url, tmp_path, capsys, read_pdf):
    handover_id = _closed_handover(shop)
    again = tmp_path / "again.pdf"

    assert main(["--db", db_url, "handover", "close", str(handover_id), "--out", str(again)]) == 3
    assert f"已关闭；交接清单丢了可以补打：packdesk handover manifest {handover_id}" in (
        capsys.readouterr().err
    )

    assert (
        main(["--db", db_url, "handover", "manifest", str(handover_id), "--out", str(again)]) == 0
    )
    assert "已补打交接清单" in capsys.readouterr().out
    assert "73100000000101" in read_pdf.text(again.read_bytes())[0]


def test_the_window_reprints_the_handover_it_closed_last(
    shop, qtbot, tmp_path, monkeypatch, read_pdf
):
    for order_no, number in (("4503001", "73100000000121"), ("4503002", "73100000000122")):
        shop(order_no)
        render_waybills(shop.db, [order_no], tracking=number, carrier="ZTO")
    window = HandoverWindow(shop.db)
    qtbot.addWidget(window)
    window.carrier_box.setCurrentIndex(window.carrier_box.findData("ZTO"))
    window.start_button.click()
    window.scan_box.setText("73100000000121")
    window.scan_box.returnPressed.emit()
    closed = window.handover_id
    window.close_to(str(tmp_path / "signed.pdf"))

    asked = []
    reprint = tmp_path / "reprint.pdf"

    def get_int(_parent, _title, _label, value, *_range):
        asked.append(value)
        return value, True

    monkeypatch.setattr(QInputDialog, "getInt", get_int)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(reprint), ""))
    window.reprint_button.click()

    assert asked == [closed]
    assert f"已补打交接单 {closed} 的交接清单" in window.message.text()
    text = read_pdf.text(reprint.read_bytes())[0]
    assert "补打" in text and "73100000000121" in text
