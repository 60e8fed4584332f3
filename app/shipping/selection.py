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

from app import settings_checks
from app.config import current_user, desk_timezone
from app.db.engine import Database
from app.db.models import Order, Product
from app.db.models.carriers import Carrier, CarrierDecision
from app.db.types import utcnow
from app.errors import BadInput
from app.orders.lookup import find_order
from app.orders.status import LABELS, Status
from app.shipping import carriers as catalogue
from app.shipping.tracking import parcels_for, shipment_for
from app.shipping.wishes import carrier_wishes

log = logging.getLogger(__name__)

PROMISE_DAYS_KEY = "shipping.promise_delivery_days"
PROMISE_DAYS_DEFAULT = 5

# A parcel that left, or an order that will not ship, keeps the carrier it has.
_NO_MORE_CHOICE = frozenset({Status.SHIPPED, Status.DELIVERED, Status.CANCELLED})


@dataclass(frozen=True)
class Goods:
    """What goes in the parcel, as far as a carrier cares."""

    weight: Decimal
    volume_cm3: Decimal
    longest_side_mm: int
    side_sum_mm: int


@dataclass(frozen=True)
class ServiceOffer:
    """One service of a carrier for this parcel: what it costs and when it would arrive."""

    name: str
    speed_class: str
    price: Decimal
    transit_days: int
    expected_delivery: date
    keeps_promise: bool
    is_default: bool
    # False when the price table has no row for the destination's zone (price is then 0).
    priced: bool = True


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
    # Every active service of the carrier for this parcel; `service` names the one offered.
    services: tuple[ServiceOffer, ...] = ()

    @property
    def default_service(self) -> str:
        """The carrier's usual service: what a parcel with no service of its own travels by."""
        return next((o.name for o in self.services if o.is_default), self.service)

    @property
    def summary(self) -> str:
        label = f"{self.name}（{self.service}）" if self.service else self.name
        return f"{label}: {'，'.join(self.reasons)}，¥{self.price}"


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
    days = settings_checks.read(session, PROMISE_DAYS_KEY, PROMISE_DAYS_DEFAULT)
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


def _offers(
    session: Session,
    carrier: Carrier,
    order: Order,
    goods: Goods,
    leaves: date,
    promise: date | None,
) -> list[ServiceOffer]:
    """What each active service of the carrier would cost and when it would arrive.

    A carrier without any active service is offered on its bare tables (name ""), so it still
    shows in the ranking; `_refusals` marks it ineligible.
    """
    default = catalogue.default_service(carrier)
    offers = []
    for service in [s for s in carrier.services if s.active] or [None]:
        name = service.name if service else ""
        arrives = catalogue.expected_delivery(
            session, carrier.code, order.province, leaves, name or None
        )
        try:
            cost = catalogue.price(
                carrier, order.province, goods.weight, goods.volume_cm3, service
            )
        except catalogue.NoPrice:
            # A gap in the shop's price table: the carrier is listed, ineligible, with why.
            cost = None
        offers.append(
            ServiceOffer(
                name,
                service.speed_class if service else "",
                cost if cost is not None else Decimal(0),
                catalogue.transit_days(session, carrier.code, order.province, name or None),
                arrives,
                promise is None or arrives <= promise,
                service is not None and service is default,
                priced=cost is not None,
            )
        )
    return offers


def _best_offer(offers: list[ServiceOffer]) -> ServiceOffer:
    """The cheapest service that keeps the promise; if none does, the fastest."""
    keeping = [o for o in offers if o.keeps_promise]
    if keeping:
        return min(keeping, key=lambda o: (o.price, o.expected_delivery, not o.is_default))
    return min(offers, key=lambda o: (o.expected_delivery, o.price, not o.is_default))


def _service_reason(offer: ServiceOffer, offers: list[ServiceOffer]) -> str | None:
    """Why the offered service is not the carrier's usual one, in words."""
    default = next((o for o in offers if o.is_default), None)
    if default is None or offer is default:
        return None
    if offer.keeps_promise and not default.keeps_promise:
        return f"需用{offer.name}才能按时送达"
    if not offer.keeps_promise:
        return f"已选最快的{offer.name}"
    if offer.price < default.price:
        return f"{offer.name}比{default.name}便宜，也能按时送达"
    return None


