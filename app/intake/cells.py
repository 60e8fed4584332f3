"""Turning one exported cell into a value, without ever guessing.

Spreadsheets and platform exporters protect long numbers from Excel by writing `="…"`, or a
leading tab or apostrophe; all three are unwrapped. Identifiers stay text all the way: an
identifier that already went through a float (`3.71291E+18`) has lost digits, so it is
refused with `CellError`, never "repaired".
"""

from __future__ import annotations

import re
from datetime import datetime, tzinfo
from decimal import Decimal, InvalidOperation

from app.config import desk_timezone

_E_NOTATION = re.compile(r"^[+-]?\d+(\.\d+)?[eE][+-]?\d+$")
_BRACKETS = str.maketrans({"（": "(", "）": ")", "【": "[", "】": "]", "\u3000": " "})
_TIME_FORMATS = (
    "%Y-%m-%d %H:%M:%S %z",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y-%m-%d",
    "%Y/%m/%d",
)
_CENT = Decimal("0.01")
_ZERO = Decimal("0.00")
_WRAPPERS = frozenset("=\t'`")
# A cell starting or ending with one of these needs `unwrap`; most cells need nothing.
NEEDS_UNWRAP = frozenset("=\t'` \r\n\u3000")
_MONEY_JUNK = str.maketrans("", "", "¥￥,元 ")
# No order line in this warehouse holds more; a bigger figure is a damaged or shifted cell
# (and would overflow the database's integer column).
MAX_QUANTITY = 100_000


class CellError(ValueError):
    """A cell that cannot be read; the caller adds file, row and column."""


def unwrap(text: str | None) -> str:
    """The cell as a person would read it: `="0123"`, `\\t0123` and `'0123` become `0123`."""
    if not text:
        return ""
    value = text.strip(" \r\n\u3000")
    if value and value[0] in _WRAPPERS:
        if value.startswith('="') and value.endswith('"'):
            value = value[2:-1]
        value = value.lstrip("\t'`").strip()
    return value


def normalize_header(text: str) -> str:
    """Header cells compare equal whatever their brackets, BOM or surrounding spaces."""
    return unwrap(text.replace("\ufeff", "")).translate(_BRACKETS).replace(" ", "").lower()


def identifier(text: str | None) -> str:
    """An order number, phone, barcode or postcode, exactly as exported."""
    return clean_identifier(unwrap(text))


def clean_identifier(value: str) -> str:
    """`identifier` of a cell already unwrapped (the row reader unwraps every cell once)."""
    if ("e" in value or "E" in value) and _E_NOTATION.match(value):
        raise CellError(f"「{value}」是科学计数法，已被电子表格损坏，请从平台重新导出原始文件")
    if value.endswith(".0") and value[:-2].isdigit():
        raise CellError(f"「{value}」带小数点，已被电子表格当作数字改写，请重新导出")
    return value


def money(text: str | None) -> Decimal:
    return clean_money(unwrap(text))


def clean_money(value: str) -> Decimal:
    """An amount in yuan; `NaN`, `inf` and negative amounts are refused, never stored."""
    try:
        amount = Decimal(value)
    except InvalidOperation:
        cleaned = value.translate(_MONEY_JUNK)
        if cleaned in ("", "-"):
            return _ZERO
        try:
            amount = Decimal(cleaned)
        except InvalidOperation:
            raise CellError(f"「{value}」不是金额") from None
    if not amount.is_finite():
        raise CellError(f"「{value}」不是金额")
    if amount < 0:
        raise CellError(f"「{value}」是负数金额")
    try:
        return amount.quantize(_CENT)
    except InvalidOperation:
        raise CellError(f"「{value}」不是金额（数额过大）") from None


def quantity(text: str | None) -> int:
    return clean_quantity(unwrap(text))


def clean_quantity(value: str) -> int:
    """A count of units, 1 to `MAX_QUANTITY`; 0, negative or absurd counts are refused."""
    if value.isascii() and value.isdigit():
        number = Decimal(value)
    else:
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise CellError(f"「{value}」不是数量") from None
        if not number.is_finite() or number != number.to_integral_value():
            raise CellError(f"「{value}」不是整数数量")
    if number > MAX_QUANTITY:
        raise CellError(f"「{value}」数量过大（最多 {MAX_QUANTITY}）")
    if number < 1:
        raise CellError(f"「{value}」数量必须大于 0")
    return int(number)


def timestamp(text: str | None) -> datetime | None:
    """A platform time; without a zone it is the desk's local time (platforms export CST)."""
    return clean_timestamp(unwrap(text))


def clean_timestamp(value: str, zone: tzinfo | None = None) -> datetime | None:
    """`timestamp` of an unwrapped cell; `zone` saves looking up the desk zone per cell."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        parsed = _strptime_any(value)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=zone or desk_timezone())
    return parsed


def _strptime_any(value: str) -> datetime:
    """The slower path for `2026/11/30 10:15` and `2026-04-05 21:06:21 +0400`."""
    for fmt in _TIME_FORMATS:
        try:
            return datetime.strptime(value, fmt)
        except ValueError:
            continue
    raise CellError(f"「{value}」不是日期时间")


text = unwrap
