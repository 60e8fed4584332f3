"""`import_catalog`: products from a PackDesk CSV/XLSX or a WooCommerce product export.

Products are matched by SKU: a new SKU is added, a known one updated. A row with a damaged
identifier, or a barcode already used by another SKU, is refused with its file, row and
column; the rest of the file is stored in one transaction.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from app.db.engine import Database
from app.db.models import Product
from app.errors import BadInput
from app.intake import woocommerce
from app.intake.cells import CellError, identifier, money, unwrap
from app.intake.columns import field as column
from app.intake.columns import resolve
from app.intake.records import RefusedRow
from app.intake.tables import Sheet, open_sheet
from app.packing.scan_codes import gs1_check_digit_ok

log = logging.getLogger(__name__)

FORMATS = ("auto", "packdesk", "woocommerce")
_TRUE = {"1", "y", "yes", "true", "是", "易碎", "√"}

FIELDS = [
    column("sku", "SKU", "商家编码", "货号", kind="id", required=True),
    column("barcode", "barcode", "条码", "条形码", "EAN", kind="id"),
    column("name", "name", "名称", "商品名称", required=True),
    column("spec", "spec", "规格", "属性"),
    column("price", "price", "价格", "单价", kind="money"),
    column("weight", "weight", "weight(kg)", "重量", "重量(kg)", kind="text"),
    column("length_cm", "length(cm)", "长(cm)", "长度(cm)"),
    column("width_cm", "width(cm)", "宽(cm)", "宽度(cm)"),
    column("height_cm", "height(cm)", "高(cm)", "高度(cm)"),
    column("fragile", "fragile", "易碎"),
    column("bin", "bin", "货位", "库位"),
]


@dataclass(frozen=True)
class ProductRow:
    """One product as a file described it, with weight in kg and sizes in mm."""

    row: int
    sku: str
    name: str
    barcode: str | None = None
    spec: str = ""
    price: Decimal = Decimal("0")
    weight: Decimal = Decimal("0")
    length_mm: int = 0
    width_mm: int = 0
    height_mm: int = 0
    fragile: bool = False
    shippable: bool = True
    bin: str = ""


@dataclass(frozen=True)
class CatalogReport:
    file: str
    encoding: str
    format: str
    added: int
    updated: int
    unchanged: int
    refused: list[RefusedRow] = field(default_factory=list)


def import_catalog(db: Database, path: Path | str, fmt: str = "auto") -> CatalogReport:
    if fmt not in FORMATS:
        raise BadInput(f"未知的商品表格式 {fmt}，可选：{'、'.join(FORMATS)}")
    sheet = open_sheet(path)
    if fmt == "auto":
        fmt = "woocommerce" if woocommerce.recognises(sheet.header) else "packdesk"
    refused: list[RefusedRow] = []
    if fmt == "woocommerce":
        rows = woocommerce.read_products(sheet, refused, ProductRow)
    else:
        rows = _read_packdesk(sheet, refused)

    added = updated = unchanged = 0
    with db.transaction() as session:
        known = {p.sku: p for p in session.scalars(select(Product))}
        owners = {p.barcode: p.sku for p in known.values() if p.barcode}
        for row in rows:
            problem = _identifier_problem(row)
            if problem is not None:
                refused.append(RefusedRow(sheet.file, row.row, *problem))
                continue
            if row.barcode and owners.get(row.barcode, row.sku) != row.sku:
                refused.append(
                    RefusedRow(
                        sheet.file,
                        row.row,
                        "barcode",
                        f"条码 {row.barcode} 已属于商品 {owners[row.barcode]}",
                    )
                )
                continue
            values = {k: getattr(row, k) for k in ProductRow.__dataclass_fields__ if k != "row"}
            product = known.get(row.sku)
            if product is None:
                product = known[row.sku] = Product(**values)
                session.add(product)
                added += 1
            elif any(getattr(product, k) != v for k, v in values.items()):
                for k, v in values.items():
                    setattr(product, k, v)
                updated += 1
            else:
                unchanged += 1
            if row.barcode:
                owners[row.barcode] = row.sku

    log.info(
        "catalogue %s (%s): %d added, %d updated, %d unchanged, %d refused",
        sheet.file,
        fmt,
        added,
        updated,
        unchanged,
        len(refused),
    )
    return CatalogReport(
        sheet.file,
        sheet.encoding,
        fmt,
        added,
        updated,
        unchanged,
        sorted(refused, key=lambda r: r.row),
    )


def _read_packdesk(sheet: Sheet, refused: list[RefusedRow]) -> list[ProductRow]:
    columns = resolve(sheet.header, sheet.raw_header, FIELDS, sheet.file)
    rows: list[ProductRow] = []
    seen: set[str] = set()
    for row_no, cells in sheet.rows:
        values: dict = {}
        try:
            for col in columns:
                raw = cells[col.index] if col.index < len(cells) else ""
                values[col.field.name] = _read(col.field.name, raw, col.label)
        except _RowError as exc:
            refused.append(RefusedRow(sheet.file, row_no, exc.column, exc.reason))
            continue
        if not values.get("sku"):
            refused.append(RefusedRow(sheet.file, row_no, "SKU", "SKU 为空"))
            continue
        if values["sku"] in seen:
            refused.append(RefusedRow(sheet.file, row_no, "SKU", f"SKU {values['sku']} 重复"))
            continue
        seen.add(values["sku"])
        rows.append(
            ProductRow(
                row=row_no,
                sku=values["sku"],
                name=values.get("name") or values["sku"],
                barcode=values.get("barcode") or None,
                spec=values.get("spec", ""),
                price=values.get("price", Decimal("0")),
                weight=values.get("weight", Decimal("0")),
                length_mm=values.get("length_cm", 0),
                width_mm=values.get("width_cm", 0),
                height_mm=values.get("height_cm", 0),
                fragile=values.get("fragile", False),
                bin=values.get("bin", ""),
            )
        )
    return rows


class _RowError(Exception):
    def __init__(self, column: str, reason: str) -> None:
        super().__init__(reason)
        self.column = column
        self.reason = reason


def _read(name: str, raw: str, label: str):
    try:
        if name in ("sku", "barcode"):
            value = identifier(raw)
            if name == "barcode" and value:
                check_barcode(value)
            if name == "sku":
                check_sku(value)
            return value
        if name == "price":
            return money(raw)
        if name == "weight":
            return decimal_of(raw)
        if name in ("length_cm", "width_cm", "height_cm"):
            return int((decimal_of(raw) * 10).to_integral_value())
        if name == "fragile":
            return unwrap(raw).lower() in _TRUE
        return unwrap(raw)
    except CellError as exc:
        raise _RowError(label, str(exc)) from None


def decimal_of(raw: str) -> Decimal:
    """A plain decimal such as `.5` or `1.25`; blank is 0."""
    text = unwrap(raw)
    if not text:
        return Decimal("0")
    try:
        return Decimal(text)
    except ArithmeticError:
        raise CellError(f"「{text}」不是数字") from None


def check_barcode(code: str) -> None:
    """Refuse anything but a GTIN (EAN-8, UPC-A, EAN-13, GTIN-14) with a right check digit:
    a scanner would never match a barcode with letters or a wrong check digit."""
    if not (code.isascii() and code.isdigit()):
        raise CellError(f"条码 {code!r} 只能是数字")
    if len(code) not in (8, 12, 13, 14):
        raise CellError(f"条码 {code} 应为 8、12、13 或 14 位，实际 {len(code)} 位")
    if not gs1_check_digit_ok(code):
        raise CellError(f"条码 {code} 的校验位不对")


def check_sku(sku: str) -> None:
    """Refuse a SKU with control characters or whitespace inside: it cannot be scanned or
    typed back, and would look like another SKU on every screen."""
    bad = next((c for c in sku if not c.isprintable() or c.isspace()), None)
    if bad is not None:
        raise CellError(f"SKU {sku!r} 含有控制字符或空白（{bad!r}）")


def _identifier_problem(row: ProductRow) -> tuple[str, str] | None:
    """(column, reason) when the row's SKU or barcode is unusable, whatever the file format."""
    for name, value, check in (
        ("SKU", row.sku, check_sku),
        ("barcode", row.barcode, check_barcode),
    ):
        if value:
            try:
                check(value)
            except CellError as exc:
                return name, str(exc)
    return None
