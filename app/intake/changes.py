"""What a newer export really changed in an order already stored, and applying just that.

Verification rewrites some imported values in place: a landline loses its dashes, a renamed
district gets its new name, a line without a seller code gets the SKU matched by its title. A
newer export still carries the platform's old text for those, and counting that as a change
would send every verified order back through verification on each re-import (and undo the
normalised values). So the address counts as changed only when the platform's raw address
did, a phone only when it normalises to another number, a line's SKU only when the platform
sent one.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.base import Base
from app.db.models import Order, OrderLine
from app.intake.records import ParsedLine, ParsedOrder
from app.verification.phone import normalize_phone

log = logging.getLogger(__name__)

ADDRESS_PARTS = ("province", "city", "district", "address_detail", "postcode")
_CODES = ("province_code", "city_code", "district_code")

# What verification checks, in a clerk's words: a change to any of these sends a verified or
# confirmed order back through verification. "lines" stands for the order's lines.
CHECKED = {
    "recipient": "收货人",
    "phone": "电话",
    "province": "地址",
    "city": "地址",
    "district": "地址",
    "address_detail": "地址",
    "postcode": "地址",
    "address_raw": "地址",
    "lines": "商品行",
    "goods_total": "金额",
    "postage": "金额",
    "discount": "金额",
    "paid_total": "金额",
    "paid": "付款状态",
    "platform_status": "平台状态",
    "buyer_remark": "备注",
    "seller_remark": "备注",
}


def changed_fields(
    parsed: ParsedOrder, order, lines: Sequence, names: tuple[str, ...]
) -> set[str]:
    """The names in `names` (and "lines") whose newer value really differs from the order's.

    `order` and `lines` may be ORM objects or plain rows with the same attribute names.
    """
    fields = parsed.fields
    same_address = "address_raw" in fields and fields["address_raw"] == order.address_raw
    changed = set()
    for name in names:
        if name not in fields or fields[name] == getattr(order, name):
            continue
        if name in ADDRESS_PARTS and same_address:
            continue
        if name == "phone" and _same_phone(fields[name], order):
            continue
        changed.add(name)
    if not _same_lines(parsed.lines, lines):
        changed.add("lines")
    return changed


def checked_words(changed: set[str]) -> list[str]:
    """The checked fields among `changed`, as the words a clerk reads, each once."""
    return list(dict.fromkeys(CHECKED[name] for name in sorted(changed) if name in CHECKED))


def _same_phone(text: str, order) -> bool:
    result = normalize_phone(text)
    return result.valid and (result.number, result.extension) == (order.phone, order.phone_ext)


def _same_line(new: ParsedLine, old) -> bool:
    if (new.title, new.attributes, new.quantity, new.unit_price) != (
        old.title,
        old.attributes,
        old.quantity,
        old.unit_price,
    ):
        return False
    # No seller code from the platform: verification may have matched one by title.
    return not new.sku or new.sku == old.sku


def _same_lines(new: list[ParsedLine], old: Sequence) -> bool:
    return len(new) == len(old) and all(_same_line(n, o) for n, o in zip(new, old, strict=True))


def apply_changes(
    session: Session,
    parsed: ParsedOrder,
    order: Order,
    changed: set[str],
    products: dict[str, int],
) -> list[str]:
    """Write the changed fields and lines onto `order`; returns notes for the row report.

    Lines are updated in place by line number, not deleted and recreated: the stock ledger,
    substitutions and other records point at line ids.
    """
    fields = parsed.fields
    for name in changed - {"lines"}:
        setattr(order, name, fields[name])
    if "address_raw" in changed:
        # The parts come with the raw address; the codes are verification's, now stale.
        for name in ADDRESS_PARTS:
            if name in fields:
                setattr(order, name, fields[name])
        for name in _CODES:
            setattr(order, name, "")
    order.source_file = parsed.file
    if "lines" not in changed:
        return []
    return _update_lines(session, parsed, order, products)


def _update_lines(
    session: Session, parsed: ParsedOrder, order: Order, products: dict[str, int]
) -> list[str]:
    existing = {line.line_no: line for line in order.lines}
    for no, new in enumerate(parsed.lines, start=1):
        line = existing.pop(no, None)
        if line is None:
            order.lines.append(
                OrderLine(
                    line_no=no,
                    sku=new.sku,
                    product_id=products.get(new.sku),
                    title=new.title,
                    attributes=new.attributes,
                    quantity=new.quantity,
                    unit_price=new.unit_price,
                )
            )
        elif not _same_line(new, line):
            line.sku, line.product_id = new.sku, products.get(new.sku)
            line.title, line.attributes = new.title, new.attributes
            line.quantity, line.unit_price = new.quantity, new.unit_price

    notes = []
    kept = _referenced(session, [line.id for line in existing.values()])
    for line in existing.values():
        if line.id in kept:
            # Stock or other records point at it: it stays, asking for nothing.
            line.quantity = 0
            notes.append(f"第{line.line_no}行已从平台导出删除，但已有库存记录，改为数量 0，请核对")
        else:
            order.lines.remove(line)
    return notes


def _referenced(session: Session, line_ids: list[int]) -> set[int]:
    """Line ids some other table points at (every foreign key to order_lines.id)."""
    if not line_ids:
        return set()
    target = OrderLine.__table__.c.id
    found: set[int] = set()
    for table in Base.metadata.sorted_tables:
        for key in table.foreign_keys:
            if table is not OrderLine.__table__ and key.column is target:
                query = select(key.parent).where(key.parent.in_(line_ids)).distinct()
                found.update(session.scalars(query))
    return found
