"""The carrier catalogue (快递公司目录): the list on the left, one carrier's tables on the right.

Each tab saves on its own through one service call, so a wrong price never half-saves the
header with it; the service's message (which row, which field) shows in the red line. Moving
to another carrier with unsaved edits asks first.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.db.engine import Database
from app.errors import PackDeskError
from app.shipping.catalogue_edit import (
    add_carrier,
    carrier_detail,
    carrier_summaries,
    remove_carrier,
    update_carrier,
)
from app.shipping.catalogue_io import export_catalogue_file, import_catalogue_file
from app.shipping.catalogue_tables import save_table
from app.shipping.catalogue_view import CarrierDetail
from ui.widgets.carrier_header import CarrierHeaderForm
from ui.widgets.catalogue_table import CatalogueTable, TableColumn

log = logging.getLogger(__name__)

ERROR_STYLE = "color:#c62828;font-size:14px;"
OK_STYLE = "color:#2e7d32;font-size:14px;"


class CarriersWindow(QWidget):
    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.detail: CarrierDetail | None = None

        self.carrier_list = QTableWidget(0, 3)
        self.carrier_list.setHorizontalHeaderLabels(
            [self.tr("代码"), self.tr("名称"), self.tr("状态")]
        )
        self.carrier_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.carrier_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.carrier_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.carrier_list.verticalHeader().hide()
        self.carrier_list.setColumnWidth(0, 60)
        self.carrier_list.setColumnWidth(1, 120)
        self.carrier_list.horizontalHeader().setStretchLastSection(True)
        self.new_code = QLineEdit()
        self.new_code.setPlaceholderText(self.tr("代码，如 KYE"))
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("名称，如 跨越速运"))
        self.add_button = QPushButton(self.tr("添加快递公司"))
        self.remove_button = QPushButton(self.tr("删除快递公司…"))
        self.remove_button.setToolTip(
            self.tr("只能删除从未用过的快递公司（如误加的）；用过的请取消「启用」")
        )
        self.import_button = QPushButton(self.tr("导入 JSON…"))
        self.export_button = QPushButton(self.tr("导出 JSON…"))

        self.title = QLabel()
        self.title.setStyleSheet("font-size:18px;font-weight:bold;")
        self.header_form = CarrierHeaderForm()
        self.tables = self._build_tables()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.header_form, self.tr("基本信息"))
        for key, title in self._tab_titles().items():
            self.tabs.addTab(self.tables[key], title)
        self.message = QLabel()
        self.message.setWordWrap(True)

        self._lay_out()
        self.carrier_list.itemSelectionChanged.connect(self._carrier_chosen)
        self.header_form.save_requested.connect(self.save_header)
        for key, table in self.tables.items():
            table.save_requested.connect(lambda key=key: self.save_table(key))
        self.add_button.clicked.connect(self.add_carrier)
        self.remove_button.clicked.connect(self.remove_carrier)
        self.import_button.clicked.connect(self.import_file)
        self.export_button.clicked.connect(self.export_file)
        self.refresh()

    def _tab_titles(self) -> dict[str, str]:
        return {
            "services": self.tr("服务"),
            "rates": self.tr("价格"),
            "destinations": self.tr("时效"),
            "regions": self.tr("地区"),
            "sort_codes": self.tr("三段码"),
        }

    def _build_tables(self) -> dict[str, CatalogueTable]:
        speeds = (
            ("express", self.tr("特快")),
            ("standard", self.tr("标准")),
            ("economy", self.tr("经济")),
            ("freight", self.tr("大件")),
        )
        kinds = (("excluded", self.tr("不送达")), ("remote", self.tr("偏远")))
        return {
            "services": CatalogueTable(
                [
                    TableColumn("name", self.tr("服务名称"), width=140),
                    TableColumn("speed_class", self.tr("时效等级"), "choice", speeds),
                    TableColumn("transit_adjust_days", self.tr("时效增减（天）")),
                    TableColumn("price_percent", self.tr("价格（%）")),
                    TableColumn("is_default", self.tr("默认"), "check", exclusive=True, width=60),
                    TableColumn("active", self.tr("启用"), "check", width=60),
                ]
            ),
            "rates": CatalogueTable(
                [
                    TableColumn("zone", self.tr("区"), width=60),
                    TableColumn("first_weight", self.tr("首重 kg")),
                    TableColumn("first_price", self.tr("首重价 ¥")),
                    TableColumn("extra_price_per_kg", self.tr("续重价 ¥/kg")),
                ]
            ),
            "destinations": CatalogueTable(
                [
                    TableColumn("province", self.tr("省份"), width=160),
                    TableColumn("zone", self.tr("区"), width=60),
                    TableColumn("transit_days", self.tr("时效（天）")),
                ]
            ),
            "regions": CatalogueTable(
                [
                    TableColumn("province", self.tr("省份"), width=160),
                    TableColumn("city", self.tr("城市（空 = 全省）"), width=160),
                    TableColumn("kind", self.tr("类型"), "choice", kinds),
                    TableColumn("extra_days", self.tr("多加天数")),
                ]
            ),
            "sort_codes": CatalogueTable(
                [
                    TableColumn("province", self.tr("省份"), width=140),
                    TableColumn("city", self.tr("城市"), width=110),
                    TableColumn("district", self.tr("区县"), width=110),
                    TableColumn("sort_code", self.tr("三段码"), width=120),
                    TableColumn("hub", self.tr("集包地"), width=140),
                ]
            ),
        }

    def _lay_out(self) -> None:
        adding = QHBoxLayout()
        adding.addWidget(self.new_code)
        adding.addWidget(self.new_name)
        files = QHBoxLayout()
        files.addWidget(self.import_button)
        files.addWidget(self.export_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.carrier_list, 1)
        left_layout.addLayout(adding)
        left_layout.addWidget(self.add_button)
        left_layout.addWidget(self.remove_button)
        left_layout.addLayout(files)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.tabs, 1)
        right_layout.addWidget(self.message)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 800])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def refresh(self, select: str | None = None) -> None:
        """Reload the list, keeping (or moving to) the chosen carrier."""
        keep = select or (self.detail.code if self.detail else None)
        rows = self._safely(lambda: carrier_summaries(self.db)) or []
        self.carrier_list.blockSignals(True)
        self.carrier_list.setRowCount(0)
        for row in rows:
            number = self.carrier_list.rowCount()
            self.carrier_list.insertRow(number)
            state = self.tr("启用") if row.active else self.tr("停用")
            for column, text in enumerate((row.code, row.name, state)):
                item = QTableWidgetItem(text)
                if not row.active:
                    item.setForeground(Qt.GlobalColor.gray)
                self.carrier_list.setItem(number, column, item)
        codes = [r.code for r in rows]
        self.carrier_list.blockSignals(False)
        if codes:
            self.select_carrier(keep if keep in codes else codes[0])

    def select_carrier(self, code: str) -> None:
        for row in range(self.carrier_list.rowCount()):
            if self.carrier_list.item(row, 0).text() == code:
                self.carrier_list.selectRow(row)
                if self.detail is None or self.detail.code != code:
                    self._carrier_chosen()
                return

    def current_code(self) -> str | None:
        rows = self.carrier_list.selectionModel().selectedRows()
        return self.carrier_list.item(rows[0].row(), 0).text() if rows else None

    def has_unsaved_changes(self) -> bool:
        return self.header_form.dirty or any(t.dirty for t in self.tables.values())

    def confirm_discard(self) -> bool:
        """Ask before unsaved edits are thrown away (tests replace this to answer as a clerk)."""
        answer = QMessageBox.question(
            self,
            self.tr("未保存的修改"),
            self.tr("当前快递公司有未保存的修改，放弃这些修改吗？"),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _carrier_chosen(self) -> None:
        code = self.current_code()
        if code is None or (self.detail is not None and code == self.detail.code):
            return
        discarding = self.detail is not None and self.has_unsaved_changes()
        if discarding and not self.confirm_discard():
            self.carrier_list.blockSignals(True)
            self.select_carrier(self.detail.code)
            self.carrier_list.blockSignals(False)
            return
        detail = self._safely(lambda: carrier_detail(self.db, code))
        if detail is not None:
            self.show_detail(detail)
            self.message.clear()

    def show_detail(self, detail: CarrierDetail) -> None:
        self.detail = detail
        self.title.setText(f"{detail.code}  {detail.header.name}")
        self.header_form.load(detail.header)
        for key, table in self.tables.items():
            table.load(getattr(detail, key))

    def _safely(self, call):
        """Run a service call; a refusal goes to the red line and the result is None."""
        try:
            return call()
        except PackDeskError as exc:
            self.show_message(str(exc), error=True)
            return None

    def show_message(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
        self.message.setText(text)

    def _saved(self, detail: CarrierDetail | None, what: str) -> None:
        if detail is None:
            return
        self.show_detail(detail)
        self.show_message(self.tr("已保存：%1").replace("%1", what))
        self.refresh(detail.code)

    def save_header(self) -> None:
        if self.detail is None:
            return
        code = self.detail.code
        values = self.header_form.values()
        self._saved(self._safely(lambda: update_carrier(self.db, code, **values)), code)

    def save_table(self, key: str) -> None:
        if self.detail is None:
            return
        code = self.detail.code
        rows = self.tables[key].rows()
        detail = self._safely(lambda: save_table(self.db, code, key, rows))
        self._saved(detail, f"{code} {self._tab_titles()[key]}")

    def add_carrier(self) -> None:
        code, name = self.new_code.text(), self.new_name.text()
        if self.has_unsaved_changes() and not self.confirm_discard():
            return
        detail = self._safely(lambda: add_carrier(self.db, code, name))
        if detail is None:
            return
        self.new_code.clear()
        self.new_name.clear()
        self.detail = None
        self.show_detail(detail)
        self.refresh(detail.code)
        self.show_message(self.tr("已添加 %1；设好价格后勾选「启用」").replace("%1", detail.code))

    def confirm_remove(self, code: str) -> bool:
        """Ask before a carrier is deleted (tests replace this to answer as a clerk)."""
        answer = QMessageBox.question(
            self,
            self.tr("删除快递公司"),
            self.tr("删除快递公司 %1 及其价格、时效和三段码？此操作不能撤销。").replace(
                "%1", code
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def remove_carrier(self) -> None:
        """Delete the chosen carrier; one that parcels or records name is refused in red."""
        if self.detail is None:
            return
        code = self.detail.code
        if not self.confirm_remove(code):
            return
        try:
            remove_carrier(self.db, code)
        except PackDeskError as exc:
            self.show_message(str(exc), error=True)
            return
        self.detail = None
        self.refresh()
        self.show_message(self.tr("已删除快递公司 %1").replace("%1", code))

    def import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("导入快递公司目录"), "", self.tr("JSON 文件 (*.json)")
        )
        if not path:
            return
        result = self._safely(lambda: import_catalogue_file(self.db, Path(path)))
        if result is None:
            return
        self.detail = None
        self.refresh()
        self.show_message(
            self.tr("已导入：新增 %1 家，更新 %2 家")
            .replace("%1", str(len(result.added)))
            .replace("%2", str(len(result.replaced)))
        )

    def export_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出快递公司目录"), "carriers.json", self.tr("JSON 文件 (*.json)")
        )
        if not path:
            return
        count = self._safely(lambda: export_catalogue_file(self.db, Path(path)))
        if count is None:
            return
        self.show_message(self.tr("已导出 %1 家快递公司").replace("%1", str(count)))
