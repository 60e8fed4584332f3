"""The dialog that records how a return parcel comes back: carrier, number, who pays."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
)

from app.db.engine import Database
from app.errors import PackDeskError
from app.returns.shipping import (
    carrier_choices,
    default_return_address,
    record_return_shipping,
)


class ReturnShippingDialog(QDialog):
    def __init__(self, db: Database, rma_no: str, parent=None) -> None:
        super().__init__(parent)
        self._db, self._rma_no = db, rma_no
        self.setWindowTitle(self.tr("登记退回物流 {rma}").format(rma=rma_no))

        self.carrier = QComboBox()
        for code, name in carrier_choices(db):
            self.carrier.addItem(f"{name} ({code})" if name != code else code, code)
        self.tracking = QLineEdit()
        self.payer = QComboBox()
        self.payer.addItem(self.tr("买家承担"), "buyer")
        self.payer.addItem(self.tr("卖家承担"), "seller")
        self.postage = QLineEdit("0")
        self.address = QLineEdit(default_return_address(db))
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )

        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("登记"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.setMinimumWidth(460)

        form = QFormLayout(self)
        form.addRow(self.tr("快递公司"), self.carrier)
        form.addRow(self.tr("退回运单号"), self.tracking)
        form.addRow(self.tr("运费承担"), self.payer)
        form.addRow(self.tr("买家垫付运费"), self.postage)
        form.addRow(self.tr("退回地址"), self.address)
        form.addRow(self.message)
        form.addRow(buttons)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)

    def submit(self) -> None:
        try:
            postage = Decimal(self.postage.text().strip() or "0")
        except InvalidOperation:
            self.message.setText(self.tr("运费不是金额"))
            return
        try:
            record_return_shipping(
                self._db,
                self._rma_no,
                carrier=self.carrier.currentData(),
                tracking_no=self.tracking.text(),
                payer=self.payer.currentData(),
                postage=postage,
                address=self.address.text(),
            )
        except PackDeskError as exc:
            self.message.setText(str(exc))
            return
        self.accept()
