"""The Returns window: returns by state with their ages, every step of one, and its actions.

Left, the list (a tab per state); right, the chosen return: its lines checked against the
policy, shipping, refund and the dated steps with their users, the action buttons, and the
receiving panel where the scanner works.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabBar,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.db.engine import Database
from app.documents.rma_slip import render_rma_slip
from app.errors import PackDeskError
from app.returns.errors import NotEligible
from app.returns.exchange import exchange_return
from app.returns.queries import ReturnDetail, get_return, list_returns
from app.returns.refund import preview_refund, refund_return
from app.returns.request import link_return
from app.returns.review import review_return
from ui.dialogs.return_request import ReturnRequestDialog
from ui.dialogs.return_shipping import ReturnShippingDialog
from ui.format import local_time, money
from ui.models.returns_table import Column, ReturnsTableModel, return_state_labels
from ui.widgets.return_receiving import ReturnReceivingPanel

STATES = (
    "requested",
    "approved",
    "in_transit",
    "received",
    "inspected",
    "refunded",
    "exchanged",
    "rejected",
)
# Which action buttons make sense in which states.
ENABLED = {
    "review": {"requested", "received", "inspected"},
    "ship": {"approved"},
    "slip": set(STATES) - {"rejected"},
    "refund": {"inspected"},
    "exchange": {"inspected"},
}


class ReturnsWindow(QWidget):
    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self._db = db
        self._detail: ReturnDetail | None = None
        self._states = return_state_labels()
        self._actions = {
            "approve": self.tr("同意"),
            "reject": self.tr("拒绝"),
            "created": self.tr("登记"),
            "linked": self.tr("关联订单"),
            "approved": self.tr("审核同意"),
            "rejected": self.tr("拒绝"),
            "shipping": self.tr("退回物流"),
            "received": self.tr("收货"),
            "graded": self.tr("判定"),
            "inspected": self.tr("检验完成"),
            "refunded": self.tr("退款"),
            "exchanged": self.tr("换货"),
        }

        self.tabs = QTabBar()
        self.tabs.addTab(self.tr("全部"))
        for state in STATES:
            self.tabs.addTab(self._states[state])
        self.new_button = QPushButton(self.tr("新建退货 (Ctrl+N)"))
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.model = ReturnsTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in (
            (Column.RMA_NO, 140),
            (Column.ORDER_NO, 95),
            (Column.STATE, 64),
            (Column.CUSTOMER, 64),
            (Column.UNITS, 64),
            (Column.AGE, 64),
            (Column.IN_STATE, 64),
        ):
            self.table.setColumnWidth(column, width)

        self.detail = QTextBrowser()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = {
            "approve": QPushButton(self.tr("同意退货")),
            "reject": QPushButton(self.tr("拒绝")),
            "link": QPushButton(self.tr("关联订单")),
            "ship": QPushButton(self.tr("登记退回物流")),
            "slip": QPushButton(self.tr("打印退货单")),
            "refund": QPushButton(self.tr("退款")),
            "exchange": QPushButton(self.tr("换货")),
        }
        self.receiving = ReturnReceivingPanel(db)

        top = QHBoxLayout()
        top.addWidget(self.tabs, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.refresh_button)
        actions = QHBoxLayout()
        for button in self.buttons.values():
            actions.addWidget(button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail, 3)
        right_layout.addLayout(actions)
        right_layout.addWidget(self.message)
        right_layout.addWidget(self.receiving, 2)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setSizes([650, 650])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter)

        self.tabs.currentChanged.connect(lambda _: self.refresh())
        self.refresh_button.clicked.connect(self.refresh)
        self.new_button.clicked.connect(self.new_return)
        shortcut = QShortcut(QKeySequence("Ctrl+N"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.new_return)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.receiving.open_return.connect(self.open_return)
        self.receiving.changed.connect(self.open_return)
        self.buttons["approve"].clicked.connect(lambda: self.review(approve=True))
        self.buttons["reject"].clicked.connect(lambda: self.review(approve=False))
        self.buttons["link"].clicked.connect(self.link)
        self.buttons["ship"].clicked.connect(self.record_shipping)
        self.buttons["slip"].clicked.connect(self.print_slip)
        self.buttons["refund"].clicked.connect(self.refund)
        self.buttons["exchange"].clicked.connect(self.exchange)
        self.refresh()
        self._show(None)

    # The list ---------------------------------------------------------------------------

    def current_state(self) -> str | None:
        index = self.tabs.currentIndex()
        return STATES[index - 1] if index > 0 else None

    def refresh(self) -> None:
        keep = self._detail.rma_no if self._detail else None
        self.model.set_rows(list_returns(self._db, self.current_state()))
        row = self.model.row_of(keep) if keep else -1
        if row >= 0:
            self.table.selectRow(row)

    def _row_changed(self, current, _previous) -> None:
        if current.isValid():
            self.open_return(self.model.summary(current.row()).rma_no, reload_list=False)

    def open_return(self, rma_no: str, reload_list: bool = True) -> None:
        try:
            detail = get_return(self._db, rma_no)
        except PackDeskError as exc:
            self._say(str(exc))
            return
        self._show(detail)
        if reload_list:
            self.refresh()

    # The detail -------------------------------------------------------------------------

    def _show(self, detail: ReturnDetail | None) -> None:
        self._detail = detail
        self.receiving.set_return(detail)
        state = detail.state if detail else ""
        undecided = detail is not None and not detail.decision
        self.buttons["approve"].setEnabled(undecided and state in ENABLED["review"])
        self.buttons["reject"].setEnabled(undecided and state in ENABLED["review"])
        self.buttons["link"].setEnabled(detail is not None and not detail.order_no)
        for key in ("ship", "slip", "refund", "exchange"):
            self.buttons[key].setEnabled(state in ENABLED[key])
        self.detail.setHtml(
            self._detail_html(detail)
            if detail
            else self.tr("<p>选择左侧的退货单，或扫描退货单号。</p>")
        )

    def _detail_html(self, d: ReturnDetail) -> str:
        e = html.escape
        parts = [
            f"<h3>{e(d.rma_no)} · {e(self._states[d.state])}</h3>",
            "<p>"
            + self.tr("原订单：{o}　客户：{c}　电话：{p}").format(
                o=e(d.order_no or self.tr("未关联")), c=e(d.customer), p=e(d.phone)
            )
            + "</p>",
        ]
        if d.decision:
            parts.append("<p>" + self.tr("审核：{r}").format(r=e(d.decision_reason)) + "</p>")
        rows = "".join(
            f"<tr><td>{e(ln.sku)}</td><td>{e(ln.name)}</td><td>{ln.quantity}</td>"
            f"<td>{ln.received}</td><td>{e(ln.reason_label)} {e(ln.reason_text)}</td>"
            f"<td style='color:{'#1b7f3b' if el.eligible else '#c62828'}'>{e(el.why)}</td></tr>"
            for ln, el in zip(d.lines, d.eligibility, strict=True)
        )
        parts.append(
            "<table border='1' cellspacing='0' cellpadding='3' width='100%'><tr>"
            + "".join(
                f"<th>{h}</th>"
                for h in (
                    self.tr("编码"),
                    self.tr("商品"),
                    self.tr("申请"),
                    self.tr("已收"),
                    self.tr("原因"),
                    self.tr("政策"),
                )
            )
            + f"</tr>{rows}</table>"
        )
        if d.return_tracking_no:
            parts.append(
                "<p>"
                + self.tr("退回物流：{c} {n}，{a}").format(
                    c=e(d.return_carrier), n=e(d.return_tracking_no), a=e(d.return_address)
                )
                + "</p>"
            )
        if d.refund_total is not None:
            parts.append("<p>" + self.tr("退款：{m}").format(m=money(d.refund_total)) + "</p>")
        if d.replacement_order_no:
            parts.append(
                "<p>" + self.tr("换货订单：{o}").format(o=e(d.replacement_order_no)) + "</p>"
            )
        steps = "".join(
            f"<tr><td>{local_time(s.at)}</td><td>{e(s.user)}</td>"
            f"<td>{e(self._actions.get(s.action, s.action))}</td>"
            f"<td>{e(self._states.get(s.to_state, s.to_state))}</td><td>{e(s.note)}</td></tr>"
            for s in d.steps
        )
        parts.append(
            "<h4>" + self.tr("处理记录") + "</h4><table cellpadding='2'>" + steps + "</table>"
        )
        return "".join(parts)

    def _say(self, text: str) -> None:
        self.message.setText(text)

    def _confirm(self, title: str, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        yes = box.addButton(self.tr("确定"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("取消"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is yes

    def _ask_text(self, title: str, label: str) -> str | None:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setOkButtonText(self.tr("确定"))
        dialog.setCancelButtonText(self.tr("取消"))
        return dialog.textValue() if dialog.exec() else None

    # Actions ------------------------------------------------------------------------------

    def _run(self, action) -> bool:
        """Run one service call; errors become the red message line instead of a crash."""
        try:
            action()
        except PackDeskError as exc:
            self._say(str(exc))
            return False
        self._say("")
        self.open_return(self._detail.rma_no)
        return True

    def new_return(self) -> None:
        dialog = ReturnRequestDialog(self._db, self)
        if dialog.exec() and dialog.created is not None:
            self.tabs.setCurrentIndex(0)
            self.open_return(dialog.created.rma_no)

    def review(self, approve: bool) -> None:
        title = self.tr("同意退货") if approve else self.tr("拒绝退货")
        reason = self._ask_text(title, self.tr("理由（会发送给客户）："))
        if reason is None:
            return
        rma_no = self._detail.rma_no
        try:
            review_return(self._db, rma_no, approve=approve, reason=reason)
        except NotEligible as exc:
            if not self._confirm(title, str(exc) + "\n\n" + self.tr("仍然同意（主管放行）？")):
                return
            self._run(
                lambda: review_return(self._db, rma_no, approve=True, reason=reason, override=True)
            )
            return
        except PackDeskError as exc:
            self._say(str(exc))
            return
        self.open_return(rma_no)

    def link(self) -> None:
        code = self._ask_text(self.tr("关联订单"), self.tr("订单号 / 运单号 / 手机号："))
        if code is not None:
            self._run(lambda: link_return(self._db, self._detail.rma_no, code))

    def record_shipping(self) -> None:
        if ReturnShippingDialog(self._db, self._detail.rma_no, self).exec():
            self.open_return(self._detail.rma_no)

    def print_slip(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存退货单"), f"{self._detail.rma_no}.pdf", self.tr("PDF (*.pdf)")
        )
        if name:
            try:
                data = render_rma_slip(self._db, self._detail.rma_no)
            except PackDeskError as exc:
                self._say(str(exc))
                return
            with open(name, "wb") as out:
                out.write(data)
            self._say(self.tr("已保存 {f}").format(f=name))

    def refund(self) -> None:
        rma_no = self._detail.rma_no
        try:
            b = preview_refund(self._db, rma_no)
        except PackDeskError as exc:
            self._say(str(exc))
            return
        lines = "\n".join(
            self.tr("{sku}：{n}/{q} 件，实付 {paid}（已摊优惠 {d}），退 {r}").format(
                sku=ln.sku,
                n=ln.units,
                q=ln.ordered,
                paid=money(ln.paid),
                d=money(ln.discount_share),
                r=money(ln.refund),
            )
            for ln in b.lines
        )
        text = (
            lines
            + "\n"
            + self.tr("运费 {p}（{rule}），退回运费 {rp}\n合计退款 {t}").format(
                p=money(b.postage),
                rule=b.postage_rule,
                rp=money(b.return_postage),
                t=money(b.total),
            )
        )
        if self._confirm(self.tr("确认退款"), text):
            self._run(lambda: refund_return(self._db, rma_no))

    def exchange(self) -> None:
        if self._confirm(self.tr("确认换货"), self.tr("按退回的商品生成换货订单？")):
            self._run(lambda: exchange_return(self._db, self._detail.rma_no))
