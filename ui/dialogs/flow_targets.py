"""The supervisor's target time per timed step of the flow, edited in one dialog.

A target of 0 switches the step's target off (the step is then never called the slowest).
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QMessageBox,
    QVBoxLayout,
)

from app.db.engine import Database
from app.errors import PackDeskError
from app.flow.steps import STEPS, TIMED_STEPS
from app.flow.targets import current_targets, set_targets

log = logging.getLogger(__name__)


class FlowTargetsDialog(QDialog):
    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self._db = db
        self.setWindowTitle(self.tr("流程目标时间"))
        self.spins: dict[str, QDoubleSpinBox] = {}
        self.setMinimumWidth(300)

        form = QFormLayout()
        saved = current_targets(db)
        # Only timed steps: the others happen inside one transition and have no time to judge.
        for step in STEPS:
            if step.key not in TIMED_STEPS:
                continue
            spin = QDoubleSpinBox()
            spin.setRange(0, 24 * 30)
            spin.setDecimals(1)
            spin.setSuffix(self.tr(" 小时"))
            spin.setSpecialValueText(self.tr("不设目标"))
            spin.setValue(saved.get(step.key) or 0)
            self.spins[step.key] = spin
            form.addRow(step.label, spin)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> None:
        hours = {key: (spin.value() or None) for key, spin in self.spins.items()}
        try:
            set_targets(self._db, hours)
        except PackDeskError as exc:
            QMessageBox.warning(self, self.tr("无法保存"), str(exc))
            return
        self.accept()
