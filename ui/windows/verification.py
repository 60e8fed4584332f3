"""The verification window: held orders oldest first, their findings, fixes and releases.

Clicking a finding opens the editor of the field it names: the phone and address rows of the
recipient table (delegates that check with the verification rules' own phone and address
parsers) or the SKU cell of the line (a delegate offering catalogue codes). Edits go through
`app.verification.edits` and can be undone until the order is confirmed; "verify again"
re-runs the rules for the order.
"""

from __future__ import annotations

import logging
from enum import IntEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.config import current_user, desk_timezone
from app.errors import PackDeskError
from app.orders.queries import order_detail
from app.orders.status import LABELS, Status
from app.verification import edits
from app.verification.confirm import confirm_clean_orders
from app.verification.queue import catalog_skus, held_queue
from app.verification.service import verify_orders
from ui.widgets.address_delegate import AddressDelegate
from ui.widgets.phone_delegate import PhoneDelegate
from ui.widgets.sku_delegate import SkuDelegate
from ui.worker import run_in_thread

log = logging.getLogger(__name__)


class Recipient(IntEnum):
    """Rows of the recipient table."""

    PHONE = 0
    ADDRESS = 1


class _Edit(QUndoCommand):
    """One field edit; undo writes the old value back through the same service function."""

    def __init__(self, window: VerificationWindow, setter, order_no: str, new: str, label: str):
        super().__init__(label)
        self._window, self._setter, self._order_no, self._new = window, setter, order_no, new
        self._old: str | None = None

    def redo(self) -> None:
        self._old = self._setter(self._window.db, self._order_no, self._new, current_user())
        self._window.show_order(self._order_no)

    def undo(self) -> None:
        self._setter(self._window.db, self._order_no, self._old or "", current_user())
        self._window.show_order(self._order_no)


