"""Reorder alerts: which products are at or below their reorder point or safety stock, and
how many to order.

The suggestion is an order-up-to rule: cover the safety stock plus the demand expected while
the supplier delivers and until the next review (a week), less what is available now, raised
to the supplier's minimum order quantity. Without a forecast the target falls back to the
reorder point plus the safety stock, so a product with no sales history still gets a sane
number.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

REVIEW_DAYS = 7


class Alert(StrEnum):
    NONE = ""
    REORDER = "reorder"
    SAFETY = "safety"


ALERT_LABELS = {Alert.NONE: "", Alert.REORDER: "到达补货点", Alert.SAFETY: "低于安全库存"}


@dataclass(frozen=True)
class PlanFigures:
    available: int
    reorder_point: int
    safety_stock: int
    forecast_per_week: int
    lead_time_days: int
    moq: int


def alert_of(p: PlanFigures) -> Alert:
    """Safety stock is the stronger alarm; both only apply when a threshold was set."""
    if p.safety_stock and p.available <= p.safety_stock:
        return Alert.SAFETY
    if p.reorder_point and p.available <= p.reorder_point:
        return Alert.REORDER
    return Alert.NONE


def suggested_quantity(p: PlanFigures) -> int:
    """Pieces to order now; 0 when no alert is raised."""
    if alert_of(p) is Alert.NONE:
        return 0
    if p.forecast_per_week > 0:
        days = p.lead_time_days + REVIEW_DAYS
        target = p.safety_stock + math.ceil(p.forecast_per_week * days / 7)
    else:
        target = p.reorder_point + p.safety_stock
    needed = max(target - p.available, 0)
    if needed == 0:
        needed = 1
    return max(needed, p.moq)
