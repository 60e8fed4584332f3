"""The carrier catalogue window: edit a table or the header, save, read the service back."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from app.db.engine import Database
from app.shipping.catalogue_edit import carrier_detail, carrier_summaries
from ui.windows.carriers import CarriersWindow


def _window(qtbot, db: Database) -> CarriersWindow:
    window = CarriersWindow(db)
    qtbot.addWidget(window)
    return window


def _rate_row(window: CarriersWindow, zone: int) -> int:
    table = window.tables["rates"].table
    return next(r for r in range(table.rowCount()) if table.item(r, 0).text() == str(zone))


def test_a_rate_edited_in_the_window_is_saved(qtbot, db: Database) -> None:
    window = _window(qtbot, db)
    assert window.detail.code == "SF"
    table = window.tables["rates"].table
    row = _rate_row(window, 3)
    assert table.item(row, 2).text() == "18.00"

    table.item(row, 2).setText("21.50")
    assert window.has_unsaved_changes()
    qtbot.mouseClick(window.tables["rates"].save_button, Qt.MouseButton.LeftButton)

    rate = next(r for r in carrier_detail(db, "SF").rates if r.zone == 3)
    assert rate.first_price == Decimal("21.50")
    assert "已保存" in window.message.text()
    assert not window.has_unsaved_changes()


def test_a_bad_rate_is_refused_in_the_red_line_and_nothing_is_stored(qtbot, db) -> None:
    window = _window(qtbot, db)
    table = window.tables["rates"].table
    table.item(_rate_row(window, 2), 3).setText("三块")
    window.tables["rates"].save_requested.emit()

    assert window.message.text() == "快递公司 SF 价格表第 2 行的续重价（每 kg）：「三块」不是金额"
    assert "c62828" in window.message.styleSheet()
    assert next(r for r in carrier_detail(db, "SF").rates if r.zone == 2).extra_price_per_kg == (
        Decimal("3.00")
    )


def test_a_bad_cutoff_never_reaches_the_catalogue(qtbot, db: Database) -> None:
    """The cut-off is a time edit: "25:00" cannot be typed, so the stored time stays real."""
    window = _window(qtbot, db)
    form = window.header_form
    form.cutoff.setFocus()
    form.cutoff.selectAll()
    qtbot.keyClicks(form.cutoff, "2500")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    cutoff = carrier_detail(db, "SF").header.cutoff
    assert cutoff != "25:00"
    hour, minute = (int(p) for p in cutoff.split(":"))
    assert 0 <= hour <= 23 and 0 <= minute <= 59


def test_a_header_value_the_service_refuses_shows_its_message(qtbot, db: Database) -> None:
    window = _window(qtbot, db)
    window.header_form.max_weight.setValue(0)
    window.header_form.cutoff.setTime(window.header_form.cutoff.time().addSecs(-3600))
    window.save_header()

    assert window.message.text() == "快递公司 SF 的最大重量（kg）：重量 0 必须大于 0"
    header = carrier_detail(db, "SF").header
    assert header.max_weight == Decimal("50.000") and header.cutoff == "18:00"


def test_header_fields_are_saved(qtbot, db: Database) -> None:
    window = _window(qtbot, db)
    form = window.header_form
    form.weekdays[6].setChecked(False)
    form.cutoff.setTime(form.cutoff.time().addSecs(-5400))
    spring = form.holidays.item(1)
    assert spring.text() == "春节"
    spring.setCheckState(Qt.CheckState.Checked)
    form.mask.setChecked(True)
    window.save_header()

    header = carrier_detail(db, "SF").header
    assert (header.pickup_days, header.cutoff) == ("123456", "16:30")
    assert header.closed_holidays == ("Spring Festival",) and header.mask_privacy


def test_switching_carrier_with_unsaved_edits_asks_first(qtbot, db: Database) -> None:
    window = _window(qtbot, db)
    window.tables["destinations"].table.item(0, 2).setText("4")
    answers = []
    window.confirm_discard = lambda: answers.append("asked") or False

    window.carrier_list.selectRow(1)
    assert answers == ["asked"]
    assert window.detail.code == "SF" and window.current_code() == "SF"
    assert window.tables["destinations"].table.item(0, 2).text() == "4"

    window.confirm_discard = lambda: True
    window.carrier_list.selectRow(1)
    assert window.detail.code == "JD"
    assert not window.has_unsaved_changes()


def test_a_carrier_added_in_the_window_is_listed_inactive(qtbot, db: Database) -> None:
    window = _window(qtbot, db)
    window.new_code.setText("KYE")
    window.new_name.setText("跨越速运")
    qtbot.mouseClick(window.add_button, Qt.MouseButton.LeftButton)

    assert window.detail.code == "KYE" and window.current_code() == "KYE"
    last = window.carrier_list.rowCount() - 1
    assert [window.carrier_list.item(last, c).text() for c in range(3)] == [
        "KYE",
        "跨越速运",
        "停用",
    ]
    # Codes are upper case wherever they are typed: " kye " is the KYE just added.
    window.new_code.setText(" kye ")
    window.new_name.setText("跨越")
    window.add_carrier()
    assert "KYE 已经存在（跨越速运）" in window.message.text()
    window.new_code.setText("k-y")
    window.add_carrier()
    assert "代码「k-y」应为" in window.message.text()


def test_a_carrier_nobody_used_can_be_removed_but_not_one_in_use(qtbot, db, tmp_path) -> None:
    from app.shipping.tracking_pool import import_pool

    numbers = tmp_path / "sf.txt"
    numbers.write_text("SF1234567890123\n", encoding="utf-8")
    import_pool(db, "SF", numbers)
    window = _window(qtbot, db)
    window.new_code.setText("KYE")
    window.new_name.setText("跨越速运")
    window.add_carrier()
    codes = [window.carrier_list.item(r, 0).text() for r in range(window.carrier_list.rowCount())]

    window.confirm_remove = lambda code: False
    qtbot.mouseClick(window.remove_button, Qt.MouseButton.LeftButton)
    assert window.carrier_list.rowCount() == len(codes)

    window.confirm_remove = lambda code: code == "KYE"
    window.remove_carrier()
    assert window.message.text() == "已删除快递公司 KYE"
    left = [window.carrier_list.item(r, 0).text() for r in range(window.carrier_list.rowCount())]
    assert left == [c for c in codes if c != "KYE"]
    assert window.detail.code == left[0]

    window.select_carrier("SF")
    window.confirm_remove = lambda code: True
    window.remove_carrier()
    assert window.message.text() == "快递公司 SF：已有号池运单号使用它，不能删除，请改为停用"
    assert window.detail.code == "SF" and "SF" in [s.code for s in carrier_summaries(db)]


def test_the_closures_offer_the_yearly_holidays_only(qtbot, db: Database) -> None:
    form = _window(qtbot, db).header_form
    offered = [form.holidays.item(i).text() for i in range(form.holidays.count())]

    assert "春节" in offered and "中秋节" in offered and len(offered) == 7
    assert not [name for name in offered if "周年" in name]
