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
    CarrierDestination,
    CarrierRate,
    CarrierRegion,
    CarrierService,
    Handover,
    SortCode,
    TrackingPoolNumber,
    WaybillPrint,
)
from app.errors import BadInput
from app.shipping.carriers import carriers, get_carrier
from app.shipping.catalogue_checks import (
    DESTINATION_FIELDS,
    HEADER_FIELDS,
    RATE_FIELDS,
    REGION_FIELDS,
    SERVICE_FIELDS,
    CatalogueInputError,
    check_carrier,
    check_code,
    checked,
    normalise_province,
)
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


def _where(code: str, prefix: str = ""):
    return lambda _field, label: f"承运商 {code} {prefix}的{label}"


def _logged(carrier: Carrier, what: str, *args: object) -> None:
    log.info("carrier catalogue %s (%s): " + what, carrier.code, current_user(), *args)


def _finish(session: Session, carrier: Carrier) -> CarrierDetail:
    session.flush()
    check_carrier(carrier, f"承运商 {carrier.code}")
    return detail_of(session, carrier)


def add_carrier(db: Database, code: str, name: str) -> CarrierDetail:
    """A new carrier with one standard service, switched off until it has prices.

    It starts inactive because a carrier without a price table cannot be ranked; the shop
    fills in prices and transit days, then switches it on.
    """
    code = check_code(code, "承运商代码")
    name = HEADER_FIELDS["name"][1](name, f"承运商 {code} 的名称")
    with db.transaction() as session:
        # Reading the list first also seeds an empty catalogue, so the seed never skips it.
        known = {c.code: c for c in carriers(session, active_only=False)}
        if code in known:
            raise CatalogueInputError("承运商代码", f"{code} 已经存在（{known[code].name}）")
        carrier = Carrier(code=code, name=name, active=False)
        carrier.services.append(new_service("标准快递"))
        session.add(carrier)
        _logged(carrier, "added %s", name)
        return _finish(session, carrier)


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
        carrier = get_carrier(session, code)
        values = checked(HEADER_FIELDS, changes, _where(carrier.code))
        for name, value in values.items():
            setattr(carrier, name, value)
        _logged(carrier, "changed %s", values)
        return _finish(session, carrier)


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
        carrier = get_carrier(session, code)
        used_by = _referenced(session, carrier.code)
        if used_by is not None:
            raise CatalogueInputError(
                f"承运商 {carrier.code}", f"已有{used_by}使用它，不能删除，请改为停用"
            )
        for row in session.scalars(select(SortCode).where(SortCode.carrier_code == carrier.code)):
            session.delete(row)
        session.delete(carrier)
        _logged(carrier, "removed")


def _service(carrier: Carrier, name: str) -> CarrierService:
    wanted = name.strip()
    found = next((s for s in carrier.services if s.name == wanted), None)
    if found is None:
        raise CatalogueInputError(f"承运商 {carrier.code}", f"没有服务「{wanted}」")
    return found


def _service_in_use(session: Session, carrier: Carrier, name: str) -> bool:
    query = select(Shipment.id).where(Shipment.carrier == carrier.code, Shipment.service == name)
    return session.scalar(query.limit(1)) is not None


def _make_default(carrier: Carrier, service: CarrierService) -> None:
    for other in carrier.services:
        other.is_default = other is service


def add_service(db: Database, code: str, name: str, **fields: object) -> CarrierDetail:
    """A new service (顺丰特快) priced and timed relative to the carrier's tables."""
    with db.transaction() as session:
        carrier = get_carrier(session, code)
        values = checked(SERVICE_FIELDS, {"name": name, **fields}, _where(carrier.code))
        if any(s.name == values["name"] for s in carrier.services):
            raise CatalogueInputError(
                f"承运商 {carrier.code} 的服务名称", f"「{values['name']}」已经存在"
            )
        service = CarrierService(**values)
        carrier.services.append(service)
        if values.get("is_default") or not any(s.is_default for s in carrier.services):
            _make_default(carrier, service)
        _logged(carrier, "added service %s", values)
        return _finish(session, carrier)


