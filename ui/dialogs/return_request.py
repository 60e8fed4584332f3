"""The dialog that registers a return: find the order, choose lines, quantities and reasons."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.db.engine import Database
from app.errors import PackDeskError
from app.returns.queries import OrderForReturn, ReturnDetail, order_for_return
from app.returns.reasons import REASONS
from app.returns.request import ReturnLineInput, create_return

SKU, TITLE, SHIPPED, QTY, REASON, TEXT = range(6)


class ReturnRequestDialog(QDialog):
    """Order number, tracking number or phone in; one row per order line out."""

    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self._db = db
        self._order: OrderForReturn | None = None
        self.created: ReturnDetail | None = None
        self.setWindowTitle(self.tr("新建退货"))
        self.resize(760, 420)

        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("订单号 / 运单号 / 手机号，回车查找"))
        self.find_button = QPushButton(self.tr("查找订单"))
        self.unannounced = QCheckBox(self.tr("未预约到货（暂无订单，以后关联）"))
        self.customer = QLineEdit()
        self.phone = QLineEdit()
        self.note = QLineEdit()
        self.message = QLabel()
        self.message.setWordWrap(True)

        self.lines = QTableWidget(0, 6)
        self.lines.setHorizontalHeaderLabels(
            [
                self.tr("商品编码"),
                self.tr("商品"),
                self.tr("可退/已发"),
                self.tr("退货数量"),
                self.tr("原因"),
                self.tr("说明"),
            ]
        )
        self.lines.horizontalHeader().setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.lines.verticalHeader().hide()
        self.add_row_button = QPushButton(self.tr("添加一行"))
        self.add_row_button.setEnabled(False)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("登记退货"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))

        find_row = QHBoxLayout()
        find_row.addWidget(self.code, 1)
        find_row.addWidget(self.find_button)
        form = QFormLayout()
        form.addRow(self.tr("原订单"), find_row)
        form.addRow("", self.unannounced)
        form.addRow(self.tr("客户"), self.customer)
        form.addRow(self.tr("手机号"), self.phone)
        form.addRow(self.tr("备注"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.add_row_button)
        layout.addWidget(self.buttons)

        self.code.returnPressed.connect(self.find_order)
        self.find_button.clicked.connect(self.find_order)
        self.unannounced.toggled.connect(self._unannounced_toggled)
        self.add_row_button.clicked.connect(lambda: self._add_row("", "", "", 99))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self._unannounced_toggled(False)

    def _unannounced_toggled(self, on: bool) -> None:
        self.code.setEnabled(not on)
        self.find_button.setEnabled(not on)
        self.customer.setEnabled(on)
        self.phone.setEnabled(on)
        self.add_row_button.setEnabled(on)
        self.lines.setRowCount(0)
        self._order = None
        if on:
            self._add_row("", "", "", 99)

    def _add_row(self, sku: str, title: str, shipped: str, most: int) -> None:
        row = self.lines.rowCount()
        self.lines.insertRow(row)
        self.lines.setItem(row, SKU, QTableWidgetItem(sku))
        self.lines.setItem(row, TITLE, QTableWidgetItem(title))
        self.lines.setItem(row, SHIPPED, QTableWidgetItem(shipped))
        quantity = QSpinBox()
        quantity.setRange(0, max(0, most))
        self.lines.setCellWidget(row, QTY, quantity)
        reason = QComboBox()
        for code, words in REASONS.items():
            reason.addItem(words, code)
        self.lines.setCellWidget(row, REASON, reason)
        self.lines.setItem(row, TEXT, QTableWidgetItem(""))

    def find_order(self) -> None:
        try:
            self._order = order_for_return(self._db, self.code.text())
        except PackDeskError as exc:
            self._order = None
            self.lines.setRowCount(0)
            self.message.setText(str(exc))
            return
        order = self._order
        self.message.setText(
            self.tr("订单 {no}，收货人 {name}，{phone}").format(
                no=order.order_no, name=order.recipient, phone=order.phone
            )
        )
        self.lines.setRowCount(0)
        for line in order.lines:
            self._add_row(
                line.sku, line.title, f"{line.returnable}/{line.shipped}", line.returnable
            )

    def wanted_lines(self) -> list[ReturnLineInput]:
        wanted = []
        for row in range(self.lines.rowCount()):
            quantity = self.lines.cellWidget(row, QTY).value()
            sku = (self.lines.item(row, SKU).text() or "").strip()
            if quantity and sku:
                reason = self.lines.cellWidget(row, REASON).currentData()
                text = self.lines.item(row, TEXT).text().strip()
                wanted.append(ReturnLineInput(sku, quantity, reason, text))
        return wanted

    def submit(self) -> None:
        unannounced = self.unannounced.isChecked()
        if not unannounced and self._order is None:
            self.message.setText(self.tr("请先查找订单"))
            return
        try:
            self.created = create_return(
                self._db,
                None if unannounced else self._order.order_no,
                self.wanted_lines(),
                note=self.note.text(),
                customer=self.customer.text(),
                phone=self.phone.text(),
            )
        except PackDeskError as exc:
            self.message.setText(str(exc))
            return
        self.accept()
