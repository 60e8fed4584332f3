"""One parcel's timeline, found by typing or scanning its tracking number.

In the full form the clerk can also add an event by hand, record a scanned delivery receipt
and import a carrier export; the compact form (beside the exception queue) only shows.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import PackDeskError
from app.tracking.events import TimelineView, add_event, scan_delivery_receipt, timeline
from app.tracking.importer import TrackingImportReport, import_tracking
from ui.format import local_time
from ui.worker import run_in_thread


def status_labels() -> dict[str, str]:
    return {
        "accepted": QCoreApplication.translate("TrackStatus", "已揽收"),
        "in_transit": QCoreApplication.translate("TrackStatus", "运输中"),
        "out_for_delivery": QCoreApplication.translate("TrackStatus", "派送中"),
        "delivered": QCoreApplication.translate("TrackStatus", "已签收"),
        "refused": QCoreApplication.translate("TrackStatus", "拒收"),
        "returned": QCoreApplication.translate("TrackStatus", "已退回"),
        "problem": QCoreApplication.translate("TrackStatus", "问题件"),
    }


def source_labels() -> dict[str, str]:
    return {
        "manual": QCoreApplication.translate("TrackSource", "手工"),
        "scan": QCoreApplication.translate("TrackSource", "扫描"),
        "import": QCoreApplication.translate("TrackSource", "导入"),
    }


class ParcelTimeline(QWidget):
    """Emits `changed` after an event or import, so the exception queue can refresh."""

    changed = Signal()

    def __init__(self, db, parent=None, *, editable: bool = True) -> None:
        super().__init__(parent)
        self.db = db
        self._statuses = status_labels()
        self._sources = source_labels()
        self._jobs = []

        self.number = QLineEdit()
        self.number.setPlaceholderText(self.tr("扫描或输入运单号，回车查看"))
        self.number.returnPressed.connect(lambda: self.show_parcel(self.number.text()))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.events = QTableWidget(0, 6)
        self.events.setHorizontalHeaderLabels(
            [
                self.tr("时间"),
                self.tr("状态"),
                self.tr("快递原文"),
                self.tr("地点"),
                self.tr("来源"),
                self.tr("备注"),
            ]
        )
        self.events.horizontalHeader().setStretchLastSection(True)
        self.events.verticalHeader().setVisible(False)
        self.message = QLabel()
        self.message.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if editable:
            layout.addWidget(self.number)
        layout.addWidget(self.summary)
        layout.addWidget(self.events, 1)
        if editable:
            layout.addLayout(self._entry_row())
        layout.addWidget(self.message)

    def _entry_row(self) -> QHBoxLayout:
        self.status = QComboBox()
        for code, label in self._statuses.items():
            self.status.addItem(label, code)
        self.at = QLineEdit()
        self.at.setPlaceholderText(self.tr("时间（空=现在）"))
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("备注"))
        row = QHBoxLayout()
        row.addWidget(self.status)
        row.addWidget(self.at)
        row.addWidget(self.note, 1)
        for text, slot in (
            (self.tr("添加记录"), self._add),
            (self.tr("回单签收"), self._receipt),
            (self.tr("导入快递表格…"), self._import),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            row.addWidget(button)
        return row

    def show_parcel(self, tracking_no: str) -> None:
        self.number.setText(tracking_no.strip())
        try:
            with self.db.reading() as session:
                view = timeline(session, tracking_no)
        except PackDeskError as exc:
            self.summary.setText(str(exc))
            self.events.setRowCount(0)
            return
        self._fill(view)

    def _fill(self, view: TimelineView) -> None:
        expected = view.expected_delivery.isoformat() if view.expected_delivery else "—"
        self.summary.setText(
            self.tr("订单 {o}　收件人 {r}　{c} {t}　发出 {s}　预计送达 {e}").format(
                o=view.order_no,
                r=view.recipient,
                c=view.carrier,
                t=view.tracking_no,
                s=local_time(view.shipped_at),
                e=expected,
            )
        )
        self.events.setRowCount(len(view.events))
        for row, e in enumerate(view.events):
            values = (
                local_time(e.at),
                self._statuses[e.status],
                e.raw_status,
                e.location,
                self._sources.get(e.source, e.source),
                e.note,
            )
            for col, value in enumerate(values):
                self.events.setItem(row, col, QTableWidgetItem(value))
        self.events.resizeColumnsToContents()

    def _current(self) -> str:
        return self.number.text().strip()

    def _after_change(self) -> None:
        self.show_parcel(self._current())
        self.changed.emit()

    def _add(self) -> None:
        try:
            result = add_event(
                self.db,
                self._current(),
                self._statuses[self.status.currentData()],
                at=self.at.text().strip() or None,
                note=self.note.text(),
            )
        except PackDeskError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(self.tr("已记录") if result else self.tr("这条记录已存在"))
        self.note.clear()
        self._after_change()

    def _receipt(self) -> None:
        try:
            scan_delivery_receipt(self.db, self._current())
        except PackDeskError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(self.tr("回单已扫描，包裹记为已签收"))
        self._after_change()

    def _import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("导入物流表格"), "", self.tr("表格 (*.csv *.xlsx)")
        )
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> None:
        self.message.setText(self.tr("正在导入…"))
        self._jobs.append(
            run_in_thread(
                self, lambda: import_tracking(self.db, path), self._imported, self._failed
            )
        )

    def _imported(self, report: TrackingImportReport) -> None:
        lines = [
            self.tr(
                "{f}：新增 {s} 条，已有 {u} 条，签收 {d} 件，新异常 {x} 个，拒绝 {r} 行"
            ).format(
                f=report.file,
                s=report.stored,
                u=report.unchanged,
                d=report.delivered,
                x=report.exceptions_opened,
                r=len(report.refused),
            )
        ]
        lines += [str(r) for r in report.refused[:10]]
        self.message.setText("\n".join(lines))
        if self._current():
            self.show_parcel(self._current())
        self.changed.emit()

    def _failed(self, exc: Exception) -> None:
        self.message.setText(str(exc))
