"""The return policy: which lines may come back, and why or why not, in words.

Settings (all optional; the defaults are the shop's usual terms):
- `returns.no_reason_days` (7): 七天无理由, counted from delivery;
- `returns.quality_days` (15): the shop's fault (quality, damage, wrong or missing items);
- `returns.non_returnable_keywords`: words in a product's category, name or spec that make it
  non-returnable without a fault (personalised and hygiene goods);
- `returns.non_returnable_skus`: SKUs that are never returnable without a fault.

The period starts on the delivery date. When delivery is unknown it starts on the handover
date plus the carrier's transit days to the province, so the customer is never cut short by a
slow carrier. Days are calendar days in the desk's zone; the last day counts in full.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import settings_checks
from app.config import desk_timezone
from app.db.models import Order, OrderEvent, Product, Shipment
from app.db.models.returns import ReturnLine, ReturnRequest
from app.db.models.stock_control import StockPlan
from app.db.models.tracking import ParcelProgress
from app.db.types import utcnow
from app.returns.reasons import REASONS, SELLER_FAULT
from app.shipping.carriers import transit_days

DEFAULT_KEYWORDS = ["定制", "个性化", "刻字", "贴身", "内衣", "内裤", "卫生用品", "一次性"]


@dataclass(frozen=True)
class PolicyStart:
    """When the return period began, and how that date was found (shown to the clerk)."""

    day: date | None
    how: str


@dataclass(frozen=True)
class LineEligibility:
    sku: str
    quantity: int
    reason: str
    eligible: bool
    why: str
    deadline: date | None


def _desk_day(moment: datetime) -> date:
    return moment.astimezone(desk_timezone()).date()


def _transit_days(session: Session, carrier: str, province: str) -> int:
    return transit_days(session, carrier, province)


def _delivered_at(session: Session, order: Order, shipments: list[Shipment]) -> datetime | None:
    if shipments:
        found = session.scalars(
            select(ParcelProgress.delivered_at).where(
                ParcelProgress.shipment_id.in_([s.id for s in shipments]),
                ParcelProgress.delivered_at.is_not(None),
            )
        ).all()
        if found:
            return max(found)
    return session.scalar(
        select(OrderEvent.at)
        .where(OrderEvent.order_id == order.id, OrderEvent.to_status == "delivered")
        .order_by(OrderEvent.at.desc())
    )


def policy_start(session: Session, order: Order) -> PolicyStart:
    shipments = list(session.scalars(select(Shipment).where(Shipment.order_id == order.id)))
    delivered = _delivered_at(session, order, shipments)
    if delivered is not None:
        day = _desk_day(delivered)
        return PolicyStart(day, f"签收日 {day:%Y-%m-%d}")

    handed = [s for s in shipments if s.shipped_at is not None]
    if not handed:
        return PolicyStart(None, "订单尚未发货")
    last = max(handed, key=lambda s: s.shipped_at)
    days = _transit_days(session, last.carrier, order.province)
    day = _desk_day(last.shipped_at) + timedelta(days=days)
    return PolicyStart(
        day, f"签收日未知，按发货日 {_desk_day(last.shipped_at):%Y-%m-%d} + 在途 {days} 天"
    )


def _category_text(session: Session, product: Product | None) -> str:
    if product is None:
        return ""
    category = (
        session.scalar(select(StockPlan.category).where(StockPlan.product_id == product.id)) or ""
    )
    return " ".join((category, product.name, product.spec))


def non_returnable_word(session: Session, product: Product | None, sku: str) -> str:
    """The keyword (or SKU) that makes a product non-returnable without a fault, else ""."""
    if sku in settings_checks.read(session, "returns.non_returnable_skus", []):
        return sku
    text = _category_text(session, product)
    for word in settings_checks.read(session, "returns.non_returnable_keywords", DEFAULT_KEYWORDS):
        if word and word in text:
            return word
    return ""


def line_eligibility(
    session: Session, line: ReturnLine, start: PolicyStart, today: date
) -> LineEligibility:
    reason_words = REASONS[line.reason]
    fault = line.reason in SELLER_FAULT
    product = session.get(Product, line.product_id) if line.product_id else None

    def result(ok: bool, why: str, deadline: date | None = None) -> LineEligibility:
        return LineEligibility(line.sku, line.quantity, line.reason, ok, why, deadline)

    if start.day is None:
        return result(False, start.how)
    word = non_returnable_word(session, product, line.sku)
    if word and not fault:
        return result(False, f"「{word}」类商品不支持{reason_words}退货")

    key, default = ("returns.quality_days", 15) if fault else ("returns.no_reason_days", 7)
    days = settings_checks.read(session, key, default)
    deadline = start.day + timedelta(days=days)
    if today > deadline:
        return result(
            False,
            f"{reason_words}限 {days} 天，已于 {deadline:%Y-%m-%d} 到期（{start.how}）",
            deadline,
        )
    return result(
        True, f"{reason_words} {days} 天内，{deadline:%Y-%m-%d} 前可退（{start.how}）", deadline
    )


def review_lines(
    session: Session, ret: ReturnRequest, today: date | None = None
) -> list[LineEligibility]:
    """Each line of the return checked against the policy; unlinked returns cannot be checked."""
    day = today or _desk_day(utcnow())
    if ret.order_id is None:
        return [
            LineEligibility(
                ln.sku, ln.quantity, ln.reason, False, "未关联订单，无法核对政策", None
            )
            for ln in ret.lines
        ]
    start = policy_start(session, session.get(Order, ret.order_id))
    return [line_eligibility(session, ln, start, day) for ln in ret.lines]
