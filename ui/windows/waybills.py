"""The print queue window: print waybills singly or in batches, preview, reprint, void.

Orders cancelled on the platform after packing are marked red, and selecting one shows a stop
banner; the print service refuses them anyway. Printing goes to a PDF file or, through the
print dialog, to a printer at 100 % scale.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.documents.waybill import SIZES, preview_waybills, render_waybills
from app.errors import PackDeskError
from app.shipping.print_queue import print_queue, void_waybill
from ui.dialogs.carrier_choice import CarrierChoiceDialog
from ui.dialogs.waybill_preview import WaybillPreviewDialog
from ui.models.waybill_queue import WaybillQueueModel
from ui.pdf_printing import print_pdf
from ui.worker import run_in_thread


class WaybillsWindow(QWidget):
    def __init__(self, db, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self._job = None

        self.size_box = QComboBox()
        self.size_box.addItems(list(SIZES))
        self.size_box.setCurrentText("100x180")
        self.mask_box = QCheckBox(self.tr("隐私面单（姓名电话打码）"))

        self.banner = QLabel()
        self.banner.setStyleSheet(
            "background:#c62828;color:white;font-weight:bold;padding:8px;font-size:15px;"
        )
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)

        self.model = WaybillQueueModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("纸张")))
        buttons.addWidget(self.size_box)
        buttons.addWidget(self.mask_box)
        buttons.addStretch(1)
        self.buttons = {}
        for key, text, slot in (
            ("carrier", self.tr("选择快递…"), self._choose_carrier),
            ("preview", self.tr("预览"), self._preview),
            ("pdf", self.tr("打印到PDF"), self._print_to_pdf),
            ("printer", self.tr("打印到打印机"), self._print_to_printer),
            ("reprint", self.tr("重打"), self._reprint),
            ("void", self.tr("作废面单"), self._void),
            ("refresh", self.tr("刷新"), self.refresh),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.buttons[key] = button

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        self.refresh()

    # -- state ------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.model.set_rows(print_queue(self.db))
        self.table.resizeColumnsToContents()
        self._selection_changed()

    def selected_orders(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(r).order_no for r in rows]

    def _selection_changed(self, *_args) -> None:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        stopped = [self.model.row_at(r) for r in sorted(rows) if self.model.row_at(r).stopped]
        if stopped:
            text = "；".join(f"{r.order_no} {r.stopped}" for r in stopped)
            self.banner.setText(self.tr("停止发货！以下订单已在平台取消：") + text)
            self.banner.show()
        else:
            self.banner.hide()

    def _show_error(self, exc: Exception) -> None:
        self.message.setStyleSheet("color:#c62828;")
        self.message.setText(str(exc))

    def _show_ok(self, text: str) -> None:
        self.message.setStyleSheet("color:#2e7d32;")
        self.message.setText(text)

    def _need_selection(self) -> list[str] | None:
        orders = self.selected_orders()
        if not orders:
            self._show_error(Exception(self.tr("请先选择订单")))
            return None
        return orders

    # -- actions ----------------------------------------------------------------------------

    def _render(self, orders: list[str], reason: str = "") -> bytes:
        return render_waybills(
            self.db,
            orders,
            size=self.size_box.currentText(),
            mask=self.mask_box.isChecked(),
            reason=reason,
        )

    def _choose_carrier(self) -> None:
        """The ranking with reasons for one order; the clerk may override with a reason."""
        orders = self._need_selection()
        if not orders:
            return
        if len(orders) > 1:
            self._show_error(Exception(self.tr("选择快递时请只选一个订单")))
            return
        dialog = CarrierChoiceDialog(self.db, orders[0], self)
        if dialog.exec() and dialog.choice is not None:
            choice = dialog.choice
            rank = dialog.selected_rank()
            self._show_ok(
                self.tr("{order}：快递已定为 {carrier} {service}").format(
                    order=choice.order_no,
                    carrier=rank.name if rank is not None else choice.carrier,
                    service=choice.service,
                )
            )
            self.refresh()

    def _preview(self) -> None:
        orders = self._need_selection()
        if not orders:
            return
        try:
            pdf = preview_waybills(
                self.db, orders, self.size_box.currentText(), self.mask_box.isChecked()
            )
        except PackDeskError as exc:
            self._show_error(exc)
            return
        WaybillPreviewDialog(pdf, self).exec()

    def print_to_file(self, path: str, orders: list[str], reason: str = "") -> None:
        """Print in the background and write the PDF to `path` (the file dialog's choice)."""

        def done(pdf: bytes) -> None:
            with open(path, "wb") as out:
                out.write(pdf)
            self._show_ok(self.tr("已打印 {n} 张面单").format(n=len(orders)) + f" → {path}")
            self.refresh()

        def failed(exc: Exception) -> None:
            self._show_error(exc)
            self.refresh()

        self._job = run_in_thread(self, lambda: self._render(orders, reason), done, failed)
        self._job.destroyed.connect(self._job_gone)

    def _job_gone(self, *_args) -> None:
        self._job = None

    def idle(self) -> bool:
        """No print job running or waiting to be cleaned up (tests wait for this)."""
        return self._job is None

    def _print_to_pdf(self) -> None:
        orders = self._need_selection()
        if not orders:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存面单"), "waybills.pdf", self.tr("PDF 文件 (*.pdf)")
        )
        if path:
            self.print_to_file(path, orders)

    def _print_to_printer(self) -> None:
        orders = self._need_selection()
        if not orders:
            return
        try:
            pdf = self._render(orders)
        except PackDeskError as exc:
            self._show_error(exc)
            return
        if print_pdf(pdf, "waybill", self):
            self._show_ok(self.tr("已发送到打印机"))
        self.refresh()

    def _ask_reason(self, title: str) -> str | None:
        reason, ok = QInputDialog.getText(self, title, self.tr("原因："))
        return reason.strip() if ok and reason.strip() else None

    def _reprint(self) -> None:
        orders = self._need_selection()
        if not orders:
            return
        reason = self._ask_reason(self.tr("重打面单"))
        if reason is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存面单"), "reprint.pdf", self.tr("PDF 文件 (*.pdf)")
        )
        if path:
            self.print_to_file(path, orders, reason)

    def _void(self) -> None:
        orders = self._need_selection()
        if not orders:
            return
        reason = self._ask_reason(self.tr("作废面单"))
        if reason is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("作废面单"),
            self.tr("作废后运单号不再使用，包裹需要重新打印面单。确定作废？"),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            numbers = [void_waybill(self.db, order, reason) for order in orders]
        except PackDeskError as exc:
            self._show_error(exc)
        else:
            self._show_ok(self.tr("已作废：") + "、".join(numbers))
        self.refresh()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_F5:
            self.refresh()
        else:
            super().keyPressEvent(event)
