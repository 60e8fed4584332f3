"""The tracking window: the queue fills off-thread, actions update it, feedback is logged."""

from __future__ import annotations

from datetime import UTC, datetime

from aftercare_data import busy_day, shipped_parcel
from PySide6.QtCore import Qt

from app.tracking.events import add_event
from ui.models.exception_queue import Column
from ui.windows.tracking import TrackingWindow


def _window(qtbot, db) -> TrackingWindow:
    window = TrackingWindow(db)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.loaded, timeout=5000)
    return window


def test_queue_lists_the_refused_parcel_and_closes_it_with_an_outcome(qtbot, db) -> None:
    with db.transaction() as session:
        shipped_parcel(session, shipped_at=datetime.now(UTC))
    add_event(db, "SF1234567890123", "拒收", at=datetime.now(UTC))
    window = _window(qtbot, db)

    model = window.model
    assert model.rowCount() == 1
    assert model.index(0, Column.RULE).data() == "客户拒收"
    assert model.index(0, Column.CUSTOMER).data() == "林小雨"
    assert window.parcel.events.rowCount() == 1  # the timeline of the selected parcel

    window.words.setText("网点说客户不在家")
    qtbot.mouseClick(_button(window, "记录致电快递"), Qt.MouseButton.LeftButton)
    assert model.index(0, Column.ACTIONS).data() == "已致电快递"

    qtbot.mouseClick(_button(window, "关闭（填写结果）"), Qt.MouseButton.LeftButton)
    assert "处理结果" in window.message.text()  # empty outcome refused
    window.words.setText("已退回仓库")
    qtbot.mouseClick(_button(window, "关闭（填写结果）"), Qt.MouseButton.LeftButton)
    assert model.rowCount() == 0


def test_feedback_tab_logs_feedback_and_a_compensation(qtbot, db) -> None:
    with db.transaction() as session:
        shipped_parcel(session)
    window = _window(qtbot, db)
    panel = window.feedback

    panel.order_no.setText("T1001")
    panel.category.setCurrentIndex(panel.category.findData("damage"))
    panel.text.setPlainText("罐子压坏了")
    panel.save_feedback()
    assert "打包人 王打包" in panel.message.text()
    assert panel.cause.currentData() == "packing"
    assert "王打包 破损 1 次" in panel.patterns.text()

    panel.value.setText("80")
    panel.kind.setCurrentIndex(panel.kind.findData("refund"))
    panel.save_compensation()
    assert panel.pending.item(0, 5).text() == "待主管审批"


def test_screenshot_with_chinese(qtbot, db, tmp_path) -> None:
    from PySide6.QtGui import QFontDatabase

    from app.config import resources_dir

    QFontDatabase.addApplicationFont(str(resources_dir() / "fonts" / "wqy-microhei.ttc"))
    busy_day(db)
    window = _window(qtbot, db)
    window.resize(1200, 700)
    window.show()
    qtbot.waitExposed(window)
    assert window.grab().save(str(tmp_path / "tracking.png"))


def _button(window: TrackingWindow, text: str):
    from PySide6.QtWidgets import QPushButton

    return next(b for b in window.findChildren(QPushButton) if b.text() == text)


def test_supervisor_changes_a_threshold_in_the_window(qtbot, db) -> None:
    from app.tracking.rule_settings import rule_settings

    window = _window(qtbot, db)
    window.rules.stalled.setValue(36)
    window.rules.limit.setValue(80.5)
    window.rules.save()
    with db.reading() as session:
        saved = rule_settings(session)
    assert (saved.stalled_hours, str(saved.approval_limit)) == (36, "80.50")
