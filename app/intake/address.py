"""Splitting the addresses platforms send already divided: Taobao's spaced text, split columns.

Taobao writes `省 市 区 详细地址(邮编)`. Free text typed by a person (JD's 客户地址, a phone
order) is the verification helper's job (`app.verification.address.parse_address`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

ZERO = Decimal("0")
_POSTCODE = re.compile(r"[(（]\s*(\d{6})\s*[)）]\s*$")
_MUNICIPALITIES = {"北京": "北京市", "上海": "上海市", "天津": "天津市", "重庆": "重庆市"}


@dataclass(frozen=True)
class AddressParts:
    province: str
    city: str
    district: str
    detail: str
    postcode: str


def split_spaced(raw: str) -> AddressParts:
    """`浙江省 杭州市 西湖区 文三路100号(310012)` -> its parts and the postcode."""
    text = raw.strip()
    postcode = ""
    found = _POSTCODE.search(text)
    if found:
        postcode = found.group(1)
        text = text[: found.start()].rstrip()
    parts = text.split()
    province = _MUNICIPALITIES.get(parts[0], parts[0]) if parts else ""
    city = parts[1] if len(parts) > 1 else ""
    district = parts[2] if len(parts) > 2 else ""
    detail = " ".join(parts[3:])
    return AddressParts(province, city, district, detail, postcode)


def address_fields(parts: AddressParts, raw: str) -> dict:
    """The `Order` columns for an address."""
    return {
        "province": parts.province,
        "city": parts.city,
        "district": parts.district,
        "address_detail": parts.detail,
        "postcode": parts.postcode,
        "address_raw": raw,
    }


def split_free_text(raw: str) -> AddressParts:
    """A typed address split by the verification parser, with the postcode taken off first.

    The parser is imported here, not at the top: verification imports intake's helpers.
    """
    text, postcode = raw.strip(), ""
    found = _POSTCODE.search(text)
    if found:
        postcode, text = found.group(1), text[: found.start()].rstrip()
    from app.verification.address import parse_address

    parsed = parse_address(text)
    detail = getattr(parsed, "detail", None) or getattr(parsed, "address_detail", "")
    return AddressParts(
        parsed.province or "", parsed.city or "", parsed.district or "", detail or "", postcode
    )
