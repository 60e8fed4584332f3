"""The tracking exception queue: one row per open exception, longest-waiting customer first.

Open exceptions are a few dozen at most, so the model holds every snapshot and refreshes by
replacing them. Rule names are translated here from their codes.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.tracking.exception_queue import ExceptionRow
from ui.format import local_time


class Column(IntEnum):
    RULE = 0
    AGE = 1
    ORDER_NO = 2
    CUSTOMER = 3
    PHONE = 4
    CARRIER = 5
    TRACKING_NO = 6
    LAST_STATUS = 7
    DETAIL = 8
    OPENED = 9
    ACTIONS = 10


def rule_labels() -> dict[str, str]:
    return {
        "no_first_event": QCoreApplication.translate("TrackingRule", "交接后无揽收"),
        "stalled": QCoreApplication.translate("TrackingRule", "运输中长时间无更新"),
        "overdue": QCoreApplication.translate("TrackingRule", "超过预计送达日"),
        "refused": QCoreApplication.translate("TrackingRule", "客户拒收"),
        "returned": QCoreApplication.translate("TrackingRule", "退回寄件人"),
        "problem": QCoreApplication.translate("TrackingRule", "问题件"),
    }


def action_labels() -> dict[str, str]:
    return {
        "carrier_call": QCoreApplication.translate("ExceptionAction", "已致电快递"),
        "customer_update": QCoreApplication.translate("ExceptionAction", "已告知客户"),
        "intercept": QCoreApplication.translate("ExceptionAction", "申请拦截"),
        "address_change": QCoreApplication.translate("ExceptionAction", "申请改地址"),
        "open_return": QCoreApplication.translate("ExceptionAction", "已建退货"),
    }


def _headers() -> dict[Column, str]:
    return {
        Column.RULE: QCoreApplication.translate("ExceptionQueue", "规则"),
        Column.AGE: QCoreApplication.translate("ExceptionQueue", "已发出"),
        Column.ORDER_NO: QCoreApplication.translate("ExceptionQueue", "订单号"),
        Column.CUSTOMER: QCoreApplication.translate("ExceptionQueue", "客户"),
        Column.PHONE: QCoreApplication.translate("ExceptionQueue", "电话"),
        Column.CARRIER: QCoreApplication.translate("ExceptionQueue", "快递"),
        Column.TRACKING_NO: QCoreApplication.translate("ExceptionQueue", "运单号"),
        Column.LAST_STATUS: QCoreApplication.translate("ExceptionQueue", "最新状态"),
        Column.DETAIL: QCoreApplication.translate("ExceptionQueue", "说明"),
        Column.OPENED: QCoreApplication.translate("ExceptionQueue", "发现时间"),
        Column.ACTIONS: QCoreApplication.translate("ExceptionQueue", "已处理"),
    }


def age_text(hours: int) -> str:
    days, rest = divmod(hours, 24)
    if days:
        return QCoreApplication.translate("ExceptionQueue", "{d}天{h}小时").format(d=days, h=rest)
    return QCoreApplication.translate("ExceptionQueue", "{h}小时").format(h=rest)


# Parcels older than this are tinted: the customer has very likely noticed already.
OLD_HOURS = 72
OLD_BRUSH = QBrush(QColor("#fde2e1"))
RowRole = Qt.ItemDataRole.UserRole + 1


class ExceptionQueueModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[ExceptionRow] = []
        self._headers = _headers()
        self._rules = rule_labels()
        self._actions = action_labels()

    def set_rows(self, rows: list[ExceptionRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def replace_row(self, row: ExceptionRow) -> None:
        """Put a fresh snapshot in place (after an action); a closed one leaves the queue."""
        for i, old in enumerate(self._rows):
            if old.id != row.id:
                continue
            if row.closed_at is not None:
                self.beginRemoveRows(QModelIndex(), i, i)
                del self._rows[i]
                self.endRemoveRows()
            else:
                self._rows[i] = row
                first, last = self.index(i, 0), self.index(i, len(Column) - 1)
                self.dataChanged.emit(first, last, [Qt.ItemDataRole.DisplayRole])
            return

    def row_at(self, index: int) -> ExceptionRow | None:
        return self._rows[index] if 0 <= index < len(self._rows) else None

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[Column(section)]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.BackgroundRole and row.age_hours >= OLD_HOURS:
            return OLD_BRUSH
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = Column(index.column())
        values = {
            Column.RULE: self._rules.get(row.rule, row.rule),
            Column.AGE: age_text(row.age_hours),
            Column.ORDER_NO: row.order_no,
            Column.CUSTOMER: row.customer,
            Column.PHONE: row.phone,
            Column.CARRIER: row.carrier,
            Column.TRACKING_NO: row.tracking_no,
            Column.LAST_STATUS: row.last_status,
            Column.DETAIL: row.detail,
            Column.OPENED: local_time(row.opened_at),
            Column.ACTIONS: "、".join(self._actions.get(a.kind, a.kind) for a in row.actions),
        }
        return values[column]
