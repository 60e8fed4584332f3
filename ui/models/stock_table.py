"""The stock list model: plain `StockRow` snapshots, filtered in SQL by the service.

10,000 products fit in memory as snapshots; the text filter is a new SQL query, never a proxy
model (see measurements.md), so a keystroke costs one query and one reset.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.db.engine import Database
from app.stock.alerts import Alert
from app.stock.listing import StockRow
from app.stock.views import stock_rows


class Column(IntEnum):
    SKU = 0
    NAME = 1
    BIN = 2
    ON_HAND = 3
    RESERVED = 4
    AVAILABLE = 5
    REORDER_POINT = 6
    SAFETY = 7
    ABC = 8
    FORECAST = 9
    ALERT = 10
    SUGGESTED = 11


NUMERIC = {
    Column.ON_HAND,
    Column.RESERVED,
    Column.AVAILABLE,
    Column.REORDER_POINT,
    Column.SAFETY,
    Column.FORECAST,
    Column.SUGGESTED,
}

# Role for the whole StockRow snapshot of a row.
RowRole = Qt.ItemDataRole.UserRole + 1

SAFETY_BRUSH = QBrush(QColor("#fde2e1"))
REORDER_BRUSH = QBrush(QColor("#fff4ce"))


def _headers() -> dict[Column, str]:
    return {
        Column.SKU: QCoreApplication.translate("StockTable", "商品编码"),
        Column.NAME: QCoreApplication.translate("StockTable", "品名"),
        Column.BIN: QCoreApplication.translate("StockTable", "库位"),
        Column.ON_HAND: QCoreApplication.translate("StockTable", "在库"),
        Column.RESERVED: QCoreApplication.translate("StockTable", "预留"),
        Column.AVAILABLE: QCoreApplication.translate("StockTable", "可用"),
        Column.REORDER_POINT: QCoreApplication.translate("StockTable", "补货点"),
        Column.SAFETY: QCoreApplication.translate("StockTable", "安全库存"),
        Column.ABC: QCoreApplication.translate("StockTable", "ABC"),
        Column.FORECAST: QCoreApplication.translate("StockTable", "下周预测"),
        Column.ALERT: QCoreApplication.translate("StockTable", "预警"),
        Column.SUGGESTED: QCoreApplication.translate("StockTable", "建议采购"),
    }


def _alert_words() -> dict[Alert, str]:
    return {
        Alert.NONE: "",
        Alert.REORDER: QCoreApplication.translate("StockTable", "到达补货点"),
        Alert.SAFETY: QCoreApplication.translate("StockTable", "低于安全库存"),
    }


def _cell(row: StockRow, column: Column, alerts: dict[Alert, str]) -> object:
    values = {
        Column.SKU: row.sku,
        Column.NAME: row.name,
        Column.BIN: row.bin,
        Column.ON_HAND: row.on_hand,
        Column.RESERVED: row.reserved,
        Column.AVAILABLE: row.available,
        Column.REORDER_POINT: row.reorder_point,
        Column.SAFETY: row.safety_stock,
        Column.ABC: row.abc_class or "-",
        Column.FORECAST: row.forecast_next_week,
        Column.ALERT: alerts[row.alert],
        Column.SUGGESTED: row.suggested or "",
    }
    return values[column]


class StockTableModel(QAbstractTableModel):
    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self._db = db
        self._rows: list[StockRow] = []
        self._text = ""
        self._alerts_only = False
        self._headers = _headers()
        self._alert_words = _alert_words()

    def set_filter(self, text: str, alerts_only: bool = False) -> None:
        self._text, self._alerts_only = text.strip(), alerts_only
        self.reload()

    def reload(self) -> None:
        rows = stock_rows(self._db, self._text, self._alerts_only)
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> StockRow:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[Column(section)]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return _cell(row, column, self._alert_words)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.alert is Alert.SAFETY:
                return SAFETY_BRUSH
            if row.alert is Alert.REORDER:
                return REORDER_BRUSH
        if role == RowRole:
            return row
        return None
