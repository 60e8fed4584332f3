"""Reading the carrier catalogue: who serves where, how fast, on which days and at what price.

Other steps (the customer's shipping notice, the promised delivery date) ask this module how
many days a parcel takes and whether a carrier works on a given day, so those two answers are
plain functions of a session, a carrier code and a province or date.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

import chinese_calendar
from sqlalchemy import literal, or_, select
from sqlalchemy.orm import Session

from app import settings_checks
from app.config import desk_timezone
from app.db.engine import Database
from app.db.models.carriers import Carrier, CarrierRegion, CarrierService, SortCode
from app.errors import BadInput
from app.shipping.seed import ensure_seeded

log = logging.getLogger(__name__)

# Days on the road when neither the carrier's table nor the shop's settings say more.
DEFAULT_TRANSIT_DAYS = 3

# A timetable with a longer break than this is a data error, not a reason to loop forever.
_LONGEST_BREAK_DAYS = 30


class UnknownCarrier(BadInput):
    def __init__(self, code: str) -> None:
        super().__init__(f"快递公司「{code}」不在快递公司目录中")
        self.code = code


class UnknownService(BadInput):
    def __init__(self, carrier: Carrier, name: str) -> None:
        known = "、".join(s.name for s in carrier.services if s.active) or "无"
        super().__init__(f"{carrier.name} 没有服务「{name}」（可选：{known}）")
        self.code = carrier.code
        self.name = name


class NoPrice(BadInput):
    """The carrier's price table has no row for the zone a destination falls in."""

    def __init__(self, code: str, province: str, zone: int | None) -> None:
        where = f"{zone} 区（{province}）" if zone is not None else province
        super().__init__(f"快递公司 {code} 没有 {where} 的价格，请在快递公司目录里补上")
        self.code = code
        self.zone = zone


def carriers(session: Session, active_only: bool = True) -> list[Carrier]:
    ensure_seeded(session)
    query = select(Carrier).order_by(Carrier.id)
    if active_only:
        query = query.where(Carrier.active.is_(True))
    return list(session.scalars(query))


def get_carrier(session: Session, code: str) -> Carrier:
    """The carrier with this code; remembered for the session, as a batch asks for it often."""
    ensure_seeded(session)
    code = code.strip().upper()
    known = session.info.setdefault("carriers_by_code", {})
    carrier = known.get(code)
    if carrier is None:
        carrier = session.scalar(select(Carrier).where(Carrier.code == code))
        if carrier is None:
            raise UnknownCarrier(code)
        known[code] = carrier
    return carrier


def carrier_name(session: Session, code: str) -> str | None:
    """The name customers know (顺丰速运), or None for a code not in the catalogue."""
    ensure_seeded(session)
    return session.scalar(select(Carrier.name).where(Carrier.code == code.strip().upper()))


def _same_province(stored: str, asked: str) -> bool:
    """ "新疆" and "新疆维吾尔自治区" are the same place; buyers and exports use both."""
    return bool(asked) and (
        stored == asked or stored.startswith(asked) or asked.startswith(stored)
    )


def _destination(carrier: Carrier, province: str):
    return next((d for d in carrier.destinations if _same_province(d.province, province)), None)


def lists_transit(carrier: Carrier, province: str) -> bool:
    """Does the carrier's transit table name `province`? If not, its days there are a guess."""
    return _destination(carrier, province) is not None


def region_rule(carrier: Carrier, province: str, city: str = "") -> CarrierRegion | None:
    """The excluded/remote rule for this place, the city-level rule winning over the province."""
    matches = [
        r
        for r in carrier.regions
        if _same_province(r.province, province) and (not r.city or r.city == city)
    ]
    matches.sort(key=lambda r: (r.kind != "excluded", not r.city))
    return matches[0] if matches else None


def default_service(carrier: Carrier) -> CarrierService | None:
    """The service used when nobody names one: the marked default, else the first active one.

    None only for a carrier whose services were all removed; it is then priced and timed
    straight from its tables.
    """
    active = [s for s in carrier.services if s.active]
    return next((s for s in active if s.is_default), active[0] if active else None)


def find_service(carrier: Carrier, name: str | None) -> CarrierService | None:
    """The service called `name` (stopped ones too, for parcels already sent with them);
    an empty name means the default. Raises UnknownService for a name the carrier lacks."""
    if not name or not name.strip():
        return default_service(carrier)
    found = next((s for s in carrier.services if s.name == name.strip()), None)
    if found is None:
        raise UnknownService(carrier, name.strip())
    return found


def _service_for_timing(carrier: Carrier, name: str | None) -> CarrierService | None:
    """Like find_service, but a parcel whose service was since renamed still gets a date."""
    try:
        return find_service(carrier, name)
    except UnknownService:
        log.warning("carrier %s has no service %r; timing it as the default", carrier.code, name)
        return default_service(carrier)


def transit_days(
    session: Session, carrier_code: str, province: str, service: str | None = None
) -> int:
    """Days on the road to `province` with `service` (default: the carrier's default service),
    remote surcharge days included.

    A province missing from the carrier's table gets the slower of the carrier's slowest
    figure and the shop's `shipping.default_transit_days`: a carrier that lists only its home
    province must not look fastest everywhere else, and a promise made from the guess errs late
    rather than early. A faster service takes days off the table, but no parcel arrives in
    less than one day.
    """
    carrier = get_carrier(session, carrier_code)
    found = _destination(carrier, province)
    if found is None:
        # Ranking asks once per service and order, so this is a debug line; the ranking itself
        # tells the clerk in words (see `lists_transit`).
        log.debug("carrier %s has no transit days for %r", carrier.code, province)
        fallback = settings_checks.read(
            session, "shipping.default_transit_days", DEFAULT_TRANSIT_DAYS
        )
        days = max([fallback, *(d.transit_days for d in carrier.destinations)])
    else:
        days = found.transit_days

    chosen = _service_for_timing(carrier, service)
    if chosen is not None:
        days = max(1, days + chosen.transit_adjust_days)

    rule = region_rule(carrier, province)
    if rule is not None and rule.kind == "remote" and not rule.city:
        days += rule.extra_days
    return days


