"""A small reader for the ZPL subset PackDesk writes, written from Zebra's manual, not app code.

It parses commands, decodes `^GFA` graphic fields (Z64, or hex with Zebra's ASCII compression) into
bitmaps, and paints a label: boxes (^GB), graphics (^GF) and Code128 (^BC) at their ^FO
positions, so a test can look at and scan what a printer would print. Code128 in "no mode" (N)
is read the way the manual says a printer reads it: the invocation codes (>; start C, >5 to C,
>6 to B, >< a ">") choose the subsets. Only automatic mode (A), where the printer picks its
own subsets, is drawn with python-barcode's choice.
"""

from __future__ import annotations

import base64
import binascii
import re
import zlib
from dataclasses import dataclass, field

from barcode.charsets.code128 import CODES
from barcode.codex import Code128
from PIL import Image, ImageDraw

_COMMAND = re.compile(r"[\^~]([A-Z@][A-Z0-9@]?)([^\^~]*)")


@dataclass
class Graphic:
    x: int
    y: int
    width_bytes: int
    rows: int
    image: Image.Image  # mode "1", ink = 1 (white pixel in PIL terms is 1)
    comment: str = ""


@dataclass
class Barcode:
    x: int
    y: int
    module: int
    height: int
    field: str  # as sent after ^FD
    mode: str  # ^BC's last parameter: N (subsets spelled out) or A (automatic)

    @property
    def data(self) -> str:
        """What a scanner reads."""
        return read_field(self.field, self.mode)[0]

    @property
    def codewords(self) -> list[int]:
        """The symbol characters the printer draws: start code first, no checksum."""
        return read_field(self.field, self.mode)[1]


_START = {">9": ("A", 103), ">:": ("B", 104), ">;": ("C", 105)}
_SWITCH = {"5": ("C", 99), "6": ("B", 100), "7": ("A", 101)}
STOP = "1100011101011"


def read_field(field: str, mode: str) -> tuple[str, list[int]]:
    """(text, symbol characters) of ^BC field data, for the subset PackDesk sends."""
    if mode == "A":
        return field, list(Code128(field).encoded)
    assert mode == "N", f"^BC mode {mode} not read here"
    subset, start = _START.get(field[:2], ("B", 104))
    rest = field[2:] if field[:2] in _START else field
    words, text, i = [start], "", 0
    while i < len(rest):
        if rest[i] == ">" and rest[i + 1] in _SWITCH:
            subset, word = _SWITCH[rest[i + 1]]
            words.append(word)
            i += 2
        elif subset == "C":
            pair = rest[i : i + 2]
            assert len(pair) == 2 and pair.isdigit(), f"subset C needs digit pairs: {rest!r}"
            words.append(int(pair))
            text += pair
            i += 2
        else:
            assert subset == "B", "subset A is not sent"
            char = ">" if rest[i : i + 2] == "><" else rest[i]
            words.append(ord(char) - 32)
            text += char
            i += 2 if rest[i : i + 2] == "><" else 1
    return text, words


def modules(words: list[int]) -> str:
    """Bars and spaces as 1 and 0: the symbol characters, the checksum and the stop."""
    checksum = (words[0] + sum(i * w for i, w in enumerate(words[1:], start=1))) % 103
    return "".join(CODES[w] for w in [*words, checksum]) + STOP


@dataclass
class GraphicBox:
    x: int
    y: int
    w: int
    h: int
    thickness: int


@dataclass
class Label:
    width: int = 0
    length: int = 0
    graphics: list[Graphic] = field(default_factory=list)
    barcodes: list[Barcode] = field(default_factory=list)
    boxes: list[GraphicBox] = field(default_factory=list)
    printer_texts: list[tuple[int, int, str, str]] = field(default_factory=list)
    commands: list[str] = field(default_factory=list)


def _count_value(ch: str) -> int:
    if "G" <= ch <= "Y":
        return ord(ch) - ord("G") + 1
    return (ord(ch) - ord("g") + 1) * 20


def decode_z64(data: str) -> bytes:
    """ ":Z64:base64:CRC" to bytes; the CRC is CRC-16/XMODEM over the Base64 text."""
    _empty, kind, text, crc = data.split(":")
    assert kind == "Z64"
    assert f"{binascii.crc_hqx(text.encode(), 0):04X}" == crc, "Z64 CRC does not match"
    return zlib.decompress(base64.b64decode(text, validate=True))


