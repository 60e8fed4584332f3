"""Reading rows into orders: one row per order or per line, grouped by the order number.

Exports that give one row per line item (Pinduoduo, JD, Shopify, merged-cell spreadsheets,
generic files) repeat or leave blank the order's own fields on later rows; the first non-empty
value of each order field wins. An identical line seen twice is one line: duplicate rows are
merged, not added up.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from decimal import Decimal
from functools import partial

from app.config import desk_timezone
from app.intake.cells import NEEDS_UNWRAP, CellError, clean_timestamp, unwrap
from app.intake.columns import READERS, Column
from app.intake.records import ParsedLine, ParsedOrder, RefusedRow
from app.intake.tables import Sheet

log = logging.getLogger(__name__)

LINE_FIELDS = ("sku", "title", "attributes", "quantity", "unit_price")


def read_rows(
    sheet: Sheet, columns: list[Column], refused: list[RefusedRow]
) -> Iterator[tuple[int, dict]]:
    """Each row's non-empty values by field name; a row with an unreadable cell is refused."""
    zone = desk_timezone()
    plan = [
        (
            c.index,
            READERS[c.field.kind]
            if c.field.kind != "time"
            else partial(clean_timestamp, zone=zone),
            c.field.name,
            c.label,
        )
        for c in columns
    ]
    for row_no, row in sheet.rows:
        values: dict = {}
        bad = None
        for index, read, name, label in plan:
            raw = row[index]
            if not raw:
                continue
            if raw[0] in NEEDS_UNWRAP or raw[-1] in NEEDS_UNWRAP:
                raw = unwrap(raw)
                if not raw:
                    continue
            try:
                values[name] = read(raw)
            except CellError as exc:
                bad = RefusedRow(
                    sheet.file, row_no, label, str(exc), order_no=values.get("order_no", "")
                )
                break
        if bad is not None:
            refused.append(bad)
            continue
        yield row_no, values


def group_orders(
    sheet: Sheet,
    columns: list[Column],
    platform: str,
    refused: list[RefusedRow],
    make_lines: Callable[[dict], list[ParsedLine]] | None = None,
) -> dict[str, ParsedOrder]:
    """Orders keyed by order number, in file order, with their lines merged."""
    orders: dict[str, ParsedOrder] = {}
    labels = {c.field.name: c.label for c in columns}
    has_lines = any(c.field.level == "line" for c in columns)
    make_lines = make_lines or _line_of

    for row_no, values in read_rows(sheet, columns, refused):
        order_no = values.pop("order_no", "")
        if not order_no:
            refused.append(
                RefusedRow(sheet.file, row_no, labels.get("order_no", ""), "订单号为空")
            )
            continue
        line_values = {k: values.pop(k) for k in LINE_FIELDS if k in values}
        if has_lines and "quantity" in labels and "quantity" not in line_values:
            refused.append(RefusedRow(sheet.file, row_no, labels["quantity"], "数量为空"))
            continue

        order = orders.get(order_no)
        if order is None:
            order = orders[order_no] = ParsedOrder(platform, order_no, sheet.file, row_no)
        for key, value in values.items():
            order.fields.setdefault(key, value)
        if has_lines and line_values:
            seen = {line.key() for line in order.lines}
            for line in make_lines(line_values):
                if line.key() not in seen:
                    order.lines.append(line)
                    seen.add(line.key())
    return orders


def _line_of(values: dict) -> list[ParsedLine]:
    return [
        ParsedLine(
            sku=values.get("sku", ""),
            title=values.get("title", ""),
            quantity=values.get("quantity", 1),
            unit_price=values.get("unit_price", Decimal("0")),
            attributes=values.get("attributes", ""),
        )
    ]