def update_service(db: Database, code: str, name: str, **changes: object) -> CarrierDetail:
    """Change a service; `is_default=True` makes it the default in place of the old one."""
    with db.transaction() as session:
        carrier = get_carrier(session, code)
        service = _service(carrier, name)
        values = checked(SERVICE_FIELDS, changes, _where(carrier.code, f"服务「{service.name}」"))
        new_name = values.get("name", service.name)
        if new_name != service.name:
            if any(s.name == new_name for s in carrier.services):
                raise CatalogueInputError(
                    f"承运商 {carrier.code} 的服务名称", f"「{new_name}」已经存在"
                )
            if _service_in_use(session, carrier, service.name):
                raise CatalogueInputError(
                    f"承运商 {carrier.code} 的服务「{service.name}」",
                    "已有包裹使用这个名称，不能改名；请新增服务并停用它",
                )
        if values.get("is_default") is False and service.is_default:
            raise CatalogueInputError(
                f"承运商 {carrier.code} 的服务「{service.name}」",
                "这是默认服务；请把另一个服务设为默认",
            )
        for field, value in values.items():
            if field != "is_default":
                setattr(service, field, value)
        if values.get("is_default"):
            _make_default(carrier, service)
        _logged(carrier, "changed service %s: %s", name, values)
        return _finish(session, carrier)


def remove_service(db: Database, code: str, name: str) -> CarrierDetail:
    """Delete a service no parcel names; the last one and the default stay."""
    with db.transaction() as session:
        carrier = get_carrier(session, code)
        service = _service(carrier, name)
        where = f"承运商 {carrier.code} 的服务「{service.name}」"
        if len(carrier.services) == 1:
            raise CatalogueInputError(where, "这是唯一的服务，不能删除")
        if service.is_default:
            raise CatalogueInputError(where, "这是默认服务；请先把另一个服务设为默认")
        if _service_in_use(session, carrier, service.name):
            raise CatalogueInputError(where, "已有包裹使用它，不能删除，请改为停用")
        carrier.services.remove(service)
        _logged(carrier, "removed service %s", service.name)
        return _finish(session, carrier)


def set_rate(
    db: Database,
    code: str,
    zone: object,
    *,
    first_weight: object,
    first_price: object,
    extra_price_per_kg: object,
) -> CarrierDetail:
    """The 首重/续重 price of one zone; a zone not priced yet is added."""
    given = {
        "zone": zone,
        "first_weight": first_weight,
        "first_price": first_price,
        "extra_price_per_kg": extra_price_per_kg,
    }
    with db.transaction() as session:
        carrier = get_carrier(session, code)
        values = checked(RATE_FIELDS, given, _where(carrier.code, f"第 {zone} 区"))
        rate = next((r for r in carrier.rates if r.zone == values["zone"]), None)
        if rate is None:
            rate = CarrierRate(zone=values["zone"])
            carrier.rates.append(rate)
        for field, value in values.items():
            setattr(rate, field, value)
        _logged(carrier, "rate %s", values)
        return _finish(session, carrier)


def remove_rate(db: Database, code: str, zone: object) -> CarrierDetail:
    """Drop a zone's price; refused while a province is still in that zone."""
    with db.transaction() as session:
        carrier = get_carrier(session, code)
        zone = RATE_FIELDS["zone"][1](zone, f"承运商 {carrier.code} 的区")
        rate = next((r for r in carrier.rates if r.zone == zone), None)
        if rate is None:
            raise CatalogueInputError(f"承运商 {carrier.code}", f"第 {zone} 区没有价格")
        carrier.rates.remove(rate)
        _logged(carrier, "removed the rate of zone %s", zone)
        return _finish(session, carrier)


