"""The outbox: customer messages waiting to be sent, marked sent once, exported as CSV."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.config import current_user
from app.errors import PackDeskError
from app.outbox.export import export_csv
from app.outbox.listing import list_messages, mark_sent
from app.outbox.templates import list_templates, save_template


class OutboxWindow(QWidget):
    def __init__(self, db, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("编号"),
                self.tr("订单号"),
                self.tr("渠道"),
                self.tr("状态"),
                self.tr("收件人"),
                self.tr("内容"),
            ]
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("标记为已发送"), self._mark_sent),
            (self.tr("导出CSV"), self._export),
            (self.tr("编辑模板"), self._edit_template),
            (self.tr("刷新"), self.refresh),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.refresh()

    def _words(self) -> dict[str, str]:
        return {
            "sms": self.tr("短信"),
            "email": self.tr("邮件"),
            "platform": self.tr("平台消息"),
            "pending": self.tr("待发送"),
            "sent": self.tr("已发送"),
            "failed": self.tr("失败"),
        }

    def refresh(self) -> None:
        with self.db.reading() as session:
            messages = list_messages(session)
        self.table.setRowCount(len(messages))
        for row, m in enumerate(messages):
            words = self._words()
            # A message kept for want of an address shows which one is missing: the outbox
            # stores it in Chinese (无邮箱地址) as the reason.
            state = m.error if m.state == "no_address" and m.error else words.get(m.state, m.state)
            values = (
                m.id,
                m.order_no,
                words.get(m.channel, m.channel),
                state,
                m.recipient,
                m.body.replace("\n", " "),
            )
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(str(value)))

    def _mark_sent(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        try:
            with self.db.transaction() as session:
                mark_sent(session, int(self.table.item(row, 0).text()))
        except PackDeskError as exc:
            QMessageBox.warning(self, self.tr("不能标记"), str(exc))
        self.refresh()

    def _export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出消息"), "outbox.csv", "CSV (*.csv)"
        )
        if path:
            with self.db.reading() as session, open(path, "wb") as handle:
                handle.write(export_csv(session))

    def _edit_template(self) -> None:
        """Pick a template, edit its text; unknown placeholders are refused by the service."""
        with self.db.reading() as session:
            templates = list_templates(session)
        names = [f"{t.description} ({t.key})" for t in templates]
        name, ok = QInputDialog.getItem(
            self, self.tr("编辑模板"), self.tr("模板："), names, 0, False
        )
        if not ok:
            return
        template = templates[names.index(name)]
        hint = self.tr("可用占位符：") + " ".join("{" + f + "}" for f in template.fields)
        subject = template.subject
        if template.subject:
            subject, ok = QInputDialog.getText(self, self.tr("邮件主题"), hint, text=subject)
            if not ok:
                return
        body, ok = QInputDialog.getMultiLineText(self, self.tr("模板内容"), hint, template.body)
        if not ok:
            return
        try:
            with self.db.transaction() as session:
                save_template(session, template.key, subject, body, current_user())
        except PackDeskError as exc:
            QMessageBox.warning(self, self.tr("模板有误"), str(exc))
