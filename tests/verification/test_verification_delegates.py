"""Clicking a finding opens the phone or address delegate; what it saves clears the finding."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from app.orders.queries import order_detail
from app.verification.service import verify_orders
from ui.widgets.address_delegate import AddressEditor
from ui.widgets.phone_delegate import PhoneEditor
from ui.windows.verification import Recipient, VerificationWindow


def _detail(db, order_no):
    with db.reading() as session:
        return order_detail(session, order_no)


def _open_window(shop, qtbot) -> VerificationWindow:
    verify_orders(shop)
    window = VerificationWindow(shop)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.queue.setCurrentRow(0)
    return window


def _click_finding(window, qtbot, field: str) -> None:
    """Click the finding that points at `field`, as a clerk would, with the mouse."""
    row = next(
        i for i in range(window.findings.count()) if window.findings.item(i).data(256) == field
    )
    rect = window.findings.visualItemRect(window.findings.item(row))
    qtbot.mouseClick(window.findings.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _editor(window, kind):
    editors = window.recipient.viewport().findChildren(kind)
    return editors[0] if editors else None


def _button(window, text: str) -> QPushButton:
    return next(b for b in window.findChildren(QPushButton) if b.text() == text)


def _hold_reasons(db, order_no) -> list[str]:
    return [f.reason for f in _detail(db, order_no).findings if f.severity == "hold"]


def test_phone_delegate_refuses_a_bad_number_inline_and_saves_it_normalised(
    make_order, shop, qtbot
) -> None:
    make_order(order_no="D-PH", phone="1390000000")
    window = _open_window(shop, qtbot)

    _click_finding(window, qtbot, "phone")
    qtbot.waitUntil(lambda: _editor(window, PhoneEditor) is not None)
    editor = _editor(window, PhoneEditor)
    qtbot.waitUntil(editor.hasFocus)
    assert editor.text() == "1390000000"
    assert editor.error.isVisible() and "11位" in editor.error.text()

    editor.selectAll()
    qtbot.keyClicks(editor, "+86 139-0000-000")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert _editor(window, PhoneEditor) is editor, "a refused number keeps the editor open"
    assert _detail(shop, "D-PH").phone == "1390000000"

    qtbot.keyClicks(editor, "2")
    assert not editor.error.isVisible()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _editor(window, PhoneEditor) is None)
    assert window.recipient.item(Recipient.PHONE, 0).text() == "13900000002"
    assert _detail(shop, "D-PH").phone == "13900000002"

    qtbot.mouseClick(_button(window, "重新审核"), Qt.MouseButton.LeftButton)
    assert _hold_reasons(shop, "D-PH") == []
    assert _detail(shop, "D-PH").status == "verified"

    window.undo_stack.undo()
    assert _detail(shop, "D-PH").phone == "1390000000"


def test_address_delegate_splits_a_pasted_address_and_saves_the_corrected_parts(
    make_order, shop, qtbot
) -> None:
    make_order(order_no="D-AD", address_raw="爱涛路19号")
    window = _open_window(shop, qtbot)
    assert "找不到省份和城市" in " ".join(_hold_reasons(shop, "D-AD"))

    _click_finding(window, qtbot, "address")
    qtbot.waitUntil(lambda: _editor(window, AddressEditor) is not None)
    editor = _editor(window, AddressEditor)
    qtbot.waitUntil(editor.raw.hasFocus)
    assert "找不到省份和城市" in editor.status.text()

    QApplication.clipboard().setText("浙江省杭州市体育场路19号")
    editor.raw.selectAll()
    editor.raw.paste()
    assert (editor.province.text(), editor.city.text(), editor.district.text()) == (
        "浙江省",
        "杭州市",
        "",
    )
    assert editor.detail.text() == "体育场路19号"
    assert "缺少区县" in editor.status.text()

    qtbot.mouseClick(editor.district, Qt.MouseButton.LeftButton)
    editor.district.insert("拱墅区")  # typed: QTest sends Latin keys only
    assert "拱墅区（330105）" in editor.status.text()
    qtbot.keyClick(editor.district, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _editor(window, AddressEditor) is None)
    assert _detail(shop, "D-AD").address_raw == "浙江省 杭州市 拱墅区 体育场路19号"

    qtbot.mouseClick(_button(window, "重新审核"), Qt.MouseButton.LeftButton)
    fixed = _detail(shop, "D-AD")
    assert fixed.status == "verified" and _hold_reasons(shop, "D-AD") == []
    assert (fixed.district, fixed.district_code, fixed.address_detail) == (
        "拱墅区",
        "330105",
        "体育场路19号",
    )

    window.undo_stack.undo()
    assert _detail(shop, "D-AD").address_raw == "爱涛路19号"


def test_an_untouched_address_editor_saves_nothing(make_order, shop, qtbot) -> None:
    """Opening and leaving the editor must not rewrite the platform's address text."""
    make_order(order_no="D-NO", address_raw="爱涛路19号")
    window = _open_window(shop, qtbot)
    _click_finding(window, qtbot, "address")
    qtbot.waitUntil(lambda: _editor(window, AddressEditor) is not None)
    qtbot.keyClick(_editor(window, AddressEditor).raw, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _editor(window, AddressEditor) is None)
    assert _detail(shop, "D-NO").address_raw == "爱涛路19号"
    assert window.undo_stack.count() == 0
