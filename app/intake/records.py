"""What a parsed export holds before it is stored, and what an import reports back.

Parsed orders are plain objects, not ORM rows: storing 100k orders goes through bulk inserts
(measurements.md), and a file refused as a whole must leave nothing behind in a session.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal


@dataclass(slots=True)
class ParsedLine:
    sku: str
    title: str
    quantity: int
    unit_price: Decimal = Decimal("0")
    attributes: str = ""

    def key(self) -> tuple:
        return (self.sku, self.title, self.attributes, self.quantity, self.unit_price)


@dataclass(slots=True)
class ParsedOrder:
    """One order as a platform described it; field names are those of `Order`."""

    platform: str
    order_no: str
    file: str
    row: int
    fields: dict = field(default_factory=dict)
    lines: list[ParsedLine] = field(default_factory=list)
    cancelled: bool = False

    @property
    def arrived_at(self) -> datetime | None:
        return self.fields.get("created_at") or self.fields.get("paid_at")


@dataclass(frozen=True)
class RefusedRow:
    """A row that was not stored, with where it is and why, in a clerk's words."""

    file: str
    row: int
    column: str
    reason: str
    # The row's order number when it could be read, so its other rows can be matched.
    order_no: str = ""

    def __str__(self) -> str:
        where = f"{self.file} 第{self.row}行"
        if self.column:
            where += f" 「{self.column}」列"
        return f"{where}: {self.reason}"


@dataclass(frozen=True)
class RowOutcome:
    """One line of the per-row report: stored, updated, unchanged, held or refused."""

    file: str
    row: int
    order_no: str
    outcome: str
    column: str = ""
    reason: str = ""


@dataclass(frozen=True)
class ImportReport:
    files: tuple[str, ...]
    # file name -> encoding used ("utf-8-sig", "utf-8", "gb18030", "xlsx")
    encodings: dict[str, str]
    platform: str
    stored: int
    updated: int
    unchanged: int
    refused: list[RefusedRow]
    rows: list[RowOutcome]
    # Orders cancelled on the platform after import: held, or put on the stop list.
    cancelled_held: int = 0
    stopped: int = 0

    @property
    def encoding(self) -> str:
        """The encoding of the first file; the CLI's JSON shows every one as well."""
        return next(iter(self.encodings.values()), "")
