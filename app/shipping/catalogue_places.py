"""Editing where a carrier goes: the provinces of its price zones and transit days, the places
it does not serve or serves slowly, and the 三段码 rows its waybills print.

Split from `app.shipping.catalogue_edit` by subject; each function is one locked transaction
ending in the same whole-carrier check, so a province is never left in a zone without a price.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.engine import Database
from app.db.models.carriers import Carrier, CarrierDestination, CarrierRegion, SortCode
from app.errors import BadInput
from app.shipping.carriers import get_carrier
from app.shipping.catalogue_checks import (
    DESTINATION_FIELDS,
    REGION_FIELDS,
    SORT_CODE_FIELDS,
    CatalogueInputError,
    checked,
    normalise_province,
)
from app.shipping.catalogue_edit import finished, logged, where_in
from app.shipping.catalogue_lock import lock_carrier
from app.shipping.catalogue_view import CarrierDetail


def set_destination(
    db: Database,
    code: str,
    province: str,
    *,
    zone: object = None,
    transit_days: object = None,
) -> CarrierDetail:
    """A province's price zone and days on the road ("新疆" means 新疆维吾尔自治区).

    For a province already in the table, a field left None keeps its stored value.
    """
    with db.transaction() as session:
        lock_carrier(session, code)
        carrier = get_carrier(session, code)
        where = where_in(carrier.code, province)
        name = checked(DESTINATION_FIELDS, {"province": province}, where)["province"]
        row = next((d for d in carrier.destinations if d.province == name), None)
        given = {"province": name, "zone": zone, "transit_days": transit_days}
        if row is not None:
            given["zone"] = row.zone if zone is None else zone
            given["transit_days"] = row.transit_days if transit_days is None else transit_days
        values = checked(DESTINATION_FIELDS, given, where)
        if row is None:
            row = CarrierDestination(province=values["province"])
            carrier.destinations.append(row)
        row.zone = values["zone"]
        row.transit_days = values["transit_days"]
        logged(carrier, "destination %s", values)
        return finished(session, carrier)


def remove_destination(db: Database, code: str, province: str) -> CarrierDetail:
    """Forget a province; parcels there then get the carrier's slowest days and dearest zone."""
    with db.transaction() as session:
        lock_carrier(session, code)
        carrier = get_carrier(session, code)
        name = normalise_province(province, f"快递公司 {carrier.code} 的省份")
        row = next((d for d in carrier.destinations if d.province == name), None)
        if row is None:
            raise CatalogueInputError(f"快递公司 {carrier.code}", f"{name} 不在时效表中")
        carrier.destinations.remove(row)
        logged(carrier, "removed destination %s", name)
        return finished(session, carrier)


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
        lock_carrier(session, code)
        carrier = get_carrier(session, code)
        values = checked(REGION_FIELDS, given, where_in(carrier.code, f"{province}{city}"))
        if values["kind"] == "excluded" and values["extra_days"]:
            raise CatalogueInputError(
                f"快递公司 {carrier.code} 的{province}{city}", "不送达的地区不能有多加天数"
            )
        row = _region(carrier, values["province"], values["city"])
        if row is None:
            row = CarrierRegion(province=values["province"], city=values["city"])
            carrier.regions.append(row)
        row.kind = values["kind"]
        row.extra_days = values["extra_days"]
        logged(carrier, "region %s", values)
        return finished(session, carrier)


def _region(carrier: Carrier, province: str, city: str) -> CarrierRegion | None:
    return next((r for r in carrier.regions if (r.province, r.city) == (province, city)), None)


def remove_region(db: Database, code: str, province: str, city: str = "") -> CarrierDetail:
    with db.transaction() as session:
        lock_carrier(session, code)
        carrier = get_carrier(session, code)
        name = normalise_province(province, f"快递公司 {carrier.code} 的省份")
        row = _region(carrier, name, city.strip())
        if row is None:
            raise CatalogueInputError(f"快递公司 {carrier.code}", f"{name}{city} 没有地区规则")
        carrier.regions.remove(row)
        logged(carrier, "removed region %s%s", name, city)
        return finished(session, carrier)


def _same_place(stored: str, asked: str) -> bool:
    """ "新疆" names 新疆维吾尔自治区, as in `transit` and `region`; sort code rows stored before
    their province was checked may hold either spelling."""
    if stored == asked:
        return True
    try:
        return normalise_province(stored, "") == normalise_province(asked, "")
    except CatalogueInputError:
        return False


def _sort_code_rows(
    session: Session, carrier: Carrier, province: str, city: str, district: str
) -> list[SortCode]:
    rows = session.scalars(
        select(SortCode).where(
            SortCode.carrier_code == carrier.code,
            SortCode.city == city.strip(),
            SortCode.district == district.strip(),
        )
    )
    return [r for r in rows if _same_place(r.province, province.strip())]


def set_sort_code(
    db: Database,
    code: str,
    province: str,
    city: str = "",
    district: str = "",
    *,
    sort_code: str,
    hub: str = "",
) -> CarrierDetail:
    """Enter or change one row of the 大头笔/三段码 table the waybills print from.

    The province is stored by its full name ("广东" is 广东省), since the waybill looks the row
    up by the order's province; a row stored under a short name before is taken over.
    """
    given = {
        "province": province,
        "city": city,
        "district": district,
        "sort_code": sort_code,
        "hub": hub,
    }
    with db.transaction() as session:
        lock_carrier(session, code)
        carrier = get_carrier(session, code)
        place = f"{province}{city}{district}".strip()
        values = checked(SORT_CODE_FIELDS, given, where_in(carrier.code, place))
        rows = _sort_code_rows(
            session, carrier, values["province"], values["city"], values["district"]
        )
        for extra in rows[1:]:
            session.delete(extra)
        row = rows[0] if rows else SortCode(carrier_code=carrier.code)
        for name, value in values.items():
            setattr(row, name, value)
        session.add(row)
        logged(carrier, "sort code %s", values)
        return finished(session, carrier)


def remove_sort_code(
    db: Database, code: str, province: str, city: str = "", district: str = ""
) -> CarrierDetail:
    """Delete one row of the 三段码 table (set rows with `set_sort_code`)."""
    with db.transaction() as session:
        lock_carrier(session, code)
        carrier = get_carrier(session, code)
        exact = _sort_code_rows(session, carrier, province, city, district)
        place = f"{province.strip()}{city.strip()}{district.strip()}"
        if not exact:
            raise BadInput(f"快递公司 {carrier.code} 的三段码表中没有 {place}")
        for row in exact:
            session.delete(row)
        logged(carrier, "removed sort code %s %s", [r.sort_code for r in exact], place)
        return finished(session, carrier)
