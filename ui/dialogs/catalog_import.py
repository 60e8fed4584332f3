"""File → 导入商品目录: pick a catalogue file, import it, and say what happened."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.db.engine import Database
from app.errors import PackDeskError
from app.intake.catalog import CatalogReport, import_catalog


def summary_text(report: CatalogReport) -> str:
    text = (
        QCoreApplication.translate(
            "CatalogImport", "新增 %1 个，更新 %2 个，未变 %3 个（编码 %4）"
        )
        .replace("%1", str(report.added))
        .replace("%2", str(report.updated))
        .replace("%3", str(report.unchanged))
        .replace("%4", report.encoding)
    )
    if report.refused:
        lines = [f"{r.file} 第 {r.row} 行 {r.column}：{r.reason}" for r in report.refused[:20]]
        text += (
            "\n\n"
            + QCoreApplication.translate("CatalogImport", "未导入的行：")
            + "\n"
            + "\n".join(lines)
        )
    return text


def import_catalog_interactively(db: Database, parent: QWidget) -> CatalogReport | None:
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("CatalogImport", "导入商品目录"),
        "",
        QCoreApplication.translate("CatalogImport", "表格 (*.csv *.xlsx)"),
    )
    if not path:
        return None
    try:
        report = import_catalog(db, path)
    except PackDeskError as exc:
        QMessageBox.warning(
            parent, QCoreApplication.translate("CatalogImport", "商品目录未导入"), str(exc)
        )
        return None
    QMessageBox.information(
        parent, QCoreApplication.translate("CatalogImport", "商品目录已导入"), summary_text(report)
    )
    return report
