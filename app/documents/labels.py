"""Product labels (EAN-13) and carton labels (SSCC as GS1-128) on A4 sheets of labels.

Label sheets are often used in part; `offset` skips the labels already peeled off, counted
left to right, top to bottom, so a half-used sheet can go back into the printer.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import or_, select

from app import settings, settings_checks
from app.db.engine import Database
from app.db.models import Product
from app.documents.barcodes import (
    BarcodeRefused,
    draw_barcode,
    encode_ean13,
    encode_gs1_128,
    gs1_check_digit,
)
from app.documents.fonts import register_cjk_font
from app.documents.page import A4, mm
from app.documents.text_fit import fit
from app.errors import BadInput

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LabelSheet:
    """A sheet of equal labels in a grid (sizes in mm, like the box of the label stock)."""

    columns: int = 3
    rows: int = 8
    label_w: float = 70
    label_h: float = 37
    left: float = 0
    top: float = 0.5
    gap_x: float = 0
    gap_y: float = 0

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    def origin(self, index: int) -> tuple[float, float]:
        """Bottom-left corner in points of label `index` (0 = top left) on its sheet."""
        row, col = divmod(index % self.per_sheet, self.columns)
        x = mm(self.left + col * (self.label_w + self.gap_x))
        y = A4.height_pt - mm(self.top + (row + 1) * self.label_h + row * self.gap_y)
        return x, y


A4_3X8 = LabelSheet()
CARTON_SHEET = LabelSheet(columns=2, rows=4, label_w=105, label_h=74.25, top=0)


@dataclass(frozen=True)
class ProductLabel:
    sku: str
    name: str
    spec: str
    ean13: str
    price: str


def _sheet_pdf(items, sheet: LabelSheet, offset: int, draw) -> bytes:
    if not 0 <= offset < sheet.per_sheet:
        raise BadInput(f"起始位置 {offset} 超出本张标签纸（0–{sheet.per_sheet - 1}）")
    font = register_cjk_font()
    dpi = 300
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4.size_pt)
    for i, item in enumerate(items):
        index = i + offset
        if index and index % sheet.per_sheet == 0:
            canvas.showPage()
        x, y = sheet.origin(index)
        draw(canvas, item, x, y, mm(sheet.label_w), mm(sheet.label_h), font, dpi)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def _draw_product(canvas, label: ProductLabel, x, y, w, h, font, dpi) -> None:
    pad = mm(2.5)
    size, lines = fit(label.name, font, w - 2 * pad, 2, 9, 6)
    canvas.setFont(font, size)
    top = y + h - pad - size
    for line in lines:
        canvas.drawString(x + pad, top, line)
        top -= size * 1.2
    canvas.setFont(font, 6.5)
    canvas.drawString(x + pad, top, f"{label.sku}  {label.spec}"[:40])
    canvas.drawRightString(x + w - pad, top, f"¥{label.price}")
    draw_barcode(
        canvas,
        encode_ean13(label.ean13),
        x + pad,
        y + pad,
        top - y - pad - mm(1),
        max_width=w - 2 * pad,
        dpi=dpi,
        font=font,
        font_size=7,
    )


def render_product_labels(
    db: Database,
    codes: list[str],
    copies: int = 1,
    offset: int = 0,
    sheet: LabelSheet = A4_3X8,
) -> bytes:
    """Labels for products given by SKU or barcode, `copies` of each."""
    with db.reading() as session:
        labels = []
        for code in codes:
            product = session.scalar(
                select(Product).where(or_(Product.sku == code, Product.barcode == code))
            )
            if product is None:
                raise BadInput(f"商品 {code} 不存在")
            if not product.barcode:
                raise BadInput(f"商品 {code} 没有条码，无法打印 EAN-13 标签")
            encode_ean13(product.barcode)
            labels += [
                ProductLabel(
                    product.sku, product.name, product.spec, product.barcode, str(product.price)
                )
            ] * copies
    return _sheet_pdf(labels, sheet, offset, _draw_product)


def complete_sscc(number: str) -> str:
    """An SSCC of 18 digits: 17 digits get their check digit; 18 are checked."""
    digits = number.strip().removeprefix("(00)")
    if not digits.isdigit() or len(digits) not in (17, 18):
        raise BarcodeRefused("SSCC", number, "应为 17 或 18 位数字")
    check = gs1_check_digit(digits[:17])
    if len(digits) == 18 and int(digits[17]) != check:
        raise BarcodeRefused("SSCC", number, f"校验位应为 {check}")
    return digits[:17] + str(check)


def next_sscc(db: Database, count: int) -> list[str]:
    """New SSCCs from the shop's GS1 company prefix and a serial kept in settings."""
    with db.transaction() as session:
        prefix = settings_checks.read(session, "labels.gs1_company_prefix", "6901234")
        serial = settings_checks.read(session, "labels.sscc_serial", 0)
        width = 16 - len(prefix)
        numbers = [complete_sscc(f"0{prefix}{serial + i + 1:0{width}d}") for i in range(count)]
        settings.put(session, "labels.sscc_serial", serial + count)
    return numbers


def _draw_carton(canvas, sscc: str, x, y, w, h, font, dpi) -> None:
    pad = mm(4)
    canvas.setFont(font, 10)
    canvas.drawString(x + pad, y + h - pad - 10, "SSCC 物流单元")
    canvas.setFont(font, 9)
    canvas.drawString(x + pad, y + h - pad - 24, f"(00) {sscc}")
    draw_barcode(
        canvas,
        encode_gs1_128(f"(00){sscc}"),
        x + pad,
        y + pad,
        h * 0.55,
        max_width=w - 2 * pad,
        dpi=dpi,
        font=font,
        font_size=8,
    )


def render_sscc_labels(numbers: list[str], offset: int = 0) -> bytes:
    """Carton labels, eight per A4 sheet; numbers are checked first."""
    checked = [complete_sscc(n) for n in numbers]
    return _sheet_pdf(checked, CARTON_SHEET, offset, _draw_carton)
