"""Recipient rules: the address parses to province, city and district, and the phone is valid.

Both rules write what they found back onto the order (address parts with GB/T 2260 codes,
the normalised phone and its extension), so later steps and `orders --json` read clean values.
"""

from __future__ import annotations

from app.db.models import Order
from app.verification.context import VerifyContext
from app.verification.issues import HOLD, INFO, Issue

ADDRESS_RULE = "address"
PHONE_RULE = "phone"
NAME_RULE = "recipient"


def _assign(order: Order, **values: str) -> None:
    """Set only what changed, so verifying again writes nothing for an unchanged order."""
    for name, value in values.items():
        if getattr(order, name) != value:
            setattr(order, name, value)


def address_text(order: Order) -> str:
    """The text to parse: the platform's raw address, else the stored parts."""
    if order.address_raw.strip():
        return order.address_raw
    parts = (order.province, order.city, order.district, order.address_detail)
    return " ".join(p for p in parts if p)


def check_name(order: Order, ctx: VerifyContext) -> list[Issue]:
    """A parcel with no name on it cannot be handed to anyone; the courier needs one."""
    if order.recipient.strip():
        return []
    return [Issue(NAME_RULE, "recipient", "没有收货人姓名，请补上再发货", HOLD)]


def check_address(order: Order, ctx: VerifyContext) -> list[Issue]:
    parsed = ctx.parse_address(address_text(order))
    _assign(
        order,
        province=parsed.province,
        city=parsed.city,
        district=parsed.district,
        province_code=parsed.province_code,
        city_code=parsed.city_code,
        district_code=parsed.district_code,
        address_detail=parsed.detail,
    )
    if parsed.postcode:
        _assign(order, postcode=parsed.postcode)

    issues = [Issue(ADDRESS_RULE, "address", note, INFO) for note in parsed.notes]
    if parsed.problem:
        issues.append(Issue(ADDRESS_RULE, "address", parsed.problem, HOLD))
    elif not parsed.detail:
        issues.append(Issue(ADDRESS_RULE, "address", "地址没有街道门牌，请补全详细地址", HOLD))
    return issues


def check_phone(order: Order, ctx: VerifyContext) -> list[Issue]:
    text = order.phone
    if order.phone_ext and order.phone_ext not in text:
        text = f"{text}-{order.phone_ext}"
    result = ctx.normalize_phone(text)
    if not result.valid:
        return [Issue(PHONE_RULE, "phone", result.reason, HOLD)]
    _assign(order, phone=result.number, phone_ext=result.extension)
    return []
