"""A supervisor's override at the packing desk: who, why, and (for scans) which line."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)


class SupervisorOverrideDialog(QDialog):
    """Keyboard-friendly: Tab between fields, Enter to accept, Esc to cancel."""

    def __init__(
        self, title: str, choices: list[str] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        form = QFormLayout(self)
        self.supervisor = QLineEdit(self)
        self.reason = QLineEdit(self)
        self.choice = QComboBox(self)
        if choices:
            self.choice.addItems(choices)
            form.addRow(self.tr("商品行"), self.choice)
        form.addRow(self.tr("主管"), self.supervisor)
        form.addRow(self.tr("原因"), self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("放行"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        (self.choice if choices else self.supervisor).setFocus()
