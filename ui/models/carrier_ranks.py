"""Table model of the carrier ranking for one parcel: plain `CarrierRank` snapshots.

Carriers that cannot take the parcel stay in the table, greyed, so the clerk sees why the
obvious choice is missing instead of wondering where it went.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor

from app.shipping.selection import CarrierRank

_ROOT = QModelIndex()
_GREY = QColor("#9e9e9e")
_LATE = QColor("#c62828")


class Column(IntEnum):
    RANK = 0
    CARRIER = 1
    SERVICE = 2
    PRICE = 3
    DELIVERY = 4
    ELIGIBLE = 5
    REASONS = 6


def _tr(text: str) -> str:
    return QCoreApplication.translate("CarrierRankModel", text)


def _headers() -> list[str]:
    return [
        _tr("排名"),
        _tr("快递公司"),
        _tr("服务"),
        _tr("运费"),
        _tr("预计送达"),
        _tr("可用"),
        _tr("理由"),
    ]


class CarrierRankModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[CarrierRank] = []
        self._headers = _headers()

    def set_rows(self, rows: list[CarrierRank]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> CarrierRank:
        return self._rows[row]

    def row_of(self, code: str) -> int:
        """The table row of a carrier code, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.code == code), -1)

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
        column = Column(index.column())
        if role == Qt.ItemDataRole.ForegroundRole:
            if not row.eligible:
                return _GREY
            if column == Column.DELIVERY and not row.keeps_promise:
                return _LATE
            return None
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.REASONS:
            return "\n".join(row.reasons)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.RANK, Column.PRICE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            Column.RANK: row.rank,
            Column.CARRIER: row.name,
            Column.SERVICE: row.service,
            Column.PRICE: f"¥{row.price:.2f}",
            Column.DELIVERY: f"{row.expected_delivery:%m-%d}",
            Column.ELIGIBLE: _tr("可用") if row.eligible else _tr("不可用"),
            Column.REASONS: "，".join(row.reasons),
        }[column]
