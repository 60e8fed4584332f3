"""The desk's main window: navigation on the left, one window per step of the flow.

Windows are created the first time they are shown. A step whose window module has not been
written yet shows a page that says so and nothing else.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from app.db.engine import Database

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Page:
    key: str
    module: str
    cls: str


PAGES = (
    Page("orders", "ui.windows.orders", "OrdersWindow"),
    Page("verification", "ui.windows.verification", "VerificationWindow"),
    Page("packing", "ui.windows.packing", "PackingWindow"),
    Page("stock", "ui.windows.stock", "StockWindow"),
    Page("waybills", "ui.windows.waybills", "WaybillsWindow"),
    Page("handover", "ui.windows.handover", "HandoverWindow"),
    Page("tracking", "ui.windows.tracking", "TrackingWindow"),
    Page("returns", "ui.windows.returns", "ReturnsWindow"),
    Page("outbox", "ui.windows.outbox", "OutboxWindow"),
    Page("flow", "ui.windows.flow", "FlowWindow"),
    Page("carriers", "ui.windows.carriers", "CarriersWindow"),
)
# Ctrl+1 … Ctrl+0 go to the first ten pages; later (settings-like) pages have no shortcut.
SHORTCUT_PAGES = 10


def page_titles() -> dict[str, str]:
    return {
        "orders": QCoreApplication.translate("MainWindow", "订单"),
        "verification": QCoreApplication.translate("MainWindow", "审核"),
        "packing": QCoreApplication.translate("MainWindow", "打包"),
        "stock": QCoreApplication.translate("MainWindow", "库存"),
        "waybills": QCoreApplication.translate("MainWindow", "面单"),
        "handover": QCoreApplication.translate("MainWindow", "交接"),
        "tracking": QCoreApplication.translate("MainWindow", "跟踪"),
        "returns": QCoreApplication.translate("MainWindow", "退货"),
        "outbox": QCoreApplication.translate("MainWindow", "消息"),
        "flow": QCoreApplication.translate("MainWindow", "流程"),
        "carriers": QCoreApplication.translate("MainWindow", "快递公司"),
    }


class NotYetPage(QLabel):
    """Stands in for a window that does not exist yet, and says only that."""

    def __init__(self, title: str, parent=None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setText(self.tr("「%1」窗口尚未提供。").replace("%1", title))
        self.setStyleSheet("font-size: 20px; color: #666;")


class MainWindow(QMainWindow):
    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("PackDesk 打包台"))
        self.resize(1280, 800)
        self._titles = page_titles()
        self._pages: dict[str, QWidget] = {}

        self.nav = QListWidget()
        self.nav.setFixedWidth(120)
        self.nav.setStyleSheet(
            "QListWidget { font-size: 16px; } QListWidget::item { padding: 10px 8px; }"
        )
        self.stack = QStackedWidget()
        for page in PAGES:
            item = QListWidgetItem(self._titles[page.key])
            item.setData(Qt.ItemDataRole.UserRole, page.key)
            self.nav.addItem(item)
            self.stack.addWidget(QWidget())

        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)

        self._build_menu()
        self.nav.currentRowChanged.connect(self._show_row)
        self.nav.setCurrentRow(0)
        self.statusBar().showMessage(
            self.tr("数据库：%1").replace("%1", db.engine.url.render_as_string(hide_password=True))
        )

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("文件(&F)"))
        import_action = QAction(self.tr("导入订单…"), self)
        import_action.setShortcut(QKeySequence("Ctrl+I"))
        import_action.triggered.connect(self.open_import)
        file_menu.addAction(import_action)
        manual_action = QAction(self.tr("新建电话/邮件订单…"), self)
        manual_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        manual_action.triggered.connect(self.open_manual_order)
        file_menu.addAction(manual_action)
        catalog_action = QAction(self.tr("导入商品目录…"), self)
        catalog_action.triggered.connect(self.open_catalog_import)
        file_menu.addAction(catalog_action)
        titles_action = QAction(self.tr("商品标题映射…"), self)
        titles_action.triggered.connect(self.open_title_mapping)
        file_menu.addAction(titles_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("退出"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        go_menu = self.menuBar().addMenu(self.tr("转到(&G)"))
        for number, page in enumerate(PAGES, 1):
            action = QAction(self._titles[page.key], self)
            if number <= SHORTCUT_PAGES:
                action.setShortcut(QKeySequence(f"Ctrl+{number % 10}"))
            action.triggered.connect(lambda _=False, key=page.key: self.show_page(key))
            go_menu.addAction(action)

    def page(self, key: str) -> QWidget:
        """The window for a step, created on first use."""
        if key in self._pages:
            return self._pages[key]
        spec = next(p for p in PAGES if p.key == key)
        try:
            module = importlib.import_module(spec.module)
        except ModuleNotFoundError as exc:
            if exc.name != spec.module:
                raise
            widget: QWidget = NotYetPage(self._titles[key])
        else:
            widget = getattr(module, spec.cls)(self.db)
        self._connect(key, widget)
        index = [p.key for p in PAGES].index(key)
        old = self.stack.widget(index)
        self.stack.removeWidget(old)
        old.deleteLater()
        self.stack.insertWidget(index, widget)
        self._pages[key] = widget
        return widget

    def show_page(self, key: str) -> QWidget:
        row = [p.key for p in PAGES].index(key)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)
        return self._pages[key]

    def _show_row(self, row: int) -> None:
        widget = self.page(PAGES[row].key)
        self.stack.setCurrentWidget(widget)
        refresh = getattr(widget, "refresh", None)
        if callable(refresh) and PAGES[row].key == "orders":
            refresh()

    def _connect(self, key: str, widget: QWidget) -> None:
        """Wire windows that lead to each other: a flow step opens the orders in it."""
        if key == "flow" and hasattr(widget, "step_activated"):
            widget.step_activated.connect(self._show_orders_in)

    def _show_orders_in(self, status: str) -> None:
        self.show_page("orders").show_status(status)

    def open_import(self) -> None:
        from ui.dialogs.import_dialog import ImportDialog

        ImportDialog(self.db, self).exec()
        self._refresh_orders()

    def open_manual_order(self) -> None:
        from ui.dialogs.manual_order import ManualOrderDialog

        ManualOrderDialog(self.db, self).exec()
        self._refresh_orders()

    def open_catalog_import(self) -> None:
        from ui.dialogs.catalog_import import import_catalog_interactively

        import_catalog_interactively(self.db, self)

    def open_title_mapping(self) -> None:
        from ui.dialogs.title_mapping import TitleMappingDialog

        TitleMappingDialog(self.db, self).exec()

    def _refresh_orders(self) -> None:
        orders = self._pages.get("orders")
        if orders is not None:
            orders.refresh()
