"""Choosing the carrier for a parcel, and saying why in words a clerk can check.

Every carrier is judged on the same facts: does it reach the address, does it take goods this
heavy and this big, did the buyer ask for it or refuse it, will it arrive by the promised date,
and what it costs. Carriers that cannot take the parcel stay in the list, at the bottom, with
the reason, so the clerk sees why the obvious choice is missing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy.orm import Session

from app import settings
from app.config import current_user, desk_timezone
from app.db.engine import Database
from app.db.models import Order, Product
from app.db.models.carriers import Carrier, CarrierDecision
from app.db.types import utcnow
from app.errors import BadInput
from app.orders.lookup import find_order
from app.shipping import carriers as catalogue
from app.shipping.tracking import shipment_for
from app.shipping.wishes import carrier_wishes

log = logging.getLogger(__name__)

PROMISE_DAYS_KEY = "shipping.promise_delivery_days"
PROMISE_DAYS_DEFAULT = 5


@dataclass(frozen=True)
class Goods:
    """What goes in the parcel, as far as a carrier cares."""

    weight: Decimal
    volume_cm3: Decimal
    longest_side_mm: int
    side_sum_mm: int


@dataclass(frozen=True)
class CarrierRank:
    rank: int
    code: str
    name: str
    service: str
    eligible: bool
    price: Decimal
    chargeable_kg: Decimal
    transit_days: int
    expected_delivery: date
    keeps_promise: bool
    wanted_by_buyer: bool
    reasons: tuple[str, ...]

    @property
    def summary(self) -> str:
        return f"{self.name}: {'，'.join(self.reasons)}，¥{self.price}"


def goods_of(session: Session, order: Order) -> Goods:
    """Weight and size from the catalogue (the scale's weight wins once the parcel is weighed)."""
    weight = Decimal(0)
    volume = Decimal(0)
    longest = side_sum = 0
    for line in order.lines:
        product = session.get(Product, line.product_id) if line.product_id else None
        if product is None or not product.shippable:
            continue
        weight += product.weight * line.quantity
        sides = (product.length_mm, product.width_mm, product.height_mm)
        volume += Decimal(sides[0] * sides[1] * sides[2] * line.quantity) / 1000
        longest = max(longest, *sides)
        side_sum = max(side_sum, sum(sides))

    shipment = shipment_for(session, order)
    if shipment.weight:
        weight = shipment.weight
    return Goods(weight, volume, longest, side_sum)


def promised_delivery(session: Session, order: Order) -> date | None:
    """The latest delivery day the shop promised: paid day plus the site's promise days."""
    if order.paid_at is None:
        return None
    days = settings.get(session, PROMISE_DAYS_KEY, PROMISE_DAYS_DEFAULT)
    return order.paid_at.astimezone(desk_timezone()).date() + timedelta(days=days)


def _refusals(carrier: Carrier, order: Order, goods: Goods, refused: frozenset[str]) -> list[str]:
    """Why this carrier cannot take the parcel at all (empty when it can)."""
    why = []
    rule = catalogue.region_rule(carrier, order.province, order.city)
    if rule is not None and rule.kind == "excluded":
        why.append(f"不送达 {rule.province}{rule.city}")
    if goods.weight > carrier.max_weight:
        why.append(f"超重：{goods.weight.normalize():f} kg 超过上限 {carrier.max_weight:.0f} kg")
    if goods.longest_side_mm > carrier.max_side_mm or goods.side_sum_mm > carrier.max_sum_mm:
        why.append(f"超大：最长边 {goods.longest_side_mm} mm，上限 {carrier.max_side_mm} mm")
    if carrier.code in refused:
        why.append("买家要求不发此快递")
    return why


def rank_carriers(
    session: Session, order: Order, now: datetime | None = None
) -> list[CarrierRank]:
    """All active carriers, best first, each with its price, delivery date and reasons."""
    now = now or utcnow()
    goods = goods_of(session, order)
    wishes = carrier_wishes(order)
    promise = promised_delivery(session, order)

    judged = []
    for carrier in catalogue.carriers(session):
        refusals = _refusals(carrier, order, goods, wishes.refused)
        cost = catalogue.price(carrier, order.province, goods.weight, goods.volume_cm3)
        days = catalogue.transit_days(session, carrier.code, order.province)
        leaves = catalogue.pickup_day(session, carrier.code, now)
        arrives = catalogue.expected_delivery(session, carrier.code, order.province, leaves)
        keeps = promise is None or arrives <= promise
        wanted = carrier.code in wishes.wanted
        judged.append((carrier, refusals, cost, days, arrives, keeps, wanted))

    def order_key(item):
        carrier, refusals, cost, days, arrives, keeps, wanted = item
        return (bool(refusals), not keeps, not wanted, cost, arrives, carrier.id)

    judged.sort(key=order_key)
    eligible = [j for j in judged if not j[1]]
    cheapest = min((j[2] for j in eligible), default=None)
    fastest = min((j[4] for j in eligible), default=None)
    heavy = goods.weight > 20 or goods.longest_side_mm > 1200

    ranks = []
    for place, (carrier, refusals, cost, days, arrives, keeps, wanted) in enumerate(judged, 1):
        reasons = list(refusals)
        if not refusals:
            if wanted:
                reasons.append("买家指定")
            if arrives == fastest:
                reasons.append(f"到{_short(order.province)}最快（{days} 天）")
            if cost == cheapest:
                weight = f"{goods.weight.normalize():f} kg" if heavy else ""
                reasons.append(f"{weight}最便宜".strip())
            if heavy and carrier.large_goods:
                reasons.append("承运大件")
            rule = catalogue.region_rule(carrier, order.province, order.city)
            if rule is not None and rule.kind == "remote":
                reasons.append(f"偏远地区，多 {rule.extra_days} 天")
        if not keeps:
            reasons.append(f"预计 {arrives:%m-%d} 送达，晚于承诺的 {promise:%m-%d}")
        elif not refusals:
            reasons.append(f"预计 {arrives:%m-%d} 送达")
        ranks.append(
            CarrierRank(
                place,
                carrier.code,
                carrier.name,
                carrier.service,
                not refusals,
                cost,
                catalogue.chargeable_weight(carrier, goods.weight, goods.volume_cm3),
                days,
                arrives,
                keeps,
                wanted,
                tuple(reasons),
            )
        )
    return ranks


def _short(province: str) -> str:
    for suffix in ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市"):
        if province.endswith(suffix):
            return province[: -len(suffix)]
    return province


def rank_order(db: Database, order_no: str, now: datetime | None = None) -> list[CarrierRank]:
    with db.transaction() as session:
        return rank_carriers(session, find_order(session, order_no), now)


@dataclass(frozen=True)
class CarrierChoice:
    order_no: str
    carrier: str
    suggested: str
    overridden: bool
    reason: str


def choose(
    session: Session,
    order: Order,
    code: str | None = None,
    reason: str = "",
    user: str | None = None,
) -> CarrierChoice:
    """Set the parcel's carrier: the top of the ranking, or the clerk's override with a reason.

    Overriding the suggestion without a reason is refused: the supervisor reads these later.
    """
    ranks = rank_carriers(session, order)
    suggested = next((r for r in ranks if r.eligible), None)
    if suggested is None:
        raise BadInput(f"订单 {order.order_no}: 没有能承运的快递公司（{ranks[0].summary}）")
    code = (code or suggested.code).strip().upper()
    chosen = next((r for r in ranks if r.code == code), None)
    if chosen is None:
        catalogue.get_carrier(session, code)
        raise BadInput(f"快递公司 {code} 已停用")
    overridden = code != suggested.code
    if overridden and not reason.strip():
        raise BadInput(f"改用 {chosen.name} 而不是推荐的 {suggested.name}，请写明原因")
    if not chosen.eligible and overridden:
        log.warning("order %s: %s chosen although %s", order.order_no, code, chosen.reasons)

    shipment = shipment_for(session, order)
    if shipment.tracking_no and shipment.carrier and shipment.carrier != code:
        raise BadInput(
            f"订单 {order.order_no} 已有 {shipment.carrier} 运单号 {shipment.tracking_no}，"
            "请先作废面单再换快递"
        )
    shipment.carrier = code
    session.add(
        CarrierDecision(
            order_id=order.id,
            carrier_code=code,
            suggested_code=suggested.code,
            overridden=overridden,
            reason=reason.strip(),
            user=user or current_user(),
        )
    )
    if overridden:
        log.info(
            "order %s: carrier %s instead of %s: %s", order.order_no, code, suggested.code, reason
        )
    return CarrierChoice(order.order_no, code, suggested.code, overridden, reason.strip())


def choose_carrier(
    db: Database, order_no: str, code: str | None = None, reason: str = "", user: str | None = None
) -> CarrierChoice:
    with db.transaction() as session:
        return choose(session, find_order(session, order_no), code, reason, user)
