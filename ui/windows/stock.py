"""The Stock window: every product's figures, a filter, and one product's ledger and demand.

The list is filtered in SQL as the clerk types (after a short pause, so a burst of keys is one
query); choosing a row shows its ledger history and its sales history with the forecast.
Refreshing ABC classes and forecasts runs off the GUI thread.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.db.engine import Database
from app.stock.views import refresh_plans, stock_detail
from ui.dialogs.cycle_count import CycleCountDialog
from ui.dialogs.receive_goods import ReceiveGoodsDialog
from ui.models.stock_table import Column, StockTableModel
from ui.widgets.stock_detail import StockDetailView
from ui.worker import run_in_thread

log = logging.getLogger(__name__)

FILTER_PAUSE_MS = 200


class StockWindow(QWidget):
    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.model = StockTableModel(db, self)

        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("筛选：商品编码、品名、条码或库位"))
        self.filter_edit.setClearButtonEnabled(True)
        self.alerts_only = QCheckBox(self.tr("只看预警"))
        self.refresh_button = QPushButton(self.tr("重算 ABC 与预测"))
        self.count_button = QPushButton(self.tr("循环盘点…"))
        self.receive_button = QPushButton(self.tr("入库…"))
        self.status = QLabel()

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column in Column:
            header.resizeSection(column, 72)
        header.resizeSection(Column.SKU, 110)
        header.resizeSection(Column.NAME, 200)
        header.resizeSection(Column.ALERT, 100)
        self.detail = StockDetailView()

        top = QHBoxLayout()
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.alerts_only)
        top.addWidget(self.refresh_button)
        top.addWidget(self.receive_button)
        top.addWidget(self.count_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setSizes([320, 380])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(FILTER_PAUSE_MS)
        self._pause.timeout.connect(self.apply_filter)
        self.filter_edit.textChanged.connect(self._pause.start)
        self.alerts_only.toggled.connect(self.apply_filter)
        self.refresh_button.clicked.connect(self.refresh_planning)
        self.count_button.clicked.connect(self.open_count)
        self.receive_button.clicked.connect(self.open_receive)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.apply_filter()

    def apply_filter(self) -> None:
        self.model.set_filter(self.filter_edit.text(), self.alerts_only.isChecked())
        self.status.setText(self.tr("%1 个商品").replace("%1", str(self.model.rowCount())))

    def _row_changed(self, current, _previous) -> None:
        if current.isValid():
            self.show_product(self.model.row_at(current.row()).product_id)

    def show_product(self, product_id: int) -> None:
        self.detail.show_detail(stock_detail(self.db, product_id))

    def open_receive(self) -> None:
        current = self.table.currentIndex()
        sku = self.model.row_at(current.row()).sku if current.isValid() else ""
        dialog = ReceiveGoodsDialog(self.db, self, sku)
        dialog.finished.connect(self.apply_filter)
        dialog.open()

    def open_count(self) -> None:
        dialog = CycleCountDialog(self.db, self)
        dialog.finished.connect(self.apply_filter)
        dialog.open()

    def refresh_planning(self) -> None:
        self.refresh_button.setEnabled(False)
        self.status.setText(self.tr("正在重算 ABC 分类与需求预测…"))
        run_in_thread(self, lambda: refresh_plans(self.db), self._refreshed, self._failed)

    def _refreshed(self, count: int) -> None:
        self.refresh_button.setEnabled(True)
        self.apply_filter()
        self.status.setText(self.tr("已重算 %1 个商品").replace("%1", str(count)))

    def _failed(self, error: Exception) -> None:
        self.refresh_button.setEnabled(True)
        self.status.setText(self.tr("重算失败：%1").replace("%1", str(error)))
