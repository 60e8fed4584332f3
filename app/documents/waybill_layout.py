"""Drawing Chinese e-waybills (电子面单) on 76×130, 100×150, 100×180 and 100×210 mm stock.

Each template is a stack of parts (联) separated by a tear line, and each part a stack of rows
with a height in millimetres, laid out the way carriers print them: carrier and 已验视 mark,
sort code (大头笔/三段码) with the hub (集包地), the main barcode, recipient, sender, goods and
payment. The lower parts repeat the parcel for the recipient and the sender with a second,
smaller barcode. A row draws only inside its own box, and text is shrunk or shortened to fit,
so nothing is ever clipped by the next row.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from app.documents.barcodes import draw_barcode, encode_code128
from app.documents.page import PageSpec, mm
from app.documents.text_fit import fit, fit_height, text_width
from app.documents.waybill_data import Party, WaybillData


@dataclass(frozen=True)
class Template:
    page: PageSpec
    # Parts top to bottom; each a tuple of (row kind, height in mm).
    parts: tuple[tuple[tuple[str, float], ...], ...]


_MAIN_100 = (
    ("header", 12),
    ("sort", 14),
    ("barcode", 24),
    ("recipient", 24),
    ("sender", 16),
    ("goods", 20),
)
_STUB = (("small_barcode", 16), ("recipient", 16), ("sender", 12), ("order", 26))
_STUB_SHORT = (("small_barcode", 14), ("recipient", 13), ("sender", 11), ("order", 12))

TEMPLATES: dict[str, Template] = {
    "76x130": Template(
        PageSpec("76x130", 76, 130, 1.5),
        (
            (
                ("header", 10),
                ("sort", 12),
                ("barcode", 20),
                ("recipient", 22),
                ("sender", 14),
                ("goods", 18),
                ("small_barcode", 16),
                ("order", 15),
            ),
        ),
    ),
    "100x150": Template(
        PageSpec("100x150", 100, 150, 2),
        (
            (
                *_MAIN_100,
                ("small_barcode", 16),
                ("order", 20),
            ),
        ),
    ),
    "100x180": Template(PageSpec("100x180", 100, 180, 2), (_MAIN_100, _STUB)),
    "100x210": Template(PageSpec("100x210", 100, 210, 2), (_MAIN_100, _STUB_SHORT, _STUB_SHORT)),
}


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    def inset(self, d: float) -> Box:
        return Box(self.x + d, self.y + d, self.w - 2 * d, self.h - 2 * d)


_FRAME = "waybill-frame"


class WaybillPainter:
    """Draws waybills on one canvas; one instance per PDF."""

    def __init__(self, canvas: Canvas, template: Template, font: str, dpi: int) -> None:
        self.c = canvas
        self.t = template
        self.font = font
        self.dpi = dpi
        self._frame_ready = False
        self._static = False
        self.rows: dict[str, Callable[[WaybillData, Box], None]] = {
            "header": self._header,
            "sort": self._sort,
            "barcode": self._barcode,
            "recipient": self._recipient,
            "sender": self._sender,
            "goods": self._goods,
            "small_barcode": self._small_barcode,
            "order": self._order,
        }

    def page(self, d: WaybillData) -> None:
        """One waybill: the frame (shared by every page as one form), then this parcel's data."""
        if not self._frame_ready:
            self.c.beginForm(_FRAME)
            self._draw(d, static=True)
            self.c.endForm()
            self._frame_ready = True
        self.c.doForm(_FRAME)
        self._draw(d, static=False)
        self.c.showPage()

    def _draw(self, d: WaybillData, static: bool) -> None:
        """Draw either the parts that are the same on every waybill, or the parcel's own."""
        self._static = static
        page = self.t.page
        inner = Box(
            mm(page.margin_mm),
            mm(page.margin_mm),
            page.width_pt - 2 * mm(page.margin_mm),
            page.height_pt - 2 * mm(page.margin_mm),
        )
        scale = inner.h / mm(sum(h for part in self.t.parts for _, h in part))
        top = inner.y + inner.h
        if static:
            self.c.setLineWidth(0.6)
        self._words = self.c.beginText()
        self._size = 0.0
        for index, part in enumerate(self.t.parts):
            part_h = mm(sum(h for _, h in part)) * scale
            if static:
                self.c.rect(inner.x, top - part_h, inner.w, part_h)
            row_top = top
            for kind, height in part:
                h = mm(height) * scale
                box = Box(inner.x, row_top - h, inner.w, h)
                self.rows[kind](d, box)
                row_top -= h
                if static and row_top > top - part_h + 0.1:
                    self.c.line(inner.x, row_top, inner.x + inner.w, row_top)
            top -= part_h
            if static and index < len(self.t.parts) - 1:
                self.c.setDash(2, 2)
                self.c.line(0, top, page.width_pt, top)
                self.c.setDash()
        self.c.drawText(self._words)

    def _line(self, x1: float, y1: float, x2: float, y2: float) -> None:
        if self._static:
            self.c.line(x1, y1, x2, y2)

    # -- text helpers --------------------------------------------------------------------

    def _text(
        self,
        text: str,
        box: Box,
        size: float,
        lines: int = 1,
        min_size: float = 5,
        centre: bool = False,
        static: bool = False,
    ) -> float:
        """Text fitted into `box` from its top; returns the height used.

        `static` text is the same on every waybill and goes into the shared frame.
        """
        size, rows = fit(text, self.font, box.w, lines, size, min_size)
        if static != self._static:
            return len(rows) * size * 1.2
        y = box.y + box.h - size
        for row in rows:
            x = box.x + (box.w - text_width(row, self.font, size)) / 2 if centre else box.x
            self._put(x, y, row, size)
            y -= size * 1.2
        return len(rows) * size * 1.2

    def _put(self, x: float, y: float, text: str, size: float) -> None:
        """One string into the page's single text object (far cheaper than drawString)."""
        if size != self._size:
            self._words.setFont(self.font, size)
            self._size = size
        self._words.setTextOrigin(x, y)
        self._words.textOut(text)

    def _tag(self, word: str, box: Box) -> Box:
        """A boxed one-character tag (收/寄) on the left; returns the box beside it."""
        width = min(mm(7), box.w * 0.1)
        if self._static:
            self.c.line(box.x + width, box.y, box.x + width, box.y + box.h)
            size = min(width * 0.8, box.h * 0.6)
            x = box.x + (width - text_width(word, self.font, size)) / 2
            self._put(x, box.y + box.h / 2 - size * 0.35, word, size)
        return Box(box.x + width + mm(1.5), box.y, box.w - width - mm(2.5), box.h)

    def _party(self, tag: str, party: Party, box: Box, size: float) -> None:
        """Name and phone on the first line, the address below in the rest of the box.

        The phone is what the courier calls, so it always prints whole and at full size; a
        long name gives way (shrunk a little, then cut with "…") in the width the phone leaves.
        """
        inner = self._tag(tag, box).inset(0)
        inner = Box(inner.x, inner.y + mm(0.8), inner.w, inner.h - mm(1.6))
        phone_size, _rows = fit(party.phone, self.font, inner.w * 0.6, 1, size, 6)
        phone_w = text_width(party.phone, self.font, phone_size)
        gap = text_width("  ", self.font, phone_size)
        name_w = max(inner.w - phone_w - gap, mm(5))
        name_size, rows = fit(party.name, self.font, name_w, 1, size, max(6, size * 0.75))
        line = max(name_size, phone_size)

        # Both on one baseline: each box's top sits as far above it as its own size.
        def at(x: float, width: float, own: float) -> Box:
            return Box(x, inner.y, width, inner.h - (line - own))

        self._text(party.name, at(inner.x, name_w, name_size), name_size, 1, name_size)
        drawn = text_width(rows[0] if rows else "", self.font, name_size)
        phone_x = inner.x + min(drawn + gap, inner.w - phone_w)
        self._text(party.phone, at(phone_x, phone_w, phone_size), phone_size, 1, phone_size)
        rest = Box(inner.x, inner.y, inner.w, inner.h - line * 1.2)
        self._address(party.address, rest, size * 0.92)

    def _address(self, text: str, box: Box, size: float) -> None:
        size, rows = fit_height(text, self.font, box.w, box.h, size, 5)
        if self._static:
            return
        y = box.y + box.h - size
        for row in rows:
            self._put(box.x, y, row, size)
            y -= size * 1.2

    # -- rows -----------------------------------------------------------------------------

    def _header(self, d: WaybillData, box: Box) -> None:
        inner = box.inset(mm(1))
        third = inner.w / 3
        self._text(
            d.carrier_name, Box(inner.x, inner.y, third * 1.3, inner.h), inner.h * 0.6, min_size=6
        )
        middle = f"{d.service}  {d.payment_type}"
        self._text(
            middle,
            Box(inner.x + third * 1.35, inner.y + inner.h * 0.2, third * 1.05, inner.h * 0.6),
            inner.h * 0.4,
            min_size=5,
        )
        # Only packed orders, scanned item by item, get a waybill: the goods were inspected.
        stamp = Box(inner.x + inner.w - third * 0.55, inner.y, third * 0.55, inner.h)
        if self._static:
            self.c.roundRect(stamp.x, stamp.y, stamp.w, stamp.h, 2)
        self._text("已验视", stamp.inset(mm(0.8)), stamp.h * 0.45, centre=True, static=True)

    def _sort(self, d: WaybillData, box: Box) -> None:
        inner = box.inset(mm(1))
        code_w = inner.w * 0.62
        code = d.sort_code or "—"
        self._text(code, Box(inner.x, inner.y, code_w, inner.h), inner.h * 0.75, min_size=8)
        self._line(inner.x + code_w, box.y, inner.x + code_w, box.y + box.h)
        hub_box = Box(inner.x + code_w + mm(1.5), inner.y, inner.w - code_w - mm(1.5), inner.h)
        used = self._text("集包地", hub_box, inner.h * 0.32, static=True)
        below = Box(hub_box.x, hub_box.y, hub_box.w, hub_box.h - used)
        self._text(d.hub or "—", below, inner.h * 0.32, min_size=5)

    def _barcode(self, d: WaybillData, box: Box) -> None:
        if self._static:
            return
        self._symbol(d.tracking_no, box.inset(mm(1)), min(10, box.h * 0.2))

    def _small_barcode(self, d: WaybillData, box: Box) -> None:
        inner = box.inset(mm(1))
        label_w = inner.w * 0.3
        self._text(
            d.carrier_name, Box(inner.x, inner.y, label_w, inner.h), inner.h * 0.3, 2, min_size=5
        )
        if self._static:
            return
        symbol = Box(inner.x + label_w, inner.y, inner.w - label_w, inner.h)
        self._symbol(d.tracking_no, symbol, min(7, inner.h * 0.22))

    def _symbol(self, number: str, box: Box, text_size: float) -> None:
        """Code128 bars over the number in words; the words go into the page's text object."""
        room = text_size * 1.15
        draw_barcode(
            self.c,
            encode_code128(number),
            box.x,
            box.y + room,
            box.h - room,
            max_width=box.w,
            dpi=self.dpi,
        )
        x = box.x + (box.w - text_width(number, self.font, text_size)) / 2
        self._put(x, box.y + text_size * 0.2, number, text_size)

    def _recipient(self, d: WaybillData, box: Box) -> None:
        self._party("收", d.recipient, box, min(11, box.h * 0.22))

    def _sender(self, d: WaybillData, box: Box) -> None:
        self._party("寄", d.sender, box, min(9, box.h * 0.26))

    def _goods(self, d: WaybillData, box: Box) -> None:
        inner = box.inset(mm(1))
        left = Box(inner.x, inner.y, inner.w * 0.62, inner.h)
        weight = f"{d.weight.normalize():f} kg" if d.weight else "—"
        insured = f"¥{d.insured_value}" if d.insured_value else "不保价"
        size = min(7.5, inner.h * 0.19)
        used = self._text(f"物品：{d.goods}", left, size, 2, min_size=5)
        facts = f"重量：{weight}  件数：{d.piece_text}\n付款：{d.payment_type}  保价：{insured}"
        if d.main_tracking_no:
            facts += f"\n母单号：{d.main_tracking_no}"
        rows = facts.count("\n") + 1
        self._text(facts, Box(left.x, left.y, left.w, left.h - used), size, rows, min_size=5)

        self._line(inner.x + left.w + mm(1), box.y, inner.x + left.w + mm(1), box.y + box.h)
        right = Box(inner.x + left.w + mm(2.5), inner.y, inner.w - left.w - mm(2.5), inner.h)
        self._text("签收人：\n\n时间：", right, size, 3, min_size=5, static=True)

    def _order(self, d: WaybillData, box: Box) -> None:
        inner = box.inset(mm(1))
        size = min(7.5, inner.h * 0.3)
        first = f"订单号：{d.order_no}"
        if d.pieces > 1:
            first += f"  第 {d.piece_text} 件"
        used = self._text(first, inner, size, 1, min_size=5)
        rest = Box(inner.x, inner.y, inner.w, inner.h - used)
        text = f"物品：{d.goods}"
        if d.remarks:
            text += f"\n备注：{d.remarks}"
        text += f"\n打印：{d.printed_at:%Y-%m-%d %H:%M}"
        lines = max(1, int(rest.h // (size * 0.9 * 1.2)))
        self._text(text, rest, size * 0.9, lines, min_size=4.5)


def draw_waybills(items: list[WaybillData], template: Template, font: str, dpi: int) -> bytes:
    """One page per waybill, the page exactly the template's size."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=template.page.size_pt, pageCompression=1)
    canvas.setTitle("面单")
    painter = WaybillPainter(canvas, template, font, dpi)
    for item in items:
        painter.page(item)
    canvas.save()
    return out.getvalue()
