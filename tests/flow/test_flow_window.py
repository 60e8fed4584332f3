"""The Flow window: the chart with live figures, clicks that open the orders of a step."""

from __future__ import annotations

from flow_fixture import DAY, NOW
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor

from app.db.models import Order
from app.flow.figures import day_range
from app.flow.steps import STEPS
from app.flow.targets import current_targets
from app.orders.status import Status, move
from ui.dialogs.flow_targets import FlowTargetsDialog
from ui.windows.flow import FlowWindow


def _window(qtbot, db) -> FlowWindow:
    window = FlowWindow(db)
    qtbot.addWidget(window)
    window.first.setDate(QDate(DAY.year, DAY.month, DAY.day))
    window.last.setDate(QDate(DAY.year, DAY.month, DAY.day))
    window.resize(1300, 800)
    window.show()
    qtbot.waitUntil(
        lambda: (
            window.figures is not None
            and not window._busy
            and window.figures.start == day_range(DAY, DAY, NOW)[0]
        ),
        timeout=5000,
    )
    return window


def test_window_draws_every_step_with_its_figures(qtbot, flow_db) -> None:
    window = _window(qtbot, flow_db)
    assert set(window.scene.node_items) == {s.key for s in STEPS}
    slowest = window.scene.node_items[window.figures.slowest]
    assert slowest.pen().color() == QColor("#c62828")
    assert window.why.text().startswith("最慢")
    words = [item.text() for item in window.scene.items() if hasattr(item, "text")]
    assert "中位 2.0 小时" in words  # verification of the fixture day


def test_clicking_a_step_asks_for_its_orders(qtbot, flow_db) -> None:
    window = _window(qtbot, flow_db)
    item = window.scene.node_items["confirmation"]
    centre = window.view.mapFromScene(item.sceneBoundingRect().center())
    with qtbot.waitSignal(window.step_activated, timeout=1000) as signal:
        qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert signal.args == ["verified"]
    assert window.status_filter_for("paid") == "held"


def test_a_step_without_a_state_emits_nothing(qtbot, flow_db) -> None:
    window = _window(qtbot, flow_db)
    with qtbot.assertNotEmitted(window.step_activated):
        window.open_step("packaging")
    assert "选包装" in window.state.text()


def test_window_refreshes_when_an_order_moves(qtbot, flow_db) -> None:
    window = _window(qtbot, flow_db)
    assert window._timer.isActive()
    before = window.figures.step("verification").in_now

    with flow_db.transaction() as session:
        order = session.query(Order).filter_by(order_no="D").one()
        move(order, Status.VERIFIED, user="审单员李", at=NOW)

    window.poll()
    qtbot.waitUntil(lambda: window.figures.step("verification").in_now == before - 1, timeout=5000)


def test_targets_dialog_saves_and_the_sheet_follows(qtbot, flow_db) -> None:
    window = _window(qtbot, flow_db)
    dialog = FlowTargetsDialog(flow_db, window)
    qtbot.addWidget(dialog)
    assert dialog.spins["verification"].value() == 2
    dialog.spins["backorder"].setValue(1)
    dialog.spins["packing"].setValue(0)
    dialog.save()
    assert current_targets(flow_db)["backorder"] == 1
    assert current_targets(flow_db)["packing"] is None

    window.refresh()
    qtbot.waitUntil(
        lambda: not window._busy and window.figures.slowest == "backorder", timeout=5000
    )
    assert "VASE-GL-30" in window.why.text()
