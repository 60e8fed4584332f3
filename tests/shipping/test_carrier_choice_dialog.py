"""The clerk's carrier choice dialog: the suggestion preselected, overrides need a reason."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialog

from app.shipping.decisions import current_choice
from app.shipping.selection import rank_order
from ui.dialogs.carrier_choice import CarrierChoiceDialog
from ui.windows.waybills import WaybillsWindow

XINJIANG = dict(province="新疆维吾尔自治区", city="乌鲁木齐市", district="天山区")


def _dialog(qtbot, db, order_no: str) -> CarrierChoiceDialog:
    dialog = CarrierChoiceDialog(db, order_no)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_suggested_carrier_and_service_are_preselected(shop, qtbot):
    shop("7801001", remark="请发顺丰", **XINJIANG)
    suggested = next(r for r in rank_order(shop.db, "7801001") if r.eligible)
    dialog = _dialog(qtbot, shop.db, "7801001")

    assert dialog.selected_rank().code == suggested.code == "SF"
    assert dialog.selected_service() == suggested.service
    assert dialog.ok_button.isEnabled() and dialog.problem_label.text() == ""
    assert "顺丰速运" in dialog.suggestion_label.text()
    names = [dialog.service_box.itemData(i) for i in range(dialog.service_box.count())]
    assert names == ["顺丰特快", "顺丰标快", "顺丰电商标快"]


def test_accepting_the_suggestion_stores_it_without_a_reason(shop, qtbot):
    shop("7801002", remark="请发顺丰", **XINJIANG)
    dialog = _dialog(qtbot, shop.db, "7801002")
    service = dialog.selected_service()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == QDialog.DialogCode.Accepted
    stored = current_choice(shop.db, "7801002")
    assert (stored.carrier, stored.service, stored.overridden) == ("SF", service, False)


def test_another_carrier_without_a_reason_is_refused_in_the_dialog(shop, qtbot):
    shop("7801003", remark="请发顺丰", **XINJIANG)
    dialog = _dialog(qtbot, shop.db, "7801003")
    dialog.select_carrier("ZTO")

    assert dialog.selected_service() == "标准快递"
    assert not dialog.ok_button.isEnabled()
    assert "请写明原因" in dialog.problem_label.text()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and current_choice(shop.db, "7801003") is None


def test_another_service_of_the_suggested_carrier_also_needs_a_reason(shop, qtbot):
    shop("7801004", remark="请发顺丰", **XINJIANG)
    dialog = _dialog(qtbot, shop.db, "7801004")
    other = next(n for n in ("顺丰标快", "顺丰特快") if n != dialog.selected_service())
    dialog.select_service(other)
    assert not dialog.ok_button.isEnabled()

    dialog.reason_edit.setText("买家电话要求加急")  # typed through the input method
    assert dialog.ok_button.isEnabled() and dialog.problem_label.text() == ""
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    stored = current_choice(shop.db, "7801004")
    assert (stored.carrier, stored.service) == ("SF", other)
    assert stored.overridden and stored.reason == "买家电话要求加急"


def test_an_override_with_a_reason_is_stored(shop, qtbot):
    shop("7801005", remark="请发顺丰", **XINJIANG)
    dialog = _dialog(qtbot, shop.db, "7801005")
    dialog.select_carrier("EMS")
    dialog.select_service("邮政快递包裹")
    dialog.reason_edit.setText("顺丰今天不来收件")  # typed through the input method
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == QDialog.DialogCode.Accepted
    stored = current_choice(shop.db, "7801005")
    assert (stored.carrier, stored.service, stored.suggested) == ("EMS", "邮政快递包裹", "SF")
    assert stored.overridden and stored.reason == "顺丰今天不来收件"


def test_a_carrier_that_cannot_take_the_parcel_is_greyed_and_says_why(shop, qtbot):
    shop("7801006", province="西藏自治区", city="阿里地区", district="噶尔县")
    dialog = _dialog(qtbot, shop.db, "7801006")
    assert dialog.selected_rank().code == "EMS"
    row = dialog.model.row_of("ZTO")
    assert dialog.model.index(row, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    dialog.select_carrier("ZTO")
    assert "不送达 西藏自治区阿里地区" in dialog.problem_label.text()


def test_the_print_queue_opens_the_choice_for_the_selected_order(shop, qtbot, monkeypatch):
    shop("7801007")
    opened = []
    monkeypatch.setattr(
        CarrierChoiceDialog, "exec", lambda self: opened.append(self.order_no) or 0
    )
    window = WaybillsWindow(shop.db)
    qtbot.addWidget(window)
    window.table.selectionModel().select(
        window.model.index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    qtbot.mouseClick(window.buttons["carrier"], Qt.MouseButton.LeftButton)
    assert opened == ["7801007"]


def test_a_labelled_order_shows_its_carrier_and_number(shop, qtbot):
    from app.documents.waybill import render_waybills

    shop("7801011")
    render_waybills(shop.db, ["7801011"], tracking="73100000000099", carrier="ZTO")
    dialog = _dialog(qtbot, shop.db, "7801011")

    assert dialog.current_label.isVisible()
    assert (
        dialog.current_label.text()
        == "当前：中通快递 标准快递，运单号 73100000000099（面单已打印）"
    )


def test_when_every_carrier_is_late_the_suggestion_says_so(shop, qtbot):
    from datetime import UTC, datetime, timedelta

    shop("7801012", paid_at=datetime.now(UTC) - timedelta(days=30), **XINJIANG)
    dialog = _dialog(qtbot, shop.db, "7801012")

    assert not dialog.current_label.isVisible()
    assert "所有快递都晚于承诺的送达日期，请告知客户" in dialog.suggestion_label.text()
    shop("7801013", **XINJIANG)
    assert "请告知客户" not in _dialog(qtbot, shop.db, "7801013").suggestion_label.text()
