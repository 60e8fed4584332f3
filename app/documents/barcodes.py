"""Barcodes for waybills and labels: encoded by python-barcode, drawn as vector bars.

python-barcode turns the data into a string of modules ("1" = bar, "0" = space); this module
draws each run of bars as one filled rectangle in a single path, which is about three times
faster than going through python-barcode's SVG writer and stays sharp on any printer.

Thermal label printers have 203 or 300 dots per inch. A module that is not a whole number of
dots gets rounded differently from bar to bar and scanners misread it, so the module width is
always chosen as whole printer dots for the printer's resolution. Each side keeps a quiet zone
of at least ten modules.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from barcode.codex import Code128, Gs1_128
from barcode.ean import EuropeanArticleNumber13
from barcode.errors import BarcodeError
from reportlab.pdfgen.canvas import Canvas

from app.errors import BadInput, PrintError

log = logging.getLogger(__name__)

POINTS_PER_INCH = 72.0
PRINTER_DPIS = (203, 300)
QUIET_MODULES = 10
# GS1 "FNC1" as python-barcode's Code128 understands it.
FNC1 = "\xf1"

# Application identifiers whose data has a fixed length, so no FNC1 separator follows them.
_FIXED_AI_LENGTHS = {
    "00": 18,
    "01": 14,
    "02": 14,
    "03": 14,
    "04": 16,
    "11": 6,
    "12": 6,
    "13": 6,
    "14": 6,
    "15": 6,
    "16": 6,
    "17": 6,
    "18": 6,
    "19": 6,
    "20": 2,
    "41": 13,
}
# Application identifiers whose last digit is a GS1 mod-10 check digit.
_CHECKED_AIS = {"00", "01", "02", "41"}
_GS1_ELEMENT = re.compile(r"\((\d{2,4})\)([^()]+)")


class BarcodeRefused(BadInput):
    """The data cannot be encoded in the chosen symbology (wrong characters, bad check digit)."""

    def __init__(self, symbology: str, data: str, reason: str) -> None:
        super().__init__(f"{symbology} 条码 {data!r}: {reason}")
        self.symbology = symbology
        self.data = data
        self.reason = reason


@dataclass(frozen=True)
class Encoded:
    """A barcode ready to draw: its modules and the text printed under it."""

    symbology: str
    modules: str
    text: str
    # What a scanner reads back (without FNC1 or parentheses for GS1-128).
    data: str
    # Modules of blank space each side; EAN-13 asks for more on the left.
    quiet_left: int = QUIET_MODULES
    quiet_right: int = QUIET_MODULES

    @property
    def total_modules(self) -> int:
        return len(self.modules) + self.quiet_left + self.quiet_right


def gs1_check_digit(digits: str) -> int:
    """The GS1 mod-10 check digit of `digits` (the number without its check digit)."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return (10 - total % 10) % 10


@lru_cache(maxsize=256)
def encode_code128(data: str) -> Encoded:
    try:
        modules = Code128(data).build()[0]
    except (BarcodeError, KeyError, RuntimeError) as exc:
        raise BarcodeRefused("Code128", data, "含有不能编码的字符") from exc
    return Encoded("Code128", modules, data, data)


def code128_codewords(data: str) -> tuple[int, ...]:
    """python-barcode's Code128 symbol characters for `data`, start code first, no checksum.

    A ZPL printer given these (as `zpl.code128_field` spells them) draws the same symbol as
    the PDF, so the width and quiet zones computed from `encode_code128` hold on the label.
    """
    encode_code128(data)  # refuses what cannot be encoded, with the same message
    return tuple(Code128(data).encoded)


def encode_ean13(number: str) -> Encoded:
    """EAN-13 from 13 digits whose check digit must be right (12 digits get one added)."""
    if not number.isdigit() or len(number) not in (12, 13):
        raise BarcodeRefused("EAN-13", number, "应为 12 或 13 位数字")
    check = gs1_check_digit(number[:12])
    if len(number) == 13 and int(number[12]) != check:
        raise BarcodeRefused("EAN-13", number, f"校验位应为 {check}")
    full = number[:12] + str(check)
    modules = EuropeanArticleNumber13(full).build()[0]
    return Encoded("EAN-13", modules, full, full, quiet_left=11, quiet_right=QUIET_MODULES)


