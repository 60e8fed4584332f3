"""What the platforms' own status words mean for PackDesk: unpaid, or cancelled there."""

from __future__ import annotations

_UNPAID = ("等待买家付款", "待付款", "未付款", "pending", "unpaid")
_CANCELLED = ("交易关闭", "已关闭", "已取消", "取消", "cancelled", "canceled", "voided")


def is_unpaid(status: str) -> bool:
    text = status.strip().lower()
    return any(word in text for word in _UNPAID)


def is_cancelled(status: str) -> bool:
    text = status.strip().lower()
    return any(word in text for word in _CANCELLED)
