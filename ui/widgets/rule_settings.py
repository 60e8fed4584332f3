"""The supervisor's thresholds for the exception rules and the compensation approval limit."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import PackDeskError
from app.tracking.rule_settings import RuleSettings, rule_settings, save_rule_settings


def _spin(lowest: int, highest: int, suffix: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(lowest, highest)
    box.setSuffix(suffix)
    return box


class RuleSettingsPanel(QWidget):
    def __init__(self, db, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.no_first_event = _spin(1, 720, self.tr(" 小时"))
        self.stalled = _spin(1, 720, self.tr(" 小时"))
        self.overdue = _spin(0, 30, self.tr(" 天"))
        self.watch = _spin(1, 365, self.tr(" 天"))
        self.limit = QDoubleSpinBox()
        self.limit.setRange(0, 100000)
        self.limit.setDecimals(2)
        self.limit.setPrefix("¥")
        save = QPushButton(self.tr("保存"))
        save.clicked.connect(self.save)
        self.message = QLabel()

        form = QFormLayout()
        form.addRow(self.tr("交接后多久没有揽收算异常"), self.no_first_event)
        form.addRow(self.tr("运输中多久没有新记录算异常"), self.stalled)
        form.addRow(self.tr("超过预计送达日几天算异常"), self.overdue)
        form.addRow(self.tr("只监控最近几天发出的包裹"), self.watch)
        form.addRow(self.tr("补偿超过此金额须主管审批"), self.limit)
        form.addRow("", save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.load()

    def load(self) -> None:
        with self.db.reading() as session:
            current = rule_settings(session)
        self.no_first_event.setValue(current.no_first_event_hours)
        self.stalled.setValue(current.stalled_hours)
        self.overdue.setValue(current.overdue_grace_days)
        self.watch.setValue(current.watch_days)
        self.limit.setValue(float(current.approval_limit))

    def save(self) -> None:
        wanted = RuleSettings(
            no_first_event_hours=self.no_first_event.value(),
            stalled_hours=self.stalled.value(),
            overdue_grace_days=self.overdue.value(),
            watch_days=self.watch.value(),
            # The spin box holds a float; its text is the exact two-decimal amount shown.
            approval_limit=Decimal(f"{self.limit.value():.2f}"),
        )
        try:
            save_rule_settings(self.db, wanted)
        except PackDeskError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(self.tr("已保存，下次刷新异常时生效"))
