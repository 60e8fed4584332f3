"""The File menu leads to every way orders and products come in."""

from __future__ import annotations

from app.db.engine import Database
from app.intake.catalog import import_catalog
from ui.dialogs.catalog_import import summary_text
from ui.main_window import MainWindow


def test_file_menu_offers_every_intake(qtbot, db: Database) -> None:
    window = MainWindow(db)
    qtbot.addWidget(window)
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions() if not a.isSeparator()]
    assert texts == ["导入订单…", "新建电话/邮件订单…", "导入商品目录…", "商品标题映射…", "退出"]


def test_catalogue_summary_names_refused_rows(db: Database, tmp_path) -> None:
    path = tmp_path / "目录.csv"
    path.write_text(
        "SKU,barcode,name,spec,price,weight,fragile\r\n"
        "CUP-1,6901234567892,青瓷杯,,39.00,0.35,\r\n"
        "CUP-2,6.90123E+12,白瓷杯,,29.00,0.30,\r\n",
        encoding="utf-8-sig",
    )
    text = summary_text(import_catalog(db, path))
    assert text.startswith("新增 1 个，更新 0 个，未变 0 个")
    assert "目录.csv 第 3 行 barcode" in text
