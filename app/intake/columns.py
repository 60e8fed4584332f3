"""Matching a file's header cells to the fields PackDesk stores, by name and never by position.

Each platform's exports differ between years and tools; a field lists every header seen for
it. Headers are compared after `normalize_header`, so `商品总价（元）` matches `商品总价(元)`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.errors import FileRefused
from app.intake import cells
from app.intake.cells import normalize_header

# How a field's cell, already unwrapped, is read; identifiers never pass through a number.
READERS: dict[str, Callable[[str], object]] = {
    "id": cells.clean_identifier,
    "text": str,
    "money": cells.clean_money,
    "qty": cells.clean_quantity,
    "time": cells.clean_timestamp,
}


@dataclass(frozen=True)
class Field:
    name: str
    headers: tuple[str, ...]
    kind: str = "text"
    required: bool = False
    # "order" fields describe the whole order; "line" fields one item of it.
    level: str = "order"


def field(
    name: str, *headers: str, kind: str = "text", required: bool = False, level: str = "order"
) -> Field:
    return Field(name, tuple(normalize_header(h) for h in headers), kind, required, level)


@dataclass(frozen=True)
class Column:
    field: Field
    index: int
    # The header as the file wrote it, for messages.
    label: str


def resolve(
    header: list[str], raw_header: list[str], fields: list[Field], file: str
) -> list[Column]:
    """The columns of `fields` present in `header`; refuse the file if a required one is missing.

    When a field has several synonyms present (a newer `修改后的收货地址` next to `收货地址`),
    the first synonym in the field's list wins.
    """
    found: list[Column] = []
    missing: list[str] = []
    positions = {name: i for i, name in reversed(list(enumerate(header))) if name}
    for f in fields:
        index = next((positions[h] for h in f.headers if h in positions), None)
        if index is None:
            if f.required:
                missing.append(f.headers[0])
            continue
        found.append(Column(f, index, raw_header[index]))
    if missing:
        raise FileRefused(file, f"缺少必需的列：{'、'.join(missing)}")
    return found


def matches(header: list[str], fields: list[Field]) -> int:
    """How many of the required fields the header carries; used to recognise a format."""
    present = set(header)
    return sum(1 for f in fields if f.required and any(h in present for h in f.headers))


def has_all_required(header: list[str], fields: list[Field]) -> bool:
    return matches(header, fields) == sum(1 for f in fields if f.required)
