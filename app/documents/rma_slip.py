"""The RMA slip: the sheet the customer puts in the returned parcel.

A5 portrait, so an office printer prints two per A4 sheet or one on A5 paper. The RMA number
is a Code128 barcode near the top: the receiving clerk scans it first and the parcel opens on
the right return. Below it: the order, what is expected back and why, and where to send it.
"""

from __future__ import annotations

import io
import logging

from reportlab.pdfgen.canvas import Canvas

from app.config import desk_timezone
from app.db.engine import Database
from app.documents.barcodes import draw_barcode, encode_code128
from app.documents.fonts import register_cjk_font
from app.documents.page import PageSpec, mm
from app.returns.queries import ReturnDetail, get_return
from app.returns.shipping import PAYERS

log = logging.getLogger(__name__)

A5 = PageSpec("A5", 148, 210, margin_mm=12)
PRINTER_DPI = 300


def _text_block(
    canvas: Canvas,
    font: str,
    x: float,
    y: float,
    rows: list[str],
    size: float = 10,
    leading: float = 15,
) -> float:
    canvas.setFont(font, size)
    for row in rows:
        canvas.drawString(x, y, row)
        y -= leading
    return y


def _draw_slip(canvas: Canvas, font: str, ret: ReturnDetail) -> None:
    width, height = A5.size_pt
    left, right = mm(A5.margin_mm), width - mm(A5.margin_mm)
    y = height - mm(A5.margin_mm) - 16

    canvas.setFont(font, 18)
    canvas.drawString(left, y, "退货单")
    canvas.setFont(font, 10)
    canvas.drawRightString(
        right, y, f"创建于 {ret.created_at.astimezone(desk_timezone()):%Y-%m-%d}"
    )

    y -= mm(24)
    draw_barcode(
        canvas,
        encode_code128(ret.rma_no),
        left,
        y,
        mm(20),
        max_width=right - left,
        dpi=PRINTER_DPI,
        font=font,
        font_size=11,
    )

    y -= 22
    y = _text_block(
        canvas,
        font,
        left,
        y,
        [
            f"原订单号：{ret.order_no or '未关联'}",
            f"客户：{ret.customer}",
        ],
        size=11,
        leading=17,
    )

    y -= 6
    canvas.setFont(font, 11)
    canvas.drawString(left, y, "退回商品")
    y -= 4
    canvas.line(left, y, right, y)
    y -= 14
    for line in ret.lines:
        canvas.setFont(font, 10)
        canvas.drawString(left, y, f"{line.sku}  {line.name}"[:40])
        canvas.drawRightString(right, y, f"× {line.quantity}   {line.reason_label}")
        y -= 14
        if line.reason_text:
            canvas.setFont(font, 8.5)
            canvas.drawString(left + 10, y + 2, line.reason_text[:50])
            y -= 14
    canvas.line(left, y + 6, right, y + 6)

    y -= 14
    shipping = [f"退回地址：{ret.return_address or '（请联系客服获取）'}"]
    if ret.return_tracking_no:
        shipping.append(f"退回快递：{ret.return_carrier} {ret.return_tracking_no}")
    shipping.append(f"运费：{PAYERS.get(ret.postage_payer, ret.postage_payer)}")
    y = _text_block(canvas, font, left, y, shipping, size=10, leading=15)

    _text_block(
        canvas,
        font,
        left,
        mm(A5.margin_mm) + 30,
        [
            "请将本单随商品一起放入包裹，并保持商品及配件完整。",
            "我们收到包裹并检验后，会按您的选择办理退款或换货。",
        ],
        size=9,
        leading=13,
    )


def render_rma_slip(db: Database, rma_no: str) -> bytes:
    """The slip of one return as PDF bytes; raises `PrintError` when the font cannot load."""
    ret = get_return(db, rma_no)
    font = register_cjk_font()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A5.size_pt)
    canvas.setTitle(f"退货单 {ret.rma_no}")
    _draw_slip(canvas, font, ret)
    canvas.showPage()
    canvas.save()
    log.info("RMA slip %s rendered", ret.rma_no)
    return out.getvalue()
