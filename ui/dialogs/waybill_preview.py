"""Print preview: the waybill pages as they will print, before anything is stored."""

from __future__ import annotations

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from ui.pdf_printing import page_images


class WaybillPreviewDialog(QDialog):
    def __init__(self, pdf: bytes, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("面单预览"))
        pages = QWidget()
        column = QVBoxLayout(pages)
        self.page_labels = []
        for image in page_images(pdf):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            column.addWidget(label)
            self.page_labels.append(label)
        scroll = QScrollArea()
        scroll.setWidget(pages)
        scroll.setWidgetResizable(True)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        self.resize(520, 860)
