"""The form for a phone or e-mail order: products, one address box, phone, payment, remarks.

Saving calls `app.intake.manual.create_manual_order`; when it refuses, each wrong field
shows its message in red beside it and nothing is stored.
"""

from __future__ import annotations

import logging
from datetime import datetime
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.config import desk_timezone
from app.db.engine import Database
from app.intake.address import AddressParts
from app.intake.errors import FieldErrors
from app.intake.manual import (
    CreatedOrder,
    ManualLine,
    ManualOrder,
    create_manual_order,
    search_products,
    split_address,
)

log = logging.getLogger(__name__)

_ERROR_STYLE = "color: #c62828;"


class ManualOrderDialog(QDialog):
    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self._db = db
        self.created: CreatedOrder | None = None
        self.setWindowTitle(self.tr("录入电话/邮件订单"))
        self.resize(720, 640)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("按商家编码、名称或条码搜索商品"))
        self.search.textChanged.connect(self._search)
        self.hits = QListWidget()
        self.hits.setMaximumHeight(110)
        self.quantity = QSpinBox()
        self.quantity.setRange(1, 9999)
        add = QPushButton(self.tr("加入订单"))
        add.clicked.connect(self.add_selected)
        self.lines = QTableWidget(0, 5)
        self.lines.setHorizontalHeaderLabels(
            [
                self.tr("商家编码"),
                self.tr("名称"),
                self.tr("数量"),
                self.tr("单价"),
                self.tr("改价原因"),
            ]
        )
        self.lines.horizontalHeader().setStretchLastSection(True)

        self.recipient = QLineEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.email.setPlaceholderText(self.tr("邮件订单必填，用于发送确认与发货通知"))
        self.address_text = QLineEdit()
        self.address_text.setPlaceholderText(self.tr("整段粘贴地址，按“拆分”"))
        split = QPushButton(self.tr("拆分"))
        split.clicked.connect(self.split_address)
        self.province, self.city, self.district = QLineEdit(), QLineEdit(), QLineEdit()
        self.detail, self.postcode = QLineEdit(), QLineEdit()
        self.paid = QCheckBox(self.tr("已付款"))
        self.channel = QComboBox()
        self.channel.addItem(self.tr("电话"), "phone")
        self.channel.addItem(self.tr("邮件"), "email")
        self.want_date = QCheckBox(self.tr("要求发货日期"))
        # Today at the desk, which the service checks against (not the machine's zone).
        self.ship_date = QDateEdit(QDate(datetime.now(desk_timezone()).date()))
        self.ship_date.setCalendarPopup(True)
        self.ship_date.setDisplayFormat("yyyy-MM-dd")
        self.remarks = QLineEdit()

        self.errors = {
            key: self._error_label()
            for key in (
                "recipient",
                "phone",
                "email",
                "address",
                "lines",
                "channel",
                "order_no",
                "requested_ship_date",
            )
        }
        form = QFormLayout()
        form.addRow(self.tr("收货人"), self._with_error(self.recipient, "recipient"))
        form.addRow(self.tr("电话"), self._with_error(self.phone, "phone"))
        form.addRow(self.tr("电子邮箱"), self._with_error(self.email, "email"))
        address_row = QHBoxLayout()
        address_row.addWidget(self.address_text, 1)
        address_row.addWidget(split)
        form.addRow(self.tr("地址"), address_row)
        parts = QHBoxLayout()
        for label, edit in (
            (self.tr("省"), self.province),
            (self.tr("市"), self.city),
            (self.tr("区/县"), self.district),
        ):
            parts.addWidget(QLabel(label))
            parts.addWidget(edit)
        form.addRow("", parts)
        form.addRow(self.tr("详细地址"), self.detail)
        form.addRow(self.tr("邮编"), self.postcode)
        form.addRow("", self.errors["address"])
        status = QHBoxLayout()
        for w in (
            self.paid,
            QLabel(self.tr("来源")),
            self.channel,
            self.want_date,
            self.ship_date,
        ):
            status.addWidget(w)
        form.addRow(self.tr("状态"), status)
        form.addRow("", self.errors["requested_ship_date"])
        form.addRow(self.tr("备注"), self.remarks)

        pick = QHBoxLayout()
        pick.addWidget(self.search, 1)
        pick.addWidget(QLabel(self.tr("数量")))
        pick.addWidget(self.quantity)
        pick.addWidget(add)
        save = QPushButton(self.tr("保存订单"))
        save.clicked.connect(self.save)
        cancel = QPushButton(self.tr("取消"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(save)

        layout = QVBoxLayout(self)
        layout.addLayout(pick)
        layout.addWidget(self.hits)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.errors["lines"])
        layout.addLayout(form)
        layout.addLayout(buttons)

    def _error_label(self) -> QLabel:
        label = QLabel()
        label.setStyleSheet(_ERROR_STYLE)
        label.setWordWrap(True)
        return label

    def _with_error(self, edit: QLineEdit, key: str) -> QVBoxLayout:
        box = QVBoxLayout()
        box.addWidget(edit)
        box.addWidget(self.errors[key])
        return box

    def _search(self, text: str) -> None:
        self.hits.clear()
        for hit in search_products(self._db, text):
            item = QListWidgetItem(f"{hit.sku}  {hit.name}  {hit.spec}  ¥{hit.price}")
            item.setData(Qt.ItemDataRole.UserRole, (hit.sku, hit.name, str(hit.price)))
            self.hits.addItem(item)
        if self.hits.count():
            self.hits.setCurrentRow(0)

    def add_selected(self) -> None:
        item = self.hits.currentItem()
        if item is None:
            return
        sku, name, price = item.data(Qt.ItemDataRole.UserRole)
        row = self.lines.rowCount()
        self.lines.insertRow(row)
        for col, value in enumerate((sku, name, str(self.quantity.value()), price, "")):
            self.lines.setItem(row, col, QTableWidgetItem(value))

    def split_address(self) -> None:
        parts = split_address(self.address_text.text())
        self.province.setText(parts.province)
        self.city.setText(parts.city)
        self.district.setText(parts.district)
        self.detail.setText(parts.detail)
        self.postcode.setText(parts.postcode)

    def _lines(self) -> tuple[ManualLine, ...]:
        lines = []
        for row in range(self.lines.rowCount()):
            text = [
                self.lines.item(row, c).text() if self.lines.item(row, c) else "" for c in range(5)
            ]
            try:
                price = Decimal(text[3])
            except InvalidOperation:
                price = Decimal("-1")
            quantity = int(text[2]) if text[2].strip().isdigit() else 0
            lines.append(ManualLine(text[0], quantity, price, text[4]))
        return tuple(lines)

    def order(self) -> ManualOrder:
        return ManualOrder(
            recipient=self.recipient.text(),
            phone=self.phone.text(),
            email=self.email.text(),
            address=AddressParts(
                self.province.text().strip(),
                self.city.text().strip(),
                self.district.text().strip(),
                self.detail.text().strip(),
                self.postcode.text().strip(),
            ),
            lines=self._lines(),
            paid=self.paid.isChecked(),
            requested_ship_date=self.ship_date.date().toPython()
            if self.want_date.isChecked()
            else None,
            remarks=self.remarks.text(),
            channel=self.channel.currentData(),
            address_raw=self.address_text.text().strip(),
        )

    def save(self) -> None:
        for label in self.errors.values():
            label.clear()
        try:
            self.created = create_manual_order(self._db, self.order())
        except FieldErrors as exc:
            for key, message in exc.errors.items():
                target = key if key in self.errors else "lines"
                if target == "lines" and key != "lines":
                    row = int(key.split(".")[1]) + 1
                    message = self.tr("第 %1 行：").replace("%1", str(row)) + message
                old = self.errors[target].text()
                self.errors[target].setText(f"{old}\n{message}" if old else message)
            return
        self.accept()
