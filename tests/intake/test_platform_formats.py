"""Pinduoduo, JD and Shopify exports, and their XLSX versions with merged cells."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import openpyxl
from intake_samples import write_csv
from sqlalchemy import select

from app.db.models import Order
from app.intake.service import import_files

PDD_HEADER = (
    "商品,订单号,订单状态,商品总价（元）,店铺优惠折扣（元）,平台优惠折扣（元）,邮费（元）,"
    "用户实付金额（元）,商品数量（件）,收货人,手机,省,市,区,街道,支付时间,商品规格,"
    "商家编码-SKU维度,商家编码-商品维度,商家备注,买家留言"
).split(",")
JD_HEADER = (
    "订单号,商品ID,商品名称,订购数量,京东价,应付金额,订单状态,客户姓名,客户地址,联系电话,"
    "商家SKU,订单备注,下单时间,付款确认时间"
).split(",")
SHOPIFY_HEADER = (
    "Name,Email,Financial Status,Paid at,Fulfillment Status,Currency,Subtotal,"
    "Shipping,Taxes,Total,Discount Amount,Created at,Lineitem quantity,"
    "Lineitem name,Lineitem price,Lineitem sku,Billing Name,Billing Address1,"
    "Billing City,Billing Zip,Shipping Name,Shipping Address1,Shipping Address2,"
    "Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,"
    "Notes,Cancelled at"
).split(",")


def _orders(db) -> dict[str, Order]:
    with db.reading() as session:
        orders = {o.order_no: o for o in session.scalars(select(Order))}
        for o in orders.values():
            o.lines  # noqa: B018 - load before the session closes
        return orders


def test_pinduoduo_split_address_and_full_width_headers(db, tmp_path):
    row = {
        "商品": "手工陶瓷杯",
        "订单号": "261130-012345678901234",
        "订单状态": "待发货",
        "商品总价（元）": "78.00",
        "店铺优惠折扣（元）": "5.00",
        "平台优惠折扣（元）": "3.00",
        "邮费（元）": "0.00",
        "用户实付金额（元）": "70.00",
        "商品数量（件）": "2",
        "收货人": "陈晓",
        "手机": "13700000003",
        "省": "广东省",
        "市": "广州市",
        "区": "天河区",
        "街道": "体育西路 18号",
        "支付时间": "2026-11-30 09:00:00",
        "商品规格": "青色",
        "商家编码-SKU维度": "CUP-QING",
    }
    path = write_csv(tmp_path / "pdd.csv", PDD_HEADER, [row])

    report = import_files(db, [path])

    assert report.platform == "pdd" and report.stored == 1
    o = _orders(db)["261130-012345678901234"]
    assert (o.province, o.city, o.district, o.address_detail) == (
        "广东省",
        "广州市",
        "天河区",
        "体育西路 18号",
    )
    assert (o.discount, o.paid_total, o.paid) == (Decimal("8.00"), Decimal("70.00"), True)
    assert [(ln.sku, ln.quantity, ln.attributes) for ln in o.lines] == [("CUP-QING", 2, "青色")]


def test_jd_free_text_address_and_lines(db, tmp_path):
    common = {
        "订单号": "301234567890",
        "应付金额": "158.00",
        "订单状态": "等待出库",
        "客户姓名": "王芳",
        "客户地址": "四川省 成都市 武侯区 天府大道 99号",
        "联系电话": "057188888888",
        "下单时间": "2026-11-29 20:00:00",
    }
    rows = [
        {
            **common,
            "商品ID": "100001",
            "商品名称": "茶叶罐",
            "订购数量": "1",
            "京东价": "59.00",
            "商家SKU": "012345678905",
        },
        {
            **common,
            "商品ID": "100002",
            "商品名称": "茶盘",
            "订购数量": "1",
            "京东价": "99.00",
            "商家SKU": "TRAY-01",
        },
    ]
    path = write_csv(tmp_path / "jd.csv", JD_HEADER, rows, "utf-8-sig")

    import_files(db, [path])

    o = _orders(db)["301234567890"]
    assert o.platform == "jd" and o.phone == "057188888888"
    assert [ln.sku for ln in o.lines] == ["012345678905", "TRAY-01"]
    assert o.goods_total == Decimal("158.00")
    assert o.province == "四川省"


def test_shopify_lines_shipping_address_and_offset_times(db, tmp_path):
    first = {
        "Name": "#1001",
        "Email": "amy@example.com",
        "Financial Status": "paid",
        "Paid at": "2026-04-05 21:06:21 +0400",
        "Currency": "CNY",
        "Subtotal": "30.00",
        "Shipping": "5.00",
        "Total": "35.00",
        "Created at": "2026-04-05 21:05:00 +0400",
        "Lineitem quantity": "2",
        "Lineitem name": "Mug",
        "Lineitem price": "10.00",
        "Lineitem sku": "MUG-1",
        "Billing Name": "Bill Payer",
        "Billing Address1": "1 Billing Rd",
        "Shipping Name": "Amy Receiver",
        "Shipping Address1": "5 Harbour St",
        "Shipping Address2": "Flat 2",
        "Shipping City": "Shanghai",
        "Shipping Zip": "200001",
        "Shipping Province": "Shanghai",
        "Shipping Country": "CN",
        "Shipping Phone": "+8613900000004",
        "Notes": "leave at door\nring twice",
    }
    second = {
        "Name": "#1001",
        "Lineitem quantity": "1",
        "Lineitem name": "Plate",
        "Lineitem price": "10.00",
        "Lineitem sku": "PLATE-1",
    }
    path = write_csv(tmp_path / "orders_export.csv", SHOPIFY_HEADER, [first, second], "utf-8")

    report = import_files(db, [path])
    again = import_files(db, [path])

    assert (again.stored, again.updated, again.unchanged) == (0, 0, 1)
    assert report.platform == "shopify"
    o = _orders(db)["#1001"]
    assert o.recipient == "Amy Receiver"
    assert o.address_detail == "5 Harbour St Flat 2" and o.postcode == "200001"
    assert o.buyer_remark == "leave at door\nring twice"
    assert o.paid_at == datetime(2026, 4, 5, 17, 6, 21, tzinfo=UTC)
    assert [(ln.sku, ln.quantity) for ln in o.lines] == [("MUG-1", 2), ("PLATE-1", 1)]
    assert o.paid is True and o.paid_total == Decimal("35.00")


def test_xlsx_merged_order_cells_give_one_order_with_three_lines(db, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(PDD_HEADER)
    base = {
        "订单号": "261130-000000000000001",
        "收货人": "陈晓",
        "手机": "13700000003",
        "省": "广东省",
        "市": "广州市",
        "区": "天河区",
        "街道": "体育西路 18号",
        "支付时间": "2026-11-30 09:00:00",
        "用户实付金额（元）": "117.00",
    }
    for i, sku in enumerate(["CUP-QING", "CUP-BAI", "BOX-GIFT"]):
        values = dict(base) if i == 0 else {}
        values.update({"商品数量（件）": 1, "商家编码-SKU维度": sku})
        sheet.append([values.get(h) for h in PDD_HEADER])
    for name in ("订单号", "收货人", "省", "市", "区", "街道"):
        col = PDD_HEADER.index(name) + 1
        sheet.merge_cells(start_row=2, end_row=4, start_column=col, end_column=col)
    book.save(tmp_path / "pdd.xlsx")

    report = import_files(db, [tmp_path / "pdd.xlsx"])
    again = import_files(db, [tmp_path / "pdd.xlsx"])

    assert report.stored == 1 and report.encoding == "xlsx"
    assert (again.stored, again.updated, again.unchanged) == (0, 0, 1)
    o = _orders(db)["261130-000000000000001"]
    assert [ln.sku for ln in o.lines] == ["CUP-QING", "CUP-BAI", "BOX-GIFT"]
    assert o.recipient == "陈晓" and o.district == "天河区"


def test_xlsx_number_cell_damaged_to_float_is_refused(db, tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(JD_HEADER)
    row = {
        "订单号": 3.71291e18,
        "商品名称": "茶盘",
        "订购数量": 1,
        "客户姓名": "王芳",
        "客户地址": "四川省 成都市 武侯区 天府大道 99号",
    }
    sheet.append([row.get(h) for h in JD_HEADER])
    book.save(tmp_path / "jd.xlsx")

    report = import_files(db, [tmp_path / "jd.xlsx"])

    assert report.stored == 0
    assert [(r.file, r.row, r.column) for r in report.refused] == [("jd.xlsx", 2, "订单号")]
