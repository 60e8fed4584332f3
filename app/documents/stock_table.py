"""One A4 table layout shared by the warehouse's paper: receipt slips, pick lists, count lists
and restock requests.

Each of those is a title, a few labelled facts, and a table a person ticks off with a pen;
only the columns differ. A column may be printed as a Code128 barcode so the sheet itself can
be scanned at the shelf. Text too wide for its cell is shortened with "…" rather than
running into the next column.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from app.documents.barcodes import draw_barcode, encode_code128
from app.documents.fonts import register_cjk_font
from app.documents.page import A4, mm

log = logging.getLogger(__name__)

MARGIN = mm(15)
TEXT_ROW = mm(8)
BARCODE_ROW = mm(16)
BODY_SIZE = 9.5


@dataclass(frozen=True)
class Column:
    title: str
    width_mm: float
    align: str = "left"


@dataclass(frozen=True)
class Section:
    """A further table under the sheet's own, with its own title and columns."""

    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    barcode_column: int | None = None


@dataclass(frozen=True)
class Sheet:
    title: str
    facts: tuple[tuple[str, str], ...]
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    # Index of the column whose text is drawn as a Code128 barcode (None: no barcodes).
    barcode_column: int | None = None
    footer: str = ""
    # Tables printed after the main one (the pick list's per-order pick-slip barcodes).
    sections: tuple[Section, ...] = ()


def _fit(text: str, font: str, size: float, width: float) -> str:
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


class _Writer:
    def __init__(self, sheet: Sheet) -> None:
        self.sheet = sheet
        self.font = register_cjk_font()
        self.buffer = io.BytesIO()
        self.canvas = Canvas(self.buffer, pagesize=A4.size_pt, pageCompression=1)
        self.canvas.setTitle(sheet.title)
        self.page = 0
        self.y = 0.0
        self.use(sheet.columns, sheet.barcode_column)

    def use(self, columns: tuple[Column, ...], barcode_column: int | None) -> None:
        """The table now being written: its columns and which of them is a barcode."""
        self.columns = columns
        self.barcode_column = barcode_column
        self.row_height = BARCODE_ROW if barcode_column is not None else TEXT_ROW

    def start_page(self, with_header: bool = True) -> None:
        if self.page:
            self.canvas.showPage()
        self.page += 1
        c, top = self.canvas, A4.height_pt - MARGIN
        c.setFont(self.font, 16)
        c.drawString(MARGIN, top - 16, self.sheet.title)
        c.setFont(self.font, 8)
        c.drawRightString(A4.width_pt - MARGIN, top - 14, f"第 {self.page} 页")

        y = top - 34
        c.setFont(self.font, 10)
        for label, value in self.sheet.facts:
            c.drawString(MARGIN, y, f"{label}: {value}")
            y -= 14
        self.y = y - 6
        if with_header:
            self.header()

    def header(self) -> None:
        c, x = self.canvas, MARGIN
        c.setFont(self.font, BODY_SIZE)
        c.setLineWidth(0.8)
        c.line(MARGIN, self.y + 4, A4.width_pt - MARGIN, self.y + 4)
        for column in self.columns:
            self.cell(column, x, self.y - 10, column.title)
            x += mm(column.width_mm)
        self.y -= 16
        c.line(MARGIN, self.y + 2, A4.width_pt - MARGIN, self.y + 2)

    def cell(self, column: Column, x: float, y: float, text: str) -> None:
        width = mm(column.width_mm) - 4
        text = _fit(text, self.font, BODY_SIZE, width)
        if column.align == "right":
            self.canvas.drawRightString(x + width, y, text)
        else:
            self.canvas.drawString(x + 2, y, text)

    def row(self, values: tuple[str, ...]) -> None:
        if self.y - self.row_height < MARGIN + 20:
            self.start_page()
        c, x = self.canvas, MARGIN
        c.setFont(self.font, BODY_SIZE)
        for index, (column, value) in enumerate(zip(self.columns, values, strict=True)):
            if index == self.barcode_column and value:
                draw_barcode(
                    c,
                    encode_code128(value),
                    x,
                    self.y - self.row_height + 3,
                    self.row_height - 5,
                    max_width=mm(column.width_mm) - 2,
                    dpi=300,
                    font=self.font,
                    font_size=7,
                    centre=False,
                )
            else:
                self.cell(column, x, self.y - self.row_height / 2 - 3, value)
            x += mm(column.width_mm)
        self.y -= self.row_height
        c.setLineWidth(0.3)
        c.line(MARGIN, self.y, A4.width_pt - MARGIN, self.y)

    def section(self, section: Section) -> None:
        """A titled table below the last one, on a new page when this one has no room."""
        self.use(section.columns, section.barcode_column)
        if self.y - 40 - self.row_height < MARGIN + 20:
            self.start_page(with_header=False)
        self.y -= 22
        self.canvas.setFont(self.font, 12)
        self.canvas.drawString(MARGIN, self.y, section.title)
        self.y -= 14
        self.header()

    def finish(self) -> bytes:
        if self.sheet.footer:
            self.canvas.setFont(self.font, 10)
            self.canvas.drawString(MARGIN, max(self.y - 24, MARGIN), self.sheet.footer)
        self.canvas.showPage()
        self.canvas.save()
        return self.buffer.getvalue()


def render_sheet(sheet: Sheet) -> bytes:
    """The sheet as PDF bytes, as many A4 pages as its rows need."""
    writer = _Writer(sheet)
    writer.start_page()
    for values in sheet.rows:
        writer.row(values)
    for section in sheet.sections:
        writer.section(section)
        for values in section.rows:
            writer.row(values)
    pdf = writer.finish()
    log.info("printed %s: %d row(s), %d page(s)", sheet.title, len(sheet.rows), writer.page)
    return pdf
