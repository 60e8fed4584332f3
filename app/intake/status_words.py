"""What the platforms' own status words mean for PackDesk: unpaid, or cancelled there."""

from __future__ import annotations

import re

_UNPAID = re.compile("等待买家付款|待付款|未付款|pending|unpaid", re.IGNORECASE)
_CANCELLED = re.compile("交易关闭|已关闭|已取消|取消|cancelled|canceled|voided", re.IGNORECASE)


def is_unpaid(status: str) -> bool:
    return _UNPAID.search(status) is not None


def is_cancelled(status: str) -> bool:
    return _CANCELLED.search(status) is not None
