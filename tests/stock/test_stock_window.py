"""The Stock window: figures per product, the filter, and the detail with ledger and chart."""

from __future__ import annotations

from app.stock.planning import set_plan
from ui.models.stock_table import Column
from ui.windows.stock import StockWindow


def test_window_lists_figures_filters_and_shows_the_ledger(db, shop, qtbot):
    shop.product("TEA-1", on_hand=5, name="龙井茶", bin="A-01")
    shop.product("CUP-1", on_hand=40, name="马克杯", bin="B-02")
    with db.transaction() as session:
        set_plan(session, "TEA-1", reorder_point=10, safety_stock=2)

    window = StockWindow(db)
    qtbot.addWidget(window)
    model = window.model

    assert model.rowCount() == 2
    tea = model.index(1, 0)
    assert model.data(tea) == "TEA-1"
    assert model.data(model.index(1, Column.AVAILABLE)) == 5
    assert model.data(model.index(1, Column.REORDER_POINT)) == 10
    assert model.data(model.index(1, Column.ALERT)) == "到达补货点"

    qtbot.keyClicks(window.filter_edit, "tea")
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert model.data(model.index(0, Column.SKU)) == "TEA-1"
    window.filter_edit.setText("马克")  # Chinese arrives through the input method, not keys
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.row_at(0).sku == "CUP-1")
    window.filter_edit.setText("龙井")
    qtbot.waitUntil(lambda: model.rowCount() == 1 and model.row_at(0).sku == "TEA-1")

    window.table.selectRow(0)
    qtbot.waitUntil(lambda: window.detail.moves.rowCount() == 1)
    assert "TEA-1" in window.detail.title.text()
    assert window.detail.moves.data(window.detail.moves.index(0, 1)) == "入库"
    assert len(window.detail.chart.chart().series()) == 2


def test_alerts_only_and_refresh_in_the_background(db, shop, qtbot):
    shop.product("TEA-1", on_hand=5)
    shop.product("CUP-1", on_hand=40)
    with db.transaction() as session:
        set_plan(session, "TEA-1", reorder_point=10)

    window = StockWindow(db)
    qtbot.addWidget(window)
    window.alerts_only.setChecked(True)
    assert window.model.rowCount() == 1

    window.refresh_button.click()
    qtbot.waitUntil(lambda: window.refresh_button.isEnabled(), timeout=10000)
    assert window.model.data(window.model.index(0, Column.ABC)) == "C"


def test_cycle_count_dialog_counts_by_scanning_and_needs_a_supervisor(db, shop, qtbot):
    from PySide6.QtCore import Qt

    from app.stock.figures import stock_of
    from ui.dialogs.cycle_count import CycleCountDialog

    pid = shop.product("CUP-1", on_hand=3, bin="A-01")
    dialog = CycleCountDialog(db)
    qtbot.addWidget(dialog)
    dialog.bin_box.setCurrentText("A-01")
    dialog.start_button.click()
    assert dialog.scan_edit.isEnabled()

    for _ in range(2):
        qtbot.keyClicks(dialog.scan_edit, "CUP-1")
        qtbot.keyClick(dialog.scan_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.scan_edit, "NOPE-9")
    qtbot.keyClick(dialog.scan_edit, Qt.Key.Key_Return)
    assert "NOPE-9" in dialog.message.text()
    assert dialog.lines.data(dialog.lines.index(0, 4)) == "-1"

    dialog.approve_button.click()
    assert "主管" in dialog.message.text() and dialog.approve_button.isEnabled()

    dialog.supervisor_edit.setText("主管老周")
    dialog.reason_edit.setText("月度盘点")
    dialog.approve_button.click()
    assert not dialog.approve_button.isEnabled()
    with db.reading() as session:
        assert stock_of(session, pid).on_hand == 2


def test_receive_dialog_books_goods_in_dozens_and_saves_the_slip(
    db, shop, qtbot, tmp_path, monkeypatch
):
    import pypdf
    from PySide6.QtWidgets import QFileDialog

    from app.stock.figures import stock_of
    from ui.dialogs.receive_goods import ReceiveGoodsDialog

    pid = shop.product("SOCK-1", name="棉袜")
    slip = tmp_path / "slip.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(slip), ""))
    dialog = ReceiveGoodsDialog(db, sku="SOCK-1")
    qtbot.addWidget(dialog)
    dialog.quantity.setValue(2)
    dialog.unit_edit.setText("打")
    dialog.bin_edit.setText("C-01")

    dialog.ok_button.click()

    assert "24" in dialog.message.text()
    with db.reading() as session:
        assert stock_of(session, pid).on_hand == 24
    text = pypdf.PdfReader(slip).pages[0].extract_text()
    assert "入库单" in text and "SOCK-1" in text and "C-01" in text
