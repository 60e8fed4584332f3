"""Fixes a clerk makes in the verification window, and a supervisor's release of a hold.

Edits are allowed until the order is confirmed; each returns the old value so the window's
undo stack can put it back through the same function.
"""

from __future__ import annotations

import logging

from sqlalchemy.orm import Session

from app import settings_checks
from app.db.engine import Database
from app.db.models.verification import HoldRelease
from app.errors import BadInput
from app.orders.lookup import find_order
from app.orders.status import LABELS, Status, move
from app.verification.issues import HOLD

log = logging.getLogger(__name__)

EDITABLE = (Status.NEW.value, Status.HELD.value, Status.VERIFIED.value)


class NotEditable(BadInput):
    def __init__(self, order_no: str, status: str) -> None:
        super().__init__(f"订单 {order_no} 状态为「{LABELS[Status(status)]}」，确认后不能再修改")


class NotSupervisor(BadInput):
    def __init__(self, user: str) -> None:
        super().__init__(f"{user} 不是主管，不能放行挂起的订单")


def _editable(session: Session, order_no: str):
    order = find_order(session, order_no)
    if order.status not in EDITABLE:
        raise NotEditable(order.order_no, order.status)
    return order


def set_phone(db: Database, order_no: str, text: str, user: str) -> str:
    """Replace the phone (extension written as 13900000002-4821); returns the old text."""
    with db.transaction() as session:
        order = _editable(session, order_no)
        old = f"{order.phone}-{order.phone_ext}" if order.phone_ext else order.phone
        order.phone, order.phone_ext = text.strip(), ""
        log.info("order %s: phone edited by %s", order_no, user)
        return old


def set_address(db: Database, order_no: str, text: str, user: str) -> str:
    """Replace the whole address text; the next verification parses it. Returns the old one."""
    with db.transaction() as session:
        order = _editable(session, order_no)
        old = order.address_raw
        order.address_raw = text.strip()
        log.info("order %s: address edited by %s", order_no, user)
        return old


def set_line_sku(db: Database, order_no: str, line_no: int, sku: str, user: str) -> str:
    with db.transaction() as session:
        order = _editable(session, order_no)
        line = next((ln for ln in order.lines if ln.line_no == line_no), None)
        if line is None:
            raise BadInput(f"订单 {order_no} 没有第{line_no}行")
        old, line.sku, line.product_id = line.sku, sku.strip(), None
        log.info("order %s line %s: sku %s -> %s by %s", order_no, line_no, old, sku, user)
        return old


def is_supervisor(session: Session, user: str) -> bool:
    """Setting `verification.supervisors` lists them; when it is empty every user may release."""
    supervisors = settings_checks.read(session, "verification.supervisors", [])
    return not supervisors or user in supervisors


def release_hold(db: Database, order_no: str, reason: str, user: str) -> None:
    """Let a held order go despite its findings; the reason is recorded and kept."""
    if not reason.strip():
        raise BadInput("放行必须填写理由")
    with db.transaction() as session:
        if not is_supervisor(session, user):
            raise NotSupervisor(user)
        order = find_order(session, order_no)
        if order.status != Status.HELD.value:
            raise BadInput(f"订单 {order_no} 没有挂起，无需放行")
        for finding in order.findings:
            if finding.severity == HOLD:
                session.add(
                    HoldRelease(order_id=order.id, rule=finding.rule, reason=reason, user=user)
                )
                finding.severity = "info"
                finding.reason = f"{finding.reason}（主管已放行 {user}：{reason}）"
        move(order, Status.VERIFIED, user=user, note=f"主管放行：{reason}")
        log.info("order %s released by %s: %s", order_no, user, reason)