def set_destination(
    db: Database, code: str, province: str, *, zone: object, transit_days: object
) -> CarrierDetail:
    """A province's price zone and days on the road ("新疆" means 新疆维吾尔自治区)."""
    given = {"province": province, "zone": zone, "transit_days": transit_days}
    with db.transaction() as session:
        carrier = get_carrier(session, code)
        values = checked(DESTINATION_FIELDS, given, _where(carrier.code, province))
        row = next((d for d in carrier.destinations if d.province == values["province"]), None)
        if row is None:
            row = CarrierDestination(province=values["province"])
            carrier.destinations.append(row)
        row.zone = values["zone"]
        row.transit_days = values["transit_days"]
        _logged(carrier, "destination %s", values)
        return _finish(session, carrier)


def remove_destination(db: Database, code: str, province: str) -> CarrierDetail:
    """Forget a province; parcels there then get the carrier's slowest days and dearest zone."""
    with db.transaction() as session:
        carrier = get_carrier(session, code)
        name = normalise_province(province, f"承运商 {carrier.code} 的省份")
        row = next((d for d in carrier.destinations if d.province == name), None)
        if row is None:
            raise CatalogueInputError(f"承运商 {carrier.code}", f"{name} 不在时效表中")
        carrier.destinations.remove(row)
        _logged(carrier, "removed destination %s", name)
        return _finish(session, carrier)


def set_region(
    db: Database,
    code: str,
    province: str,
    city: str = "",
    *,
    kind: str,
    extra_days: object = 0,
) -> CarrierDetail:
    """Mark a province or city as not served (excluded) or slow (remote, `extra_days` more).

    One rule per place: setting a place again replaces its rule.
    """
    given = {"province": province, "city": city, "kind": kind, "extra_days": extra_days}
    with db.transaction() as session:
        carrier = get_carrier(session, code)
        values = checked(REGION_FIELDS, given, _where(carrier.code, f"{province}{city}"))
        if values["kind"] == "excluded" and values["extra_days"]:
            raise CatalogueInputError(
                f"承运商 {carrier.code} 的{province}{city}", "不送达的地区不能有多加天数"
            )
        row = _region(carrier, values["province"], values["city"])
        if row is None:
            row = CarrierRegion(province=values["province"], city=values["city"])
            carrier.regions.append(row)
        row.kind = values["kind"]
        row.extra_days = values["extra_days"]
        _logged(carrier, "region %s", values)
        return _finish(session, carrier)


def _region(carrier: Carrier, province: str, city: str) -> CarrierRegion | None:
    return next((r for r in carrier.regions if (r.province, r.city) == (province, city)), None)


def remove_region(db: Database, code: str, province: str, city: str = "") -> CarrierDetail:
    with db.transaction() as session:
        carrier = get_carrier(session, code)
        name = normalise_province(province, f"承运商 {carrier.code} 的省份")
        row = _region(carrier, name, city.strip())
        if row is None:
            raise CatalogueInputError(f"承运商 {carrier.code}", f"{name}{city} 没有地区规则")
        carrier.regions.remove(row)
        _logged(carrier, "removed region %s%s", name, city)
        return _finish(session, carrier)


def remove_sort_code(
    db: Database, code: str, province: str, city: str = "", district: str = ""
) -> CarrierDetail:
    """Delete one row of the 三段码 table (set rows with `carriers.set_sort_code`)."""
    with db.transaction() as session:
        carrier = get_carrier(session, code)
        row = session.scalar(
            select(SortCode).where(
                SortCode.carrier_code == carrier.code,
                SortCode.province == province.strip(),
                SortCode.city == city.strip(),
                SortCode.district == district.strip(),
            )
        )
        if row is None:
            place = f"{province}{city}{district}"
            raise BadInput(f"承运商 {carrier.code} 的三段码表中没有 {place}")
        session.delete(row)
        _logged(carrier, "removed sort code %s %s%s%s", row.sort_code, province, city, district)
        return _finish(session, carrier)