def rank_carriers(
    session: Session, order: Order, now: datetime | None = None
) -> list[CarrierRank]:
    """All active carriers, best first, each with the service it would use, its price,
    delivery date and reasons."""
    if order.status in _NO_MORE_CHOICE:
        label = LABELS[Status(order.status)]
        raise BadInput(f"订单 {order.order_no} 状态为「{label}」，不能再选快递")
    if not order.province.strip():
        raise BadInput(f"订单 {order.order_no} 没有收货省份，请先补全收货地址再选快递")
    now = now or utcnow()
    goods = goods_of(session, order)
    wishes = carrier_wishes(order)
    promise = promised_delivery(session, order)

    active = catalogue.carriers(session)
    if not active:
        raise BadInput("快递公司目录里没有启用的快递公司，请先在「快递公司」里启用至少一家")
    judged = []
    for carrier in active:
        refusals = _refusals(carrier, order, goods, wishes.refused)
        leaves = catalogue.pickup_day(session, carrier.code, now)
        offers = _offers(session, carrier, order, goods, leaves, promise)
        if not offers[0].name:
            refusals.append("没有启用的服务")
        if not all(o.priced for o in offers):
            refusals.append(f"价格表没有到{_short(order.province)}的价格")
        wanted = carrier.code in wishes.wanted
        judged.append((carrier, refusals, _best_offer(offers), offers, wanted))

    def order_key(item):
        # Among carriers that miss the promise anyway, the earliest arrival goes first.
        carrier, refusals, offer, offers, wanted = item
        cost, day = offer.price, offer.expected_delivery
        late = not offer.keeps_promise
        return (
            bool(refusals),
            late,
            not wanted,
            *((day, cost) if late else (cost, day)),
            carrier.id,
        )

    judged.sort(key=order_key)
    eligible = [j for j in judged if not j[1]]
    cheapest = min((j[2].price for j in eligible), default=None)
    # Fastest over every service, so the clerk learns that 顺丰特快 would be quicker even when
    # the cheaper 顺丰电商标快 is offered because it keeps the promise.
    fastest = min((o.expected_delivery for j in eligible for o in j[3]), default=None)
    heavy = goods.weight > 20 or goods.longest_side_mm > 1200

    ranks = []
    for place, (carrier, refusals, offer, offers, wanted) in enumerate(judged, 1):
        arrives = offer.expected_delivery
        reasons = list(refusals)
        if not refusals:
            if wanted:
                reasons.append("买家指定")
            quickest = next((o for o in offers if o.expected_delivery == fastest), None)
            if not catalogue.lists_transit(carrier, order.province):
                where = _short(order.province)
                reasons.append(f"时效表没有{where}，按 {offer.transit_days} 天估计")
            elif arrives == fastest:
                reasons.append(f"到{_short(order.province)}最快（{offer.transit_days} 天）")
            elif quickest is not None:
                place_name = _short(order.province)
                reasons.append(
                    f"改用{quickest.name}可最快到{place_name}（{quickest.transit_days} 天）"
                )
            if offer.price == cheapest:
                weight = f"{goods.weight.normalize():f} kg" if heavy else ""
                reasons.append(f"{weight}最便宜".strip())
            if heavy and carrier.large_goods:
                reasons.append("承运大件")
            rule = catalogue.region_rule(carrier, order.province, order.city)
            if rule is not None and rule.kind == "remote":
                reasons.append(f"偏远地区，多 {rule.extra_days} 天")
            service_reason = _service_reason(offer, offers)
            if service_reason:
                reasons.append(service_reason)
        if not offer.keeps_promise:
            reasons.append(f"预计 {arrives:%m-%d} 送达，晚于承诺的 {promise:%m-%d}")
        elif not refusals:
            reasons.append(f"预计 {arrives:%m-%d} 送达")
        ranks.append(
            CarrierRank(
                place,
                carrier.code,
                carrier.name,
                offer.name,
                not refusals,
                offer.price,
                catalogue.chargeable_weight(carrier, goods.weight, goods.volume_cm3),
                offer.transit_days,
                arrives,
                offer.keeps_promise,
                wanted,
                tuple(reasons),
                tuple(offers),
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
    service: str = ""
    suggested_service: str = ""


def choose(
    session: Session,
    order: Order,
    code: str | None = None,
    reason: str = "",
    user: str | None = None,
    service: str | None = None,
) -> CarrierChoice:
    """Set the parcel's carrier and service: the top of the ranking, or the clerk's override.

    Picking another carrier, or another service of the suggested carrier (顺丰特快 instead of
    顺丰标快 costs the shop more), without a reason is refused: the supervisor reads these.
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
    service_name = _chosen_service(session, chosen, service)

    overridden = (code, service_name) != (suggested.code, suggested.service)
    if overridden and not reason.strip():
        asked = f"{chosen.name} {service_name}".strip()
        raise BadInput(
            f"改用 {asked} 而不是推荐的 {suggested.name} {suggested.service}，请写明原因"
        )
    if not chosen.eligible and overridden:
        log.warning("order %s: %s chosen although %s", order.order_no, code, chosen.reasons)

    shipment = shipment_for(session, order)
    if shipment.tracking_no and shipment.carrier and shipment.carrier != code:
        raise BadInput(
            f"订单 {order.order_no} 已有 {shipment.carrier} 运单号 {shipment.tracking_no}，"
            "请先作废面单再换快递"
        )
    if shipment.waybill_printed_at and shipment.carrier == code:
        printed = shipment.service or chosen.default_service
        if printed != service_name:
            raise BadInput(
                f"订单 {order.order_no} 的面单已按 {printed} 打印，请先作废面单再换服务"
            )
    shipment.carrier = code
    # Further parcels already with this carrier travel with the same service.
    for parcel in parcels_for(session, order):
        if parcel.carrier == code:
            parcel.service = service_name
    session.add(
        CarrierDecision(
            order_id=order.id,
            carrier_code=code,
            service=service_name,
            suggested_code=suggested.code,
            overridden=overridden,
            reason=reason.strip(),
            user=user or current_user(),
        )
    )
    if overridden:
        log.info(
            "order %s: carrier %s %s instead of %s %s: %s",
            order.order_no,
            code,
            service_name,
            suggested.code,
            suggested.service,
            reason,
        )
    return CarrierChoice(
        order.order_no,
        code,
        suggested.code,
        overridden,
        reason.strip(),
        service_name,
        suggested.service,
    )


def _chosen_service(session: Session, chosen: CarrierRank, service: str | None) -> str:
    """The service the clerk named (it must be an active one), else the one ranked for it."""
    if not service or not service.strip():
        return chosen.service
    name = service.strip()
    if not any(o.name == name for o in chosen.services):
        raise catalogue.UnknownService(catalogue.get_carrier(session, chosen.code), name)
    return name


def choose_carrier(
    db: Database,
    order_no: str,
    code: str | None = None,
    reason: str = "",
    user: str | None = None,
    service: str | None = None,
) -> CarrierChoice:
    with db.transaction() as session:
        return choose(session, find_order(session, order_no), code, reason, user, service)
