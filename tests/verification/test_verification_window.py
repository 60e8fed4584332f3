"""The verification window: held queue, finding focus, edit with undo, bulk verify."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.orders.queries import order_detail
from app.verification.service import verify_orders
from ui.widgets.phone_delegate import PhoneEditor
from ui.windows.outbox import OutboxWindow
from ui.windows.verification import VerificationWindow


def _status(db, order_no):
    with db.reading() as session:
        return order_detail(session, order_no)


def test_bulk_verify_runs_off_thread_and_fills_the_held_queue(make_order, shop, qtbot) -> None:
    make_order(order_no="W-OK")
    make_order(order_no="W-BAD", phone="1390000000")
    window = VerificationWindow(shop)
    qtbot.addWidget(window)
    assert window.queue.count() == 0

    window._verify_all()
    qtbot.waitUntil(lambda: window.queue.count() == 1, timeout=10000)
    assert window.queue.item(0).data(256) == "W-BAD"
    assert "11位" in window.queue.item(0).text()


def test_clicking_a_phone_finding_focuses_the_phone_and_an_edit_can_be_undone(
    make_order, shop, qtbot
) -> None:
    make_order(order_no="W-PH", phone="1390000000")
    verify_orders(shop)
    window = VerificationWindow(shop)
    qtbot.addWidget(window)
    window.show()
    window.queue.setCurrentRow(0)

    phone_item = next(
        window.findings.item(i)
        for i in range(window.findings.count())
        if window.findings.item(i).data(256) == "phone"
    )
    window._finding_clicked(phone_item)
    qtbot.waitUntil(lambda: bool(window.recipient.viewport().findChildren(PhoneEditor)))
    editor = window.recipient.viewport().findChildren(PhoneEditor)[0]

    editor.setText("13900000002")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _status(shop, "W-PH").phone == "13900000002")
    window._verify_again()
    assert _status(shop, "W-PH").status == "verified"

    window.undo_stack.undo()
    assert _status(shop, "W-PH").phone == "1390000000"


def test_history_shows_every_state_change(make_order, shop, qtbot) -> None:
    make_order(order_no="W-H", address_raw="爱涛路19号")
    verify_orders(shop)
    window = VerificationWindow(shop)
    qtbot.addWidget(window)
    window.show_order("W-H")
    lines = [window.history.item(i).text() for i in range(window.history.count())]
    assert len(lines) == 2 and "挂起" in lines[1] and "tester" in lines[1]


def test_outbox_window_lists_messages(db, qtbot) -> None:
    from app.outbox.queue import enqueue

    with db.transaction() as session:
        enqueue(session, kind="confirmation", channel="sms", body="订单已确认", recipient="139")
    window = OutboxWindow(db)
    qtbot.addWidget(window)
    assert window.table.rowCount() == 1
    assert window.table.item(0, 5).text() == "订单已确认"
    window.table.setCurrentCell(0, 0)
    window._mark_sent()
    assert window.table.item(0, 3).text() == "已发送"


def test_outbox_window_says_which_address_is_missing(db, qtbot) -> None:
    """An e-mail kept for want of an address used to read 待发送 with an empty recipient."""
    from app.outbox.queue import enqueue

    with db.transaction() as session:
        enqueue(session, kind="confirmation", channel="email", body="订单已确认")
    window = OutboxWindow(db)
    qtbot.addWidget(window)
    assert window.table.item(0, 3).text() == "无邮箱地址"
