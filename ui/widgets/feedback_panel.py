"""Customer feedback and compensation entry, with the approvals waiting for a supervisor."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import PackDeskError
from app.tracking.compensation import (
    DEFAULT_CAUSE,
    add_compensation,
    decide_compensation,
    list_compensations,
    totals_by_cause,
)
from app.tracking.feedback import add_feedback, packing_patterns, recent_feedback
from ui.format import local_time, money


def category_labels() -> dict[str, str]:
    return {
        "delay": QCoreApplication.translate("FeedbackCategory", "延误"),
        "damage": QCoreApplication.translate("FeedbackCategory", "破损"),
        "wrong_item": QCoreApplication.translate("FeedbackCategory", "发错货"),
        "missing_item": QCoreApplication.translate("FeedbackCategory", "少件"),
        "courier": QCoreApplication.translate("FeedbackCategory", "快递服务"),
        "praise": QCoreApplication.translate("FeedbackCategory", "表扬"),
        "other": QCoreApplication.translate("FeedbackCategory", "其他"),
    }


def kind_labels() -> dict[str, str]:
    return {
        "coupon": QCoreApplication.translate("CompensationKind", "优惠券"),
        "refund": QCoreApplication.translate("CompensationKind", "部分退款"),
        "resend": QCoreApplication.translate("CompensationKind", "补发"),
    }


def cause_labels() -> dict[str, str]:
    return {
        "carrier": QCoreApplication.translate("CompensationCause", "快递"),
        "packing": QCoreApplication.translate("CompensationCause", "打包"),
        "stock": QCoreApplication.translate("CompensationCause", "库存"),
    }


def state_labels() -> dict[str, str]:
    return {
        "approved": QCoreApplication.translate("CompensationState", "已批准"),
        "pending": QCoreApplication.translate("CompensationState", "待主管审批"),
        "rejected": QCoreApplication.translate("CompensationState", "已驳回"),
    }


def _combo(labels: dict[str, str]) -> QComboBox:
    combo = QComboBox()
    for code, label in labels.items():
        combo.addItem(label, code)
    return combo


class FeedbackPanel(QWidget):
    def __init__(self, db, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self._categories = category_labels()
        self._kinds = kind_labels()
        self._causes = cause_labels()
        self._states = state_labels()

        self.order_no = QLineEdit()
        self.category = _combo(self._categories)
        self.category.currentIndexChanged.connect(self._suggest_cause)
        self.text = QPlainTextEdit()
        self.text.setFixedHeight(60)
        self.photo = QLineEdit()
        browse = QPushButton(self.tr("选择照片…"))
        browse.clicked.connect(self._browse)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photo, 1)
        photo_row.addWidget(browse)
        save = QPushButton(self.tr("记录反馈"))
        save.clicked.connect(self.save_feedback)

        form = QFormLayout()
        form.addRow(self.tr("订单号"), self.order_no)
        form.addRow(self.tr("类别"), self.category)
        form.addRow(self.tr("内容"), self.text)
        form.addRow(self.tr("照片"), photo_row)
        form.addRow("", save)
        entry = QGroupBox(self.tr("客户反馈"))
        entry.setLayout(form)

        self.feedback = QTableWidget(0, 6)
        self.feedback.setHorizontalHeaderLabels(
            [
                self.tr("编号"),
                self.tr("订单号"),
                self.tr("类别"),
                self.tr("打包人"),
                self.tr("内容"),
                self.tr("时间"),
            ]
        )
        self.feedback.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.feedback.verticalHeader().setVisible(False)
        self.feedback.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(entry, 1)
        top.addWidget(self._compensation_box(), 1)
        layout.addLayout(top)
        layout.addWidget(self.feedback, 1)
        self.patterns = QLabel()
        self.patterns.setWordWrap(True)
        layout.addWidget(self.patterns)
        layout.addWidget(self._approvals_box(), 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.refresh()

    def _compensation_box(self) -> QGroupBox:
        self.kind = _combo(self._kinds)
        self.value = QLineEdit()
        self.value.setPlaceholderText(self.tr("金额（元）"))
        self.cause = _combo(self._causes)
        self.coupon = QLineEdit()
        self.coupon.setPlaceholderText(self.tr("发优惠券时填写"))
        grant = QPushButton(self.tr("为选中的反馈登记补偿"))
        grant.clicked.connect(self.save_compensation)
        self.totals = QLabel()
        form = QFormLayout()
        form.addRow(self.tr("方式"), self.kind)
        form.addRow(self.tr("金额"), self.value)
        form.addRow(self.tr("原因归属"), self.cause)
        form.addRow(self.tr("券码"), self.coupon)
        form.addRow("", grant)
        form.addRow(self.tr("已批准合计"), self.totals)
        box = QGroupBox(self.tr("补偿"))
        box.setLayout(form)
        return box

    def _approvals_box(self) -> QGroupBox:
        self.pending = QTableWidget(0, 6)
        self.pending.setHorizontalHeaderLabels(
            [
                self.tr("编号"),
                self.tr("订单号"),
                self.tr("方式"),
                self.tr("金额"),
                self.tr("原因"),
                self.tr("状态"),
            ]
        )
        self.pending.verticalHeader().setVisible(False)
        self.pending.horizontalHeader().setStretchLastSection(True)
        self.pending.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        approve, reject = QPushButton(self.tr("主管批准")), QPushButton(self.tr("驳回"))
        approve.clicked.connect(lambda: self.decide(True))
        reject.clicked.connect(lambda: self.decide(False))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(approve)
        buttons.addWidget(reject)
        layout = QVBoxLayout()
        layout.addWidget(self.pending)
        layout.addLayout(buttons)
        box = QGroupBox(self.tr("补偿记录（超过限额须主管审批）"))
        box.setLayout(layout)
        return box

    def _suggest_cause(self) -> None:
        cause = DEFAULT_CAUSE.get(self.category.currentData())
        if cause:
            self.cause.setCurrentIndex(self.cause.findData(cause))

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("客户照片"), "", self.tr("图片 (*.jpg *.jpeg *.png *.heic)")
        )
        if path:
            self.photo.setText(path)

    def refresh(self) -> None:
        with self.db.reading() as session:
            feedback = recent_feedback(session)
            compensations = list_compensations(session)
            totals = totals_by_cause(session)
            patterns = packing_patterns(session)
        self.feedback.setRowCount(len(feedback))
        for row, fb in enumerate(feedback):
            values = (
                str(fb.id),
                fb.order_no,
                self._categories[fb.category],
                fb.packed_by,
                fb.text,
                local_time(fb.at),
            )
            for col, value in enumerate(values):
                self.feedback.setItem(row, col, QTableWidgetItem(value))
        self.feedback.resizeColumnToContents(5)
        self.pending.setRowCount(len(compensations))
        for row, c in enumerate(compensations):
            values = (
                str(c.id),
                c.order_no,
                self._kinds[c.kind],
                money(c.value),
                self._causes[c.cause],
                self._states[c.state],
            )
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if c.state == "pending":
                    item.setBackground(Qt.GlobalColor.yellow)
                self.pending.setItem(row, col, item)
        clerks = "；".join(
            self.tr("{c} {k} {n} 次").format(c=p.clerk, k=self._categories[p.category], n=p.count)
            for p in patterns[:6]
        )
        self.patterns.setText(self.tr("打包相关反馈（按打包员）：{p}").format(p=clerks or "—"))
        self.totals.setText("；".join(f"{self._causes[k]} {money(v)}" for k, v in totals.items()))

    def save_feedback(self) -> None:
        try:
            fb = add_feedback(
                self.db,
                self.order_no.text(),
                self.category.currentData(),
                self.text.toPlainText(),
                photo=self.photo.text().strip() or None,
            )
        except PackDeskError as exc:
            self.message.setText(str(exc))
            return
        clerk = self.tr("，打包人 {c}").format(c=fb.packed_by) if fb.packed_by else ""
        self.message.setText(self.tr("反馈 {n} 已记录{c}").format(n=fb.id, c=clerk))
        self.text.clear()
        self.photo.clear()
        self.refresh()
        self.feedback.selectRow(0)

    def _selected_id(self, table: QTableWidget) -> int | None:
        row = table.currentRow()
        return int(table.item(row, 0).text()) if row >= 0 and table.item(row, 0) else None

    def save_compensation(self) -> None:
        feedback_id = self._selected_id(self.feedback)
        if feedback_id is None:
            self.message.setText(self.tr("请先在列表中选中一条反馈"))
            return
        try:
            c = add_compensation(
                self.db,
                feedback_id,
                self.kind.currentData(),
                self.value.text().strip(),
                self.cause.currentData(),
                coupon_code=self.coupon.text(),
            )
        except PackDeskError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(self.tr("补偿 {n}：{s}").format(n=c.id, s=self._states[c.state]))
        self.value.clear()
        self.coupon.clear()
        self.refresh()

    def decide(self, approve: bool) -> None:
        compensation_id = self._selected_id(self.pending)
        if compensation_id is None:
            return
        try:
            c = decide_compensation(self.db, compensation_id, approve)
        except PackDeskError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(self.tr("补偿 {n}：{s}").format(n=c.id, s=self._states[c.state]))
        self.refresh()
