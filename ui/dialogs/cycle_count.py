"""Counting one bin: open the count (the bin is blocked), scan every piece, approve.

Driven from the keyboard: the scanner types a code and Enter into the scan field; each scan
is stored at once. The supervisor types their name and a reason to approve; the variances are
then written to the ledger and the bin is released.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from app.db.engine import Database
from app.errors import PackDeskError
from app.stock.count_views import (
    abandon,
    approve,
    bins_due,
    count_list_pdf,
    open_count,
    scan_into_count,
)
from app.stock.counting import CountView

log = logging.getLogger(__name__)


class CountLinesModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._view: CountView | None = None
        self._headers = [
            QCoreApplication.translate("CycleCount", "商品编码"),
            QCoreApplication.translate("CycleCount", "品名"),
            QCoreApplication.translate("CycleCount", "账面"),
            QCoreApplication.translate("CycleCount", "实盘"),
            QCoreApplication.translate("CycleCount", "差异"),
        ]

    def set_view(self, view: CountView) -> None:
        self.beginResetModel()
        self._view = view
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._view is None else len(self._view.lines)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self._view is None:
            return None
        line = self._view.lines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                line.sku,
                line.name,
                line.expected,
                line.counted,
                f"{line.variance:+d}" if line.variance else "0",
            )
            return values[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 4 and line.variance:
            return Qt.GlobalColor.red
        return None


class CycleCountDialog(QDialog):
    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.view: CountView | None = None
        self.setWindowTitle(self.tr("循环盘点"))

        self.bin_box = QComboBox()
        self.bin_box.setEditable(True)
        self.bin_box.addItems(bins_due(db))
        self.start_button = QPushButton(self.tr("开始盘点（锁定库位）"))
        self.print_button = QPushButton(self.tr("打印盘点单…"))
        self.scan_edit = QLineEdit()
        self.scan_edit.setPlaceholderText(self.tr("扫描商品条码，回车记一件"))
        self.lines = CountLinesModel(self)
        self.table = QTableView()
        self.table.setModel(self.lines)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.supervisor_edit = QLineEdit()
        self.reason_edit = QLineEdit()
        self.approve_button = QPushButton(self.tr("主管审批并调整库存"))
        self.cancel_button = QPushButton(self.tr("放弃盘点"))
        self.message = QLabel()
        self.message.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("库位")))
        top.addWidget(self.bin_box, 1)
        top.addWidget(self.start_button)
        top.addWidget(self.print_button)
        form = QFormLayout()
        form.addRow(self.tr("主管"), self.supervisor_edit)
        form.addRow(self.tr("原因"), self.reason_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.approve_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.scan_edit)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

        self.start_button.clicked.connect(self.start)
        self.print_button.clicked.connect(self.print_list)
        self.scan_edit.returnPressed.connect(self.scan)
        self.approve_button.clicked.connect(self.approve)
        self.cancel_button.clicked.connect(self.abandon)
        self._set_counting(False)
        self.resize(640, 480)

    def _set_counting(self, counting: bool) -> None:
        self.scan_edit.setEnabled(counting)
        self.approve_button.setEnabled(counting)
        self.cancel_button.setEnabled(counting)
        self.print_button.setEnabled(counting)
        self.start_button.setEnabled(not counting)
        self.bin_box.setEnabled(not counting)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #c00000;" if error else "")
        self.message.setText(text)

    def _show(self, view: CountView) -> None:
        self.view = view
        self.lines.set_view(view)

    def start(self) -> None:
        try:
            self._show(open_count(self.db, self.bin_box.currentText()))
        except PackDeskError as exc:
            self._say(str(exc), error=True)
            return
        self._set_counting(True)
        self.scan_edit.setFocus()
        self._say(self.tr("盘点单 %1 已开始，库位已锁定").replace("%1", str(self.view.count_id)))

    def scan(self) -> None:
        code = self.scan_edit.text().strip()
        self.scan_edit.clear()
        if not code or self.view is None:
            return
        try:
            self._show(scan_into_count(self.db, self.view.count_id, code))
            self._say(self.tr("已记: %1").replace("%1", code))
        except PackDeskError as exc:
            self._say(str(exc), error=True)

    def print_list(self) -> None:
        if self.view is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存盘点单"), f"count-{self.view.bin}.pdf", "PDF (*.pdf)"
        )
        if path:
            with open(path, "wb") as handle:
                handle.write(count_list_pdf(self.view))

    def approve(self) -> None:
        if self.view is None:
            return
        try:
            self._show(
                approve(
                    self.db,
                    self.view.count_id,
                    self.supervisor_edit.text().strip(),
                    self.reason_edit.text(),
                )
            )
        except PackDeskError as exc:
            self._say(str(exc), error=True)
            return
        self._set_counting(False)
        self._say(self.tr("已审批，差异已记入库存台账，库位已解锁"))

    def abandon(self) -> None:
        if self.view is not None:
            abandon(self.db, self.view.count_id)
        self._set_counting(False)
        self._say(self.tr("盘点已放弃，库位已解锁"))