class VerificationWindow(QWidget):
    def __init__(self, db, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.current: str | None = None
        self.undo_stack = QUndoStack(self)

        self.queue = QListWidget()
        # The reason is what the clerk reads first: wrap it rather than hide it off the edge.
        self.queue.setWordWrap(True)
        self.queue.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.queue.setAlternatingRowColors(True)
        self.queue.currentItemChanged.connect(self._queue_clicked)
        self.findings = QListWidget()
        self.findings.itemClicked.connect(self._finding_clicked)
        self.recipient = QTableWidget(len(Recipient), 1)
        self.recipient.setVerticalHeaderLabels([self.tr("收件电话"), self.tr("收货地址")])
        self.recipient.horizontalHeader().setVisible(False)
        self.recipient.horizontalHeader().setStretchLastSection(True)
        self.recipient.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.recipient.setItemDelegateForRow(Recipient.PHONE, PhoneDelegate(self))
        self.recipient.setItemDelegateForRow(Recipient.ADDRESS, AddressDelegate(self))
        for row in Recipient:
            self.recipient.setItem(row, 0, QTableWidgetItem())
        self.recipient.setFixedHeight(
            self.recipient.verticalHeader().length() + 2 * self.recipient.frameWidth()
        )
        self.lines = QTableWidget(0, 4)
        self.lines.setHorizontalHeaderLabels(
            [self.tr("行"), self.tr("商家编码"), self.tr("标题"), self.tr("数量")]
        )
        self.lines.horizontalHeader().setStretchLastSection(True)
        with db.reading() as session:
            self.lines.setItemDelegateForColumn(1, SkuDelegate(catalog_skus(session), self))
        self.remarks = QLabel()
        self.remarks.setWordWrap(True)
        self.remarks.setStyleSheet("font-weight: bold; color: #a33;")
        self.parsed = QLabel()
        self.history = QListWidget()
        self.progress = QProgressBar()
        self.progress.setVisible(False)

        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("重新审核"), self._verify_again),
            (self.tr("主管放行"), self._release),
            (self.tr("撤销"), self.undo_stack.undo),
            (self.tr("审核全部新订单"), self._verify_all),
            (self.tr("确认全部无问题订单"), self._confirm_all),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)

        detail = QVBoxLayout()
        detail.addWidget(self.remarks)
        detail.addWidget(QLabel(self.tr("问题（点击定位到字段）")))
        detail.addWidget(self.findings)
        detail.addWidget(self.recipient)
        detail.addWidget(self.parsed)
        detail.addWidget(self.lines)
        detail.addWidget(QLabel(self.tr("订单历史")))
        detail.addWidget(self.history)
        body = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("挂起的订单（最早的在前）")))
        left.addWidget(self.queue)
        body.addLayout(left, 1)
        body.addLayout(detail, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addLayout(body)
        self.lines.itemChanged.connect(self._line_edited)
        self.recipient.itemChanged.connect(self._recipient_edited)
        self.refresh()

    def refresh(self) -> None:
        with self.db.reading() as session:
            held = held_queue(session)
        self.queue.clear()
        for order in held:
            item = QListWidgetItem(
                f"{order.order_no}  {order.recipient}  {'；'.join(order.reasons)}"
            )
            item.setData(256, order.order_no)
            self.queue.addItem(item)

    def _queue_clicked(self, item, _previous=None) -> None:
        if item is not None:
            self.undo_stack.clear()
            self.show_order(item.data(256))

    def show_order(self, order_no: str) -> None:
        with self.db.reading() as session:
            detail = order_detail(session, order_no)
        self.current = order_no
        self.findings.clear()
        severities = {"hold": self.tr("挂起"), "warn": self.tr("提醒"), "info": self.tr("信息")}
        for f in detail.findings:
            item = QListWidgetItem(f"【{severities.get(f.severity, f.severity)}】{f.reason}")
            item.setData(256, f.field)
            self.findings.addItem(item)
        self.recipient.blockSignals(True)
        phone = f"{detail.phone}-{detail.phone_ext}" if detail.phone_ext else detail.phone
        self.recipient.item(Recipient.PHONE, 0).setText(phone)
        self.recipient.item(Recipient.ADDRESS, 0).setText(detail.address_raw)
        self.recipient.blockSignals(False)
        parts = [
            f"{name}（{code}）"
            for name, code in (
                (detail.province, detail.province_code),
                (detail.city, detail.city_code),
                (detail.district, detail.district_code),
            )
            if name
        ]
        self.parsed.setText(" / ".join(parts) + f"  {detail.address_detail}")
        remarks = [
            f"{self.tr('买家留言')}：{detail.buyer_remark}" if detail.buyer_remark else "",
            f"{self.tr('卖家备注')}：{detail.seller_remark}" if detail.seller_remark else "",
        ]
        self.remarks.setText("\n".join(r for r in remarks if r))
        self.lines.blockSignals(True)
        self.lines.setRowCount(len(detail.lines))
        for row, line in enumerate(detail.lines):
            for col, value in enumerate((line.line_no, line.sku, line.title, line.quantity)):
                self.lines.setItem(row, col, QTableWidgetItem(str(value)))
        self.lines.blockSignals(False)
        zone = desk_timezone()
        self.history.clear()
        for e in detail.events:
            before = LABELS[Status(e.from_status)] if e.from_status else "—"
            self.history.addItem(
                f"{e.at.astimezone(zone):%Y-%m-%d %H:%M}  {before} → "
                f"{LABELS[Status(e.to_status)]}  {e.user}  {e.note}"
            )

    def _finding_clicked(self, item) -> None:
        """Open the editor of the field the finding names."""
        field = item.data(256) or ""
        if field.startswith("lines["):
            row = int(field[6 : field.index("]")]) - 1
            self.lines.setCurrentCell(row, 1)
            self.lines.setFocus()
            if field.endswith(".sku") and self.lines.item(row, 1) is not None:
                self.lines.editItem(self.lines.item(row, 1))
            return
        row = Recipient.PHONE if field == "phone" else Recipient.ADDRESS
        self.recipient.setCurrentCell(row, 0)
        self.recipient.setFocus()
        self.recipient.editItem(self.recipient.item(row, 0))

    def _push(self, setter, new: str, label: str) -> None:
        if self.current is None:
            return
        try:
            self.undo_stack.push(_Edit(self, setter, self.current, new, label))
        except PackDeskError as exc:
            QMessageBox.warning(self, self.tr("不能修改"), str(exc))

    def _recipient_edited(self, item) -> None:
        """A delegate saved a phone or an address: record it as an undoable edit."""
        if item.row() == Recipient.PHONE:
            self._push(edits.set_phone, item.text(), self.tr("修改电话"))
        else:
            self._push(edits.set_address, item.text(), self.tr("修改地址"))

    def _line_edited(self, item) -> None:
        if item.column() != 1 or self.current is None:
            return
        line_no = int(self.lines.item(item.row(), 0).text())

        def setter(db, order_no, sku, user):
            return edits.set_line_sku(db, order_no, line_no, sku, user)

        self._push(setter, item.text(), self.tr("修改商家编码"))

    def _verify_again(self) -> None:
        if self.current:
            verify_orders(self.db, [self.current])
            self.show_order(self.current)
            self.refresh()

    def _release(self) -> None:
        if not self.current:
            return
        reason, ok = QInputDialog.getText(self, self.tr("主管放行"), self.tr("放行理由："))
        if not ok:
            return
        try:
            edits.release_hold(self.db, self.current, reason, current_user())
        except PackDeskError as exc:
            QMessageBox.warning(self, self.tr("不能放行"), str(exc))
            return
        self.undo_stack.clear()
        self.show_order(self.current)
        self.refresh()

    def _verify_all(self) -> None:
        self.progress.setVisible(True)
        self.progress.setValue(0)
        run_in_thread(
            self,
            lambda report: verify_orders(self.db, on_progress=report),
            self._verified,
            self._failed,
            self._progressed,
        )

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _verified(self, report) -> None:
        self.progress.setVisible(False)
        self.refresh()
        self.setWindowTitle(
            self.tr("审核完成：通过 %1，挂起 %2")
            .replace("%1", str(report.verified))
            .replace("%2", str(report.held))
        )

    def _failed(self, exc: Exception) -> None:
        self.progress.setVisible(False)
        QMessageBox.critical(self, self.tr("审核失败"), str(exc))

    def _confirm_all(self) -> None:
        done = confirm_clean_orders(self.db)
        self.undo_stack.clear()
        QMessageBox.information(
            self, self.tr("确认订单"), self.tr("已确认 %1 单").replace("%1", str(len(done)))
        )
