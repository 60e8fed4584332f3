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
