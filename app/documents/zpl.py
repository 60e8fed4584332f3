"""ZPL for Zebra-compatible thermal printers: the waybill as printer commands, not a PDF.

The label has the PDF's rows and proportions (`waybill_layout.TEMPLATES`), laid out in printer
dots for 203 or 300 dpi, and is exactly the template's size (^PW, ^LL).

Text is sent as pictures by default. A printer fresh from the box has only Latin fonts: text
sent to it as characters with a font name it does not hold (the old `^A@…E:WQY.TTF`) prints
as empty boxes, and loading a 5 MB CJK font onto every printer with a vendor tool is a step
shops forget. So every line is rendered here with the shipped WenQuanYi font
(`zpl_bitmap.py`) and sent as a compressed `^GFA` graphic; it prints on any ZPL II printer and
looks the same as the PDF. Each text field is preceded by a `^FX` comment with its words, so
a person (or a test) reading the file sees what each picture says.

Shops that did download the font can pass its printer name (`printer_font="E:WQY.TTF"`) and
get `^A@` text instead: smaller files, and the printer draws the glyphs. Text is fitted to its
box the same way in both modes, so nothing runs off the label.

Barcodes stay printer-native `^BC` Code128: the printer draws bars on whole dots, which scans
best. They are sent in ZPL's "no mode" with the start code and every subset switch spelled
out (`code128_field`), taken from python-barcode's encoding; in automatic mode a printer picks
its own subsets, and a symbol a few modules wider than computed would eat the quiet zone. The
module is whole dots and each side keeps a quiet zone of ten modules.

# TODO: downloading a font subset to the printer (~DU/~DY) is not done: it needs fontTools
# to cut the 5 MB collection down to the characters of a batch, and bitmaps already work.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from app.documents.barcodes import code128_codewords, encode_code128, fit_module_dots
from app.documents.fonts import register_cjk_font
from app.documents.text_fit import fit
from app.documents.waybill_data import Party, WaybillData
from app.documents.waybill_layout import Template
from app.documents.zpl_bitmap import graphic_field, line_height, render_line, text_length
from app.errors import BadInput, PrintError

log = logging.getLogger(__name__)

# Line pitch as a multiple of the font size, as in the PDF.
LEADING = 1.2
# A rendered line may come out a little wider than the PDF metrics say (hinting rounds each
# advance); the fit is retried this many times, each with a slightly narrower box.
_FIT_TRIES = 8
_PRINTER_FONT = re.compile(r"[A-Za-z]:[A-Za-z0-9_.\-]{1,16}")


def dots(mm_value: float, dpi: int) -> int:
    return round(mm_value / 25.4 * dpi)


# ZPL's invocation codes in ^BC field data: start in subset A/B/C, switch to C/B/A.
_ZPL_START = {103: ">9", 104: ">:", 105: ">;"}
_ZPL_SWITCH = {99: (">5", "C"), 100: (">6", "B"), 101: (">7", "A")}


def code128_field(data: str) -> str | None:
    """`data` as ^BC field data for mode N, the same symbol characters python-barcode draws.

    None when a symbol character has no plain spelling here (subset A, FNC codes, ^ or ~);
    the caller then leaves the subsets to the printer.
    """
    words = code128_codewords(data)
    out = [_ZPL_START[words[0]]]
    subset = {103: "A", 104: "B", 105: "C"}[words[0]]
    for word in words[1:]:
        if word in _ZPL_SWITCH:
            spelled, subset = _ZPL_SWITCH[word]
            out.append(spelled)
        elif subset == "C" and word < 100:
            out.append(f"{word:02d}")
        elif subset == "B" and word < 95:
            char = chr(word + 32)
            if char in "^~":
                return None
            out.append("><" if char == ">" else char)
        else:
            return None
    return "".join(out)


def _field(text: str) -> str:
    """ZPL field data: ^ and ~ are command characters, so they are replaced."""
    return text.replace("^", " ").replace("~", " ")


@dataclass(frozen=True)
class Box:
    """A rectangle in dots, from the label's top-left corner (y grows downwards)."""

    x: int
    y: int
    w: int
    h: int

    def inset(self, d: int) -> Box:
        return Box(self.x + d, self.y + d, self.w - 2 * d, self.h - 2 * d)


