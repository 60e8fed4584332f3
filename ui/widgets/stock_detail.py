"""One product in detail: its figures, the ledger rows that explain them, and its demand."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from app.stock.views import MoveView, StockDetail
from ui.format import local_time
from ui.widgets.demand_chart import DemandChart


class MovesModel(QAbstractTableModel):
    """The newest ledger rows of one product (at most a few hundred), as snapshots."""

    COLUMNS = 7

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._moves: list[MoveView] = []
        self._headers = [
            QCoreApplication.translate("StockMoves", "时间"),
            QCoreApplication.translate("StockMoves", "类型"),
            QCoreApplication.translate("StockMoves", "在库变动"),
            QCoreApplication.translate("StockMoves", "预留变动"),
            QCoreApplication.translate("StockMoves", "库位"),
            QCoreApplication.translate("StockMoves", "操作人"),
            QCoreApplication.translate("StockMoves", "原因"),
        ]

    def set_moves(self, moves: list[MoveView]) -> None:
        self.beginResetModel()
        self._moves = list(moves)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._moves)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        m = self._moves[index.row()]
        values = (
            local_time(m.at),
            m.kind_label,
            f"{m.on_hand_delta:+d}" if m.on_hand_delta else "",
            f"{m.reserved_delta:+d}" if m.reserved_delta else "",
            m.bin,
            m.user,
            m.reason,
        )
        return values[index.column()]


class StockDetailView(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("选择一个商品查看台账与需求"))
        self.title.setWordWrap(True)
        self.moves = MovesModel(self)
        self.table = QTableView()
        self.table.setModel(self.moves)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.chart = DemandChart()

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.chart, 3)
        layout.addWidget(self.table, 2)

    def show_detail(self, detail: StockDetail) -> None:
        r = detail.row
        self.title.setText(
            self.tr("%1 %2  库位 %3  在库 %4  预留 %5  可用 %6  ABC %7")
            .replace("%1", r.sku)
            .replace("%2", r.name)
            .replace("%3", r.bin or "-")
            .replace("%4", str(r.on_hand))
            .replace("%5", str(r.reserved))
            .replace("%6", str(r.available))
            .replace("%7", r.abc_class or "-")
        )
        self.moves.set_moves(list(detail.moves))
        self.chart.show_forecast(detail.forecast)
