"""The packing slip that goes into the parcel: each line as ordered, shipped and backordered.

Shipped is what was scanned at the desk (never more than ordered), so a slip printed for a
partial shipment tells the buyer exactly what is still to come. A5 portrait, the CJK font from
`app.documents.fonts`, and the order number as a Code128 barcode so a return can be opened by
scanning the slip.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from datetime import datetime

from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from app.config import desk_timezone
from app.db.engine import Database
from app.db.models import Order, Product
from app.db.types import utcnow
from app.documents.barcodes import draw_barcode, encode_code128
from app.documents.fonts import register_cjk_font
from app.documents.page import PageSpec, mm
from app.orders.lookup import find_order
from app.orders.platforms import platform_label
from app.packing import parcels
from app.packing.views import scanned_by_line

log = logging.getLogger(__name__)

A5 = PageSpec("A5", 148, 210, margin_mm=10)
# Column left edges in mm from the margin, and the header words.
COLUMNS = (("行", 0), ("商家编码", 8), ("商品", 34), ("订购", 96), ("发货", 107), ("缺货", 118))


@dataclass(frozen=True)
class SlipLine:
    line_no: int
    sku: str
    title: str
    ordered: int
    shipped: int

    @property
    def backordered(self) -> int:
        return self.ordered - self.shipped


@dataclass(frozen=True)
class SlipData:
    order_no: str
    # The platform's name as the buyer knows it (淘宝/天猫), not the code stored on the order.
    platform: str
    recipient: str
    address: str
    lines: tuple[SlipLine, ...]
    # One text per parcel: "包裹 1：MUG-01 ×2，TEA-02 ×1 · 0.950 kg"
    parcels: tuple[str, ...]
    printed_at: datetime


def slip_data(db: Database, order_no: str) -> SlipData:
    with db.reading() as session:
        order: Order = find_order(session, order_no)
        scanned = scanned_by_line(session, order.id)
        lines = []
        for ln in order.lines:
            product = session.get(Product, ln.product_id) if ln.product_id else None
            if product is not None and not product.shippable:
                continue
            shipped = min(scanned.get(ln.id, 0), ln.quantity)
            lines.append(SlipLine(ln.line_no, ln.sku, ln.title, ln.quantity, shipped))
        by_id = {ln.id: ln for ln in order.lines}
        parcel_texts = []
        for shipment in parcels.parcels_of(session, order.id):
            contents = parcels.parcel_contents(session, shipment.id)
            items = "，".join(f"{by_id[i].sku} ×{q}" for i, q in contents.items())
            weight = f" · {shipment.weight} kg" if shipment.weight else ""
            parcel_texts.append(f"包裹 {shipment.parcel_no}：{items or '—'}{weight}")
        address = "".join((order.province, order.city, order.district, order.address_detail))
        return SlipData(
            order.order_no,
            platform_label(order.platform),
            order.recipient,
            address,
            tuple(lines),
            tuple(parcel_texts),
            utcnow(),
        )


def render_packing_slip(db: Database, order_no: str) -> bytes:
    """The slip as PDF bytes; raises `PrintError` when the CJK font cannot be loaded."""
    data = slip_data(db, order_no)
    font = register_cjk_font()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A5.size_pt, pageCompression=1)
    canvas.setTitle(f"装箱单 {data.order_no}")
    _draw(canvas, data, font)
    canvas.save()
    log.info("packing slip of order %s printed (%d lines)", data.order_no, len(data.lines))
    return buffer.getvalue()


def _draw(canvas: Canvas, data: SlipData, font: str) -> None:
    left = mm(A5.margin_mm)
    width = A5.width_pt - 2 * left
    y = A5.height_pt - left

    canvas.setFont(font, 16)
    canvas.drawString(left, y - 16, "装箱单")
    draw_barcode(
        canvas,
        encode_code128(data.order_no),
        left + width * 0.45,
        y - mm(14),
        mm(14),
        max_width=width * 0.55,
        font=font,
        font_size=7,
    )
    y -= mm(20)

    canvas.setFont(font, 9)
    when = data.printed_at.astimezone(desk_timezone()).strftime("%Y-%m-%d %H:%M")
    for text in (
        f"订单号：{data.order_no}（{data.platform}）  打印时间：{when}",
        f"收件人：{data.recipient}",
        f"地址：{data.address}",
    ):
        for part in simpleSplit(text, font, 9, width):
            canvas.drawString(left, y, part)
            y -= 12
    y -= 6

    y = _table(canvas, data.lines, font, left, width, y)
    y -= 10
    canvas.setFont(font, 9)
    for text in data.parcels:
        for part in simpleSplit(text, font, 9, width):
            canvas.drawString(left, y, part)
            y -= 12
    if any(line.backordered for line in data.lines):
        canvas.drawString(left, y - 4, "缺货商品到货后另行发出，无需另付运费。")


def _table(canvas: Canvas, lines, font: str, left: float, width: float, y: float) -> float:
    canvas.setFont(font, 9)
    for word, at in COLUMNS:
        canvas.drawString(left + mm(at), y, word)
    y -= 4
    canvas.line(left, y, left + width, y)
    y -= 12
    title_width = mm(COLUMNS[3][1] - COLUMNS[2][1] - 2)
    for line in lines:
        parts = simpleSplit(line.title, font, 9, title_width) or [""]
        values = (
            str(line.line_no),
            line.sku,
            None,
            str(line.ordered),
            str(line.shipped),
            str(line.backordered),
        )
        for (_, at), value in zip(COLUMNS, values, strict=True):
            if value is not None:
                canvas.drawString(left + mm(at), y, value)
        for n, part in enumerate(parts):
            canvas.drawString(left + mm(COLUMNS[2][1]), y - 11 * n, part)
        y -= 11 * len(parts) + 4
        if y < mm(30):
            canvas.showPage()
            canvas.setFont(font, 9)
            y = A5.height_pt - mm(A5.margin_mm) - 12
    canvas.line(left, y + 8, left + width, y + 8)
    return y