class ZplLabel:
    """The commands of one label; text goes out as bitmaps or, with `printer_font`, as ^A@."""

    def __init__(self, dpi: int, printer_font: str | None) -> None:
        self.dpi = dpi
        self.printer_font = printer_font
        self.font = register_cjk_font()
        self.out: list[str] = []

    def mm(self, value: float) -> int:
        return dots(value, self.dpi)

    def pt(self, value: float) -> float:
        """A font size in points (as the PDF uses) in dots."""
        return value * self.dpi / 72

    # -- lines and frames ----------------------------------------------------------------

    def frame(self, box: Box, thickness: int = 2, rounding: int = 0) -> None:
        self.out.append(f"^FO{box.x},{box.y}^GB{box.w},{box.h},{thickness},B,{rounding}^FS")

    def hline(self, x: int, y: int, w: int) -> None:
        self.out.append(f"^FO{x},{y}^GB{w},0,2^FS")

    def vline(self, x: int, y: int, h: int) -> None:
        self.out.append(f"^FO{x},{y}^GB0,{h},2^FS")

    def dashed(self, y: int, width: int) -> None:
        """A tear line across the label: ZPL has no dash pattern, so short bars."""
        step = self.mm(4)
        for x in range(0, width - step // 2, step):
            self.out.append(f"^FO{x},{y}^GB{step // 2},2,2^FS")

    # -- text ----------------------------------------------------------------------------

    def fit(
        self, text: str, box: Box, size_pt: float, lines: int, min_pt: float
    ) -> tuple[int, tuple[str, ...]]:
        """The dot size and lines at which `text` fits `box` as it will really be drawn."""
        # Never taller than the box: fewer lines, and no size above what one line allows.
        size_pt = min(size_pt, box.h * 72 / self.dpi / LEADING)
        min_pt = min(min_pt, size_pt)
        width = float(box.w)
        for _ in range(_FIT_TRIES):
            size, rows = fit(text, self.font, width, lines, self.pt(size_pt), self.pt(min_pt))
            size_px = max(1, int(size))
            if len(rows) > 1 and len(rows) * round(size_px * LEADING) > box.h:
                lines = len(rows) - 1
                continue
            if self.printer_font or all(text_length(r, size_px) <= box.w for r in rows):
                return size_px, rows
            width *= 0.97
        raise PrintError(f"文字「{text}」在 {box.w}×{box.h} 点的框里排不下")

    def text(
        self,
        text: str,
        box: Box,
        size_pt: float,
        lines: int = 1,
        min_pt: float = 5,
        centre: bool = False,
        middle: bool = False,
    ) -> int:
        """Text fitted into `box` from its top (or centred with `middle`); returns dots used."""
        size_px, rows = self.fit(text, box, size_pt, lines, min_pt)
        pitch = round(size_px * LEADING)
        if not self.printer_font:
            self.out.append("^FX" + _field(" ".join(text.split())))
        y = box.y + (max(0, box.h - len(rows) * pitch) // 2 if middle else 0)
        for row in rows:
            x = box.x
            if centre:
                x += max(0, round((box.w - text_length(row, size_px)) / 2))
            self._line(x, y, row, size_px, box)
            y += pitch
        return len(rows) * pitch

    def _line(self, x: int, y: int, row: str, size_px: int, box: Box) -> None:
        if self.printer_font:
            if not row.strip():
                return
            self.out.append(
                f"^FO{x},{y}^A@N,{size_px},{size_px},{self.printer_font}^FD{_field(row)}^FS"
            )
            return
        bitmap = render_line(row, size_px)
        if bitmap is None:
            return
        # The line box is one pitch high; descenders of the last line may not leave the box.
        top = min(y + bitmap.dy, box.y + box.h - bitmap.height)
        self.out.append(f"^FO{x + bitmap.dx},{max(box.y, top)}{graphic_field(bitmap.image)}^FS")

    # -- barcodes ------------------------------------------------------------------------

    def code128(self, number: str, box: Box, text_pt: float) -> None:
        """Code128 bars centred in `box` over the number in words."""
        encoded = encode_code128(number)
        module = fit_module_dots(encoded, box.w * 72 / self.dpi, self.dpi)
        size_px = max(1, int(self.pt(text_pt)))
        room = line_height(size_px)
        width = encoded.total_modules * module
        x = box.x + (box.w - width) // 2 + encoded.quiet_left * module
        height = box.h - room
        self.out.append(f"^BY{module},3,{height}")
        spelled = code128_field(number)
        field, mode = (spelled, "N") if spelled else (_field(number), "A")
        self.out.append(f"^FO{x},{box.y}^BCN,{height},N,N,N,{mode}^FD{field}^FS")
        self.text(number, Box(box.x, box.y + height, box.w, room), text_pt, centre=True)


def waybill_zpl(
    d: WaybillData, template: Template, dpi: int, printer_font: str | None = None
) -> str:
    """One ^XA…^XZ label for one waybill."""
    page = template.page
    label = ZplLabel(dpi, printer_font)
    width, height = label.mm(page.width_mm), label.mm(page.height_mm)
    margin = label.mm(page.margin_mm)
    label.out += ["^XA", "^CI28", f"^PW{width}", f"^LL{height}", "^LH0,0"]

    inner_h = height - 2 * margin
    total_mm = sum(h for part in template.parts for _, h in part)
    top = margin
    for index, part in enumerate(template.parts):
        part_h = round(inner_h * sum(h for _, h in part) / total_mm)
        if index == len(template.parts) - 1:
            part_h = height - margin - top
        label.frame(Box(margin, top, width - 2 * margin, part_h))
        row_top = top
        for position, (kind, row_mm) in enumerate(part):
            row_h = round(inner_h * row_mm / total_mm)
            if position == len(part) - 1:
                row_h = top + part_h - row_top
            else:
                label.hline(margin, row_top + row_h, width - 2 * margin)
            _ROWS[kind](label, d, Box(margin, row_top, width - 2 * margin, row_h))
            row_top += row_h
        top += part_h
        if index < len(template.parts) - 1:
            label.dashed(top, width)

    label.out.append("^XZ")
    return "\n".join(label.out) + "\n"


def check_printer_font(name: str) -> str:
    """A font name as the printer knows it, like "E:WQY.TTF" (drive, colon, file name)."""
    if not _PRINTER_FONT.fullmatch(name):
        raise BadInput(f"打印机字体名「{name}」不对，应写成 E:WQY.TTF 这样的 盘符:文件名")
    return name.upper()


def waybills_zpl(
    items: list[WaybillData],
    template: Template,
    _font: str,
    dpi: int,
    *,
    printer_font: str | None = None,
) -> str:
    """One ^XA…^XZ label per waybill; `_font` is unused (the font is loaded here by file)."""
    if printer_font:
        printer_font = check_printer_font(printer_font)
    zpl = "".join(waybill_zpl(item, template, dpi, printer_font) for item in items)
    if items:
        log.info(
            "ZPL: %d label(s) at %d dpi, %.1f KB per label, text as %s",
            len(items),
            dpi,
            len(zpl.encode()) / len(items) / 1024,
            printer_font or "bitmaps",
        )
    return zpl


# -- rows, as in waybill_layout.WaybillPainter -------------------------------------------


def _header(label: ZplLabel, d: WaybillData, box: Box) -> None:
    inner = box.inset(label.mm(1))
    third = inner.w / 3
    h_pt = inner.h * 72 / label.dpi
    label.text(
        d.carrier_name, Box(inner.x, inner.y, round(third * 1.3), inner.h), h_pt * 0.6, 1, 6
    )
    middle = Box(
        inner.x + round(third * 1.35), inner.y + round(inner.h * 0.2), round(third * 1.05), inner.h
    )
    label.text(f"{d.service}  {d.payment_type}", middle, h_pt * 0.4)
    # Only packed orders, scanned item by item, get a waybill: the goods were inspected.
    stamp_w = round(third * 0.55)
    stamp = Box(inner.x + inner.w - stamp_w, inner.y, stamp_w, inner.h)
    label.frame(stamp, 2, 2)
    label.text("已验视", stamp.inset(label.mm(0.8)), h_pt * 0.45, centre=True, middle=True)


def _sort(label: ZplLabel, d: WaybillData, box: Box) -> None:
    inner = box.inset(label.mm(1))
    h_pt = inner.h * 72 / label.dpi
    code_w = round(inner.w * 0.62)
    label.text(d.sort_code or "—", Box(inner.x, inner.y, code_w, inner.h), h_pt * 0.75, 1, 8)
    label.vline(inner.x + code_w, box.y, box.h)
    gap = label.mm(1.5)
    hub = Box(inner.x + code_w + gap, inner.y, inner.w - code_w - gap, inner.h)
    used = label.text("集包地", hub, h_pt * 0.32)
    label.text(d.hub or "—", Box(hub.x, hub.y + used, hub.w, hub.h - used), h_pt * 0.32)


def _barcode(label: ZplLabel, d: WaybillData, box: Box) -> None:
    inner = box.inset(label.mm(1))
    label.code128(d.tracking_no, inner, min(10, box.h * 72 / label.dpi * 0.2))


def _small_barcode(label: ZplLabel, d: WaybillData, box: Box) -> None:
    inner = box.inset(label.mm(1))
    label_w = round(inner.w * 0.3)
    h_pt = inner.h * 72 / label.dpi
    label.text(d.carrier_name, Box(inner.x, inner.y, label_w, inner.h), h_pt * 0.3, 2)
    symbol = Box(inner.x + label_w, inner.y, inner.w - label_w, inner.h)
    label.code128(d.tracking_no, symbol, min(7, h_pt * 0.22))


def _party(label: ZplLabel, tag: str, party: Party, box: Box, size_pt: float) -> None:
    """A boxed tag (收/寄) on the left, then name and phone over the address."""
    tag_w = min(label.mm(7), box.w // 10)
    label.vline(box.x + tag_w, box.y, box.h)
    tag_pt = min(tag_w * 0.8, box.h * 0.6) * 72 / label.dpi
    label.text(tag, Box(box.x, box.y, tag_w, box.h), tag_pt, centre=True, middle=True)

    pad = label.mm(0.8)
    x = box.x + tag_w + label.mm(1.5)
    inner = Box(x, box.y + pad, box.x + box.w - label.mm(1) - x, box.h - 2 * pad)
    used = label.text(f"{party.name}  {party.phone}", inner, size_pt, 1, 6)
    rest = Box(inner.x, inner.y + used, inner.w, inner.h - used)
    pitch = label.pt(size_pt * 0.92) * LEADING
    lines = max(1, int(rest.h // pitch))
    label.text(party.address, rest, size_pt * 0.92, lines, 5)


def _recipient(label: ZplLabel, d: WaybillData, box: Box) -> None:
    _party(label, "收", d.recipient, box, min(11, box.h * 72 / label.dpi * 0.22))


def _sender(label: ZplLabel, d: WaybillData, box: Box) -> None:
    _party(label, "寄", d.sender, box, min(9, box.h * 72 / label.dpi * 0.26))


def _goods(label: ZplLabel, d: WaybillData, box: Box) -> None:
    inner = box.inset(label.mm(1))
    left = Box(inner.x, inner.y, round(inner.w * 0.62), inner.h)
    weight = f"{d.weight.normalize():f} kg" if d.weight else "—"
    insured = f"¥{d.insured_value}" if d.insured_value else "不保价"
    size = min(7.5, inner.h * 72 / label.dpi * 0.19)
    used = label.text(f"物品：{d.goods}", left, size, 2)
    facts = f"重量：{weight}  件数：{d.piece_text}\n付款：{d.payment_type}  保价：{insured}"
    if d.main_tracking_no:
        facts += f"\n母单号：{d.main_tracking_no}"
    rows = facts.count("\n") + 1
    label.text(facts, Box(left.x, left.y + used, left.w, left.h - used), size, rows)

    label.vline(left.x + left.w + label.mm(1), box.y, box.h)
    right_x = left.x + left.w + label.mm(2.5)
    right = Box(right_x, inner.y, inner.x + inner.w - right_x, inner.h)
    label.text("签收人：\n\n时间：", right, size, 3)


def _order(label: ZplLabel, d: WaybillData, box: Box) -> None:
    inner = box.inset(label.mm(1))
    size = min(7.5, inner.h * 72 / label.dpi * 0.3)
    first = f"订单号：{d.order_no}"
    if d.pieces > 1:
        first += f"  第 {d.piece_text} 件"
    used = label.text(first, inner, size, 1)
    rest = Box(inner.x, inner.y + used, inner.w, inner.h - used)
    text = f"物品：{d.goods}"
    if d.remarks:
        text += f"\n备注：{d.remarks}"
    text += f"\n打印：{d.printed_at:%Y-%m-%d %H:%M}"
    lines = max(1, int(rest.h // (label.pt(size * 0.9) * LEADING)))
    label.text(text, rest, size * 0.9, lines, 4.5)


_ROWS = {
    "header": _header,
    "sort": _sort,
    "barcode": _barcode,
    "small_barcode": _small_barcode,
    "recipient": _recipient,
    "sender": _sender,
    "goods": _goods,
    "order": _order,
}
