"""A carrier's tables (services, prices, transit days, regions, sort codes) saved whole.

The catalogue window edits a table as a grid and saves it in one go, and a JSON import does
the same for every table it lists; both go through `checked_rows` and `replace_table`, so a
row is judged the same way wherever it comes from, and one bad row stores nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy import delete, select
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
    SortCode,
)
from app.shipping.carriers import get_carrier
from app.shipping.catalogue_checks import (
    DESTINATION_FIELDS,
    RATE_FIELDS,
    REGION_FIELDS,
    SERVICE_FIELDS,
    SORT_CODE_FIELDS,
    CatalogueInputError,
    check_carrier,
    checked,
)
from app.shipping.catalogue_lock import lock_carrier
from app.shipping.catalogue_view import CarrierDetail, detail_of

log = logging.getLogger(__name__)

# Per table: its fields, the fields a row must give, the fields that must not repeat, the model.
TABLES = {
    "services": (SERVICE_FIELDS, ("name",), ("name",), CarrierService),
    "rates": (
        RATE_FIELDS,
        ("zone", "first_weight", "first_price", "extra_price_per_kg"),
        ("zone",),
        CarrierRate,
    ),
    "destinations": (
        DESTINATION_FIELDS,
        ("province", "zone", "transit_days"),
        ("province",),
        CarrierDestination,
    ),
    "regions": (REGION_FIELDS, ("province", "kind"), ("province", "city"), CarrierRegion),
    "sort_codes": (
        SORT_CODE_FIELDS,
        ("province", "sort_code"),
        ("province", "city", "district"),
        SortCode,
    ),
}
TABLE_NAMES = {
    "services": "服务表",
    "rates": "价格表",
    "destinations": "时效表",
    "regions": "地区表",
    "sort_codes": "三段码表",
}


def checked_rows(
    rows: object,
    table: str,
    row_where: Callable[[int], str],
    field_where: Callable[[int, str, str], str],
) -> list[dict]:
    """Every row of a table checked; `row_where(i)`, `field_where(i, field, label)` say where."""
    fields, required, unique, _model = TABLES[table]
    if not isinstance(rows, list):
        raise CatalogueInputError(row_where(0).rsplit("[", 1)[0], "应为列表")
    found = []
    keys: dict[tuple, int] = {}
    for index, row in enumerate(rows):
        if not isinstance(row, dict):
            raise CatalogueInputError(row_where(index), "应为对象 {…}")
        missing = [f for f in required if row.get(f) in (None, "")]
        if missing:
            label = fields[missing[0]][0]
            raise CatalogueInputError(field_where(index, missing[0], label), "必须填写")
        values = checked(fields, row, lambda field, label, i=index: field_where(i, field, label))
        if table == "regions" and values["kind"] == "excluded" and values.get("extra_days"):
            raise CatalogueInputError(row_where(index), "不送达的地区不能有多加天数")
        key = tuple(values.get(f, "") for f in unique)
        if key in keys:
            raise CatalogueInputError(row_where(index), f"与{row_where(keys[key])}重复")
        keys[key] = index
        found.append(values)
    return found


def replace_table(session: Session, carrier: Carrier, table: str, rows: list[dict]) -> None:
    model = TABLES[table][3]
    if table == "sort_codes":
        session.execute(delete(SortCode).where(SortCode.carrier_code == carrier.code))
        session.add_all(SortCode(carrier_code=carrier.code, **row) for row in rows)
        return
    collection = getattr(carrier, table)
    collection.clear()
    # The old rows go first, or a zone kept in the new table would clash with its old row.
    session.flush()
    collection.extend(model(**row) for row in rows)


def used_service_names(session: Session, code: str) -> set[str]:
    """The services of this carrier that parcels or carrier decisions name."""
    shipments = select(Shipment.service).where(Shipment.carrier == code)
    decisions = select(CarrierDecision.service).where(CarrierDecision.carrier_code == code)
    used = set(session.scalars(shipments.union(decisions)))
    return {name for name in used if name}


def services_still_used(session: Session, carrier: Carrier, rows: list[dict], where: str) -> None:
    """A service parcels were sent with may be switched off, but not dropped or renamed."""
    kept = {row["name"] for row in rows}
    gone = sorted(used_service_names(session, carrier.code) - kept)
    if gone:
        raise CatalogueInputError(
            where, f"已有包裹使用服务「{gone[0]}」，不能删除或改名，请改为停用"
        )


def save_table(db: Database, code: str, table: str, rows: list[dict]) -> CarrierDetail:
    """Replace one table of a carrier with `rows` (field name -> value), all or nothing."""
    with db.transaction() as session:
        lock_carrier(session, code)
        carrier = get_carrier(session, code)
        name = f"快递公司 {carrier.code} {TABLE_NAMES[table]}"
        values = checked_rows(
            rows,
            table,
            lambda i: f"{name}第 {i + 1} 行",
            lambda i, _field, label: f"{name}第 {i + 1} 行的{label}",
        )
        if table == "services":
            services_still_used(session, carrier, values, f"快递公司 {carrier.code} 的服务表")
        replace_table(session, carrier, table, values)
        session.flush()
        check_carrier(carrier, f"快递公司 {carrier.code}")
        log.info(
            "carrier catalogue %s (%s): saved %s, %d rows",
            carrier.code,
            current_user(),
            table,
            len(values),
        )
        return detail_of(session, carrier)
