"""Blocklist: phones and addresses with a history of fraud or refusals go to a supervisor."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Order
from app.db.models.verification import BlocklistEntry
from app.errors import BadInput
from app.verification.context import VerifyContext, address_key
from app.verification.issues import HOLD, Issue
from app.verification.phone import normalize_phone

RULE = "blocklist"
KINDS = ("phone", "address")


def check_blocklist(order: Order, ctx: VerifyContext) -> list[Issue]:
    issues = []
    if order.phone and order.phone in ctx.blocked_phones:
        reason = ctx.blocked_phones[order.phone]
        issues.append(
            Issue(RULE, "phone", f"电话 {order.phone} 在黑名单中（{reason}），需主管放行", HOLD)
        )
    key = address_key(order.province, order.city, order.district, order.address_detail)
    if key and key in ctx.blocked_addresses:
        reason = ctx.blocked_addresses[key]
        issues.append(Issue(RULE, "address", f"收货地址在黑名单中（{reason}），需主管放行", HOLD))
    return issues


def blocklist_value(kind: str, text: str) -> str:
    """The stored spelling: normalised phone digits, or the address without spaces."""
    if kind == "phone":
        result = normalize_phone(text)
        return result.number if result.valid else text.strip()
    if kind == "address":
        from app.verification.address import parse_address

        p = parse_address(text)
        return address_key(p.province, p.city, p.district, p.detail)
    raise BadInput(f"黑名单类型只能是 {' / '.join(KINDS)}，不是「{kind}」")


def add_to_blocklist(session: Session, kind: str, text: str, reason: str, user: str) -> None:
    value = blocklist_value(kind, text)
    if not value:
        raise BadInput("黑名单条目不能为空")
    exists = session.scalar(
        select(BlocklistEntry).where(BlocklistEntry.kind == kind, BlocklistEntry.value == value)
    )
    if exists is None:
        session.add(BlocklistEntry(kind=kind, value=value, reason=reason, created_by=user))


def remove_from_blocklist(session: Session, kind: str, text: str) -> None:
    value = blocklist_value(kind, text)
    entry = session.scalar(
        select(BlocklistEntry).where(BlocklistEntry.kind == kind, BlocklistEntry.value == value)
    )
    if entry is not None:
        session.delete(entry)
