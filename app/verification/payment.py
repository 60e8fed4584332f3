"""Payment rule: only paid orders go on; orders closed on the platform never ship."""

from __future__ import annotations

from functools import lru_cache

from app.db.models import Order
from app.verification.context import VerifyContext
from app.verification.issues import HOLD, Issue

RULE = "payment"
# Platform status words meaning the deal is off (Taobao 交易关闭, Pinduoduo 已取消, refunds).
CLOSED_WORDS = ("交易关闭", "已关闭", "关闭", "已取消", "取消", "退款成功", "已退款")
UNPAID_WORDS = ("等待买家付款", "待付款", "未付款")


def check_payment(order: Order, ctx: VerifyContext) -> list[Issue]:
    return list(_payment_issues(order.platform_status or "", bool(order.paid)))


@lru_cache(maxsize=256)
def _payment_issues(platform_status: str, paid: bool) -> tuple[Issue, ...]:
    """Worked out once per platform status text: an export uses only a handful of them."""
    status = platform_status.strip()
    if any(word in status for word in CLOSED_WORDS):
        return (Issue(RULE, "platform_status", f"平台状态为「{status}」，订单不可发货", HOLD),)
    if not paid or any(word in status for word in UNPAID_WORDS):
        shown = f"（平台状态「{status}」）" if status else ""
        return (Issue(RULE, "paid", f"订单未付款{shown}，付款后才能发货", HOLD),)
    return ()
