"""Editing a recipient phone in a table cell: checked as it is typed, saved normalised.

The check is the verification rule's own (`app.verification.phone.normalize_phone`), so what
the editor accepts is what "verify again" accepts. A number the rule refuses shows the reason
inside the field and is not saved; an accepted one is saved as the rule writes it
(`19570230456`, or `13900000002-4821` with an extension).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QStyledItemDelegate

from app.verification.phone import PhoneResult, normalize_phone


def phone_text(result: PhoneResult) -> str:
    """The text `app.verification.edits.set_phone` stores for a valid phone."""
    return f"{result.number}-{result.extension}" if result.extension else result.number


class PhoneEditor(QLineEdit):
    """A line edit that shows, inside itself at the right, why the text is not a valid phone."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b00020; background: transparent;")
        self.error.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.error.setVisible(False)
        self.textChanged.connect(self.check)

    def check(self) -> PhoneResult:
        """Run the phone rule on the text and show its reason, if any."""
        result = normalize_phone(self.text())
        self.error.setText(result.reason)
        self.error.setVisible(not result.valid)
        self._place_error()
        return result

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._place_error()

    def _place_error(self) -> None:
        """Keep the reason at the right edge, and the typed text clear of it."""
        width = 0 if self.error.isHidden() else self.error.sizeHint().width() + 6
        self.error.setGeometry(self.width() - width, 0, width, self.height())
        self.setTextMargins(0, 0, width, 0)


class PhoneDelegate(QStyledItemDelegate):
    def createEditor(self, parent, option, index):  # noqa: N802 - Qt's name
        return PhoneEditor(parent)

    def setEditorData(self, editor: PhoneEditor, index) -> None:  # noqa: N802 - Qt's name
        editor.setText(index.data(Qt.ItemDataRole.EditRole) or "")

    def setModelData(self, editor: PhoneEditor, model, index) -> None:  # noqa: N802 - Qt's name
        """Only a phone the rule accepts is saved, in its normalised spelling."""
        result = editor.check()
        if result.valid:
            model.setData(index, phone_text(result), Qt.ItemDataRole.EditRole)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Enter on a refused number keeps the editor open with its reason; Esc still leaves."""
        if (
            isinstance(watched, PhoneEditor)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not watched.check().valid
        ):
            return True
        return super().eventFilter(watched, event)
