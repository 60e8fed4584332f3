"""Editing the carrier catalogue: one named change per function, each in one transaction.

The shop starts from the seeded list prices and replaces them with its own contract; every
change is checked field by field (`app.shipping.catalogue_checks`), refused with what and where
when it is wrong, and logged with the user's name. A carrier that parcels already name is never
deleted, only switched off, so old waybills and handovers keep their carrier.
"""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import current_user
from app.db.engine import Database
from app.db.models import Shipment
from app.db.models.carriers import (
    Carrier,
    CarrierDecision,
    CarrierRate,
    CarrierService,
    Handover,
    SortCode,
    TrackingPoolNumber,
    WaybillPrint,
)
from app.shipping.carriers import carriers, get_carrier
from app.shipping.catalogue_checks import (
    HEADER_FIELDS,
    RATE_FIELDS,
    SERVICE_FIELDS,
    CatalogueInputError,
    check_carrier,
    check_code,
    checked,
)
from app.shipping.catalogue_lock import lock_carrier
from app.shipping.catalogue_tables import used_service_names
from app.shipping.catalogue_view import CarrierDetail, CarrierSummary, detail_of

log = logging.getLogger(__name__)


def carrier_summaries(db: Database) -> list[CarrierSummary]:
    """Every carrier, switched-off ones too, for the catalogue's list."""
    with db.transaction() as session:
        return [
            CarrierSummary(c.code, c.name, c.active) for c in carriers(session, active_only=False)
        ]


def carrier_detail(db: Database, code: str) -> CarrierDetail:
    with db.transaction() as session:
        return detail_of(session, get_carrier(session, code))


def where_in(code: str, prefix: str = ""):
    """Names a wrong field as the clerk sees it: 快递公司 SF 第 3 区的首重价."""
    return lambda _field, label: f"快递公司 {code} {prefix}的{label}"


def logged(carrier: Carrier, what: str, *args: object) -> None:
    """Every catalogue change is logged with who made it, since prices are contract terms."""
    log.info("carrier catalogue %s (%s): " + what, carrier.code, current_user(), *args)


def finished(session: Session, carrier: Carrier) -> CarrierDetail:
    """Checks the whole carrier after one change (a zone still priced, one default service)."""
    session.flush()
    check_carrier(carrier, f"快递公司 {carrier.code}")
    return detail_of(session, carrier)


def add_carrier(db: Database, code: str, name: str) -> CarrierDetail:
    """A new carrier with one standard service, switched off until it has prices.

    It starts inactive because a carrier without a price table cannot be ranked; the shop
    fills in prices and transit days, then switches it on.
    """
    code = check_code(code, "快递公司代码")
    name = HEADER_FIELDS["name"][1](name, f"快递公司 {code} 的名称")
    with db.transaction() as session:
        lock_carrier(session, code)
        # Reading the list first also seeds an empty catalogue, so the seed never skips it.
        known = {c.code: c for c in carriers(session, active_only=False)}
        if code in known:
            raise CatalogueInputError("快递公司代码", f"{code} 已经存在（{known[code].name}）")
        carrier = Carrier(code=code, name=name, active=False)
        carrier.services.append(new_service("标准快递"))
        session.add(carrier)
        logged(carrier, "added %s", name)
        return finished(session, carrier)


def new_service(name: str) -> CarrierService:
    """The service a carrier gets when nothing else is said: standard speed, list price."""
    return CarrierService(
        name=name,
        speed_class="standard",
        transit_adjust_days=0,
        price_percent=100,
        is_default=True,
        active=True,
    )


def update_carrier(db: Database, code: str, **changes: object) -> CarrierDetail:
    """Change header fields (name, limits, pickup days, cut-off, holidays, masking, active).

    Only the fields given change; their names are those of `HEADER_FIELDS`.
    """
    with db.transaction() as session:
        lock_carrier(session, code)
        carrier = get_carrier(session, code)
        values = checked(HEADER_FIELDS, changes, where_in(carrier.code))
        for name, value in values.items():
            setattr(carrier, name, value)
        logged(carrier, "changed %s", values)
        return finished(session, carrier)


