"""Invented Taobao, Pinduoduo, JD and Shopify exports for the intake tests.

Every name, phone and address here is made up. Files are written into the test's tmp_path in
the encoding the test asks for, the way the platforms' exporters write them.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

TAOBAO_ORDER_HEADER = (
    "订单编号,买家会员名,买家支付宝账号,买家应付货款,买家应付邮费,买家支付积分,总金额,返点积分,"
    "买家实际支付金额,买家实际支付积分,订单状态,买家留言,收货人姓名,收货地址,运送方式,联系电话,"
    "联系手机,订单创建时间,订单付款时间,宝贝标题,宝贝种类,物流单号,物流公司,订单备注,宝贝总数量,"
    "店铺Id,店铺名称,订单关闭原因,卖家服务费,买家服务费,发票抬头,是否手机订单,分阶段订单信息,"
    "特权订金订单id,定金排名,修改后的sku,修改后的收货地址,异常信息"
).split(",")

TAOBAO_ITEM_HEADER = (
    "订单编号,标题,价格,购买数量,外部系统编号,商品属性,套餐信息,备注,订单状态,商家编码"
)
TAOBAO_ITEM_HEADER = TAOBAO_ITEM_HEADER.split(",")

PAID = "买家已付款，等待卖家发货"


def taobao_order(order_no: str, **over: str) -> dict[str, str]:
    row = {
        "订单编号": f'="{order_no}"',
        "买家会员名": "tb_lin_xiaoyu",
        "买家应付货款": "118.00",
        "买家应付邮费": "10.00",
        "总金额": "128.00",
        "买家实际支付金额": "128.00",
        "订单状态": PAID,
        "买家留言": "请用顺丰",
        "收货人姓名": "林小雨",
        "收货地址": "浙江省 杭州市 西湖区 文三路 100号 星河小区3幢(310012)",
        "联系手机": "'13900000001",
        "订单创建时间": "2026-11-30 10:15:02",
        "订单付款时间": "2026-11-30 10:16:40",
        "宝贝标题": "手工陶瓷杯 礼盒装",
        "宝贝总数量": "3",
        "店铺Id": "55501",
        "店铺名称": "青瓷小铺",
    }
    row.update(over)
    return row


def taobao_item(
    order_no: str,
    sku: str,
    qty: str = "1",
    price: str = "39.00",
    title: str = "手工陶瓷杯",
    attrs: str = "颜色分类:青色",
) -> dict[str, str]:
    return {
        "订单编号": f"\t{order_no}",
        "标题": title,
        "价格": price,
        "购买数量": qty,
        "商品属性": attrs,
        "订单状态": PAID,
        "商家编码": sku,
    }


def csv_bytes(header: list[str], rows: list[dict[str, str]], encoding: str) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(h, "") for h in header])
    return buffer.getvalue().encode(encoding)


def write_csv(
    path: Path, header: list[str], rows: list[dict[str, str]], encoding: str = "gb18030"
) -> Path:
    path.write_bytes(csv_bytes(header, rows, encoding))
    return path


def taobao_pair(
    tmp: Path, orders: list[dict], items: list[dict], encoding: str = "gb18030", prefix: str = ""
) -> list[Path]:
    return [
        write_csv(tmp / f"{prefix}ExportOrderList.csv", TAOBAO_ORDER_HEADER, orders, encoding),
        write_csv(tmp / f"{prefix}ExportOrderDetailList.csv", TAOBAO_ITEM_HEADER, items, encoding),
    ]


def standard_pair(tmp: Path, encoding: str = "gb18030") -> list[Path]:
    """Two orders: 1914310000010100016 with three lines, 2023112200000000001 with one."""
    orders = [
        taobao_order("1914310000010100016"),
        taobao_order(
            "2023112200000000001",
            收货人姓名="周明",
            收货地址="北京 北京市 朝阳区 建国路 88号 2单元(100022)",
            联系手机="13800000002",
            买家应付货款="59.00",
            买家应付邮费="0.00",
            买家实际支付金额="59.00",
            总金额="59.00",
        ),
    ]
    items = [
        taobao_item("1914310000010100016", "CUP-QING", "1"),
        taobao_item("1914310000010100016", "CUP-BAI", "1", attrs="颜色分类:白色"),
        taobao_item("1914310000010100016", "BOX-GIFT", "1", price="40.00", title="礼盒"),
        taobao_item("2023112200000000001", "012345678905", "1", price="59.00", title="茶叶罐"),
    ]
    return taobao_pair(tmp, orders, items, encoding)
