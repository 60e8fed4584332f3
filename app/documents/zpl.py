"""ZPL for Zebra-compatible thermal printers: the waybill as printer commands, not a PDF.

The printer draws text and barcodes itself, so the output is the same fields as the PDF laid
out in dots. Chinese text needs a TrueType font stored on the printer; we name it `E:WQY.TTF`
(the shipped WenQuanYi font, downloaded once to the printer with the vendor's utility) and
send UTF-8 (`^CI28`).
"""

from __future__ import annotations

from app.documents.waybill_data import WaybillData
from app.documents.waybill_layout import Template

PRINTER_FONT = "E:WQY.TTF"


def dots(mm_value: float, dpi: int) -> int:
    return round(mm_value / 25.4 * dpi)


def _field(text: str) -> str:
    """ZPL field data: ^ and ~ are command characters, so they are replaced."""
    return text.replace("^", " ").replace("~", " ")


def waybill_zpl(d: WaybillData, template: Template, dpi: int) -> str:
    page = template.page

    def at(x_mm: float, y_mm: float) -> str:
        return f"^FO{dots(x_mm, dpi)},{dots(y_mm, dpi)}"

    def text(x_mm: float, y_mm: float, size_mm: float, value: str, width_mm: float) -> str:
        h = dots(size_mm, dpi)
        block = f"^FB{dots(width_mm, dpi)},2,0,L,0"
        return f"{at(x_mm, y_mm)}^A@N,{h},{h},{PRINTER_FONT}{block}^FD{_field(value)}^FS"

    module = 3 if dpi >= 300 else 2
    width = page.width_mm - 2 * page.margin_mm
    m = page.margin_mm
    r, s = d.recipient, d.sender
    lines = [
        "^XA",
        "^CI28",
        f"^PW{dots(page.width_mm, dpi)}",
        f"^LL{dots(page.height_mm, dpi)}",
        "^LH0,0",
        f"{at(m, m)}^GB{dots(width, dpi)},{dots(page.height_mm - 2 * m, dpi)},2^FS",
        text(m + 1, m + 2, 6, d.carrier_name, width * 0.5),
        text(m + width * 0.55, m + 3, 3.5, f"{d.service} {d.payment_type} 已验视", width * 0.45),
        text(m + 1, m + 14, 9, d.sort_code or "-", width * 0.6),
        text(m + width * 0.65, m + 14, 3, f"集包地 {d.hub or '-'}", width * 0.35),
        f"^BY{module},3,{dots(17, dpi)}",
        f"{at(m + 8, m + 28)}^BCN,{dots(17, dpi)},Y,N,N^FD{d.tracking_no}^FS",
        text(m + 1, m + 52, 4, f"收 {r.name} {r.phone}", width - 2),
        text(m + 1, m + 58, 3.2, r.address, width - 2),
        text(m + 1, m + 76, 3, f"寄 {s.name} {s.phone}", width - 2),
        text(m + 1, m + 80, 2.6, s.address, width - 2),
        text(m + 1, m + 92, 2.8, f"物品：{d.goods}", width - 2),
        text(m + 1, m + 99, 2.8, f"件数：{d.piece_text}  付款：{d.payment_type}", width - 2),
        text(m + 1, m + 104, 2.8, _order_line(d), width - 2),
    ]
    if page.height_mm >= 150:
        lines += [
            f"^BY{max(1, module - 1)},3,{dots(10, dpi)}",
            f"{at(m + 30, m + 114)}^BCN,{dots(10, dpi)},Y,N,N^FD{d.tracking_no}^FS",
        ]
    lines.append("^XZ")
    return "\n".join(lines) + "\n"


def _order_line(d: WaybillData) -> str:
    """The order number, and on a child label (子单) the main number it belongs to."""
    if d.main_tracking_no:
        return f"订单号：{d.order_no}  母单号：{d.main_tracking_no}"
    return f"订单号：{d.order_no}"


def waybills_zpl(items: list[WaybillData], template: Template, _font: str, dpi: int) -> str:
    """One ^XA…^XZ label per waybill; the font argument is unused (the printer has its own)."""
    return "".join(waybill_zpl(item, template, dpi) for item in items)
