"""The Flow window: the whole shipping process with what waits where, for a supervisor.

The chart is the printed flow sheet's layout in a QGraphicsView. Clicking a step emits
`step_activated(status)` so the main window can open the Orders window filtered to the orders
in that step. The window re-reads its figures when orders change: a timer polls a cheap
fingerprint (the newest event ids) and recomputes only when it moved.
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.config import desk_timezone
from app.db.engine import Database
from app.documents.flow_sheet import flow_sheet_pdf
from app.errors import PackDeskError
from app.flow.annotations import exception_words, step_lines
from app.flow.figures import FlowFigures, flow_figures, last_change
from app.flow.layout import ALERT_COLOUR, build_layout
from app.flow.steps import STEP_BY_KEY
from ui.dialogs.flow_targets import FlowTargetsDialog
from ui.widgets.flow_scene import FlowScene
from ui.worker import run_in_thread

log = logging.getLogger(__name__)

POLL_MS = 5000


class FlowView(QGraphicsView):
    """Keeps the whole chart in sight whatever the window size."""

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)


class FlowWindow(QWidget):
    step_activated = Signal(str)

    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self._db = db
        self.figures: FlowFigures | None = None
        self._fingerprint: tuple[int, int, int] | None = None
        self._busy = False
        # A refresh asked for while one runs (dates changed) runs again when it ends.
        self._again = False

        # The desk's date, not the computer's: the sheet counts days in the desk's zone.
        today = QDate(datetime.now(desk_timezone()).date())
        self.first = QDateEdit(today.addDays(-6))
        self.last = QDateEdit(today)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self.refresh)
        refresh = QPushButton(self.tr("刷新"))
        refresh.clicked.connect(self.refresh)
        print_button = QPushButton(self.tr("打印流程图…"))
        print_button.clicked.connect(self.print_sheet)
        targets_button = QPushButton(self.tr("目标时间…"))
        targets_button.clicked.connect(self.edit_targets)
        self.state = QLabel()

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("从")))
        top.addWidget(self.first)
        top.addWidget(QLabel(self.tr("到")))
        top.addWidget(self.last)
        top.addWidget(refresh)
        top.addWidget(print_button)
        top.addWidget(targets_button)
        top.addStretch(1)
        top.addWidget(self.state)

        self.scene = FlowScene(build_layout(), self.open_step, self)
        self.view = FlowView(self.scene)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.why = QLabel()
        self.why.setWordWrap(True)
        self.why.setStyleSheet("color: #c62828; font-weight: bold; padding: 4px;")
        hint = QLabel(
            self.tr(
                "点击步骤可查看停在该步骤的订单。在办 = 现在停在此步；"
                "经过、中位、P90、异常 = 所选日期内。"
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #607d8b;")

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.why)
        layout.addWidget(hint)

        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)
        self._timer.start()
        self.refresh()

    def status_filter_for(self, key: str) -> str:
        """The order state the Orders window should show for a step ("" when none)."""
        return STEP_BY_KEY[key].status_filter

    def open_step(self, key: str) -> None:
        """Ask for the orders in a step; steps without a state of their own do nothing."""
        status = self.status_filter_for(key)
        if status:
            self.step_activated.emit(status)
        else:
            self.state.setText(
                self.tr("「%1」没有自己的订单状态").replace("%1", STEP_BY_KEY[key].label)
            )

    def poll(self) -> None:
        """Recompute only when an order moved, a scan or a message was stored."""
        try:
            fingerprint = last_change(self._db)
        except PackDeskError:
            log.exception("flow poll failed")
            return
        if fingerprint != self._fingerprint:
            self.refresh()

    def refresh(self) -> None:
        if self._busy:
            self._again = True
            return
        self._busy = True
        self._again = False
        self.state.setText(self.tr("正在计算…"))
        first = self.first.date().toPython()
        last = self.last.date().toPython()

        def work():
            return last_change(self._db), flow_figures(self._db, first, last)

        run_in_thread(self, work, self._show, self._failed)

    def _show(self, result) -> None:
        self._busy = False
        self._fingerprint, figures = result
        self.figures = figures
        rows = {r.key: r for r in figures.steps}
        looks = {
            key: "slowest"
            if key == figures.slowest
            else "decision"
            if row.kind == "decision"
            else "plain"
            for key, row in rows.items()
        }
        tips = {
            key: f"{STEP_BY_KEY[key].does}\n{self.tr('异常')}: {exception_words(row)}"
            for key, row in rows.items()
        }
        self.scene.draw({k: step_lines(r) for k, r in rows.items()}, looks, tips)
        if figures.slowest:
            self.scene.mark(figures.slowest, self.tr("最慢"), ALERT_COLOUR)
        self.why.setText(self.tr("最慢（相对目标）：") + figures.why if figures.why else "")
        self.state.setText(self.tr("已更新"))
        if self._again:
            self.refresh()

    def _failed(self, error: Exception) -> None:
        self._busy = False
        self.state.setText(self.tr("计算失败：") + str(error))

    def edit_targets(self) -> None:
        """Targets live in the database, not in the fingerprint, so refresh after a save."""
        dialog = FlowTargetsDialog(self._db, self)
        if dialog.exec():
            self.refresh()

    def print_sheet(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存流程图"), "flow.pdf", self.tr("PDF 文件 (*.pdf)")
        )
        if not path:
            return
        try:
            pdf = flow_sheet_pdf(
                self._db, self.first.date().toPython(), self.last.date().toPython()
            )
        except PackDeskError as exc:
            QMessageBox.warning(self, self.tr("无法打印"), str(exc))
            return
        with open(path, "wb") as out:
            out.write(pdf)
        self.state.setText(self.tr("已保存 ") + path)
