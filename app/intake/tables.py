"""Reading a CSV or XLSX export as a header plus text rows, and refusing unreadable files.

CSV: a BOM decides the encoding; otherwise strict UTF-8, then GB18030 (what Chinese
spreadsheets and platform exporters write). The whole file is checked before any row is read,
so a bad byte on row 90,000 refuses the file instead of storing half of it. Rows are then
streamed, so a 100k-row export never sits in memory as one list.

XLSX (openpyxl): a merged cell's value applies to every cell it spans, so a merged 订单编号
covers each line of its order. Numbers come back as text; a float with lost digits shows up
as E-notation, which the identifier reader refuses.
"""

from __future__ import annotations

import codecs
import csv
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from app.errors import FileRefused
from app.file_access import refusal
from app.intake.cells import normalize_header

log = logging.getLogger(__name__)

_CHUNK = 1 << 20
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_XLSX_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"


@dataclass
class Sheet:
    """One table: `header` is normalised for matching, `raw_header` as the file wrote it."""

    path: Path
    encoding: str
    raw_header: list[str]
    header: list[str]
    rows: Iterator[tuple[int, list[str]]]
    closer: Callable[[], None] | None = None

    @property
    def file(self) -> str:
        return self.path.name

    def close(self) -> None:
        """Release the file when its rows were not read to the end."""
        if self.closer is not None:
            self.closer()


def open_sheet(path: Path | str) -> Sheet:
    """The file's header and a row iterator; raise `FileRefused` for files we cannot read."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(8192)
    except OSError as exc:
        # Named by the whole path as typed: the file is not where the person thought it was.
        raise refusal(path, exc) from None
    if not head.strip(b" \r\n\t\xef\xbb\xbf"):
        raise FileRefused(path.name, "文件是空的")
    if head.startswith(_XLSX_MAGIC):
        return _open_xlsx(path)
    if head.startswith(_OLE_MAGIC):
        raise FileRefused(path.name, "旧版 Excel（.xls）文件，请另存为 .xlsx 或 .csv 后再导入")
    encoding = detect_encoding(path, head)
    return _open_csv(path, encoding)


def detect_encoding(path: Path, head: bytes) -> str:
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    if b"\x00" in head:
        raise FileRefused(path.name, "不是文本表格（二进制文件），无法读取")
    for name in ("utf-8", "gb18030"):
        if _decodes(path, name):
            return name
    raise FileRefused(path.name, "编码无法识别（既不是 UTF-8 也不是 GBK/GB18030）")


def _decodes(path: Path, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _open_csv(path: Path, encoding: str) -> Sheet:
    fh = path.open(encoding=encoding, newline="")
    reader = csv.reader(fh)
    raw_header: list[str] | None = None
    header_row = 0
    for header_row, raw_header in enumerate(reader, start=1):  # noqa: B007 - used below
        if any(cell.strip() for cell in raw_header):
            break
    if not raw_header or not any(cell.strip() for cell in raw_header):
        fh.close()
        raise FileRefused(path.name, "文件没有表头")
    raw_header = [cell.replace("\ufeff", "").strip() for cell in raw_header]
    width = len(raw_header)

    def rows() -> Iterator[tuple[int, list[str]]]:
        """Rows numbered as a spreadsheet shows them (a cell with line breaks is one row)."""
        row_no = header_row
        try:
            for row_no, cells in enumerate(reader, start=header_row + 1):
                if not cells or (not cells[0] and not any(cells)):
                    continue
                if len(cells) < width:
                    cells += [""] * (width - len(cells))
                yield row_no, cells
        except csv.Error as exc:
            # The import is one transaction, so refusing here still stores nothing.
            raise FileRefused(path.name, f"第{row_no + 1}行附近不是正确的 CSV（{exc}）") from None
        finally:
            fh.close()

    header = [normalize_header(c) for c in raw_header]
    return Sheet(path, encoding, raw_header, header, rows(), closer=fh.close)


def _open_xlsx(path: Path) -> Sheet:
    import openpyxl  # imported here: only spreadsheets pay for it

    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for broken files
        raise FileRefused(path.name, f"无法打开 Excel 文件（{exc.__class__.__name__}）") from None
    sheet = book.worksheets[0]
    grid = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    for merged in sheet.merged_cells.ranges:
        value = grid[merged.min_row - 1][merged.min_col - 1]
        for r in range(merged.min_row - 1, merged.max_row):
            for c in range(merged.min_col - 1, merged.max_col):
                grid[r][c] = value
    book.close()

    numbered = [(i + 1, row) for i, row in enumerate(grid) if any(row)]
    if not numbered:
        raise FileRefused(path.name, "文件是空的")
    raw_header = [c.strip() for c in numbered[0][1]]
    header = [normalize_header(c) for c in raw_header]
    return Sheet(path, "xlsx", raw_header, header, iter(numbered[1:]))


def _cell_text(value: object) -> str:
    """A spreadsheet value as the text an export would have held."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value).upper() if "e" in repr(value) else repr(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
