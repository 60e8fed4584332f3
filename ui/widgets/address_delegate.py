"""Editing a recipient address in a table cell: paste it whole, correct the parts it split into.

A pasted address is split by the verification rule's own parser
(`app.verification.address.parse_address`) into province, city, district and detail, each in
its own field so a clerk corrects only the part that is wrong. The fields show the GB/T 2260
codes they resolve to, or why the address cannot be shipped to yet, as the clerk types. What is
saved is the corrected parts in the platforms' spaced form ("浙江省 杭州市 拱墅区 体育场路1号"),
which the next verification parses back to exactly those parts.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QWidget,
)

from app.verification.address import ParsedAddress, parse_address


def _tr(text: str) -> str:
    return QCoreApplication.translate("AddressEditor", text)


class AddressEditor(QWidget):
    """The pasted text on top, the parts it was split into below, and what they resolve to."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self.raw = QLineEdit()
        self.raw.setPlaceholderText(_tr("粘贴完整地址，自动拆分"))
        self.province, self.city, self.district = QLineEdit(), QLineEdit(), QLineEdit()
        self.detail = QLineEdit()
        for field, hint in (
            (self.province, _tr("省")),
            (self.city, _tr("市")),
            (self.district, _tr("区县")),
            (self.detail, _tr("详细地址")),
        ):
            field.setPlaceholderText(hint)
            field.textEdited.connect(self._part_edited)
        self.status = QLabel()
        self.postcode = ""
        # True once the clerk changed something; an untouched editor saves nothing.
        self.changed = False

        layout = QGridLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(4)
        layout.addWidget(self.raw, 0, 0, 1, 4)
        layout.addWidget(self.province, 1, 0)
        layout.addWidget(self.city, 1, 1)
        layout.addWidget(self.district, 1, 2)
        layout.addWidget(self.detail, 1, 3)
        layout.addWidget(self.status, 2, 0, 1, 4)
        layout.setColumnStretch(3, 3)
        self.setFocusProxy(self.raw)
        self.raw.textEdited.connect(self._pasted)

    def fields(self) -> tuple[QLineEdit, ...]:
        return (self.raw, self.province, self.city, self.district, self.detail)

    def set_address(self, text: str) -> None:
        """Show a stored address, split; nothing counts as changed yet."""
        self.raw.setText(text)
        self.split(text)
        self.changed = False

    def split(self, text: str) -> ParsedAddress:
        """Fill the part fields from `text` as the verification rule reads it."""
        parsed = parse_address(text)
        self.province.setText(parsed.province)
        self.city.setText(parsed.city)
        self.district.setText(parsed.district)
        self.detail.setText(parsed.detail)
        self.postcode = parsed.postcode
        self._show(parsed)
        return parsed

    def text(self) -> str:
        """The corrected address in the spaced form the parser reads back part for part."""
        parts = (self.province, self.city, self.district, self.detail)
        text = " ".join(p.text().strip() for p in parts if p.text().strip())
        return f"{text}({self.postcode})" if text and self.postcode else text

    def _pasted(self, text: str) -> None:
        self.changed = True
        self.split(text)

    def _part_edited(self) -> None:
        self.changed = True
        self._show(parse_address(self.text()))

    def _show(self, parsed: ParsedAddress) -> None:
        """The codes the parts resolve to, or in red why they do not yet."""
        problem = parsed.problem or ("" if parsed.detail else _tr("缺少街道门牌"))
        if problem:
            self.status.setStyleSheet("color: #b00020;")
            self.status.setText(problem)
            return
        levels = (
            (parsed.province, parsed.province_code),
            (parsed.city, parsed.city_code),
            (parsed.district, parsed.district_code),
        )
        text = " / ".join(f"{name}（{code}）" for name, code in levels if name)
        self.status.setStyleSheet("")
        self.status.setText("；".join([text, *parsed.notes]))


class AddressDelegate(QStyledItemDelegate):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._editor_height: int | None = None

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt's name
        editor = AddressEditor(parent)
        for field in editor.fields():
            field.installEventFilter(self)
        return editor

    def setEditorData(self, editor: AddressEditor, index) -> None:  # noqa: N802 - Qt's name
        editor.set_address(index.data(Qt.ItemDataRole.EditRole) or "")

    def setModelData(self, editor: AddressEditor, model, index) -> None:  # noqa: N802 - Qt's name
        if editor.changed and editor.text():
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor, option, index) -> None:  # noqa: N802 - Qt's name
        editor.setGeometry(option.rect)

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt's name
        """Tall enough for the editor, so the view's row can hold it."""
        if self._editor_height is None:
            self._editor_height = AddressEditor().sizeHint().height()
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), self._editor_height))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """The parts are separate line edits: Enter saves, Esc reverts, and leaving the whole
        editor (not moving between its fields) saves and closes it."""
        editor = watched.parent() if isinstance(watched, QLineEdit) else None
        if not isinstance(editor, AddressEditor):
            return super().eventFilter(watched, event)
        if event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.RevertModelCache)
                return True
        if event.type() == QEvent.Type.FocusOut:
            focus = QApplication.focusWidget()
            if focus is not None and (focus is editor or editor.isAncestorOf(focus)):
                return False
            if event.reason() not in (
                Qt.FocusReason.PopupFocusReason,
                Qt.FocusReason.ActiveWindowFocusReason,
            ):
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
        return False
