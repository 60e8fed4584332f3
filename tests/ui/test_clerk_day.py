"""A clerk's whole day in the windows, driven with key clicks as a person would.

Import a Taobao order report pair, verify, see the held orders with their reasons, pack a clean
order by scanning, and print its waybill; then read the PDF back. Every person, phone and
address here is invented.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app.db.engine import Database
from app.intake.catalog import import_catalog
from app.orders.queries import get_order_detail
from app.shipping.tracking_pool import import_pool
from app.stock.receiving import receive_goods
from ui.dialogs.import_dialog import ImportDialog
from ui.main_window import MainWindow
from ui.models.orders_table import Column

CUP, CUP_BARCODE = "CUP-QING", "6901234567892"
TEA, TEA_BARCODE = "TEA-LJ-250", "6900000000014"

ORDER_HEADER = (
    "订单编号,买家会员名,买家支付宝账号,买家应付货款,买家应付邮费,买家支付积分,总金额,返点积分,"
    "买家实际支付金额,买家实际支付积分,订单状态,买家留言,收货人姓名,收货地址,运送方式,联系电话,"
    "联系手机,订单创建时间,订单付款时间,宝贝标题,宝贝种类,物流单号,物流公司,订单备注,宝贝总数量"
).split(",")
ITEM_HEADER = "订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码"
ITEM_HEADER = ITEM_HEADER.split(",")

CLEAN, UNPAID, BAD_PHONE, UNKNOWN_SKU = (
    "3924001000010100016",
    "3924001000010100024",
    "3924001000010100032",
    "3924001000010100040",
)


def _order(number: str, **over: str) -> dict[str, str]:
    row = {
        "订单编号": f'="{number}"',
        "买家会员名": "tb_qingshan",
        "买家应付货款": "206.00",
        "买家应付邮费": "0.00",
        "总金额": "206.00",
        "买家实际支付金额": "206.00",
        "订单状态": "买家已付款，等待卖家发货",
        "买家留言": "只发顺丰，谢谢",
        "收货人姓名": "钱青山",
        "收货地址": "浙江省 杭州市 西湖区 文三路 88号 云栖小区2幢(310012)",
        "联系手机": "'13900000002",
        "订单创建时间": "2026-12-01 09:10:00",
        "订单付款时间": "2026-12-01 09:12:30",
        "宝贝总数量": "3",
    }
    row.update(over)
    return row


def _item(number: str, sku: str, qty: int, price: str) -> dict[str, str]:
    return {
        "订单编号": f'="{number}"',
        "标题": sku,
        "价格": price,
        "购买数量": str(qty),
        "订单状态": "买家已付款，等待卖家发货",
        "商家编码": sku,
    }


def _write(path: Path, header: list[str], rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="gbk", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=header)
        writer.writeheader()
        writer.writerows(rows)
    return path


def _shop(db: Database, tmp_path: Path) -> list[Path]:
    catalogue = tmp_path / "商品.csv"
    catalogue.write_text(
        "SKU,barcode,name,spec,price,weight,fragile\r\n"
        f"{CUP},{CUP_BARCODE},青瓷杯,颜色:青色,39.00,0.35,是\r\n"
        f"{TEA},{TEA_BARCODE},龙井绿茶 250g,规格:250g,128.00,0.32,\r\n",
        encoding="utf-8-sig",
    )
    assert import_catalog(db, catalogue).added == 2
    with db.transaction() as session:
        receive_goods(session, CUP, 20, user="tester", bin="A-01")
        receive_goods(session, TEA, 20, user="tester", bin="A-02")
    pool = tmp_path / "sf.txt"
    pool.write_text("SF1300000000011\nSF1300000000012\n", encoding="utf-8")
    import_pool(db, "SF", pool)

    orders = [
        _order(CLEAN),
        _order(UNPAID, 订单状态="等待买家付款", 订单付款时间=""),
        _order(BAD_PHONE, 联系手机="1390000000"),
        _order(UNKNOWN_SKU),
    ]
    items = [
        _item(CLEAN, CUP, 2, "39.00"),
        _item(CLEAN, TEA, 1, "128.00"),
        _item(UNPAID, CUP, 2, "39.00"),
        _item(UNPAID, TEA, 1, "128.00"),
        _item(BAD_PHONE, CUP, 2, "39.00"),
        _item(BAD_PHONE, TEA, 1, "128.00"),
        _item(UNKNOWN_SKU, "CUP-NOPE", 2, "39.00"),
        _item(UNKNOWN_SKU, TEA, 1, "128.00"),
    ]
    return [
        _write(tmp_path / "ExportOrderList.csv", ORDER_HEADER, orders),
        _write(tmp_path / "ExportOrderDetailList.csv", ITEM_HEADER, items),
    ]


def _button(widget, text: str) -> QPushButton:
    return next(b for b in widget.findChildren(QPushButton) if b.text() == text)


def _scan(qtbot, line_edit, code: str) -> None:
    qtbot.keyClicks(line_edit, code)
    qtbot.keyClick(line_edit, Qt.Key.Key_Return)


def test_clerk_imports_verifies_packs_and_prints_a_waybill(qtbot, db: Database, sender, tmp_path):
    files = _shop(db, tmp_path)
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()

    # File → Import: the pair is stored, and the summary says so.
    dialog = ImportDialog(db, window)
    qtbot.addWidget(dialog)
    dialog.add_files([str(p) for p in files])
    dialog.start()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == dialog.RESULT, timeout=20000)
    assert "新订单 4" in dialog.summary.text()
    dialog.close()

    # Verification: every new order is checked; three are held with a reason a clerk reads.
    verification = window.show_page("verification")
    _button(verification, "审核全部新订单").click()
    qtbot.waitUntil(lambda: verification.queue.count() == 3, timeout=20000)

    orders = window.show_page("orders")
    orders.show_status("held")
    held = {
        orders.model.data(orders.model.index(r, Column.ORDER_NO)): orders.model.data(
            orders.model.index(r, Column.REASONS)
        )
        for r in range(orders.model.rowCount())
    }
    assert set(held) == {UNPAID, BAD_PHONE, UNKNOWN_SKU}
    assert "未付款" in held[UNPAID]
    assert "1390000000" in held[BAD_PHONE]
    assert "CUP-NOPE" in held[UNKNOWN_SKU]

    # Packing, from the keyboard: open by order number, refuse a wrong item, scan the rest.
    packing = window.show_page("packing")
    _scan(qtbot, packing.scan_input, CLEAN)
    assert CLEAN in packing.header.text()
    _scan(qtbot, packing.scan_input, "6901234567893")
    assert packing.status == "problem"
    assert "校验位" in packing.banner.text()
    _scan(qtbot, packing.scan_input, TEA_BARCODE)
    assert packing.status == "good"
    _scan(qtbot, packing.scan_input, TEA_BARCODE)
    assert packing.status == "problem"
    assert get_order_detail(db, CLEAN).status == "packing"
    for code in (CUP_BARCODE, CUP_BARCODE):
        _scan(qtbot, packing.scan_input, code)
    assert packing.status == "good"
    assert get_order_detail(db, CLEAN).status == "packed"

    # The waybill: printed to a PDF file, with the next number from the SF pool.
    waybills = window.show_page("waybills")
    waybills.refresh()
    out = tmp_path / "waybill.pdf"
    waybills.print_to_file(str(out), [CLEAN])
    qtbot.waitUntil(waybills.idle, timeout=20000)

    page = PdfReader(out).pages[0]
    assert (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)) == (
        283.46,
        510.24,
    )
    text = page.extract_text()
    assert "钱青山" in text
    assert "SF1300000000011" in text
    detail = get_order_detail(db, CLEAN)
    assert detail.status == "labelled"
    assert detail.paid_total == Decimal("206.00")
