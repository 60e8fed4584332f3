"""Mapping Taobao item titles to SKUs, once: for orders imported from the single-file report.

The clerk picks a title that came without a SKU and types the SKUs it stands for
(`CUP-QING*2, BOX-GIFT`). The mapping is remembered and fills in the open orders at once.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
)

from app.db.engine import Database
from app.errors import BadInput
from app.intake.title_map import parse_sku_list, remember_title, unmapped_titles


class TitleMappingDialog(QDialog):
    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self._db = db
        self.setWindowTitle(self.tr("宝贝标题对应商家编码"))
        self.resize(560, 420)
        self.titles = QListWidget()
        self.skus = QLineEdit()
        self.skus.setPlaceholderText(self.tr("例如：CUP-QING*2, BOX-GIFT"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        save = QPushButton(self.tr("保存对应关系"))
        save.clicked.connect(self.save)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("商家编码")))
        row.addWidget(self.skus, 1)
        row.addWidget(save)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("以下宝贝标题还没有对应的商家编码：")))
        layout.addWidget(self.titles, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.reload()

    def reload(self) -> None:
        self.titles.clear()
        self.titles.addItems(unmapped_titles(self._db))
        if self.titles.count():
            self.titles.setCurrentRow(0)

    def save(self) -> None:
        item = self.titles.currentItem()
        if item is None:
            return
        try:
            filled = remember_title(self._db, item.text(), parse_sku_list(self.skus.text()))
        except BadInput as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(self.tr("已保存，补全了 %1 个订单行。").replace("%1", str(filled)))
        self.skus.clear()
        self.reload()
