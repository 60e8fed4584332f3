"""The print queue and handover windows, driven as a clerk would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox
from sqlalchemy import select

from app.db.models import Order
from app.documents.waybill import render_waybills
from ui.windows.handover import HandoverWindow
from ui.windows.waybills import WaybillsWindow


def _select(window: WaybillsWindow, order_no: str) -> None:
    for row in range(window.model.rowCount()):
        if window.model.row_at(row).order_no == order_no:
            window.table.selectionModel().select(
                window.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )


def test_print_queue_prints_to_pdf_and_shows_the_stop_banner(shop, qtbot, tmp_path, read_pdf):
    from app.intake import stop_list

    shop("8801001", recipient="陈静")
    shop("8801002")
    with shop.db.transaction() as session:
        order = session.scalar(select(Order).where(Order.order_no == "8801002"))
        stop_list.stop(session, order.id, "买家已在平台取消")

    window = WaybillsWindow(shop.db)
    qtbot.addWidget(window)
    window.show()
    assert window.model.rowCount() == 2

    _select(window, "8801002")
    assert window.banner.isVisible() and "8801002" in window.banner.text()

    _select(window, "8801001")
    assert not window.banner.isVisible()
    with shop.db.transaction() as session:
        from app.shipping.tracking import assign

        assign(
            session,
            session.scalar(select(Order).where(Order.order_no == "8801001")),
            "SF",
            "SF1234567890123",
        )
    out = tmp_path / "w.pdf"
    window.print_to_file(str(out), window.selected_orders())
    qtbot.waitUntil(window.idle, timeout=10000)
    assert "已打印 1 张面单" in window.message.text()
    assert "陈静" in read_pdf.text(out.read_bytes())[0]
    row = next(
        window.model.row_at(r) for r in range(2) if window.model.row_at(r).order_no == "8801001"
    )
    assert (row.status, row.tracking_no) == ("labelled", "SF1234567890123")


def test_void_from_the_window_asks_a_reason(shop, qtbot, monkeypatch):
    shop("8802001")
    render_waybills(shop.db, ["8802001"], tracking="SF1234567890124", carrier="SF")
    window = WaybillsWindow(shop.db)
    qtbot.addWidget(window)
    _select(window, "8802001")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("面单污损", True))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.buttons["void"].click()
    assert "SF1234567890124" in window.message.text()
    assert window.model.row_at(0).tracking_no == ""


def test_handover_window_scans_refuses_and_closes(shop, qtbot, tmp_path, read_pdf):
    shop("8803001")
    shop("8803002")
    render_waybills(shop.db, ["8803001"], tracking="73100000000021", carrier="ZTO")
    render_waybills(shop.db, ["8803002"], tracking="SF1234567890125", carrier="SF")

    window = HandoverWindow(shop.db)
    qtbot.addWidget(window)
    window.show()
    window.carrier_box.setCurrentIndex(window.carrier_box.findData("ZTO"))
    window.start_button.click()
    assert "应交 1 件" in window.counts.text()

    qtbot.keyClicks(window.scan_box, "SF1234567890125")
    qtbot.keyClick(window.scan_box, Qt.Key.Key_Return)
    assert "本次交接是中通快递" in window.message.text()

    qtbot.keyClicks(window.scan_box, "73100000000021")
    qtbot.keyClick(window.scan_box, Qt.Key.Key_Return)
    assert "已扫 1 件" in window.counts.text()

    manifest = tmp_path / "m.pdf"
    window.close_to(str(manifest))
    assert "发出 1 件" in window.message.text()
    assert "73100000000021" in read_pdf.text(manifest.read_bytes())[0]
    assert Path(manifest).stat().st_size > 0


def test_printing_through_qt_keeps_the_label_at_its_true_size(shop, qtbot, tmp_path, read_pdf):
    """A printer page scaled to A4 or letter would shrink the barcode until it stops scanning."""
    from ui.pdf_printing import print_pdf

    shop("8804001")
    pdf = render_waybills(shop.db, ["8804001"], tracking="SF1234567890126", carrier="SF")
    out = tmp_path / "printed.pdf"
    assert print_pdf(pdf, "waybill", ask=False, output_file=str(out))
    width, height = read_pdf.sizes(out.read_bytes())[0]
    assert abs(width - 283.46) < 1 and abs(height - 510.24) < 1
    found = read_pdf.barcodes(read_pdf.pages_png(out.read_bytes())[0])
    assert ("Code128", "SF1234567890126") in found


def test_preview_shows_the_page_and_stores_nothing(shop, qtbot):
    from app.documents.waybill import preview_waybills
    from ui.dialogs.waybill_preview import WaybillPreviewDialog

    shop("8805001")
    with shop.db.transaction() as session:
        from app.shipping.tracking import assign

        assign(
            session,
            session.scalar(select(Order).where(Order.order_no == "8805001")),
            "SF",
            "SF1234567890127",
        )
    dialog = WaybillPreviewDialog(preview_waybills(shop.db, ["8805001"]))
    qtbot.addWidget(dialog)
    assert len(dialog.page_labels) == 1
    pixmap = dialog.page_labels[0].pixmap()
    assert pixmap.height() / pixmap.width() == pytest.approx(180 / 100, rel=0.01)
    with shop.db.reading() as session:
        order = session.scalar(select(Order).where(Order.order_no == "8805001"))
        assert order.status == "packed"


def test_handover_window_reopened_goes_on_with_the_unfinished_handover(shop, qtbot):
    shop("8804001")
    shop("8804002")
    render_waybills(shop.db, ["8804001"], tracking="73100000000031", carrier="ZTO")
    render_waybills(shop.db, ["8804002"], tracking="73100000000032", carrier="ZTO")
    first = HandoverWindow(shop.db)
    qtbot.addWidget(first)
    first.carrier_box.setCurrentIndex(first.carrier_box.findData("ZTO"))
    first.start_button.click()
    qtbot.keyClicks(first.scan_box, "73100000000031")
    qtbot.keyClick(first.scan_box, Qt.Key.Key_Return)
    first.close()

    second = HandoverWindow(shop.db)
    qtbot.addWidget(second)
    second.carrier_box.setCurrentIndex(second.carrier_box.findData("ZTO"))
    second.start_button.click()

    assert "还没有完成，继续在这张单上扫描" in second.message.text()
    assert "应交 2 件，已扫 1 件" in second.counts.text()
    assert second.handover_id == first.handover_id


def test_closing_names_a_parcel_cancelled_after_it_was_scanned(shop, qtbot, tmp_path):
    from app.intake import stop_list

    shop("8805001")
    render_waybills(shop.db, ["8805001"], tracking="73100000000151", carrier="ZTO")
    window = HandoverWindow(shop.db)
    qtbot.addWidget(window)
    window.carrier_box.setCurrentIndex(window.carrier_box.findData("ZTO"))
    window.start_button.click()
    qtbot.keyClicks(window.scan_box, "73100000000151")
    qtbot.keyClick(window.scan_box, Qt.Key.Key_Return)
    with shop.db.transaction() as session:
        order = session.scalar(select(Order).where(Order.order_no == "8805001"))
        stop_list.stop(session, order.id, "买家已在平台取消")

    window.close_to(str(tmp_path / "m.pdf"))

    assert "已从清单拿掉，请从快递员处取回：73100000000151（8805001）" in window.message.text()
    assert (tmp_path / "m.pdf").read_bytes().startswith(b"%PDF")