def decode_gfa(data: str, total: int, per_row: int) -> list[bytes]:
    """Rows of bytes from ^GFA data: Z64, or hex with repeat counts G-Y/g-z, ',' '!' ':'."""
    if data.startswith(":Z64:"):
        raw = decode_z64(data.strip())
        assert len(raw) == total, f"Z64 holds {len(raw)} B, declared {total} B"
        return [raw[i : i + per_row] for i in range(0, total, per_row)]
    hex_per_row = per_row * 2
    rows: list[str] = []
    row = ""
    count = 0
    for ch in data:
        if ch in "\r\n":
            continue
        if "G" <= ch <= "Y" or "g" <= ch <= "z":
            count += _count_value(ch)
            continue
        if ch in "0123456789ABCDEF":
            row += ch * (count or 1)
            count = 0
        elif ch == ",":
            row = row.ljust(hex_per_row, "0")
        elif ch == "!":
            row = row.ljust(hex_per_row, "F")
        elif ch == ":":
            assert rows and not row, "':' must follow a complete row"
            row = rows[-1]
        else:
            raise AssertionError(f"unexpected character {ch!r} in ^GFA data")
        assert len(row) <= hex_per_row, "a row ran past its declared width"
        if len(row) == hex_per_row:
            rows.append(row)
            row = ""
    assert row == "", "data ends in the middle of a row"
    assert len(rows) * per_row == total, f"{len(rows)} rows × {per_row} B ≠ {total} B"
    return [bytes.fromhex(r) for r in rows]


def _bitmap(rows: list[bytes], per_row: int) -> Image.Image:
    """ZPL bits (1 = black) as a PIL "1" image where ink is 1, one pixel per dot."""
    return Image.frombytes("1", (per_row * 8, len(rows)), b"".join(rows))


def parse(zpl: str) -> list[Label]:
    labels: list[Label] = []
    label: Label | None = None
    origin = (0, 0)
    module = 2
    comment = ""
    pending_barcode: tuple[int, str] | None = None
    pending_font: str | None = None
    for match in _COMMAND.finditer(zpl):
        name, args = match.group(1), match.group(2).strip()
        if name == "XA":
            label = Label()
            continue
        assert label is not None, "command outside ^XA…^XZ"
        label.commands.append(name)
        if name == "XZ":
            labels.append(label)
            label = None
        elif name == "PW":
            label.width = int(args)
        elif name == "LL":
            label.length = int(args)
        elif name == "FO":
            x, y = args.split(",")
            origin = (int(x), int(y))
        elif name == "FX":
            comment = args
        elif name == "GB":
            w, h, t = (int(v) for v in args.split(",")[:3])
            label.boxes.append(GraphicBox(*origin, max(w, t), max(h, t), t))
        elif name == "GF":
            kind, total, _count, per_row, data = args.split(",", 4)
            assert kind == "A"
            rows = decode_gfa(data, int(total), int(per_row))
            image = _bitmap(rows, int(per_row))
            label.graphics.append(Graphic(*origin, int(per_row), len(rows), image, comment))
        elif name == "BY":
            module = int(args.split(",")[0])
        elif name == "BC":
            parts = args.split(",")
            pending_barcode = (int(parts[1]), parts[5] if len(parts) > 5 else "N")
        elif name == "A@":
            pending_font = args.split(",")[-1]
        elif name == "FD":
            if pending_barcode:
                height, mode = pending_barcode
                label.barcodes.append(Barcode(*origin, module, height, args, mode))
                pending_barcode = None
            elif pending_font:
                label.printer_texts.append((*origin, pending_font, args))
                pending_font = None
    assert label is None, "label without ^XZ"
    return labels


def paint(label: Label) -> Image.Image:
    """The label as the printer would print it: white paper, black dots."""
    page = Image.new("L", (label.width, label.length), 255)
    draw = ImageDraw.Draw(page)
    for box in label.boxes:
        x1, y1 = box.x + box.w - 1, box.y + box.h - 1
        t = box.thickness
        if box.w <= t or box.h <= t:
            draw.rectangle((box.x, box.y, x1, y1), fill=0)
        else:
            draw.rectangle((box.x, box.y, x1, y1), outline=0, width=t)
    black = Image.new("L", page.size, 0)
    for g in label.graphics:
        page.paste(black.crop((0, 0, *g.image.size)), (g.x, g.y), g.image.convert("L"))
    for b in label.barcodes:
        for i, bit in enumerate(modules(b.codewords)):
            if bit == "1":
                x = b.x + i * b.module
                draw.rectangle((x, b.y, x + b.module - 1, b.y + b.height - 1), fill=0)
    return page


def barcode_width(b: Barcode) -> int:
    return len(modules(b.codewords)) * b.module