def encode_gs1_128(text: str) -> Encoded:
    """GS1-128 from human text such as "(00)123456789012345675".

    The symbol starts with FNC1 and separates variable-length fields with FNC1; the parentheses
    are only printed, never encoded. Check digits of SSCC/GTIN fields are verified.
    """
    elements = _GS1_ELEMENT.findall(text)
    if not elements or "".join(f"({a}){v}" for a, v in elements) != text.replace(" ", ""):
        raise BarcodeRefused("GS1-128", text, "应写成 (AI)数据 的形式，如 (00)123456789012345675")

    data = ""
    for i, (ai, value) in enumerate(elements):
        fixed = _FIXED_AI_LENGTHS.get(ai)
        if fixed is not None and (len(value) != fixed or not value.isdigit()):
            raise BarcodeRefused("GS1-128", text, f"AI ({ai}) 需要 {fixed} 位数字")
        if ai in _CHECKED_AIS and gs1_check_digit(value[:-1]) != int(value[-1]):
            raise BarcodeRefused(
                "GS1-128", text, f"AI ({ai}) 校验位应为 {gs1_check_digit(value[:-1])}"
            )
        data += ai + value
        if fixed is None and i < len(elements) - 1:
            data += FNC1

    try:
        modules = Gs1_128(data).build()[0]
    except (BarcodeError, KeyError, RuntimeError) as exc:
        raise BarcodeRefused("GS1-128", text, "含有不能编码的字符") from exc
    human = "".join(f"({a}){v}" for a, v in elements)
    return Encoded("GS1-128", modules, human, data.replace(FNC1, "\x1d"))


def module_width_pt(dots: int, dpi: int) -> float:
    """Width in points of a module `dots` printer dots wide."""
    return dots * POINTS_PER_INCH / dpi


def fit_module_dots(encoded: Encoded, max_width_pt: float, dpi: int, most: int = 4) -> int:
    """The widest whole-dot module (up to `most` dots) that fits, quiet zones included."""
    for dots in range(most, 0, -1):
        if encoded.total_modules * module_width_pt(dots, dpi) <= max_width_pt + 1e-6:
            return dots
    raise PrintError(
        f"条码 {encoded.text} 需要 {encoded.total_modules} 个模块，"
        f"{max_width_pt / 72 * 25.4:.1f} mm 宽度在 {dpi} dpi 下放不下"
    )


def bar_runs(modules: str) -> list[tuple[int, int]]:
    """(first module, run length) of every bar; adjacent bar modules make one rectangle."""
    return [(m.start(), m.end() - m.start()) for m in re.finditer(r"1+", modules)]


def draw_barcode(
    canvas: Canvas,
    encoded: Encoded,
    x: float,
    y: float,
    height: float,
    *,
    max_width: float,
    dpi: int = 203,
    font: str | None = None,
    font_size: float = 0,
    centre: bool = True,
) -> float:
    """Draw `encoded` with its bottom-left quiet zone at (x, y); return the width used.

    With `font` and `font_size` the human-readable text goes under the bars (inside `height`).
    With `centre` the symbol is centred in `max_width`.
    """
    dots = fit_module_dots(encoded, max_width, dpi)
    module = module_width_pt(dots, dpi)
    width = encoded.total_modules * module
    left = x + ((max_width - width) / 2 if centre else 0) + encoded.quiet_left * module

    text_room = font_size * 1.15 if font and font_size else 0
    bar_bottom = y + text_room
    bar_height = height - text_room

    # The bars go in as PDF operators written here: a path object formats every number
    # through ReportLab's general routine, which made the bars a fifth of a waybill's time.
    tail = f" {bar_bottom:.3f} {{:.3f}} {bar_height:.3f} re"
    bars = [
        f"{left + start * module:.3f}" + tail.format(run * module)
        for start, run in bar_runs(encoded.modules)
    ]
    canvas.addLiteral("\n".join(bars) + "\nf")

    if text_room:
        canvas.setFont(font, font_size)
        canvas.drawCentredString(
            left + len(encoded.modules) * module / 2, y + font_size * 0.2, encoded.text
        )
    return width
