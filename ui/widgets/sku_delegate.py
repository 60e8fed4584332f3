"""Editing a seller code in a table cell, with the catalogue's codes offered as you type."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QStyledItemDelegate


class SkuDelegate(QStyledItemDelegate):
    def __init__(self, skus: list[str], parent=None) -> None:
        super().__init__(parent)
        self._skus = skus

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt's name
        editor = QLineEdit(parent)
        completer = QCompleter(self._skus, editor)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        editor.setCompleter(completer)
        return editor