def set_carrier_active(db: Database, code: str, active: bool) -> CarrierDetail:
    """Switch a carrier on or off; an inactive carrier is never ranked or offered."""
    return update_carrier(db, code, active=active)


def _referenced(session: Session, code: str) -> str | None:
    """What in the records names this carrier, or None when nothing does."""
    uses = (
        (Shipment.carrier, "包裹"),
        (CarrierDecision.carrier_code, "选快递记录"),
        (Handover.carrier_code, "交接单"),
        (TrackingPoolNumber.carrier_code, "号池运单号"),
        (WaybillPrint.carrier_code, "面单打印记录"),
    )
    for column, what in uses:
        if session.scalar(select(column).where(column == code).limit(1)) is not None:
            return what
    return None


def remove_carrier(db: Database, code: str) -> None:
    """Delete a carrier nobody has used yet (one added by mistake); others are switched off."""
    with db.transaction() as session:
        lock_carrier(session, code)
        carrier = get_carrier(session, code)
        used_by = _referenced(session, carrier.code)
        if used_by is not None:
            raise CatalogueInputError(
                f"快递公司 {carrier.code}", f"已有{used_by}使用它，不能删除，请改为停用"
            )
        for row in session.scalars(select(SortCode).where(SortCode.carrier_code == carrier.code)):
            session.delete(row)
        session.delete(carrier)
        logged(carrier, "removed")


def _service(carrier: Carrier, name: str) -> CarrierService:
    wanted = name.strip()
    found = next((s for s in carrier.services if s.name == wanted), None)
    if found is None:
        raise CatalogueInputError(f"快递公司 {carrier.code}", f"没有服务「{wanted}」")
    return found


def _make_default(carrier: Carrier, service: CarrierService) -> None:
    for other in carrier.services:
        other.is_default = other is service


def _add_service(carrier: Carrier, name: str, fields: dict) -> None:
    values = checked(SERVICE_FIELDS, {"name": name, **fields}, where_in(carrier.code))
    if any(s.name == values["name"] for s in carrier.services):
        raise CatalogueInputError(
            f"快递公司 {carrier.code} 的服务名称", f"「{values['name']}」已经存在"
        )
    service = CarrierService(**values)
    carrier.services.append(service)
    if values.get("is_default") or not any(s.is_default for s in carrier.services):
        _make_default(carrier, service)
    logged(carrier, "added service %s", values)


def _update_service(session: Session, carrier: Carrier, name: str, changes: dict) -> None:
    service = _service(carrier, name)
    where = f"快递公司 {carrier.code} 的服务「{service.name}」"
    values = checked(SERVICE_FIELDS, changes, where_in(carrier.code, f"服务「{service.name}」"))
    new_name = values.get("name", service.name)
    if new_name != service.name:
        if any(s.name == new_name for s in carrier.services):
            raise CatalogueInputError(
                f"快递公司 {carrier.code} 的服务名称", f"「{new_name}」已经存在"
            )
        if service.name in used_service_names(session, carrier.code):
            raise CatalogueInputError(where, "已有包裹使用这个名称，不能改名；请新增服务并停用它")
    if values.get("is_default") is False and service.is_default:
        raise CatalogueInputError(where, "这是默认服务；请把另一个服务设为默认")
    for field, value in values.items():
        if field != "is_default":
            setattr(service, field, value)
    if values.get("is_default"):
        _make_default(carrier, service)
    logged(carrier, "changed service %s: %s", name, values)


def add_service(db: Database, code: str, name: str, **fields: object) -> CarrierDetail:
    """A new service (顺丰特快) priced and timed relative to the carrier's tables."""
    with db.transaction() as session:
        lock_carrier(session, code)
        carrier = get_carrier(session, code)
        _add_service(carrier, name, fields)
        return finished(session, carrier)


def update_service(db: Database, code: str, name: str, /, **changes: object) -> CarrierDetail:
    """Change service `name`; `name=` among the changes renames it, `is_default=True` makes it
    the default in place of the old one. A name parcels already carry is never changed."""
    with db.transaction() as session:
        lock_carrier(session, code)
        carrier = get_carrier(session, code)
        _update_service(session, carrier, name, changes)
        return finished(session, carrier)


