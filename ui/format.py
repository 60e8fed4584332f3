"""How values look on screen: money with ¥, times in the desk's zone."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from app.config import desk_timezone


def money(value: Decimal | None) -> str:
    return "" if value is None else f"¥{value:,.2f}"


def local_time(value: datetime | None) -> str:
    if value is None:
        return ""
    return value.astimezone(desk_timezone()).strftime("%Y-%m-%d %H:%M")
