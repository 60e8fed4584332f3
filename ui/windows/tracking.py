"""After the handover: the exception queue with its actions, parcel timelines, feedback.

The queue is refreshed off the GUI thread, because running the rules walks every parcel still
on the road. Actions take their words from one line under the queue: the carrier's answer
for a call, an extra sentence for the customer, the new address, or the outcome on closing.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import PackDeskError
from app.tracking import exception_actions as actions
from app.tracking.exception_queue import ExceptionRow, refresh_exceptions
from ui.models.exception_queue import Column, ExceptionQueueModel
from ui.widgets.feedback_panel import FeedbackPanel
from ui.widgets.parcel_timeline import ParcelTimeline
from ui.widgets.rule_settings import RuleSettingsPanel
from ui.worker import run_in_thread

log = logging.getLogger(__name__)


class TrackingWindow(QWidget):
    def __init__(self, db, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self._jobs = []
        self.loaded = False

        self.tabs = QTabWidget()
        self.tabs.addTab(self._queue_page(), self.tr("物流异常"))
        self.timeline = ParcelTimeline(db)
        self.timeline.changed.connect(self.refresh)
        self.tabs.addTab(self.timeline, self.tr("包裹轨迹"))
        self.feedback = FeedbackPanel(db)
        self.tabs.addTab(self.feedback, self.tr("客户反馈与补偿"))
        self.rules = RuleSettingsPanel(db)
        self.tabs.addTab(self.rules, self.tr("规则设置"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.refresh()

    def _queue_page(self) -> QWidget:
        self.model = ExceptionQueueModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Column.DETAIL, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._selected)

        self.words = QLineEdit()
        self.words.setPlaceholderText(self.tr("通话内容 / 给客户的补充说明 / 新地址 / 处理结果"))
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("记录致电快递"), self._call),
            (self.tr("发送客户告知"), self._update_customer),
            (self.tr("申请拦截"), self._intercept),
            (self.tr("申请改地址"), self._address),
            (self.tr("建退货单"), self._return),
            (self.tr("关闭（填写结果）"), self._close),
            (self.tr("刷新"), self.refresh),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        self.message = QLabel()
        self.message.setWordWrap(True)

        self.parcel = ParcelTimeline(self.db, editable=False)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.parcel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.words)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        return page

    def refresh(self) -> None:
        self._jobs.append(
            run_in_thread(self, lambda: refresh_exceptions(self.db), self._loaded, self._failed)
        )

    def _loaded(self, rows: list[ExceptionRow]) -> None:
        self.model.set_rows(rows)
        self.loaded = True
        self.message.setText(self.tr("未结异常 {n} 个").format(n=len(rows)))
        if rows:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _failed(self, exc: Exception) -> None:
        self.message.setText(str(exc))

    def _selected(self, current, _previous) -> None:
        row = self.model.row_at(current.row())
        if row is not None:
            self.parcel.show_parcel(row.tracking_no)

    def current(self) -> ExceptionRow | None:
        return self.model.row_at(self.table.currentIndex().row())

    def _act(self, action, *args) -> None:
        row = self.current()
        if row is None:
            self.message.setText(self.tr("请先选中一个异常"))
            return
        try:
            fresh = action(self.db, row.id, *args)
        except PackDeskError as exc:
            self.message.setText(str(exc))
            return
        self.model.replace_row(fresh)
        self.words.clear()
        self.message.setText(
            self.tr("已记录：{o} {t}").format(o=fresh.order_no, t=fresh.tracking_no)
        )

    def _call(self) -> None:
        self._act(actions.note_carrier_call, self.words.text())

    def _update_customer(self) -> None:
        self._act(actions.send_customer_update, self.words.text())

    def _intercept(self) -> None:
        self._act(actions.request_intercept, self.words.text())

    def _address(self) -> None:
        self._act(actions.request_address_change, self.words.text())

    def _return(self) -> None:
        self._act(actions.open_return, self.words.text())

    def _close(self) -> None:
        self._act(actions.close_exception, self.words.text())
