"""A small editable grid for one table of the carrier catalogue (prices, transit days, …).

The tables are short (a few dozen rows at most), so a QTableWidget holding plain values is
enough; the grid never judges a value itself: it hands every row to the service on save, and
the service says which row and field is wrong.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

VALUE_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class TableColumn:
    field: str
    title: str
    # "text", "check" (a tick box) or "choice" (a drop-down of `choices`: (value, shown)).
    kind: str = "text"
    choices: tuple[tuple[str, str], ...] = ()
    # Only one row may be ticked (the default service): ticking one clears the others.
    exclusive: bool = False
    width: int = 110


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a cell with a drop-down; the stored value sits in VALUE_ROLE, the words in Display."""

    def __init__(self, choices: tuple[tuple[str, str], ...], parent=None) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        for value, shown in self.choices:
            combo.addItem(shown, value)
        return combo

    def setEditorData(self, editor, index) -> None:
        editor.setCurrentIndex(max(0, editor.findData(index.data(VALUE_ROLE))))

    def setModelData(self, editor, model, index) -> None:
        model.setData(index, editor.currentData(), VALUE_ROLE)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal) and value.as_tuple().exponent == -3:
        # Weights are kept to the gram; "1" reads better than "1.000".
        return f"{value.normalize():f}"
    return str(value)


class CatalogueTable(QWidget):
    changed = Signal()
    save_requested = Signal()

    def __init__(self, columns: Sequence[TableColumn], parent=None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self.dirty = False
        self._loading = False

        self.table = QTableWidget(0, len(self.columns))
        self.table.setHorizontalHeaderLabels([c.title for c in self.columns])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self._delegates = []
        for number, column in enumerate(self.columns):
            self.table.setColumnWidth(number, column.width)
            if column.kind == "choice":
                delegate = ChoiceDelegate(column.choices, self.table)
                self._delegates.append(delegate)
                self.table.setItemDelegateForColumn(number, delegate)
        self.table.horizontalHeader().setStretchLastSection(True)

        self.add_button = QPushButton(self.tr("添加一行"))
        self.remove_button = QPushButton(self.tr("删除所选行"))
        self.save_button = QPushButton(self.tr("保存"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.table.itemChanged.connect(self._item_changed)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_selected)
        self.save_button.clicked.connect(self.save_requested)

    def load(self, rows: Sequence[object]) -> None:
        """Show these snapshot rows (dataclasses) and forget any unsaved edit."""
        self._loading = True
        self.table.setRowCount(0)
        for row in rows:
            self._append(asdict(row))
        self._loading = False
        self.dirty = False

    def _append(self, values: dict) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for number, column in enumerate(self.columns):
            value = values.get(column.field)
            item = QTableWidgetItem()
            if column.kind == "check":
                item.setFlags(
                    Qt.ItemFlag.ItemIsUserCheckable
                    | Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsSelectable
                )
                checked = Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
                item.setCheckState(checked)
            elif column.kind == "choice":
                value = value or column.choices[0][0]
                item.setData(VALUE_ROLE, value)
                item.setText(dict(column.choices).get(value, str(value)))
            else:
                item.setText(_text(value))
            self.table.setItem(row, number, item)

    def rows(self) -> list[dict]:
        """Every row as field -> value; empty cells are left out, so the service says so."""
        found = []
        for row in range(self.table.rowCount()):
            values = {}
            for number, column in enumerate(self.columns):
                item = self.table.item(row, number)
                if column.kind == "check":
                    values[column.field] = item.checkState() == Qt.CheckState.Checked
                elif column.kind == "choice":
                    values[column.field] = item.data(VALUE_ROLE)
                elif item.text().strip():
                    values[column.field] = item.text().strip()
            found.append(values)
        return found

    def add_row(self) -> None:
        self._loading = True
        self._append({c.field: (True if c.field == "active" else None) for c in self.columns})
        self._loading = False
        self.table.setCurrentCell(self.table.rowCount() - 1, 0)
        self.table.editItem(self.table.item(self.table.rowCount() - 1, 0))
        self._mark_changed()

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        if rows:
            self._mark_changed()

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        column = self.columns[item.column()]
        if column.exclusive and item.checkState() == Qt.CheckState.Checked:
            self._loading = True
            for row in range(self.table.rowCount()):
                if row != item.row():
                    self.table.item(row, item.column()).setCheckState(Qt.CheckState.Unchecked)
            self._loading = False
        self._mark_changed()

    def _mark_changed(self) -> None:
        self.dirty = True
        self.changed.emit()
