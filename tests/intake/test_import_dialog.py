"""The import dialog: pair import with result, mapping wizard for a generic file, Cancel."""

from __future__ import annotations

import csv

from intake_samples import standard_pair, taobao_item, taobao_order, taobao_pair, write_csv
from sqlalchemy import func, select

from app.db.models import Order
from app.intake.service import import_files as real_import
from ui.dialogs import import_dialog
from ui.dialogs.import_dialog import ImportDialog


def _orders(db) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(Order))


def test_pair_import_shows_summary_and_refused_rows(db, qtbot, tmp_path, monkeypatch):
    orders = [taobao_order("1914310000010100016"), taobao_order("x", 订单编号="3.71291E+18")]
    paths = taobao_pair(tmp_path, orders, [taobao_item("1914310000010100016", "CUP-QING")])
    dialog = ImportDialog(db)
    qtbot.addWidget(dialog)
    dialog.add_files([str(p) for p in paths])

    dialog.start()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.RESULT, timeout=10000)

    assert "新订单 1" in dialog.summary.text() and "拒绝 1 行" in dialog.summary.text()
    table = dialog.rows_table
    assert [table.item(r, 3).text() for r in range(table.rowCount())] == ["已保存", "已拒绝"]
    assert table.item(0, 2).text() == "1914310000010100016"
    dialog.refused_only.setChecked(True)
    assert table.rowCount() == 1
    assert (table.item(0, 1).text(), table.item(0, 4).text()) == ("3", "订单编号")
    out = tmp_path / "report.csv"
    monkeypatch.setattr(
        import_dialog.QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "")
    )
    dialog.export_button.click()
    assert list(csv.reader(out.open(encoding="utf-8-sig")))[2][3] == "已拒绝"


def test_generic_file_goes_through_the_mapping_page(db, qtbot, tmp_path):
    header = ["单号", "姓名", "电话号码", "地址", "货号", "件数"]
    path = write_csv(
        tmp_path / "wx.csv",
        header,
        [
            {
                "单号": "WX-1",
                "姓名": "赵四",
                "电话号码": "13600000005",
                "地址": "江苏省 南京市 玄武区 中山路 1号",
                "货号": "CUP-QING",
                "件数": "2",
            }
        ],
        "utf-8",
    )
    dialog = ImportDialog(db)
    qtbot.addWidget(dialog)
    dialog.add_files([str(path)])

    dialog.start()
    assert dialog.pages.currentIndex() == dialog.MAPPING
    assert dialog.mapping.mapping()["order_no"] == "单号"
    assert dialog.mapping.mapping()["quantity"] == "件数"
    dialog.mapping.profile_name.setText("微信订单")
    dialog._save_mapping()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.RESULT, timeout=10000)

    assert dialog.report.stored == 1
    assert _orders(db) == 1


def test_cancel_stores_nothing(db, qtbot, tmp_path, monkeypatch):
    dialog = ImportDialog(db)
    qtbot.addWidget(dialog)

    def waits_for_cancel(*args, should_cancel, **kwargs):
        dialog._cancel.wait(5)
        return real_import(*args, should_cancel=should_cancel, **kwargs)

    monkeypatch.setattr(import_dialog, "import_files", waits_for_cancel)
    dialog.add_files([str(p) for p in standard_pair(tmp_path)])

    dialog.start()
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.RESULT, timeout=10000)

    assert dialog.summary.text() == "导入已取消，未保存任何数据。"
    assert _orders(db) == 0