def _holiday_name(d: date) -> str | None:
    try:
        on_holiday, name = chinese_calendar.get_holiday_detail(d)
    except NotImplementedError:
        # TODO: chinesecalendar covers the years the State Council has published; later years
        # are treated as having no holidays until the package is updated.
        return None
    # A make-up working day (调休) carries the holiday's name but is a working day.
    return name if on_holiday else None


def carrier_works_on(session: Session, carrier_code: str, d: date) -> bool:
    """Does the carrier pick up and move parcels on `d` (its weekdays, minus its holidays)?"""
    carrier = get_carrier(session, carrier_code)
    if str(d.isoweekday()) not in carrier.pickup_days:
        return False
    holiday = _holiday_name(d)
    closed = {h.strip() for h in carrier.closed_holidays.split(";") if h.strip()}
    return holiday is None or holiday not in closed


def next_working_day(session: Session, carrier_code: str, d: date) -> date:
    """`d` itself if the carrier works that day, else the next day it does."""
    for offset in range(_LONGEST_BREAK_DAYS):
        day = d + timedelta(days=offset)
        if carrier_works_on(session, carrier_code, day):
            return day
    raise BadInput(f"快递公司 {carrier_code} 连续 {_LONGEST_BREAK_DAYS} 天不收件，请检查收件日")


def pickup_day(session: Session, carrier_code: str, now: datetime) -> date:
    """The day a parcel packed at `now` leaves: today before the cut-off, else the next pickup."""
    carrier = get_carrier(session, carrier_code)
    local = now.astimezone(desk_timezone())
    hour, minute = (int(p) for p in carrier.cutoff.split(":"))
    day = local.date()
    if local.time() >= time(hour, minute):
        day += timedelta(days=1)
    return next_working_day(session, carrier_code, day)


def expected_delivery(
    session: Session,
    carrier_code: str,
    province: str,
    ship_day: date,
    service: str | None = None,
) -> date:
    """Delivery day: transit days counted on the carrier's working days after `ship_day`."""
    day = ship_day
    for _ in range(transit_days(session, carrier_code, province, service)):
        day = next_working_day(session, carrier_code, day + timedelta(days=1))
    return day


def chargeable_weight(carrier: Carrier, weight: Decimal, volume_cm3: Decimal) -> Decimal:
    """The greater of actual and volumetric weight, rounded up to whole kilograms."""
    volumetric = volume_cm3 / carrier.volumetric_divisor
    return Decimal(max(1, math.ceil(max(weight, volumetric))))


def price(
    carrier: Carrier,
    province: str,
    weight: Decimal,
    volume_cm3: Decimal,
    service: CarrierService | None = None,
) -> Decimal:
    """首重 plus 续重 per further kilogram, in the zone of `province`, times the service's
    percent of the carrier's table (default: the carrier's default service), to the fen."""
    found = _destination(carrier, province)
    zone = found.zone if found else max((r.zone for r in carrier.rates), default=None)
    rate = next((r for r in carrier.rates if r.zone == zone), None)
    if rate is None:
        raise NoPrice(carrier.code, province, zone)
    kg = chargeable_weight(carrier, weight, volume_cm3)
    extra_kg = max(Decimal(0), kg - rate.first_weight)
    table = rate.first_price + extra_kg * rate.extra_price_per_kg

    service = service or default_service(carrier)
    if service is not None and service.price_percent != 100:
        table = table * service.price_percent / 100
    return table.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def sort_code_for(
    session: Session, carrier_code: str, province: str, city: str, district: str
) -> tuple[str, str]:
    """(大头笔/三段码, 集包地) from the shop's table, the most specific row winning.

    A row stored under the short name ("广东", before names were made whole on entry) still
    matches the order's 广东省.
    """
    rows = session.scalars(
        select(SortCode).where(
            SortCode.carrier_code == carrier_code,
            or_(SortCode.province == province, literal(province).startswith(SortCode.province)),
        )
    ).all()
    fitting = [r for r in rows if r.city in ("", city) and r.district in ("", district)]
    if not fitting:
        return "", ""
    best = max(fitting, key=lambda r: (bool(r.city), bool(r.district)))
    return best.sort_code, best.hub


@dataclass(frozen=True)
class ServiceInfo:
    name: str
    speed_class: str
    transit_adjust_days: int
    price_percent: int
    is_default: bool


@dataclass(frozen=True)
class CarrierInfo:
    code: str
    name: str
    # The default service and its speed class ("" when the carrier has no active service).
    service: str
    speed_class: str
    # Every active service, the default among them.
    services: tuple[ServiceInfo, ...] = ()


def _info(carrier: Carrier) -> CarrierInfo:
    default = default_service(carrier)
    services = tuple(
        ServiceInfo(
            s.name,
            s.speed_class,
            s.transit_adjust_days,
            s.price_percent,
            s is default,
        )
        for s in carrier.services
        if s.active
    )
    if default is None:
        return CarrierInfo(carrier.code, carrier.name, "", "", services)
    return CarrierInfo(carrier.code, carrier.name, default.name, default.speed_class, services)


def carrier_list(db: Database) -> list[CarrierInfo]:
    """The active carriers with their services, for pickers in the windows."""
    with db.transaction() as session:
        return [_info(c) for c in carriers(session)]
