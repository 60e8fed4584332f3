"""Taobao/Tmall exports: the order report (订单报表) with or without its item report (宝贝报表).

The pair is joined by 订单编号. Without an item report, each order has one line made of
宝贝标题 and 宝贝总数量, and the SKUs come from the clerk's remembered title mapping.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass

from app.intake import address, title_map
from app.intake.columns import Column, field, resolve
from app.intake.records import ParsedLine, ParsedOrder, RefusedRow
from app.intake.rowwise import read_rows
from app.intake.status_words import is_cancelled, is_unpaid
from app.intake.tables import Sheet

log = logging.getLogger(__name__)

PLATFORM = "taobao"

ORDER_FIELDS = [
    field("order_no", "订单编号", "订单号", kind="id", required=True),
    field("buyer", "买家会员名", "买家昵称"),
    field("goods_total", "买家应付货款", "宝贝总价", kind="money"),
    field("postage", "买家应付邮费", "邮费", kind="money"),
    field("total", "总金额", kind="money"),
    field("paid_total", "买家实际支付金额", "实付金额", kind="money"),
    field("platform_status", "订单状态"),
    field("buyer_remark", "买家留言"),
    field("recipient", "收货人姓名", "收货人", required=True),
    field("address_changed", "修改后的收货地址"),
    field("address", "收货地址", required=True),
    field("mobile", "联系手机", "手机", kind="id"),
    field("landline", "联系电话", kind="id"),
    field("created_at", "订单创建时间", "创建时间", kind="time"),
    field("paid_at", "订单付款时间", "付款时间", kind="time"),
    field("item_title", "宝贝标题"),
    field("item_count", "宝贝总数量", kind="qty"),
    field("seller_remark", "订单备注", "卖家备注"),
]

_SINGLE_FILE_ONLY = {"item_title", "item_count"}

ITEM_FIELDS = [
    field("order_no", "订单编号", "订单号", kind="id", required=True),
    field("title", "标题", "宝贝标题", "商品标题", level="line"),
    field("unit_price", "价格", "单价", kind="money", level="line"),
    field("quantity", "购买数量", "数量", kind="qty", required=True, level="line"),
    field("sku", "商家编码", "外部系统编号", "商品编码", kind="id", level="line"),
    field("attributes", "商品属性", "销售属性", "套餐信息", level="line"),
]


def is_item_report(header: list[str]) -> bool:
    """The item report: order numbers with item columns but no address."""
    if "订单编号" not in header or "收货地址" in header:
        return False
    return any(h in header for h in ("购买数量", "标题", "外部系统编号", "商品属性"))


def is_order_report(header: list[str]) -> bool:
    return "订单编号" in header and "收货地址" in header


def order_columns(sheet: Sheet) -> list[Column]:
    return resolve(sheet.header, sheet.raw_header, ORDER_FIELDS, sheet.file)


def item_columns(sheet: Sheet) -> list[Column]:
    return resolve(sheet.header, sheet.raw_header, ITEM_FIELDS, sheet.file)


@dataclass(slots=True)
class ItemLines:
    """An order's lines from the item report, and the report row where it first appears."""

    row: int
    lines: list[ParsedLine]


def read_items(
    sheet: Sheet, columns: list[Column], refused: list[RefusedRow]
) -> dict[str, ItemLines]:
    """Lines by order number; identical repeated rows count once."""
    items: dict[str, ItemLines] = {}
    label = next(c.label for c in columns if c.field.name == "order_no")
    for row_no, v in read_rows(sheet, columns, refused):
        order_no = v.get("order_no")
        if not order_no:
            refused.append(RefusedRow(sheet.file, row_no, label, "订单编号为空"))
            continue
        line = ParsedLine(
            sku=v.get("sku", ""),
            title=v.get("title", ""),
            quantity=v.get("quantity", 0),
            unit_price=v.get("unit_price", address.ZERO),
            attributes=v.get("attributes", ""),
        )
        entry = items.get(order_no)
        if entry is None:
            items[order_no] = ItemLines(row_no, [line])
        elif line not in entry.lines:
            entry.lines.append(line)
    return items


def read_orders(
    sheet: Sheet,
    columns: list[Column],
    refused: list[RefusedRow],
    items: dict[str, ItemLines] | None,
    titles: dict[str, list[tuple[str, int]]],
) -> Iterator[ParsedOrder]:
    """Orders in file order; with `items` (the pair) lines come from the item report.

    A repeated order row is merged into the first. An order of the pair without any item
    row is refused: storing it without lines would let it be packed empty.
    """
    seen: set[str] = set()
    labels = {c.field.name: c.label for c in columns}
    if items is not None:
        # The pair takes its lines from the item report; fewer cells read per row.
        columns = [c for c in columns if c.field.name not in _SINGLE_FILE_ONLY]
    for row_no, values in read_rows(sheet, columns, refused):
        order_no = values.get("order_no")
        if not order_no:
            refused.append(RefusedRow(sheet.file, row_no, labels["order_no"], "订单编号为空"))
            continue
        if order_no in seen:
            continue
        seen.add(order_no)
        order = ParsedOrder(PLATFORM, order_no, sheet.file, row_no)
        if items is not None:
            found = items.pop(order_no, None)
            if found is None:
                refused.append(
                    RefusedRow(
                        sheet.file,
                        row_no,
                        labels["order_no"],
                        f"订单 {order_no} 在宝贝报表中没有宝贝",
                    )
                )
                continue
            order.lines = found.lines
        else:
            order.lines = _lines_from_title(values, titles)
        _finish(order, values)
        yield order


def _lines_from_title(values: dict, titles: dict[str, list[tuple[str, int]]]) -> list:
    title = values.get("item_title", "")
    count = values.get("item_count", 1)
    mapped = titles.get(title)
    if not mapped:
        return [ParsedLine(sku="", title=title, quantity=count)]
    return [ParsedLine(sku=sku, title=title, quantity=count * per) for sku, per in mapped]


def _finish(order: ParsedOrder, v: dict) -> None:
    raw_address = v.get("address_changed") or v.get("address", "")
    status = v.get("platform_status", "")
    goods = v.get("goods_total")
    if goods is None:
        goods = sum((ln.unit_price * ln.quantity for ln in order.lines), address.ZERO)
    order.fields = {
        "buyer": v.get("buyer", ""),
        "recipient": v.get("recipient", ""),
        "phone": v.get("mobile") or v.get("landline", ""),
        **address.address_fields(address.split_spaced(raw_address), raw_address),
        "goods_total": goods,
        "postage": v.get("postage", address.ZERO),
        "paid_total": v.get("paid_total", v.get("total", address.ZERO)),
        "platform_status": status,
        "paid": v.get("paid_at") is not None and not is_unpaid(status),
        "buyer_remark": v.get("buyer_remark", ""),
        "seller_remark": v.get("seller_remark", ""),
        "created_at": v.get("created_at"),
        "paid_at": v.get("paid_at"),
    }
    order.cancelled = is_cancelled(status)


def load_titles(session) -> dict[str, list[tuple[str, int]]]:
    return title_map.title_mappings(session)
