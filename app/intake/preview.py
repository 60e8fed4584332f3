"""A first look at a file for the import wizard: its header, first rows and what it is."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from app.db.engine import Database
from app.errors import FileRefused
from app.intake.formats import RowwiseFormat
from app.intake.service import kind_of
from app.intake.tables import open_sheet

KIND_LABELS = {"taobao_orders": "淘宝订单报表", "taobao_items": "淘宝宝贝报表"}


@dataclass(frozen=True)
class FilePreview:
    path: str
    file: str
    encoding: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    # What PackDesk will read it as, in words; empty when a column mapping is needed.
    recognised_as: str


def preview_file(db: Database, path: Path | str, limit: int = 8) -> FilePreview:
    """Raise `FileRefused` for a file that cannot be read at all."""
    sheet = open_sheet(path)
    rows = tuple(tuple(cells) for _, cells in islice(sheet.rows, limit))
    sheet.close()
    try:
        kind = kind_of(db, sheet, "auto", None)
    except FileRefused:
        recognised = ""
    else:
        recognised = kind.label if isinstance(kind, RowwiseFormat) else KIND_LABELS[kind]
    return FilePreview(
        str(path), sheet.file, sheet.encoding, tuple(sheet.raw_header), rows, recognised
    )
