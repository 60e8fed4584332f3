"""Named column-mapping profiles for generic CSV/XLSX files, offered again for the same header.

A profile maps PackDesk fields to the file's header cells. It is saved with the header's
shape (its normalised cells, sorted), so when a file with the same shape comes back the
profile is picked without asking. Profiles live in the setting `intake.profiles`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from app import settings, settings_checks
from app.db.engine import Database
from app.errors import BadInput
from app.intake import address
from app.intake.address import ZERO
from app.intake.cells import normalize_header
from app.intake.columns import Field
from app.intake.formats import RowwiseFormat
from app.intake.records import ParsedOrder
from app.intake.status_words import is_cancelled, is_unpaid

log = logging.getLogger(__name__)

KEY = "intake.profiles"

# field -> (what the clerk reads in the wizard, how the cell is read, required, level)
GENERIC_FIELDS: dict[str, tuple[str, str, bool, str]] = {
    "order_no": ("订单号", "id", True, "order"),
    "recipient": ("收货人", "text", False, "order"),
    "phone": ("电话", "id", False, "order"),
    "address": ("完整地址", "text", False, "order"),
    "province": ("省", "text", False, "order"),
    "city": ("市", "text", False, "order"),
    "district": ("区/县", "text", False, "order"),
    "address_detail": ("详细地址", "text", False, "order"),
    "postcode": ("邮编", "id", False, "order"),
    "sku": ("商家编码/SKU", "id", False, "line"),
    "title": ("商品名称", "text", False, "line"),
    "quantity": ("数量", "qty", True, "line"),
    "unit_price": ("单价", "money", False, "line"),
    "goods_total": ("商品金额", "money", False, "order"),
    "postage": ("运费", "money", False, "order"),
    "paid_total": ("实付金额", "money", False, "order"),
    "platform_status": ("订单状态", "text", False, "order"),
    "paid_at": ("付款时间", "time", False, "order"),
    "created_at": ("下单时间", "time", False, "order"),
    "buyer_remark": ("买家留言", "text", False, "order"),
    "seller_remark": ("卖家备注", "text", False, "order"),
    "email": ("电子邮箱", "text", False, "order"),
}


@dataclass(frozen=True)
class Profile:
    name: str
    # PackDesk field -> header cell as the file writes it
    mapping: dict[str, str]
    shape: tuple[str, ...]


def shape_of(raw_header: list[str]) -> tuple[str, ...]:
    return tuple(sorted(normalize_header(h) for h in raw_header if h.strip()))


def list_profiles(db: Database) -> list[Profile]:
    with db.reading() as session:
        stored = settings_checks.read(session, KEY, {})
    return [Profile(n, dict(p["mapping"]), tuple(p["shape"])) for n, p in sorted(stored.items())]


def get_profile(db: Database, name: str) -> Profile:
    for profile in list_profiles(db):
        if profile.name == name:
            return profile
    raise BadInput(f"没有名为「{name}」的列映射方案")


def profile_for_header(db: Database, raw_header: list[str]) -> Profile | None:
    """The saved profile made for this header shape, if any."""
    shape = shape_of(raw_header)
    return next((p for p in list_profiles(db) if p.shape == shape), None)


def save_profile(
    db: Database, name: str, mapping: dict[str, str], raw_header: list[str]
) -> Profile:
    """Save (or replace) a profile; refuse one that misses a required field or a column."""
    name = name.strip()
    if not name:
        raise BadInput("列映射方案需要一个名称")
    unknown = [f for f in mapping if f not in GENERIC_FIELDS]
    if unknown:
        raise BadInput(f"未知字段：{'、'.join(unknown)}")
    missing = [
        GENERIC_FIELDS[f][0]
        for f, (_, _, req, _) in GENERIC_FIELDS.items()
        if req and not mapping.get(f)
    ]
    if missing:
        raise BadInput(f"必须指定这些字段对应的列：{'、'.join(missing)}")
    present = {normalize_header(h) for h in raw_header}
    absent = [h for h in mapping.values() if normalize_header(h) not in present]
    if absent:
        raise BadInput(f"文件中没有这些列：{'、'.join(absent)}")

    profile = Profile(name, {k: v for k, v in mapping.items() if v}, shape_of(raw_header))
    with db.transaction() as session:
        stored = settings_checks.read(session, KEY, {})
        stored[name] = {"mapping": profile.mapping, "shape": list(profile.shape)}
        settings.put(session, KEY, stored)
    log.info("column mapping profile %r saved for %d columns", name, len(profile.mapping))
    return profile


def format_of(profile: Profile) -> RowwiseFormat:
    """The profile as a row-per-line format the shared reader understands."""
    fields = [
        Field(
            name,
            (normalize_header(header),),
            GENERIC_FIELDS[name][1],
            GENERIC_FIELDS[name][2],
            GENERIC_FIELDS[name][3],
        )
        for name, header in profile.mapping.items()
    ]
    return RowwiseFormat("generic", profile.name, fields, _finish_generic, marker="")


def _finish_generic(order: ParsedOrder) -> None:
    v = order.fields
    if v.get("address"):
        raw = v["address"]
        parts = address.split_free_text(raw)
    else:
        parts = address.AddressParts(
            v.get("province", ""),
            v.get("city", ""),
            v.get("district", ""),
            v.get("address_detail", ""),
            "",
        )
        raw = " ".join(x for x in (parts.province, parts.city, parts.district, parts.detail) if x)
    if v.get("postcode"):
        parts = address.AddressParts(
            parts.province, parts.city, parts.district, parts.detail, v["postcode"]
        )
    goods = v.get("goods_total")
    if goods is None:
        goods = sum((ln.unit_price * ln.quantity for ln in order.lines), ZERO)
    status = v.get("platform_status", "")
    paid = (v.get("paid_at") is not None or "platform_status" in v) and not is_unpaid(status)
    order.fields = {
        "recipient": v.get("recipient", ""),
        "phone": v.get("phone", ""),
        **address.address_fields(parts, raw),
        "goods_total": goods,
        "postage": v.get("postage", ZERO),
        "paid_total": v.get("paid_total", goods + v.get("postage", ZERO)),
        "platform_status": status,
        "paid": paid,
        "buyer_remark": v.get("buyer_remark", ""),
        "email": v.get("email", ""),
        "seller_remark": v.get("seller_remark", ""),
        "created_at": v.get("created_at"),
        "paid_at": v.get("paid_at"),
    }
    order.cancelled = is_cancelled(status)
