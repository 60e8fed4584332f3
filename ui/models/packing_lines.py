"""The expected lines of the order on the packing desk, with their ticks.

Holds plain `PackLine` snapshots; a scan replaces the snapshot and signals only the changed
row, so the repaint after a scan touches one line, not the whole table.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPixmap

from app.packing.views import PackLine

DONE_BRUSH = QBrush(QColor("#c8f7c5"))
PARTLY_BRUSH = QBrush(QColor("#fff3b0"))


class Column(IntEnum):
    IMAGE = 0
    SKU = 1
    TITLE = 2
    EXPECTED = 3
    SCANNED = 4
    TICK = 5


def _header(column: Column) -> str:
    words = {
        Column.IMAGE: QCoreApplication.translate("PackingLines", "图片"),
        Column.SKU: QCoreApplication.translate("PackingLines", "商家编码"),
        Column.TITLE: QCoreApplication.translate("PackingLines", "商品"),
        Column.EXPECTED: QCoreApplication.translate("PackingLines", "应扫"),
        Column.SCANNED: QCoreApplication.translate("PackingLines", "已扫"),
        Column.TICK: QCoreApplication.translate("PackingLines", "完成"),
    }
    return words[column]


def placeholder(text: str, size: int = 56) -> QPixmap:
    """A grey tile with the first characters of the SKU, until product images exist."""
    # TODO: show product photos once the catalogue stores image paths (no column yet).
    pixmap = QPixmap(QSize(size, size))
    pixmap.fill(QColor("#d9d9d9"))
    painter = QPainter(pixmap)
    painter.setPen(QColor("#555555"))
    font = QFont()
    font.setPointSize(11)
    painter.setFont(font)
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, text[:3])
    painter.end()
    return pixmap


class PackingLinesModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._lines: list[PackLine] = []
        self._images: dict[str, QPixmap] = {}

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _header(Column(section))
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, column)
        if role == Qt.ItemDataRole.DecorationRole and column == Column.IMAGE:
            if line.sku not in self._images:
                self._images[line.sku] = placeholder(line.sku)
            return self._images[line.sku]
        if role == Qt.ItemDataRole.BackgroundRole:
            if line.done:
                return DONE_BRUSH
            return PARTLY_BRUSH if line.scanned else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= Column.EXPECTED:
            return Qt.AlignmentFlag.AlignCenter
        return None

    @staticmethod
    def _text(line: PackLine, column: Column) -> str | None:
        if column == Column.SKU:
            return line.sku
        if column == Column.TITLE:
            extra = (
                "  " + QCoreApplication.translate("PackingLines", "易碎") if line.fragile else ""
            )
            return f"{line.title}{extra}" + (f"\n{line.attributes}" if line.attributes else "")
        if column == Column.EXPECTED:
            return str(line.quantity)
        if column == Column.SCANNED:
            return str(line.scanned)
        if column == Column.TICK:
            return "✔" if line.done else ""
        return None

    def lines(self) -> list[PackLine]:
        return list(self._lines)

    def set_lines(self, lines: tuple[PackLine, ...]) -> None:
        """Replace the snapshot; when only ticks changed, signal just the changed rows."""
        new = list(lines)
        same_rows = [a.line_id for a in self._lines] == [b.line_id for b in new]
        if not same_rows:
            self.beginResetModel()
            self._lines = new
            self.endResetModel()
            return
        changed = [i for i, (a, b) in enumerate(zip(self._lines, new, strict=True)) if a != b]
        self._lines = new
        roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole]
        for row in changed:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1), roles)

    def row_of(self, line_no: int | None) -> int:
        return next((i for i, ln in enumerate(self._lines) if ln.line_no == line_no), -1)
