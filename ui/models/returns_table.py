"""The returns list: one row per return with its state and how long it has waited.

Returns are few (dozens a day at most), so the model holds every snapshot of the chosen state
and refreshes by replacing them; ages are computed when a cell is painted.
"""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.db.types import utcnow
from app.returns.queries import ReturnSummary
from ui.format import local_time


class Column(IntEnum):
    RMA_NO = 0
    ORDER_NO = 1
    STATE = 2
    CUSTOMER = 3
    UNITS = 4
    AGE = 5
    IN_STATE = 6
    CREATED = 7


def return_state_labels() -> dict[str, str]:
    return {
        "requested": QCoreApplication.translate("ReturnState", "已申请"),
        "approved": QCoreApplication.translate("ReturnState", "已同意"),
        "in_transit": QCoreApplication.translate("ReturnState", "退回途中"),
        "received": QCoreApplication.translate("ReturnState", "已收货"),
        "inspected": QCoreApplication.translate("ReturnState", "已检验"),
        "refunded": QCoreApplication.translate("ReturnState", "已退款"),
        "exchanged": QCoreApplication.translate("ReturnState", "已换货"),
        "rejected": QCoreApplication.translate("ReturnState", "已拒绝"),
    }


def _headers() -> dict[Column, str]:
    return {
        Column.RMA_NO: QCoreApplication.translate("ReturnsTable", "退货单号"),
        Column.ORDER_NO: QCoreApplication.translate("ReturnsTable", "原订单"),
        Column.STATE: QCoreApplication.translate("ReturnsTable", "状态"),
        Column.CUSTOMER: QCoreApplication.translate("ReturnsTable", "客户"),
        Column.UNITS: QCoreApplication.translate("ReturnsTable", "已收/申请"),
        Column.AGE: QCoreApplication.translate("ReturnsTable", "已过"),
        Column.IN_STATE: QCoreApplication.translate("ReturnsTable", "本状态"),
        Column.CREATED: QCoreApplication.translate("ReturnsTable", "申请时间"),
    }


def age_text(since: datetime, now: datetime) -> str:
    """ "3天5小时", "4小时", "12分钟": what a supervisor reads at a glance."""
    minutes = max(0, int((now - since).total_seconds() // 60))
    days, hours = divmod(minutes // 60, 24)
    if days:
        return QCoreApplication.translate("ReturnsTable", "{d}天{h}小时").format(d=days, h=hours)
    if hours:
        return QCoreApplication.translate("ReturnsTable", "{h}小时").format(h=hours)
    return QCoreApplication.translate("ReturnsTable", "{m}分钟").format(m=minutes)


# Open returns waiting longer than this are tinted, so nobody forgets a parcel.
STALE_DAYS = 3
STALE_BRUSH = QBrush(QColor("#fff1c2"))
UNEXPECTED_BRUSH = QBrush(QColor("#fde2e1"))
CLOSED = frozenset({"refunded", "exchanged", "rejected"})

SummaryRole = Qt.ItemDataRole.UserRole + 1


class ReturnsTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[ReturnSummary] = []
        self._headers = _headers()
        self._states = return_state_labels()

    def set_rows(self, rows: list[ReturnSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def summary(self, row: int) -> ReturnSummary:
        return self._rows[row]

    def row_of(self, rma_no: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.rma_no == rma_no), -1)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[Column(section)]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == SummaryRole:
            return row
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.unexpected:
                return UNEXPECTED_BRUSH
            stale = (utcnow() - row.state_since).days >= STALE_DAYS
            return STALE_BRUSH if stale and row.state not in CLOSED else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        now = utcnow()
        return {
            Column.RMA_NO: row.rma_no,
            Column.ORDER_NO: row.order_no or QCoreApplication.translate("ReturnsTable", "未关联"),
            Column.STATE: self._states.get(row.state, row.state),
            Column.CUSTOMER: row.customer,
            Column.UNITS: f"{row.units_received}/{row.units_requested}"
            + (f" +{row.unexpected}!" if row.unexpected else ""),
            Column.AGE: age_text(row.created_at, now),
            Column.IN_STATE: age_text(row.state_since, now),
            Column.CREATED: local_time(row.created_at),
        }[Column(index.column())]
