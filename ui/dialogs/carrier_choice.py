"""The clerk's carrier choice for one order: the ranking with its reasons, and an override.

The suggestion (the best carrier that can take the parcel, with the service that keeps the
promised date at the lowest price) is preselected, so Enter accepts it. Choosing another
carrier or another service costs the shop money or time, so the reason field becomes required
and OK stays disabled until it is filled; the service refuses it anyway.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import PackDeskError
from app.shipping.print_queue import queue_row
from app.shipping.selection import CarrierChoice, CarrierRank, choose_carrier, rank_order
from ui.models.carrier_ranks import CarrierRankModel, Column

log = logging.getLogger(__name__)


class CarrierChoiceDialog(QDialog):
    def __init__(self, db, order_no: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.order_no = order_no
        self.choice: CarrierChoice | None = None
        self.setWindowTitle(self.tr("选择快递 — 订单 {order}").format(order=order_no))

        self.model = CarrierRankModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setStretchLastSection(True)

        self.suggestion_label = QLabel(self)
        self.current_label = QLabel(self)
        self.current_label.hide()
        self.service_box = QComboBox(self)
        self.service_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setPlaceholderText(self.tr("改用其他快递或服务时必填"))
        self.problem_label = QLabel(self)
        self.problem_label.setStyleSheet("color:#c62828;font-weight:bold;")
        self.problem_label.setWordWrap(True)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("确定"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("服务"), self.service_box)
        form.addRow(self.tr("原因"), self.reason_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.current_label)
        layout.addWidget(self.suggestion_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)

        self.suggested: CarrierRank | None = None
        self._load()
        self.table.selectionModel().selectionChanged.connect(self._carrier_changed)
        self.service_box.currentIndexChanged.connect(self._update_state)
        self.reason_edit.textChanged.connect(self._update_state)
        self._preselect()
        self.resize(1000, 500)

    # -- state ------------------------------------------------------------------------------

    def _load(self) -> None:
        """Rank the carriers; a few carriers and services rank in milliseconds, on this thread."""
        try:
            ranks = rank_order(self.db, self.order_no)
        except PackDeskError as exc:
            self.problem_label.setText(str(exc))
            self.ok_button.setEnabled(False)
            return
        self.model.set_rows(ranks)
        header = self.table.horizontalHeader()
        for column in Column:
            if column != Column.REASONS:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # Reasons wrap rather than end in "…" (the clerk decides on them); row heights follow
        # the width the reasons column gets once the dialog is laid out.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self._show_current(ranks)
        self.suggested = next((r for r in ranks if r.eligible), None)
        if self.suggested is None:
            self.suggestion_label.setText(self.tr("没有能承运此包裹的快递公司"))
            return
        text = self.tr("推荐：{carrier} {service}，¥{price}，预计 {date} 送达").format(
            carrier=self.suggested.name,
            service=self.suggested.service,
            price=f"{self.suggested.price:.2f}",
            date=f"{self.suggested.expected_delivery:%m-%d}",
        )
        if not self.suggested.keeps_promise:
            # The best is late only when every carrier is: the clerk should warn the customer.
            text += self.tr("。所有快递都晚于承诺的送达日期，请告知客户")
        self.suggestion_label.setText(text)

    def _show_current(self, ranks: list[CarrierRank]) -> None:
        """The carrier the order has now, and its number, if it has one already."""
        row = queue_row(self.db, self.order_no)
        if not row.carrier:
            return
        name = next((r.name for r in ranks if r.code == row.carrier), row.carrier)
        text = self.tr("当前：{carrier} {service}").format(carrier=name, service=row.service)
        if row.tracking_no:
            printed = self.tr("（面单已打印）") if row.printed_at else ""
            text += self.tr("，运单号 {number}{printed}").format(
                number=row.tracking_no, printed=printed
            )
        self.current_label.setText(text)
        self.current_label.show()

    def _preselect(self) -> None:
        if self.suggested is None:
            self._update_state()
            return
        self.select_carrier(self.suggested.code)

    def select_carrier(self, code: str) -> None:
        row = self.model.row_of(code)
        if row >= 0:
            self.table.selectionModel().select(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(self.model.index(row, 0))

    def selected_rank(self) -> CarrierRank | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def selected_service(self) -> str:
        return self.service_box.currentData() or ""

    def select_service(self, name: str) -> None:
        index = self.service_box.findData(name)
        if index >= 0:
            self.service_box.setCurrentIndex(index)

    def _carrier_changed(self, *_args) -> None:
        """Fill the service box with the selected carrier's services, its ranked one current."""
        rank = self.selected_rank()
        self.service_box.blockSignals(True)
        self.service_box.clear()
        if rank is not None:
            for offer in rank.services:
                late = "" if offer.keeps_promise else self.tr("（晚于承诺）")
                self.service_box.addItem(
                    self.tr("{name}  ¥{price}  预计 {date} 送达{late}").format(
                        name=offer.name,
                        price=f"{offer.price:.2f}",
                        date=f"{offer.expected_delivery:%m-%d}",
                        late=late,
                    ),
                    offer.name,
                )
            self.select_service(rank.service)
        self.service_box.blockSignals(False)
        self._update_state()

    def is_override(self) -> bool:
        rank = self.selected_rank()
        if rank is None or self.suggested is None:
            return False
        return (rank.code, self.selected_service()) != (
            self.suggested.code,
            self.suggested.service,
        )

    def _update_state(self, *_args) -> None:
        """OK only with a carrier selected, and with a reason when it is not the suggestion."""
        rank = self.selected_rank()
        problems = []
        if rank is None:
            problems.append(self.tr("请选择一家快递公司"))
        elif not rank.eligible:
            problems.append(
                self.tr("{carrier} 不能承运：{why}").format(
                    carrier=rank.name, why="，".join(rank.reasons)
                )
            )
        needs_reason = self.is_override() and not self.reason_edit.text().strip()
        if needs_reason:
            problems.append(self.tr("没有选推荐的快递和服务，请写明原因"))
        self.problem_label.setText("\n".join(problems))
        self.ok_button.setEnabled(rank is not None and not needs_reason)

    # -- action -----------------------------------------------------------------------------

    def _accept(self) -> None:
        rank = self.selected_rank()
        if rank is None or not self.ok_button.isEnabled():
            return
        try:
            self.choice = choose_carrier(
                self.db,
                self.order_no,
                rank.code,
                self.reason_edit.text().strip(),
                service=self.selected_service(),
            )
        except PackDeskError as exc:
            self.problem_label.setText(str(exc))
            return
        self.accept()