def save_service(
    db: Database, code: str, name: str, *, rename: str | None = None, **fields: object
) -> CarrierDetail:
    """Change service `name` if the carrier has it, else add it (the command line's `service`).

    Deciding inside the locked transaction keeps two desks from both adding it. A rename of a
    service the carrier does not have is refused rather than adding one under the old name.
    """
    with db.transaction() as session:
        lock_carrier(session, code)
        carrier = get_carrier(session, code)
        known = any(s.name == name.strip() for s in carrier.services)
        if rename is not None:
            if not known:
                raise CatalogueInputError(
                    f"快递公司 {carrier.code}", f"没有服务「{name.strip()}」，不能改名"
                )
            fields["name"] = rename
        if known:
            _update_service(session, carrier, name, fields)
        else:
            _add_service(carrier, name, fields)
        return finished(session, carrier)


def remove_service(db: Database, code: str, name: str) -> CarrierDetail:
    """Delete a service no parcel names; the last one and the default stay."""
    with db.transaction() as session:
        lock_carrier(session, code)
        carrier = get_carrier(session, code)
        service = _service(carrier, name)
        where = f"快递公司 {carrier.code} 的服务「{service.name}」"
        if len(carrier.services) == 1:
            raise CatalogueInputError(where, "这是唯一的服务，不能删除")
        if service.is_default:
            raise CatalogueInputError(where, "这是默认服务；请先把另一个服务设为默认")
        if service.name in used_service_names(session, carrier.code):
            raise CatalogueInputError(where, "已有包裹使用它，不能删除，请改为停用")
        carrier.services.remove(service)
        logged(carrier, "removed service %s", service.name)
        return finished(session, carrier)


def set_rate(
    db: Database,
    code: str,
    zone: object,
    *,
    first_weight: object = None,
    first_price: object = None,
    extra_price_per_kg: object = None,
) -> CarrierDetail:
    """The 首重/续重 price of one zone; a zone not priced yet is added (首重 1 kg unless said).

    A field left None keeps its stored value, so `rate SF 01 --first-price 9` changes only
    the first-weight price of zone 1, read under the lock, not from an earlier snapshot.
    """
    with db.transaction() as session:
        lock_carrier(session, code)
        carrier = get_carrier(session, code)
        where = where_in(carrier.code, f"第 {zone} 区")
        number = checked(RATE_FIELDS, {"zone": zone}, where)["zone"]
        rate = next((r for r in carrier.rates if r.zone == number), None)
        given = {
            "zone": number,
            "first_weight": rate.first_weight if rate else "1",
            "first_price": rate.first_price if rate else None,
            "extra_price_per_kg": rate.extra_price_per_kg if rate else None,
        }
        asked = {
            "first_weight": first_weight,
            "first_price": first_price,
            "extra_price_per_kg": extra_price_per_kg,
        }
        given.update({k: v for k, v in asked.items() if v is not None})
        values = checked(RATE_FIELDS, given, where)
        if rate is None:
            rate = CarrierRate(zone=values["zone"])
            carrier.rates.append(rate)
        for field, value in values.items():
            setattr(rate, field, value)
        logged(carrier, "rate %s", values)
        return finished(session, carrier)


def remove_rate(db: Database, code: str, zone: object) -> CarrierDetail:
    """Drop a zone's price; refused while a province is still in that zone."""
    with db.transaction() as session:
        lock_carrier(session, code)
        carrier = get_carrier(session, code)
        zone = RATE_FIELDS["zone"][1](zone, f"快递公司 {carrier.code} 的区")
        rate = next((r for r in carrier.rates if r.zone == zone), None)
        if rate is None:
            raise CatalogueInputError(f"快递公司 {carrier.code}", f"第 {zone} 区没有价格")
        carrier.rates.remove(rate)
        logged(carrier, "removed the rate of zone %s", zone)
        return finished(session, carrier)
