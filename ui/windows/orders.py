"""The Orders window: every order, searchable, filterable by state, with why it is held."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.db.engine import Database
from app.documents.flow_sheet import order_flow_pdf
from app.errors import PackDeskError
from app.orders.queries import OrderDetail, get_order_detail
from ui.format import local_time, money
from ui.labels import status_labels
from ui.models.orders_table import Column, OrdersTableModel


class OrdersWindow(QWidget):
    """Search box and state filter above a lazily paged table; the detail shows below."""

    order_activated = Signal(str)

    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self._db = db
        self.model = OrdersTableModel(db, self)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("搜索订单号、收货人、电话…"))
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("全部状态"), "")
        for status, label in status_labels().items():
            self.status_filter.addItem(label, status)
        self.count_label = QLabel()

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(Column.ADDRESS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(Column.REASONS, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (Column.ORDER_NO, 170),
            (Column.STATUS, 80),
            (Column.PHONE, 120),
            (Column.PAID_AT, 135),
        ):
            self.table.setColumnWidth(column, width)
        self.detail = QTextBrowser()
        self.print_flow = QPushButton(self.tr("打印流程单…"))
        self.print_flow.setEnabled(False)
        self.print_flow.clicked.connect(self._print_flow)

        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(self.status_filter, 1)
        top.addWidget(self.count_label)
        splitter = QSplitter()
        splitter.setOrientation(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        detail_box = QWidget()
        detail_layout = QVBoxLayout(detail_box)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.detail)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.print_flow)
        detail_layout.addLayout(buttons)
        splitter.addWidget(detail_box)
        splitter.setSizes([420, 180])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter)

        # Wait for a pause in typing before querying, so each keystroke is not a query.
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._debounce.start)
        self.status_filter.currentIndexChanged.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.table.doubleClicked.connect(self._activate)
        self.refresh()

    def show_status(self, status: str) -> None:
        """Filter to one state; the flow view calls this when a step is clicked."""
        index = self.status_filter.findData(status)
        self.status_filter.setCurrentIndex(max(index, 0))
        self.refresh()

    def refresh(self) -> None:
        self.model.set_filter(self.status_filter.currentData(), self.search.text())
        self.count_label.setText(self.tr("共 %n 单", "", self.model.total))
        self.detail.clear()
        self.print_flow.setEnabled(False)
        self._current: OrderDetail | None = None

    def _activate(self, index) -> None:
        self.order_activated.emit(self.model.summary(index.row()).order_no)

    def _show_detail(self, current, _previous) -> None:
        if not current.isValid():
            return
        summary = self.model.summary(current.row())
        detail = get_order_detail(self._db, summary.order_no, summary.platform)
        self._current = detail
        self.detail.setHtml(self._detail_html(detail))
        self.print_flow.setEnabled(True)

    def save_order_flow(self, path: str) -> None:
        """Write the selected order's flow sheet: the path it took, with times and users."""
        with open(path, "wb") as out:
            out.write(order_flow_pdf(self._db, self._current.order_no))

    def _print_flow(self) -> None:
        if self._current is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("保存流程单"), f"{self._current.order_no}-流程.pdf", "PDF (*.pdf)"
        )
        if not path:
            return
        try:
            self.save_order_flow(path)
        except (PackDeskError, OSError) as exc:
            QMessageBox.warning(self, self.tr("无法打印"), str(exc))

    def _detail_html(self, d: OrderDetail) -> str:
        words = status_labels()
        held = "".join(
            f"<li style='color:#b00020'>{f.reason}</li>"
            for f in d.findings
            if f.severity == "hold"
        )
        notes = "".join(f"<li>{f.reason}</li>" for f in d.findings if f.severity != "hold")
        lines = "".join(
            f"<tr><td>{ln.sku}</td><td>{ln.title}</td><td>{ln.attributes}</td>"
            f"<td align=right>{ln.quantity}</td><td align=right>{money(ln.unit_price)}</td></tr>"
            for ln in d.lines
        )
        history = "".join(
            f"<li>{local_time(e.at)} {words.get(e.to_status, e.to_status)} "
            f"({e.user}) {e.note}</li>"
            for e in d.events
        )
        remark = "".join(
            f"<p><b>{label}</b> {text}</p>"
            for label, text in (
                (self.tr("买家留言："), d.buyer_remark),
                (self.tr("卖家备注："), d.seller_remark),
            )
            if text
        )
        return (
            f"<h3>{d.order_no} · {words.get(d.status, d.status)}</h3>"
            f"<p>{d.recipient} {d.phone}{'-' + d.phone_ext if d.phone_ext else ''}<br>"
            f"{d.province}{d.city}{d.district}{d.address_detail} {d.postcode}</p>{remark}"
            + (f"<p><b>{self.tr('挂起原因')}</b></p><ul>{held}</ul>" if held else "")
            + (f"<p><b>{self.tr('提示')}</b></p><ul>{notes}</ul>" if notes else "")
            + f"<table cellspacing=6><tr><th>{self.tr('编码')}</th><th>{self.tr('商品')}</th>"
            f"<th>{self.tr('规格')}</th><th>{self.tr('数量')}</th><th>{self.tr('单价')}</th></tr>"
            f"{lines}</table>"
            f"<p>{self.tr('实付')} {money(d.paid_total)}（{self.tr('含运费')} "
            f"{money(d.postage)}）</p>"
            f"<p><b>{self.tr('历史')}</b></p><ul>{history}</ul>"
        )
