"""Duplicates: two open orders to the same person and address can go in one parcel."""

from __future__ import annotations

from app.db.models import Order
from app.verification.context import VerifyContext, duplicate_key
from app.verification.issues import WARN, Issue

RULE = "duplicate"


def check_duplicates(order: Order, ctx: VerifyContext) -> list[Issue]:
    key = duplicate_key(order)
    if key is None:
        return []
    others = [no for no in ctx.open_keys.get(key, []) if no != order.order_no]
    if not others:
        return []
    listed = "、".join(others[:5])
    return [
        Issue(RULE, "address", f"与订单 {listed} 收件人和地址相同，建议合并为一个包裹发出", WARN)
    ]
