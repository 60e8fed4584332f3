"""The order list model: keyset pages fetched from SQL as the view scrolls.

Filtering and searching happen in SQL (a new first page), never in a proxy model: over 100k
orders a QSortFilterProxyModel takes seconds per keystroke (see measurements.md).
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.db.engine import Database
from app.orders.queries import OrderSummary, order_page, order_total
from ui.format import local_time, money
from ui.labels import platform_labels, status_labels

PAGE = 200


class Column(IntEnum):
    ORDER_NO = 0
    PLATFORM = 1
    STATUS = 2
    RECIPIENT = 3
    PHONE = 4
    ADDRESS = 5
    PAID_TOTAL = 6
    PAID_AT = 7
    REASONS = 8


def _headers() -> dict[Column, str]:
    return {
        Column.ORDER_NO: QCoreApplication.translate("OrdersTable", "订单号"),
        Column.PLATFORM: QCoreApplication.translate("OrdersTable", "平台"),
        Column.STATUS: QCoreApplication.translate("OrdersTable", "状态"),
        Column.RECIPIENT: QCoreApplication.translate("OrdersTable", "收货人"),
        Column.PHONE: QCoreApplication.translate("OrdersTable", "电话"),
        Column.ADDRESS: QCoreApplication.translate("OrdersTable", "地址"),
        Column.PAID_TOTAL: QCoreApplication.translate("OrdersTable", "实付"),
        Column.PAID_AT: QCoreApplication.translate("OrdersTable", "付款时间"),
        Column.REASONS: QCoreApplication.translate("OrdersTable", "挂起原因"),
    }


HELD_BRUSH = QBrush(QColor("#fde2e1"))

# Role for the whole OrderSummary snapshot of a row.
SummaryRole = Qt.ItemDataRole.UserRole + 1


class OrdersTableModel(QAbstractTableModel):
    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self._db = db
        self._rows: list[OrderSummary] = []
        self._total = 0
        self._status: str | None = None
        self._search: str | None = None
        self._headers = _headers()
        self._status_words = status_labels()
        self._platform_words = platform_labels()

    def set_filter(self, status: str | None, search: str | None) -> None:
        self._status = status or None
        self._search = (search or "").strip() or None
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._total = order_total(self._db, status=self._status, search=self._search)
        self._rows = order_page(self._db, status=self._status, search=self._search, limit=PAGE)
        self.endResetModel()

    @property
    def total(self) -> int:
        return self._total

    def summary(self, row: int) -> OrderSummary:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def canFetchMore(self, parent: QModelIndex) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: QModelIndex) -> None:
        if parent.isValid() or not self._rows:
            return
        more = order_page(
            self._db,
            status=self._status,
            search=self._search,
            after_id=self._rows[-1].id,
            limit=PAGE,
        )
        if not more:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[Column(section)]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, Column(index.column()))
        if role == Qt.ItemDataRole.BackgroundRole and row.status == "held":
            return HELD_BRUSH
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == Column.PAID_TOTAL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SummaryRole:
            return row
        return None

    def _display(self, row: OrderSummary, column: Column) -> str:
        match column:
            case Column.ORDER_NO:
                return row.order_no
            case Column.PLATFORM:
                return self._platform_words.get(row.platform, row.platform)
            case Column.STATUS:
                return self._status_words.get(row.status, row.status)
            case Column.RECIPIENT:
                return row.recipient
            case Column.PHONE:
                return row.phone
            case Column.ADDRESS:
                return row.address
            case Column.PAID_TOTAL:
                return money(row.paid_total)
            case Column.PAID_AT:
                return local_time(row.paid_at)
            case Column.REASONS:
                return "；".join(row.reasons)
