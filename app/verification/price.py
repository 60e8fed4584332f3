"""Price rules: line prices against the catalogue, and the order's sum against what was paid.

The rounding rule, written down once:
- every amount is a `Decimal` in yuan with two places (fen), as the platform printed it;
- the expected total is sum(unit price × quantity) + postage − discount, computed exactly,
  with no rounding in between (the products of two-place numbers are exact);
- it may differ from the paid total by at most 0.01 per line, because platforms round fees
  and shares of discounts per line or per order as they like: two units at 55.55 plus a 10 %
  fee come to 122.21 (fee on the sum) or 122.22 (fee per unit), and both are right.
A larger difference holds the order, and the message lists every line's amount.
"""

from __future__ import annotations

from decimal import Decimal

from app.db.models import Order
from app.verification.context import VerifyContext
from app.verification.issues import HOLD, WARN, Issue, line_field
from app.verification.quantity import line_pieces

PRICE_RULE = "price"
TOTALS_RULE = "totals"
CENT = Decimal("0.01")


def allowed_difference(line_count: int) -> Decimal:
    return CENT * max(line_count, 1)


def expected_total(order: Order) -> Decimal:
    goods = sum((ln.unit_price * ln.quantity for ln in order.lines), Decimal("0"))
    return goods + order.postage - order.discount


def _breakdown(order: Order) -> str:
    parts = [
        f"第{ln.line_no}行 {ln.unit_price}×{ln.quantity}={ln.unit_price * ln.quantity}"
        for ln in order.lines
    ]
    return "；".join(parts)


def _suspect_line(order: Order, difference: Decimal) -> str:
    """A line whose quantity or unit price would explain the difference, if one does."""
    for ln in order.lines:
        if ln.unit_price and difference % ln.unit_price == 0:
            return f"，差额正好是第{ln.line_no}行 {abs(difference / ln.unit_price):g} 件的金额"
        if (
            ln.quantity
            and abs(difference) > CENT
            and difference % ln.quantity == 0
            and len(order.lines) == 1
        ):
            return f"，可能是第{ln.line_no}行单价不符"
    return ""


def check_totals(order: Order, ctx: VerifyContext) -> list[Issue]:
    if not order.lines:
        return []
    issues = []
    tolerance = allowed_difference(len(order.lines))
    goods = sum((ln.unit_price * ln.quantity for ln in order.lines), Decimal("0"))
    if order.goods_total and abs(order.goods_total - goods) > tolerance:
        issues.append(
            Issue(
                TOTALS_RULE,
                "goods_total",
                f"商品金额 {order.goods_total} 与各行合计 {goods} 相差 "
                f"{abs(order.goods_total - goods)}（{_breakdown(order)}）",
                HOLD,
            )
        )

    expected = expected_total(order)
    difference = order.paid_total - expected
    if abs(difference) > tolerance:
        issues.append(
            Issue(
                TOTALS_RULE,
                "paid_total",
                f"实付 {order.paid_total} 与应付 {expected} 相差 {abs(difference)}："
                f"{_breakdown(order)}；邮费 {order.postage}；优惠 {order.discount}"
                f"{_suspect_line(order, difference)}",
                HOLD,
            )
        )
    return issues


def check_prices(order: Order, ctx: VerifyContext) -> list[Issue]:
    """Warn only: shops run discounts the catalogue does not know about."""
    issues = []
    for ln in order.lines:
        product = ctx.products_by_id.get(ln.product_id) if ln.product_id else None
        if product is None or not product.price or ln.unit_price == 0:
            continue
        if line_pieces(ln, ctx)[1]:
            continue  # a pack's price is not the catalogue's price per piece
        limit = product.price * ctx.price_tolerance_pct / 100
        if abs(ln.unit_price - product.price) > max(limit, CENT):
            issues.append(
                Issue(
                    PRICE_RULE,
                    line_field(ln.line_no, "unit_price"),
                    f"第{ln.line_no}行单价 {ln.unit_price} 与目录价 {product.price} "
                    f"相差超过 {ctx.price_tolerance_pct}%",
                    WARN,
                )
            )
    return issues
