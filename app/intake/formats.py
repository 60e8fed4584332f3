"""Row-per-line export formats: Pinduoduo, JD and Shopify, described as data.

Each format lists its fields with the headers seen for them, and a `finish` that turns one
order's collected values into `Order` fields (address, paid, cancelled on the platform).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.intake import address
from app.intake.address import ZERO
from app.intake.columns import Field, field, has_all_required
from app.intake.records import ParsedOrder
from app.intake.status_words import is_cancelled, is_unpaid


@dataclass(frozen=True)
class RowwiseFormat:
    platform: str
    label: str
    fields: list[Field]
    finish: Callable[[ParsedOrder], None]
    # A header only this format has, so a file is never read as the wrong platform.
    marker: str

    def recognises(self, header: list[str]) -> bool:
        return self.marker in header and has_all_required(header, self.fields)


def _common(order: ParsedOrder, v: dict, parts: address.AddressParts, raw: str) -> None:
    goods = v.get("goods_total")
    if goods is None:
        goods = sum((ln.unit_price * ln.quantity for ln in order.lines), ZERO)
    status = v.get("platform_status", "")
    order.fields = {
        "buyer": v.get("buyer", "") or v.get("email", ""),
        "email": v.get("email", ""),
        "recipient": v.get("recipient", ""),
        "phone": v.get("phone", ""),
        **address.address_fields(parts, raw),
        "goods_total": goods,
        "postage": v.get("postage", ZERO),
        "discount": v.get("discount", ZERO) + v.get("discount2", ZERO),
        "paid_total": v.get("paid_total", ZERO),
        "platform_status": status,
        "paid": v.get("paid_at") is not None and not is_unpaid(status),
        "buyer_remark": v.get("buyer_remark", ""),
        "seller_remark": v.get("seller_remark", ""),
        "created_at": v.get("created_at"),
        "paid_at": v.get("paid_at"),
    }
    order.cancelled = is_cancelled(status) or v.get("cancelled_at") is not None


def _finish_pdd(order: ParsedOrder) -> None:
    v = order.fields
    detail = v.get("street", "")
    raw = " ".join(x for x in (v.get("province"), v.get("city"), v.get("district"), detail) if x)
    parts = address.AddressParts(
        v.get("province", ""), v.get("city", ""), v.get("district", ""), detail, ""
    )
    _common(order, v, parts, raw)


def _finish_jd(order: ParsedOrder) -> None:
    v = order.fields
    raw = v.get("address", "")
    _common(order, v, address.split_free_text(raw), raw)
    if "paid_at" not in v:
        order.fields["paid"] = not is_unpaid(v.get("platform_status", ""))


def _finish_shopify(order: ParsedOrder) -> None:
    """Only the shipping address is the recipient; billing columns are never read."""
    v = order.fields
    street = " ".join(x for x in (v.get("street1"), v.get("street2")) if x)
    parts = address.AddressParts(
        v.get("province", ""),
        v.get("city", ""),
        "",
        street,
        "" if v.get("postcode") == "-" else v.get("postcode", ""),
    )
    raw = ", ".join(
        x
        for x in (street, v.get("city"), v.get("province"), v.get("postcode"), v.get("country"))
        if x
    )
    financial = v.get("financial_status", "")
    v.setdefault("platform_status", financial)
    _common(order, v, parts, raw)
    order.fields["paid"] = financial.lower() in ("paid", "partially_refunded")


PDD = RowwiseFormat(
    "pdd",
    "拼多多",
    [
        field("order_no", "订单号", kind="id", required=True),
        field("platform_status", "订单状态"),
        field("goods_total", "商品总价(元)", kind="money"),
        field("discount", "店铺优惠折扣(元)", kind="money"),
        field("discount2", "平台优惠折扣(元)", kind="money"),
        field("postage", "邮费(元)", kind="money"),
        field("paid_total", "用户实付金额(元)", "商家实收金额(元)", kind="money"),
        field("recipient", "收货人", required=True),
        field("phone", "手机", "收货人手机号", kind="id"),
        field("province", "省"),
        field("city", "市"),
        field("district", "区"),
        field("street", "街道", "详细地址"),
        field("paid_at", "支付时间", kind="time"),
        field("created_at", "订单成交时间", "拼单成功时间", kind="time"),
        field("seller_remark", "商家备注"),
        field("buyer_remark", "买家留言"),
        field("title", "商品", "商品名称", level="line"),
        field("attributes", "商品规格", level="line"),
        field("sku", "商家编码-SKU维度", "商家编码-商品维度", "商家编码", kind="id", level="line"),
        field("quantity", "商品数量(件)", kind="qty", required=True, level="line"),
    ],
    _finish_pdd,
    marker="商品数量(件)",
)

JD = RowwiseFormat(
    "jd",
    "京东",
    [
        field("order_no", "订单号", kind="id", required=True),
        field("title", "商品名称", level="line"),
        field("sku", "商家SKU", "商家编码", "商家SKU编码", kind="id", level="line"),
        field("platform_sku", "商品ID", kind="id"),
        field("quantity", "订购数量", kind="qty", required=True, level="line"),
        field("unit_price", "京东价", kind="money", level="line"),
        field("paid_total", "应付金额", kind="money"),
        field("postage", "运费金额", "运费", kind="money"),
        field("platform_status", "订单状态"),
        field("recipient", "客户姓名", required=True),
        field("address", "客户地址", required=True),
        field("phone", "联系电话", kind="id"),
        field("seller_remark", "订单备注", "商家备注"),
        field("buyer_remark", "买家备注"),
        field("created_at", "下单时间", kind="time"),
        field("paid_at", "付款确认时间", "付款时间", kind="time"),
    ],
    _finish_jd,
    marker="订购数量",
)

SHOPIFY = RowwiseFormat(
    "shopify",
    "Shopify",
    [
        field("order_no", "Name", kind="id", required=True),
        field("email", "Email"),
        field("financial_status", "Financial Status"),
        field("paid_at", "Paid at", kind="time"),
        field("created_at", "Created at", kind="time"),
        field("goods_total", "Subtotal", kind="money"),
        field("postage", "Shipping", kind="money"),
        field("paid_total", "Total", kind="money"),
        field("discount", "Discount Amount", kind="money"),
        field("quantity", "Lineitem quantity", kind="qty", required=True, level="line"),
        field("title", "Lineitem name", level="line"),
        field("unit_price", "Lineitem price", kind="money", level="line"),
        field("sku", "Lineitem sku", kind="id", level="line"),
        field("recipient", "Shipping Name"),
        field("street1", "Shipping Address1", "Shipping Street"),
        field("street2", "Shipping Address2"),
        field("city", "Shipping City"),
        field("postcode", "Shipping Zip", kind="id"),
        field("province", "Shipping Province Name", "Shipping Province"),
        field("country", "Shipping Country"),
        field("phone", "Shipping Phone", "Phone", kind="id"),
        field("buyer_remark", "Notes"),
        field("cancelled_at", "Cancelled at", kind="time"),
    ],
    _finish_shopify,
    marker="lineitemquantity",
)

ROWWISE = {f.platform: f for f in (PDD, JD, SHOPIFY)}
