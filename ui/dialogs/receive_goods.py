"""Goods in from a supplier: SKU, quantity (optionally in a pack unit), shelf, receipt slip."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from app.db.engine import Database
from app.errors import PackDeskError
from app.stock.receiving import ReceiptView
from app.stock.views import receipt_slip_pdf, receive


class ReceiveGoodsDialog(QDialog):
    def __init__(self, db: Database, parent=None, sku: str = "") -> None:
        super().__init__(parent)
        self.db = db
        self.receipt: ReceiptView | None = None
        self.setWindowTitle(self.tr("入库"))

        self.sku_edit = QLineEdit(sku)
        self.sku_edit.setPlaceholderText(self.tr("扫描或输入商品编码"))
        self.quantity = QSpinBox()
        self.quantity.setRange(1, 1_000_000)
        self.unit_edit = QLineEdit()
        self.unit_edit.setPlaceholderText(self.tr("件（可填 打、8只装 等包装单位）"))
        self.bin_edit = QLineEdit()
        self.bin_edit.setPlaceholderText(self.tr("不填则放回原库位"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(
            self.tr("入库并打印入库单…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)

        form = QFormLayout()
        form.addRow(self.tr("商品编码"), self.sku_edit)
        form.addRow(self.tr("数量"), self.quantity)
        form.addRow(self.tr("单位"), self.unit_edit)
        form.addRow(self.tr("库位"), self.bin_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

        buttons.accepted.connect(self.receive)
        buttons.rejected.connect(self.reject)

    def receive(self) -> None:
        try:
            self.receipt = receive(
                self.db,
                self.sku_edit.text().strip(),
                self.quantity.value(),
                self.unit_edit.text().strip(),
                self.bin_edit.text().strip(),
            )
        except PackDeskError as exc:
            self.message.setStyleSheet("color: #c00000;")
            self.message.setText(str(exc))
            return
        self.message.setStyleSheet("")
        self.message.setText(
            self.tr("%1 入库 %2 件，在库 %3")
            .replace("%1", self.receipt.sku)
            .replace("%2", str(self.receipt.pieces))
            .replace("%3", str(self.receipt.on_hand_after))
        )
        self.save_slip()

    def save_slip(self) -> None:
        if self.receipt is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存入库单"), f"receipt-{self.receipt.move_id}.pdf", "PDF (*.pdf)"
        )
        if path:
            with open(path, "wb") as handle:
                handle.write(receipt_slip_pdf(self.receipt))
