"""WooCommerce's product export: imperial units, variations and virtual goods.

Weights come in lbs and sizes in inches and are stored as kg and mm. A variation with no
weight or size of its own inherits its parent's (the `Parent` column holds the parent's SKU
or `id:N`, and SKUs differ in case between rows). Virtual, downloadable, external and
grouped items are imported but marked not shippable, so nobody is asked to pack them.
"""

from __future__ import annotations

import logging
from decimal import ROUND_HALF_UP, Decimal

from app.intake.cells import CellError, identifier, money, unwrap
from app.intake.columns import field, resolve
from app.intake.records import RefusedRow
from app.intake.tables import Sheet

log = logging.getLogger(__name__)

LB_IN_KG = Decimal("0.45359237")
INCH_IN_MM = Decimal("25.4")
_NOT_SHIPPABLE = {"virtual", "downloadable", "external", "grouped"}

FIELDS = [
    field("id", "ID"),
    field("type", "Type", required=True),
    field("sku", "SKU", required=True),
    field("name", "Name", required=True),
    field("barcode", "GTIN, UPC, EAN, or ISBN", "EAN", "Barcode"),
    field("weight", "Weight (lbs)"),
    field("length", "Length (in)"),
    field("width", "Width (in)"),
    field("height", "Height (in)"),
    field("sale_price", "Sale price"),
    field("regular_price", "Regular price"),
    field("parent", "Parent"),
    field("attr1_name", "Attribute 1 name"),
    field("attr1_value", "Attribute 1 value(s)"),
    field("attr2_name", "Attribute 2 name"),
    field("attr2_value", "Attribute 2 value(s)"),
]


def recognises(header: list[str]) -> bool:
    return "weight(lbs)" in header and "type" in header and "sku" in header


def read_products(sheet: Sheet, refused: list[RefusedRow], make) -> list:
    """`make` is the catalogue's row class; passed in so this module does not import it."""
    columns = resolve(sheet.header, sheet.raw_header, FIELDS, sheet.file)
    raw_rows = []
    for row_no, cells in sheet.rows:
        raw_rows.append((row_no, {c.field.name: unwrap(cells[c.index]) for c in columns}))
    by_sku = {v["sku"].lower(): v for _, v in raw_rows if v.get("sku")}
    by_id = {v["id"]: v for _, v in raw_rows if v.get("id")}

    products = []
    for row_no, v in raw_rows:
        if not v.get("sku"):
            refused.append(RefusedRow(sheet.file, row_no, "SKU", "SKU 为空，未导入"))
            continue
        parent = _parent_of(v, by_sku, by_id)
        try:
            products.append(
                make(
                    row=row_no,
                    sku=identifier(v["sku"]),
                    name=v.get("name") or v["sku"],
                    barcode=identifier(v.get("barcode", "")) or None,
                    spec=_spec(v),
                    price=money(v.get("sale_price") or v.get("regular_price")),
                    weight=_scaled(_own_or_parent("weight", v, parent), LB_IN_KG, "0.001"),
                    length_mm=int(_scaled(_own_or_parent("length", v, parent), INCH_IN_MM, "1")),
                    width_mm=int(_scaled(_own_or_parent("width", v, parent), INCH_IN_MM, "1")),
                    height_mm=int(_scaled(_own_or_parent("height", v, parent), INCH_IN_MM, "1")),
                    shippable=not (_types(v) & _NOT_SHIPPABLE),
                )
            )
        except CellError as exc:
            refused.append(RefusedRow(sheet.file, row_no, "", str(exc)))
    return products


def _types(v: dict) -> set[str]:
    return {t.strip().lower() for t in v.get("type", "").split(",") if t.strip()}


def _parent_of(v: dict, by_sku: dict, by_id: dict) -> dict | None:
    ref = v.get("parent", "")
    if not ref:
        return None
    if ref.startswith("id:"):
        return by_id.get(ref[3:])
    return by_sku.get(ref.lower())


def _own_or_parent(name: str, v: dict, parent: dict | None) -> str:
    if v.get(name):
        return v[name]
    return parent.get(name, "") if parent else ""


def _scaled(text: str, factor: Decimal, places: str) -> Decimal:
    if not text:
        return Decimal("0")
    try:
        value = Decimal(text)
    except ArithmeticError:
        raise CellError(f"「{text}」不是数字") from None
    return (value * factor).quantize(Decimal(places), rounding=ROUND_HALF_UP)


def _spec(v: dict) -> str:
    pairs = [
        (v.get("attr1_name"), v.get("attr1_value")),
        (v.get("attr2_name"), v.get("attr2_value")),
    ]
    return ";".join(f"{n}:{val}" for n, val in pairs if n and val)
