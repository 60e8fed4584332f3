"""The Orders window finds orders by number, recipient or phone and filters by state."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from app.db.engine import Database
from app.db.models import Finding, Order, OrderLine
from app.orders.status import record_arrival
from ui.main_window import MainWindow
from ui.models.orders_table import PAGE, Column
from ui.windows.orders import OrdersWindow


def _orders(db: Database, count: int) -> None:
    with db.transaction() as session:
        for n in range(count):
            order = Order(
                platform="taobao",
                order_no=f"50000{n:05d}",
                recipient=f"测试{n}",
                phone=f"139{n:08d}",
                province="浙江省",
                city="杭州市",
                district="西湖区",
                address_detail="文一路1号",
                paid=True,
                paid_total=Decimal("12.50"),
                paid_at=datetime(2026, 11, 2, 1, 0, tzinfo=UTC),
                lines=[OrderLine(line_no=1, sku="A", quantity=1)],
            )
            record_arrival(order, user="tester")
            if n == 3:
                order.status = "held"
                order.findings.append(Finding(rule="phone", field="phone", reason="电话号码无效"))
            session.add(order)


def test_search_and_status_filter(qtbot, db: Database) -> None:
    _orders(db, 12)
    window = OrdersWindow(db)
    qtbot.addWidget(window)
    assert window.model.rowCount() == 12

    window.search.setText("5000000007")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    index = window.model.index(0, Column.ORDER_NO)
    assert window.model.data(index) == "5000000007"

    window.search.clear()
    window.show_status("held")
    assert window.model.rowCount() == 1
    reasons = window.model.data(window.model.index(0, Column.REASONS))
    assert reasons == "电话号码无效"
    assert window.model.data(window.model.index(0, Column.STATUS)) == "挂起"
    assert window.model.data(window.model.index(0, Column.PAID_AT)) == "2026-11-02 09:00"


def test_rows_are_fetched_page_by_page(qtbot, db: Database) -> None:
    _orders(db, PAGE + 50)
    window = OrdersWindow(db)
    qtbot.addWidget(window)
    assert window.model.rowCount() == PAGE
    assert window.model.total == PAGE + 50
    window.model.fetchMore(window.model.index(-1, -1))
    assert window.model.rowCount() == PAGE + 50
    numbers = {window.model.summary(r).order_no for r in range(PAGE + 50)}
    assert len(numbers) == PAGE + 50


def test_main_window_opens_every_page(qtbot, db: Database) -> None:
    from ui.main_window import PAGES, NotYetPage

    window = MainWindow(db)
    qtbot.addWidget(window)
    for page in PAGES:
        widget = window.show_page(page.key)
        assert window.stack.currentWidget() is widget
        if isinstance(widget, NotYetPage):
            assert "尚未提供" in widget.text()


def test_order_detail_prints_the_orders_flow_sheet(qtbot, db: Database, tmp_path) -> None:
    from pypdf import PdfReader

    _orders(db, 2)
    window = OrdersWindow(db)
    qtbot.addWidget(window)
    assert not window.print_flow.isEnabled()
    window.table.selectRow(0)
    assert window.print_flow.isEnabled()
    assert "5000000001" in window.detail.toPlainText()

    path = tmp_path / "flow.pdf"
    window.save_order_flow(str(path))
    text = PdfReader(path).pages[0].extract_text()
    assert "5000000001" in text
