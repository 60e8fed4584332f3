"""What a raw scanner string means: symbology prefix, check digit, GS1 Application Identifiers.

A scanner types whatever its barcode holds, sometimes preceded by an ISO/IEC 15424 symbology
identifier (`]E0` for EAN-13, `]C1` for GS1-128) and with GS characters (0x1D) where the
barcode had FNC1 separators. Check digits are validated here, by our own arithmetic, before
anything is looked up: a misread EAN must never tick the wrong product. Labels and returns
reuse the check-digit functions.

The AI table is our own small subset of the GS1 General Specifications: the identifiers a
parcel or goods label in a small warehouse carries. `tests/packing/test_scan_codes.py` checks
it against the official GS1 syntax dictionary when the real-world files are present.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

GS = "\x1d"

# Symbology identifiers we name; any other `]Xn` prefix is still stripped.
SYMBOLOGIES: dict[str, str] = {
    "]E0": "EAN-13 / UPC-A",
    "]E4": "EAN-8",
    "]C0": "Code 128",
    "]C1": "GS1-128",
    "]A0": "Code 39",
    "]d1": "Data Matrix",
    "]d2": "GS1 DataMatrix",
    "]Q1": "QR Code",
    "]Q3": "GS1 QR Code",
    "]e0": "GS1 DataBar",
}
GS1_SYMBOLOGIES = frozenset({"]C1", "]d2", "]Q3", "]e0"})
_PREFIX = re.compile(r"^\][A-Za-z][0-9A-Za-z]")
# Before `*` or `×` any run of digits is a quantity, so `99999999999*EAN` is refused as too
# many units rather than misread as an unknown barcode; before a letter x only 1–3 digits are,
# so an SKU like `2024X-RED` stays an SKU. A minus sign is read too, so `-1*EAN` is refused
# for its quantity instead of being looked up as a barcode named "-1*EAN".
_QUANTITY = re.compile(r"^(?:(-?\d+)\s*[*×]|(-?\d{1,3})\s*[xX])\s*(.+)$")
# More units than any one scan can honestly mean; a bigger number is a typo or a misread.
MAX_QUANTITY = 9999
_BRACKETED = re.compile(r"\((\d{2,4})\)([^(]*)")


@dataclass(frozen=True)
class AISpec:
    """One Application Identifier: its title, and either a fixed length or a maximum."""

    title: str
    fixed: int | None = None
    max_len: int = 0
    numeric: bool = False
    csum: bool = False
    # YYMMDD where DD may be 00 ("end of the month"), checked as a real calendar date.
    is_date: bool = False

    @property
    def needs_separator(self) -> bool:
        return self.fixed is None


def _table() -> dict[str, AISpec]:
    table = {
        "00": AISpec("SSCC", fixed=18, numeric=True, csum=True),
        "01": AISpec("GTIN", fixed=14, numeric=True, csum=True),
        "02": AISpec("CONTENT", fixed=14, numeric=True, csum=True),
        "10": AISpec("BATCH/LOT", max_len=20),
        "11": AISpec("PROD DATE", fixed=6, numeric=True, is_date=True),
        "12": AISpec("DUE DATE", fixed=6, numeric=True, is_date=True),
        "13": AISpec("PACK DATE", fixed=6, numeric=True, is_date=True),
        "15": AISpec("BEST BEFORE or BEST BY", fixed=6, numeric=True, is_date=True),
        "16": AISpec("SELL BY", fixed=6, numeric=True, is_date=True),
        "17": AISpec("USE BY or EXPIRY", fixed=6, numeric=True, is_date=True),
        "20": AISpec("VARIANT", fixed=2, numeric=True),
        "21": AISpec("SERIAL", max_len=20),
        "30": AISpec("VAR. COUNT", max_len=8, numeric=True),
        "37": AISpec("COUNT", max_len=8, numeric=True),
        "240": AISpec("ADDITIONAL ID", max_len=30),
        "241": AISpec("CUST. PART No.", max_len=30),
        "400": AISpec("ORDER NUMBER", max_len=30),
        "401": AISpec("GINC", max_len=30),
        "402": AISpec("GSIN", fixed=17, numeric=True, csum=True),
        "410": AISpec("SHIP TO LOC", fixed=13, numeric=True, csum=True),
        "413": AISpec("SHIP FOR LOC", fixed=13, numeric=True, csum=True),
        "414": AISpec("LOC No.", fixed=13, numeric=True, csum=True),
        "420": AISpec("SHIP TO POST", max_len=20),
        "421": AISpec("SHIP TO POST", max_len=12),
    }
    # Weights and sizes: the fourth digit is the number of decimals.
    for base, title in (("310", "NET WEIGHT (kg)"), ("330", "GROSS WEIGHT (kg)")):
        for decimals in range(6):
            table[f"{base}{decimals}"] = AISpec(title, fixed=6, numeric=True)
    # Company-internal AIs: suppliers print them on goods labels, so they must not make a
    # good label unreadable. Lengths as in the GS1 syntax dictionary.
    table["90"] = AISpec("INTERNAL", max_len=30)
    for ai in range(91, 100):
        table[str(ai)] = AISpec("INTERNAL", max_len=90)
    return table


AI_TABLE: dict[str, AISpec] = _table()


@dataclass(frozen=True)
class AIElement:
    ai: str
    title: str
    value: str
    # None when the AI carries no check digit.
    check_ok: bool | None = None


@dataclass(frozen=True)
class ParsedScan:
    """A raw scan taken apart. `error` is empty when the code may be looked up."""

    raw: str
    symbology: str
    symbology_name: str
    data: str
    # ean13, ean8, upca, gtin14, gs1, text (an internal SKU or order number)
    kind: str
    check_digit_ok: bool | None = None
    expected_check_digit: str | None = None
    elements: tuple[AIElement, ...] = ()
    quantity: int = 1
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error

    @property
    def gtin(self) -> str | None:
        """The product number a scan names, as a GTIN-14 (None when it names none)."""
        if self.kind in {"ean13", "ean8", "upca", "gtin14"}:
            return self.data.zfill(14)
        for element in self.elements:
            if element.ai == "01":
                return element.value
        return None

    @property
    def lookup_codes(self) -> tuple[str, ...]:
        """Every spelling a product barcode may be stored as: EAN-13, UPC-A, EAN-8, GTIN-14."""
        if self.kind == "text":
            return (self.data,)
        gtin = self.gtin
        if gtin is None:
            return ()
        codes = [gtin, gtin[1:]] if gtin.startswith("0") else [gtin]
        if gtin.startswith("00"):
            codes.append(gtin[2:])
        if gtin.startswith("000000"):
            codes.append(gtin[6:])
        return tuple(dict.fromkeys(codes))


def gs1_check_digit(body: str) -> int:
    """The GS1 mod-10 check digit for `body` (every digit but the last): weights 3,1 from the
    right. The same rule serves EAN-8, EAN-13, UPC-A, GTIN-14, SSCC and GLN."""
    if not body.isdigit():
        raise ValueError(f"check digit needs digits only, got {body!r}")
    total = sum(int(c) * (3 if i % 2 == 0 else 1) for i, c in enumerate(reversed(body)))
    return (10 - total % 10) % 10


def gs1_check_digit_ok(code: str) -> bool:
    """True when the last digit of `code` is the GS1 check digit of the rest."""
    return len(code) >= 2 and code.isdigit() and gs1_check_digit(code[:-1]) == int(code[-1])


def ean13_check_digit(first12: str) -> str:
    if len(first12) != 12:
        raise ValueError(f"EAN-13 needs 12 digits before the check digit, got {first12!r}")
    return str(gs1_check_digit(first12))


def ean8_check_digit(first7: str) -> str:
    if len(first7) != 7:
        raise ValueError(f"EAN-8 needs 7 digits before the check digit, got {first7!r}")
    return str(gs1_check_digit(first7))


def upca_check_digit(first11: str) -> str:
    if len(first11) != 11:
        raise ValueError(f"UPC-A needs 11 digits before the check digit, got {first11!r}")
    return str(gs1_check_digit(first11))


def strip_symbology(raw: str) -> tuple[str, str]:
    """(prefix, rest): the `]Xn` identifier a scanner may send first, and what follows."""
    match = _PREFIX.match(raw)
    if not match:
        return "", raw
    return match.group(0), raw[match.end() :]


def split_quantity(text: str) -> tuple[int, str]:
    """`3*6901234567892` or `3x…` means three units of the code; a bare code means one.

    A count of more digits than `MAX_QUANTITY` has is returned as one unit more than it (or
    less than zero): the scan is refused all the same, and a count of 20 digits never reaches
    the database's integer column, nor one of 5,000 Python's int().
    """
    match = _QUANTITY.match(text.strip())
    if not match:
        return 1, text
    count = match.group(1) or match.group(2)
    if len(count.lstrip("-").lstrip("0")) > len(str(MAX_QUANTITY)):
        return (-1 if count.startswith("-") else MAX_QUANTITY + 1), match.group(3)
    return int(count), match.group(3)


def quantity_error(quantity: int) -> str:
    """Why a typed quantity cannot be used, or "" when it can."""
    if quantity < 1:
        return "数量必须大于 0"
    if quantity > MAX_QUANTITY:
        return f"数量过大（一次最多 {MAX_QUANTITY} 件）"
    return ""


def gs1_date_error(value: str) -> str:
    """Why a GS1 YYMMDD date is not a real date, or "". DD 00 means the month's last day.

    The century follows the GS1 rule: the year lies within 49 years back and 50 ahead of today.
    """
    if len(value) != 6 or not value.isdigit():
        return f"日期 {value!r} 应为 6 位数字 YYMMDD"
    yy, month, day = int(value[:2]), int(value[2:4]), int(value[4:])
    this_year = date.today().year
    year = this_year - this_year % 100 + yy
    if year - this_year > 50:
        year -= 100
    elif this_year - year > 49:
        year += 100
    if not 1 <= month <= 12:
        return f"日期 {value} 的月份 {month:02d} 无效"
    if day > calendar.monthrange(year, month)[1]:
        return f"日期 {value} 的日 {day:02d} 无效（{year} 年 {month} 月没有这一天）"
    return ""


def parse_scan(raw: str) -> ParsedScan:
    """Take a scanner string apart; never raises for bad codes, `error` says what is wrong."""
    quantity, rest = split_quantity(raw.strip().replace("<GS>", GS))
    prefix, body = strip_symbology(rest.strip())
    name = SYMBOLOGIES.get(prefix, "unknown" if prefix else "")
    if quantity_error(quantity):
        data = body.replace(GS, "").strip()
        error = quantity_error(quantity)
        return ParsedScan(raw, prefix, name, data, "text", quantity=quantity, error=error)

    if prefix in GS1_SYMBOLOGIES or body.startswith("("):
        return _parse_gs1(raw, prefix, name, body.lstrip(GS), quantity)

    data = body.replace(GS, "").strip()
    kind = {8: "ean8", 12: "upca", 13: "ean13", 14: "gtin14"}.get(len(data))
    if not data.isdigit() or kind is None:
        error = "" if data else "空的扫描"
        return ParsedScan(raw, prefix, name, data, "text", quantity=quantity, error=error)

    expected = str(gs1_check_digit(data[:-1]))
    if expected != data[-1]:
        label = {"ean8": "EAN-8", "upca": "UPC-A", "ean13": "EAN-13", "gtin14": "GTIN-14"}[kind]
        return ParsedScan(
            raw,
            prefix,
            name,
            data,
            kind,
            check_digit_ok=False,
            expected_check_digit=expected,
            quantity=quantity,
            error=f"{label} 条码 {data} 校验位错误：应为 {expected}，扫到的是 {data[-1]}",
        )
    return ParsedScan(
        raw,
        prefix,
        name,
        data,
        kind,
        check_digit_ok=True,
        expected_check_digit=expected,
        quantity=quantity,
    )


def _parse_gs1(raw: str, prefix: str, name: str, body: str, quantity: int) -> ParsedScan:
    try:
        elements = _bracketed(body) if body.startswith("(") else _unbracketed(body)
    except ValueError as exc:
        return ParsedScan(raw, prefix, name, body, "gs1", quantity=quantity, error=str(exc))

    bad = [e for e in elements if e.check_ok is False]
    error = ""
    if bad:
        e = bad[0]
        expected = gs1_check_digit(e.value[:-1]) if e.value.isdigit() else "?"
        error = f"({e.ai}) {e.title} {e.value} 校验位错误：应为 {expected}"
    checks = [e.check_ok for e in elements if e.check_ok is not None]
    return ParsedScan(
        raw,
        prefix,
        name,
        body.replace(GS, ""),
        "gs1",
        check_digit_ok=all(checks) if checks else None,
        elements=tuple(elements),
        quantity=quantity,
        error=error,
    )


def _element(ai: str, value: str, position: int) -> AIElement:
    spec = AI_TABLE.get(ai)
    if spec is None:
        raise ValueError(f"未知的 GS1 应用标识符 ({ai})，位置 {position}")
    if spec.fixed is not None and len(value) != spec.fixed:
        raise ValueError(f"({ai}) {spec.title} 应为 {spec.fixed} 位，实际 {len(value)} 位")
    if spec.fixed is None and not 1 <= len(value) <= spec.max_len:
        raise ValueError(f"({ai}) {spec.title} 长度应为 1–{spec.max_len}，实际 {len(value)}")
    if spec.numeric and not value.isdigit():
        raise ValueError(f"({ai}) {spec.title} 只能是数字：{value!r}")
    if spec.is_date and gs1_date_error(value):
        raise ValueError(f"({ai}) {spec.title} {gs1_date_error(value)}")
    check = gs1_check_digit_ok(value) if spec.csum else None
    return AIElement(ai, spec.title, value, check)


def _bracketed(body: str) -> list[AIElement]:
    """Human-readable form, as printed under a barcode: `(01)09501101530003(10)AB12`."""
    text = body.replace(GS, "")
    matches = list(_BRACKETED.finditer(text))
    if not matches or "".join(m.group(0) for m in matches) != text:
        raise ValueError(f"无法解析 GS1 数据 {text!r}")
    return [_element(m.group(1), m.group(2), m.start()) for m in matches]


def _ai_at(data: str, position: int) -> str:
    """GS1 AIs form a prefix-free set, so the first 2-, 3- or 4-digit match is the AI."""
    for length in (2, 3, 4):
        candidate = data[position : position + length]
        if candidate in AI_TABLE:
            return candidate
    raise ValueError(f"未知的 GS1 应用标识符 {data[position : position + 4]!r}，位置 {position}")


def _unbracketed(data: str) -> list[AIElement]:
    """Scanner form: AIs run together, variable-length values end at a GS or the end."""
    elements: list[AIElement] = []
    position = 0
    while position < len(data):
        ai = _ai_at(data, position)
        spec = AI_TABLE[ai]
        start = position + len(ai)
        if spec.fixed is not None:
            end = start + spec.fixed
            if end > len(data):
                raise ValueError(f"({ai}) {spec.title} 数据不完整，位置 {start}")
        else:
            separator = data.find(GS, start)
            end = len(data) if separator < 0 else separator
        elements.append(_element(ai, data[start:end], start))
        position = end
        while position < len(data) and data[position] == GS:
            position += 1
    if not elements:
        raise ValueError("GS1 数据为空")
    return elements
