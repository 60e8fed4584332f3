"""Receiving at the returns desk, driven from the keyboard.

The scanner types a code and Enter. An RMA number or a return tracking number opens that
return; any other code is a returned unit of the open return, stored the moment it is
scanned. F5–F8 grade the selected unit (or the oldest ungraded one), so a clerk can scan and
grade without touching the mouse.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.db.engine import Database
from app.errors import PackDeskError
from app.returns.errors import ReturnNotFound
from app.returns.queries import ReturnDetail, get_return
from app.returns.receiving import finish_inspection, grade_unit, receive_scan

GRADE_KEYS = (("resellable", "F5"), ("damaged", "F6"), ("scrap", "F7"), ("supplier", "F8"))
OK_COLOUR, BAD_COLOUR = QColor("#1b7f3b"), QColor("#c62828")


class ReturnReceivingPanel(QWidget):
    """Scan box, the units received so far, and the grade keys."""

    open_return = Signal(str)
    changed = Signal(str)

    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self._db = db
        self._detail: ReturnDetail | None = None
        self._photo: Path | None = None

        self.scan = QLineEdit()
        self.scan.setPlaceholderText(self.tr("扫描退货单号、退回运单号或商品条码，回车"))
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.units = QTableWidget(0, 6)
        self.units.setHorizontalHeaderLabels(
            [
                self.tr("件号"),
                self.tr("商品"),
                self.tr("扫描内容"),
                self.tr("收货"),
                self.tr("判定"),
                self.tr("备注 / 问题"),
            ]
        )
        self.units.verticalHeader().hide()
        self.units.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.units.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.units.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.units.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 50), (1, 110), (2, 130), (3, 50), (4, 80)):
            self.units.setColumnWidth(column, width)
        self.notes = QLineEdit()
        self.notes.setPlaceholderText(self.tr("单件备注（可选）"))
        self.photo_button = QPushButton(self.tr("附照片…"))
        self.finish_button = QPushButton(self.tr("检验完成"))

        self.grade_buttons: dict[str, QPushButton] = {}
        words = {
            "resellable": self.tr("可再售"),
            "damaged": self.tr("破损隔离"),
            "scrap": self.tr("报废"),
            "supplier": self.tr("退供应商"),
        }
        grades = QGridLayout()
        for column, (grade, key) in enumerate(GRADE_KEYS):
            button = QPushButton(f"{words[grade]} ({key})")
            button.clicked.connect(lambda _=False, g=grade: self.grade(g))
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda g=grade: self.grade(g))
            grades.addWidget(button, 0, column)
            self.grade_buttons[grade] = button

        notes_row = QHBoxLayout()
        notes_row.addWidget(self.notes, 1)
        notes_row.addWidget(self.photo_button)
        notes_row.addWidget(self.finish_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scan)
        layout.addWidget(self.result)
        layout.addWidget(self.units, 1)
        layout.addLayout(notes_row)
        layout.addLayout(grades)

        self.scan.returnPressed.connect(self.handle_scan)
        self.photo_button.clicked.connect(self._choose_photo)
        self.finish_button.clicked.connect(self._finish)

    def set_return(self, detail: ReturnDetail | None) -> None:
        self._detail = detail
        self.units.setRowCount(0)
        for unit in detail.units if detail else ():
            row = self.units.rowCount()
            self.units.insertRow(row)
            status = self.tr("预期") if unit.expected else self.tr("意外")
            notes = unit.notes if unit.expected else unit.problem
            cells = (str(unit.id), unit.sku, unit.code, status, unit.grade_label, notes)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if not unit.expected:
                    item.setForeground(BAD_COLOUR)
                self.units.setItem(row, column, item)

    def _say(self, text: str, ok: bool) -> None:
        palette = self.result.palette()
        palette.setColor(QPalette.ColorRole.WindowText, OK_COLOUR if ok else BAD_COLOUR)
        self.result.setPalette(palette)
        self.result.setText(text)

    def handle_scan(self) -> None:
        code = self.scan.text().strip()
        self.scan.clear()
        if not code:
            return
        try:
            opened = get_return(self._db, code)
        except ReturnNotFound:
            opened = None
        if opened is not None:
            self._say(self.tr("已打开退货单 {rma}").format(rma=opened.rma_no), True)
            self.open_return.emit(opened.rma_no)
            return
        if self._detail is None:
            self._say(self.tr("请先扫描退货单号或退回运单号"), False)
            return
        try:
            result = receive_scan(self._db, self._detail.rma_no, code)
        except PackDeskError as exc:
            self._say(str(exc), False)
            return
        self._say(result.message, result.accepted)
        self.changed.emit(self._detail.rma_no)

    def _unit_to_grade(self) -> int | None:
        """The selected unit, else the first expected unit not graded yet."""
        rows = self.units.selectionModel().selectedRows()
        if rows:
            return int(self.units.item(rows[0].row(), 0).text())
        waiting = [u for u in self._detail.units if u.expected and not u.grade]
        return waiting[0].id if waiting else None

    def grade(self, grade: str) -> None:
        if self._detail is None:
            return
        unit_id = self._unit_to_grade()
        if unit_id is None:
            self._say(self.tr("没有待判定的商品"), False)
            return
        try:
            grade_unit(
                self._db,
                self._detail.rma_no,
                unit_id,
                grade,
                notes=self.notes.text(),
                photo=self._photo,
            )
        except PackDeskError as exc:
            self._say(str(exc), False)
            return
        self.notes.clear()
        self._photo = None
        self.photo_button.setText(self.tr("附照片…"))
        self._say(self.tr("第 {n} 件已判定").format(n=unit_id), True)
        self.changed.emit(self._detail.rma_no)
        self.scan.setFocus()

    def _choose_photo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("选择照片"), "", self.tr("图片 (*.jpg *.jpeg *.png)")
        )
        if name:
            self._photo = Path(name)
            self.photo_button.setText(self._photo.name)

    def _finish(self) -> None:
        if self._detail is None:
            return
        try:
            finish_inspection(self._db, self._detail.rma_no)
        except PackDeskError as exc:
            self._say(str(exc), False)
            return
        self.changed.emit(self._detail.rma_no)
