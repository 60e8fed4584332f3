"""File → Import: pick export files, map unknown columns once, import off the GUI thread.

Pages: the files, the column mapping (only for a file no format or saved profile knows), the
progress with Cancel, and the result with every refused row and an export of the report.
Cancel sets a flag the import checks between batches; the service then rolls back, so a
cancelled import leaves nothing stored.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.db.engine import Database
from app.errors import PackDeskError
from app.intake.errors import ImportCancelled
from app.intake.preview import FilePreview, preview_file
from app.intake.profiles import save_profile
from app.intake.records import ImportReport
from app.intake.report_csv import OUTCOME_WORDS, write_report_csv
from app.intake.service import import_files
from app.intake.title_map import unmapped_titles
from ui.dialogs.title_mapping import TitleMappingDialog
from ui.widgets.column_mapping import ColumnMappingPage
from ui.worker import run_in_thread

log = logging.getLogger(__name__)

# A table widget with 100k rows would freeze the dialog; the CSV export has them all.
_MAX_SHOWN = 2000


class ImportDialog(QDialog):
    FILES, MAPPING, RUNNING, RESULT = range(4)

    def __init__(self, db: Database, parent=None) -> None:
        super().__init__(parent)
        self._db = db
        self._cancel = threading.Event()
        self._pending: list[FilePreview] = []
        self.report: ImportReport | None = None
        self.setWindowTitle(self.tr("导入订单"))
        self.resize(760, 520)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._files_page())
        self.mapping = ColumnMappingPage()
        self.pages.addWidget(self._wrap(self.mapping, self._mapping_buttons()))
        self.pages.addWidget(self._running_page())
        self.pages.addWidget(self._result_page())
        QVBoxLayout(self).addWidget(self.pages)

    # -- pages -----------------------------------------------------------------------------

    def _files_page(self) -> QWidget:
        self.file_list = QListWidget()
        self.platform = QComboBox()
        for label, value in (
            (self.tr("自动识别"), "auto"),
            (self.tr("淘宝/天猫"), "taobao"),
            (self.tr("拼多多"), "pdd"),
            (self.tr("京东"), "jd"),
            ("Shopify", "shopify"),
            (self.tr("通用表格"), "generic"),
        ):
            self.platform.addItem(label, value)
        add = QPushButton(self.tr("添加文件…"))
        add.clicked.connect(self._pick_files)
        remove = QPushButton(self.tr("移除"))
        remove.clicked.connect(lambda: self.file_list.takeItem(self.file_list.currentRow()))
        self.start_button = QPushButton(self.tr("开始导入"))
        self.start_button.clicked.connect(self.start)

        buttons = QHBoxLayout()
        for w in (add, remove, QLabel(self.tr("平台")), self.platform):
            buttons.addWidget(w)
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("淘宝订单报表与宝贝报表请一起选择。")))
        layout.addWidget(self.file_list, 1)
        layout.addLayout(buttons)
        return page

    def _mapping_buttons(self) -> QHBoxLayout:
        save = QPushButton(self.tr("保存方案并导入"))
        save.clicked.connect(self._save_mapping)
        back = QPushButton(self.tr("返回"))
        back.clicked.connect(lambda: self.pages.setCurrentIndex(self.FILES))
        row = QHBoxLayout()
        row.addWidget(back)
        row.addStretch(1)
        row.addWidget(save)
        return row

    def _running_page(self) -> QWidget:
        self.progress = QProgressBar()
        self.progress_label = QLabel(self.tr("正在导入…"))
        self.cancel_button = QPushButton(self.tr("取消"))
        self.cancel_button.clicked.connect(self.cancel)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel_button)
        layout.addStretch(1)
        return page

    def _result_page(self) -> QWidget:
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.more_rows = QLabel(
            self.tr("（仅显示前 %1 行，完整内容请导出报告）").replace("%1", str(_MAX_SHOWN))
        )
        self.more_rows.setVisible(False)
        self.rows_table = QTableWidget(0, 6)
        self.rows_table.setHorizontalHeaderLabels(
            [
                self.tr("文件"),
                self.tr("行"),
                self.tr("订单号"),
                self.tr("结果"),
                self.tr("列"),
                self.tr("原因"),
            ]
        )
        self.rows_table.horizontalHeader().setStretchLastSection(True)
        self.rows_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.refused_only = QCheckBox(self.tr("只看被拒绝的行"))
        self.refused_only.toggled.connect(self._fill_rows)
        self.export_button = QPushButton(self.tr("导出报告 CSV…"))
        self.export_button.clicked.connect(self._export_report)
        self.titles_button = QPushButton(self.tr("宝贝标题对应商家编码…"))
        self.titles_button.clicked.connect(self._map_titles)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addWidget(self.titles_button)
        row.addWidget(self.refused_only)
        row.addStretch(1)
        row.addWidget(close)
        return self._wrap_layout([self.summary, self.rows_table, self.more_rows], row)

    def _wrap(self, widget: QWidget, buttons: QHBoxLayout) -> QWidget:
        return self._wrap_layout([widget], buttons)

    @staticmethod
    def _wrap_layout(widgets: list[QWidget], buttons: QHBoxLayout) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        for w in widgets:
            layout.addWidget(w, 1 if isinstance(w, QTableWidget | ColumnMappingPage) else 0)
        layout.addLayout(buttons)
        return page

    # -- actions ---------------------------------------------------------------------------

    def _pick_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("选择订单文件"), "", self.tr("表格 (*.csv *.xlsx);;所有文件 (*)")
        )
        self.add_files(paths)

    def add_files(self, paths: list[str]) -> None:
        for path in paths:
            self.file_list.addItem(path)

    def paths(self) -> list[str]:
        return [self.file_list.item(i).text() for i in range(self.file_list.count())]

    def start(self) -> None:
        """Look at each file first; an unknown one opens the mapping page before importing."""
        if not self.paths():
            QMessageBox.information(self, self.tr("导入订单"), self.tr("请先添加文件。"))
            return
        try:
            previews = [preview_file(self._db, p) for p in self.paths()]
        except PackDeskError as exc:
            QMessageBox.warning(self, self.tr("无法导入"), str(exc))
            return
        self._pending = [p for p in previews if not p.recognised_as]
        if self._pending and self.platform.currentData() in ("auto", "generic"):
            self.mapping.show_preview(self._pending[0])
            self.pages.setCurrentIndex(self.MAPPING)
            return
        self._run()

    def _save_mapping(self) -> None:
        preview = self._pending[0]
        try:
            save_profile(
                self._db,
                self.mapping.profile_name.text(),
                self.mapping.mapping(),
                list(preview.header),
            )
        except PackDeskError as exc:
            QMessageBox.warning(self, self.tr("列映射方案"), str(exc))
            return
        self._pending.pop(0)
        if self._pending:
            self.mapping.show_preview(self._pending[0])
            return
        self._run()

    def _run(self) -> None:
        self._cancel.clear()
        self.progress.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.pages.setCurrentIndex(self.RUNNING)
        paths, platform = self.paths(), self.platform.currentData()
        if platform == "generic":
            platform = "auto"

        def work(report_progress):
            return import_files(
                self._db,
                paths,
                platform=platform,
                on_progress=report_progress,
                should_cancel=self._cancel.is_set,
            )

        run_in_thread(self, work, self._done, self._failed, self._progress)

    def cancel(self) -> None:
        self._cancel.set()
        self.cancel_button.setEnabled(False)
        self.progress_label.setText(self.tr("正在取消…"))

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.progress_label.setText(
            self.tr("已处理 %1 / %2 个订单").replace("%1", str(done)).replace("%2", str(total))
        )

    def _done(self, report: ImportReport) -> None:
        self.report = report
        encodings = "、".join(sorted(set(report.encodings.values())))
        self.summary.setText(
            self.tr(
                "新订单 %1，已更新 %2，无变化 %3，拒绝 %4 行；平台取消已挂起 %5，已拦截 %6。编码：%7"
            )
            .replace("%1", str(report.stored))
            .replace("%2", str(report.updated))
            .replace("%3", str(report.unchanged))
            .replace("%4", str(len(report.refused)))
            .replace("%5", str(report.cancelled_held))
            .replace("%6", str(report.stopped))
            .replace("%7", encodings)
        )
        self._fill_rows()
        self.export_button.setEnabled(True)
        self.titles_button.setVisible(bool(unmapped_titles(self._db)))
        self.pages.setCurrentIndex(self.RESULT)

    def _failed(self, exc: Exception) -> None:
        self.report = None
        self.more_rows.setVisible(False)
        if isinstance(exc, ImportCancelled):
            self.summary.setText(self.tr("导入已取消，未保存任何数据。"))
        else:
            self.summary.setText(self.tr("导入失败，未保存任何数据：") + str(exc))
        self.rows_table.setRowCount(0)
        self.export_button.setEnabled(False)
        self.titles_button.setVisible(False)
        self.pages.setCurrentIndex(self.RESULT)

    def _fill_rows(self) -> None:
        """The per-row report, or only its refused rows; long reports show their start."""
        if self.report is None:
            return
        rows = self.report.rows
        if self.refused_only.isChecked():
            rows = [r for r in rows if r.outcome == "refused"]
        shown = rows[:_MAX_SHOWN]
        self.rows_table.setRowCount(len(shown))
        for r, row in enumerate(shown):
            values = (
                row.file,
                str(row.row),
                row.order_no,
                OUTCOME_WORDS.get(row.outcome, row.outcome),
                row.column,
                row.reason,
            )
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.rows_table.setItem(r, c, item)
        self.rows_table.resizeColumnsToContents()
        self.more_rows.setVisible(len(rows) > _MAX_SHOWN)

    def _map_titles(self) -> None:
        TitleMappingDialog(self._db, self).exec()
        self.titles_button.setVisible(bool(unmapped_titles(self._db)))

    def _export_report(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出导入报告"), "import_report.csv", self.tr("CSV (*.csv)")
        )
        if path and self.report is not None:
            write_report_csv(self.report, path)
