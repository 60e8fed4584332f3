"""The Returns window: list by state, the steps of a return, scanning and grading by keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.returns.request import ReturnLineInput, create_return
from app.returns.review import review_return
from ui.models.returns_table import Column
from ui.windows.returns import ReturnsWindow


def _setup(rshop) -> tuple[str, str, str]:
    code = rshop.product("MUG-01", name="陶瓷马克杯")
    order_no = rshop.shipped_order(("MUG-01", 2, "35.00"), postage="8.00")
    approved = create_return(
        rshop.db, order_no, [ReturnLineInput("MUG-01", 1, "damaged")], notify=False
    ).rma_no
    review_return(
        rshop.db, approved, approve=True, reason="运输破损，同意退货", override=True, notify=False
    )
    waiting = create_return(
        rshop.db, order_no, [ReturnLineInput("MUG-01", 1, "other")], notify=False
    ).rma_no
    return code, approved, waiting


def test_list_by_state_with_ages_and_steps_with_users(rshop, qtbot) -> None:
    _, approved, waiting = _setup(rshop)
    window = ReturnsWindow(rshop.db)
    qtbot.addWidget(window)

    model = window.model
    assert model.rowCount() == 2
    assert model.index(0, Column.STATE).data() == "已申请"
    assert model.index(0, Column.AGE).data().endswith("分钟")

    window.tabs.setCurrentIndex(2)  # 已同意
    assert [model.summary(r).rma_no for r in range(model.rowCount())] == [approved]

    window.table.selectRow(0)
    text = window.detail.toPlainText()
    assert "运输破损，同意退货" in text and "tester" in text and "审核同意" in text
    assert window.buttons["ship"].isEnabled() and not window.buttons["approve"].isEnabled()


def test_receiving_by_scanner_then_refund(rshop, qtbot, monkeypatch) -> None:
    code, approved, _ = _setup(rshop)
    window = ReturnsWindow(rshop.db)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    scan = window.receiving.scan

    for typed in (approved, code, "6900000000000"):
        qtbot.keyClicks(scan, typed)
        qtbot.keyClick(scan, Qt.Key.Key_Return)

    assert window._detail.rma_no == approved
    assert "校验位错误" in window.receiving.result.text()
    units = window.receiving.units
    assert [units.item(r, 3).text() for r in range(units.rowCount())] == ["预期", "意外"]

    scan.setFocus()
    qtbot.keyClick(scan, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window._detail.state == "inspected")
    assert window.buttons["refund"].isEnabled()

    monkeypatch.setattr(window, "_confirm", lambda title, text: "合计退款 ¥35.00" in text)
    window.buttons["refund"].click()
    assert window._detail.state == "refunded"
    assert "退款：¥35.00" in window.detail.toPlainText()


def test_new_return_dialog_finds_the_order_by_tracking_number(rshop, qtbot) -> None:
    from ui.dialogs.return_request import QTY, REASON, ReturnRequestDialog

    rshop.product("TEE-RED-M", name="纯棉T恤 红色 M")
    rshop.shipped_order(("TEE-RED-M", 2, "59.00"), tracking_no="75312345678901")
    dialog = ReturnRequestDialog(rshop.db)
    qtbot.addWidget(dialog)

    qtbot.keyClicks(dialog.code, "75312345678901")
    qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    assert dialog.lines.item(0, 2).text() == "2/2"
    dialog.lines.cellWidget(0, QTY).setValue(1)
    reason = dialog.lines.cellWidget(0, REASON)
    reason.setCurrentIndex(reason.findData("quality"))
    dialog.submit()

    assert dialog.created is not None
    assert [(ln.sku, ln.quantity, ln.reason_label) for ln in dialog.created.lines] == [
        ("TEE-RED-M", 1, "质量问题")
    ]


def test_review_from_the_window_tells_the_customer(rshop, qtbot, monkeypatch) -> None:
    _, _, waiting = _setup(rshop)
    window = ReturnsWindow(rshop.db)
    qtbot.addWidget(window)
    window.open_return(waiting)

    monkeypatch.setattr(window, "_ask_text", lambda title, label: "商品已拆封使用")
    window.buttons["reject"].click()

    assert window._detail.state == "rejected"
    assert "商品已拆封使用" in window.detail.toPlainText()
    assert not window.buttons["approve"].isEnabled()
