"""Text as printer dots: render a line with the shipped CJK font and send it as a ZPL graphic.

A stock Zebra printer has no Chinese font, and asking every shop to download one with a vendor
tool first is how labels end up printing empty boxes. So each line of text is rendered here,
with the same WenQuanYi font the PDF embeds, at the exact dot size of the printer, and sent as
a `^GFA` graphic field: one bit per dot, 1 = black.

Plain hex (two characters per byte) would make a 300 dpi waybill about 110 KB, so each field
is sent in the shorter of the two encodings ZPL II printers read in `^GFA` data:
- Zebra's ASCII compression: a run of one hex digit is a count letter and the digit (G…Y =
  1…19, g…z = 20…400, summed when several letters precede a digit), "," fills the rest of a
  row with white, "!" with black, and ":" repeats the previous row;
- Z64: the bytes deflated with zlib, in Base64, followed by ":" and a CRC-16 of the Base64
  text. Glyph strokes repeat little from row to row, so this is usually the shorter one.
"""

from __future__ import annotations

import base64
import binascii
import logging
import threading
import zlib
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from app.documents.fonts import SUBFONT_INDEX, font_path
from app.errors import PrintError

log = logging.getLogger(__name__)

# Grey levels from 0 (white) to 255 (ink); a dot at or above this prints black. Anti-aliased
# rendering cut at half gives smoother strokes than FreeType's own 1-bit mode.
INK_THRESHOLD = 128

_SMALL_COUNTS = "GHIJKLMNOPQRSTUVWXY"  # 1 … 19
_LARGE_COUNTS = "ghijklmnopqrstuvwxyz"  # 20, 40 … 400
_lock = threading.Lock()


@dataclass(frozen=True)
class TextBitmap:
    """One rendered line: a "1" image (ink = 1) cropped to its ink, and where the ink sits.

    `dx`, `dy` are the offset of the crop from the line's origin (top-left of the line box).
    """

    image: Image.Image
    dx: int
    dy: int

    @property
    def width(self) -> int:
        return self.image.width

    @property
    def height(self) -> int:
        return self.image.height


@lru_cache(maxsize=64)
def pil_font(size_px: int) -> ImageFont.FreeTypeFont:
    """The CJK font at an em size of `size_px` dots; a missing font stops the print."""
    path = font_path()
    if not path.is_file():
        raise PrintError(f"找不到中文字体文件 {path}，无法打印")
    try:
        with _lock:
            return ImageFont.truetype(
                str(path), size_px, index=SUBFONT_INDEX, layout_engine=ImageFont.Layout.BASIC
            )
    except OSError as exc:
        raise PrintError(f"中文字体 {path} 无法加载: {exc}") from exc


def line_height(size_px: int) -> int:
    """Dots from the top of a line to the bottom of its descenders."""
    ascent, descent = pil_font(size_px).getmetrics()
    return ascent + descent


def text_length(text: str, size_px: int) -> float:
    """Advance width of `text` in dots, as Pillow will draw it."""
    return pil_font(size_px).getlength(text)


@lru_cache(maxsize=2048)
def render_line(text: str, size_px: int) -> TextBitmap | None:
    """`text` drawn black on white at `size_px`, cropped to its ink; None if it has no ink.

    Cached: the sender, headings and carrier name are the same on every label of a batch.
    """
    font = pil_font(size_px)
    width = max(1, int(font.getlength(text)) + size_px)
    grey = Image.new("L", (width, line_height(size_px) + size_px // 4), 0)
    ImageDraw.Draw(grey).text((0, 0), text, font=font, fill=255)
    ink = grey.point(lambda v: 255 if v >= INK_THRESHOLD else 0).convert("1")
    box = ink.getbbox()
    if box is None:
        return None
    return TextBitmap(ink.crop(box), box[0], box[1])


def _count(n: int) -> str:
    """Repeat-count letters for `n` (1 ≤ n), large counts first."""
    letters = ""
    while n >= 400:
        letters += "z"
        n -= 400
    if n >= 20:
        letters += _LARGE_COUNTS[n // 20 - 1]
        n %= 20
    if n:
        letters += _SMALL_COUNTS[n - 1]
    return letters


def _compress_row(row: str) -> str:
    """One row of hex digits with runs counted and a white or black tail cut to , or !."""
    for digit, mark in (("0", ","), ("F", "!")):
        stripped = row.rstrip(digit)
        # The fill works in whole bytes: an odd number of digits keeps one of the run.
        if len(stripped) % 2:
            stripped += digit
        if len(stripped) < len(row):
            return _runs(stripped) + mark
    return _runs(row)


def _runs(row: str) -> str:
    out = []
    i = 0
    while i < len(row):
        j = i
        while j < len(row) and row[j] == row[i]:
            j += 1
        n = j - i
        out.append(row[i] * n if n <= 2 else _count(n) + row[i])
        i = j
    return "".join(out)


def compress_hex(rows: list[str]) -> str:
    """Zebra ASCII compression of rows of hex digits; ":" for a row equal to the one above."""
    out = []
    previous = None
    for row in rows:
        out.append(":" if row == previous else _compress_row(row))
        previous = row
    return "".join(out)


def graphic_field(image: Image.Image) -> str:
    """`^GFA,total,total,per_row,DATA` for an image whose ink pixels are non-zero."""
    bitmap = image.convert("1")
    per_row = (bitmap.width + 7) // 8
    # Pillow packs a "1" image one bit per pixel, rows padded with 0 to whole bytes; our ink
    # pixels are 1, which is also ZPL's black.
    raw = bitmap.tobytes("raw", "1")
    rows = [raw[y * per_row : (y + 1) * per_row].hex().upper() for y in range(bitmap.height)]
    data = min(compress_hex(rows), z64(raw), key=len)
    return f"^GFA,{len(raw)},{len(raw)},{per_row},{data}"


def z64(raw: bytes) -> str:
    """Zebra's Z64 encoding: zlib (LZ77) data in Base64, then a CRC-16 of the Base64 text.

    The CRC is CRC-16/XMODEM (polynomial 0x1021, start 0), which `binascii.crc_hqx` computes.
    """
    text = base64.b64encode(zlib.compress(raw, 9))
    return f":Z64:{text.decode('ascii')}:{binascii.crc_hqx(text, 0):04X}"
