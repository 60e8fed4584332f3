"""The wizard page for a generic file: a preview of its first rows and a column per field.

The clerk picks, for each PackDesk field, the file column that holds it, and names the
mapping; the dialog saves it as a profile through `app.intake.profiles.save_profile`.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.intake.preview import FilePreview
from app.intake.profiles import GENERIC_FIELDS

_GUESSES = {
    "order_no": ("订单号", "单号", "订单编号", "order"),
    "recipient": ("收货人", "姓名", "收件人", "name"),
    "phone": ("电话", "手机", "phone"),
    "address": ("地址", "address"),
    "sku": ("商家编码", "sku", "货号", "编码"),
    "title": ("商品", "名称", "品名"),
    "quantity": ("数量", "件数", "qty", "quantity"),
    "unit_price": ("单价", "价格", "price"),
}


class ColumnMappingPage(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.preview = QTableWidget()
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.setMaximumHeight(180)
        self.profile_name = QLineEdit()
        self.profile_name.setPlaceholderText(self.tr("例如：微信群订单"))
        self.combos: dict[str, QComboBox] = {}

        form_host = QWidget()
        form = QFormLayout(form_host)
        for name, (label, _kind, required, _level) in GENERIC_FIELDS.items():
            combo = QComboBox()
            self.combos[name] = combo
            form.addRow(f"{label}{' *' if required else ''}", combo)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_host)

        name_row = QHBoxLayout()
        name_row.addWidget(QLabel(self.tr("方案名称")))
        name_row.addWidget(self.profile_name)

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.preview)
        layout.addWidget(QLabel(self.tr("为每个字段选择文件中的列（* 为必填）：")))
        layout.addWidget(scroll, 1)
        layout.addLayout(name_row)

    def show_preview(self, preview: FilePreview) -> None:
        self.title.setText(
            self.tr("「%1」不是已知格式，请建立列映射方案（编码：%2）")
            .replace("%1", preview.file)
            .replace("%2", preview.encoding)
        )
        self.preview.clear()
        self.preview.setColumnCount(len(preview.header))
        self.preview.setRowCount(len(preview.rows))
        self.preview.setHorizontalHeaderLabels(list(preview.header))
        for r, row in enumerate(preview.rows):
            for c, value in enumerate(row[: len(preview.header)]):
                self.preview.setItem(r, c, QTableWidgetItem(value))
        for name, combo in self.combos.items():
            combo.clear()
            combo.addItem(self.tr("（不导入）"), "")
            for header in preview.header:
                combo.addItem(header, header)
            guess = _guess(name, preview.header)
            if guess:
                combo.setCurrentIndex(combo.findData(guess))

    def mapping(self) -> dict[str, str]:
        return {
            name: combo.currentData() for name, combo in self.combos.items() if combo.currentData()
        }


def _guess(name: str, header: tuple[str, ...]) -> str:
    for word in _GUESSES.get(name, ()):
        for cell in header:
            if word.lower() in cell.lower():
                return cell
    return ""
