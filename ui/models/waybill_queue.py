"""Table model of the print queue: plain `QueueRow` snapshots, one row per parcel."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor

from app.shipping.print_queue import QueueRow
from ui.format import local_time

_ROOT = QModelIndex()


class Column(IntEnum):
    ORDER = 0
    STATUS = 1
    RECIPIENT = 2
    DESTINATION = 3
    CARRIER = 4
    TRACKING = 5
    PRINTED = 6
    STOPPED = 7


def _headers() -> list[str]:
    return [
        QCoreApplication.translate("WaybillQueue", "订单号"),
        QCoreApplication.translate("WaybillQueue", "状态"),
        QCoreApplication.translate("WaybillQueue", "收件人"),
        QCoreApplication.translate("WaybillQueue", "目的地"),
        QCoreApplication.translate("WaybillQueue", "快递"),
        QCoreApplication.translate("WaybillQueue", "运单号"),
        QCoreApplication.translate("WaybillQueue", "打印时间"),
        QCoreApplication.translate("WaybillQueue", "停止发货"),
    ]


class WaybillQueueModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[QueueRow] = []
        self._headers = _headers()

    def set_rows(self, rows: list[QueueRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> QueueRow:
        return self._rows[row]

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.BackgroundRole and row.stopped:
            return QColor("#ffd6d6")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            Column.ORDER: row.order_no,
            Column.STATUS: row.status_label,
            Column.RECIPIENT: row.recipient,
            Column.DESTINATION: row.destination,
            Column.CARRIER: f"{row.carrier} {row.service}".strip(),
            Column.TRACKING: row.tracking_no,
            Column.PRINTED: local_time(row.printed_at),
            Column.STOPPED: row.stopped,
        }[Column(index.column())]
