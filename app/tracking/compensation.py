"""Compensation for a complaint: a coupon, a partial refund or a resend, each with a value.

Small amounts are granted at the desk; above the limit in the setting
`feedback.approval_limit` (yuan, default 50) a supervisor must approve, and the requester may
not approve their own. When `feedback.supervisors` lists names, only they may approve.
Every compensation is kept; the totals by cause (carrier, packing, stock) count approved ones.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import settings_checks
from app.config import current_user
from app.db.engine import Database
from app.db.models import Order
from app.db.models.tracking import Compensation, Feedback
from app.db.types import to_money, utcnow
from app.errors import BadInput, PackDeskError
from app.tracking.feedback import FeedbackInputError

log = logging.getLogger(__name__)

KINDS = {"coupon": "优惠券", "refund": "部分退款", "resend": "补发"}
CAUSES = {"carrier": "快递", "packing": "打包", "stock": "库存"}
STATES = {"approved": "已批准", "pending": "待主管审批", "rejected": "已驳回"}
DEFAULT_CAUSE = {
    "delay": "carrier",
    "courier": "carrier",
    "damage": "packing",
    "wrong_item": "packing",
    "missing_item": "packing",
}
DEFAULT_LIMIT = "50"


class NotSupervisor(PackDeskError):
    def __init__(self, user: str, reason: str) -> None:
        super().__init__(f"{user} 不能审批: {reason}")
        self.user = user


@dataclass(frozen=True)
class CompensationView:
    id: int
    feedback_id: int
    order_no: str
    kind: str
    kind_label: str
    value: Decimal
    cause: str
    cause_label: str
    coupon_code: str
    state: str
    state_label: str
    requested_by: str
    approved_by: str
    at: datetime


def approval_limit(session: Session) -> Decimal:
    return to_money(str(settings_checks.read(session, "feedback.approval_limit", DEFAULT_LIMIT)))


def _value(text: Decimal | str) -> Decimal:
    try:
        value = to_money(text)
    except (InvalidOperation, TypeError):
        raise FeedbackInputError("金额", f"「{text}」不是金额") from None
    if value <= 0:
        raise FeedbackInputError("金额", "必须大于 0")
    return value


def view_of(session: Session, c: Compensation) -> CompensationView:
    order = session.get(Order, session.get(Feedback, c.feedback_id).order_id)
    return CompensationView(
        c.id,
        c.feedback_id,
        order.order_no,
        c.kind,
        KINDS[c.kind],
        c.value,
        c.cause,
        CAUSES[c.cause],
        c.coupon_code,
        c.state,
        STATES[c.state],
        c.requested_by,
        c.approved_by,
        c.at,
    )


def add_compensation(
    db: Database,
    feedback_id: int,
    kind: str,
    value: Decimal | str,
    cause: str,
    *,
    coupon_code: str = "",
    user: str | None = None,
) -> CompensationView:
    """Record a compensation; above the approval limit it waits for a supervisor."""
    if kind not in KINDS:
        raise FeedbackInputError("补偿方式", f"「{kind}」不是 {', '.join(KINDS)} 之一")
    if cause not in CAUSES:
        raise FeedbackInputError("原因归属", f"「{cause}」不是 {', '.join(CAUSES)} 之一")
    if kind == "coupon" and not coupon_code.strip():
        raise FeedbackInputError("优惠券码", "发放优惠券时必须填写券码")
    amount = _value(value)

    with db.transaction() as session:
        if session.get(Feedback, feedback_id) is None:
            raise FeedbackInputError("反馈编号", f"没有编号为 {feedback_id} 的反馈")
        limit = approval_limit(session)
        state = "pending" if amount > limit else "approved"
        who = user or current_user()
        c = Compensation(
            feedback_id=feedback_id,
            kind=kind,
            value=amount,
            cause=cause,
            coupon_code=coupon_code.strip(),
            state=state,
            requested_by=who,
            approved_by="" if state == "pending" else who,
            decided_at=None if state == "pending" else utcnow(),
        )
        session.add(c)
        session.flush()
        log.info("compensation %s %s yuan for feedback %s: %s", kind, amount, feedback_id, state)
        return view_of(session, c)


def decide_compensation(
    db: Database, compensation_id: int, approve: bool, supervisor: str | None = None
) -> CompensationView:
    """A supervisor approves or rejects a compensation above the limit."""
    who = supervisor or current_user()
    with db.transaction() as session:
        c = session.get(Compensation, compensation_id)
        if c is None:
            raise BadInput(f"没有编号为 {compensation_id} 的补偿")
        if c.state != "pending":
            raise BadInput(f"补偿 {compensation_id} 已是「{STATES[c.state]}」")
        allowed = settings_checks.read(session, "feedback.supervisors", [])
        if allowed and who not in allowed:
            raise NotSupervisor(who, "不在主管名单 feedback.supervisors 中")
        if who == c.requested_by:
            raise NotSupervisor(who, "不能审批自己提交的补偿")
        c.state = "approved" if approve else "rejected"
        c.approved_by, c.decided_at = who, utcnow()
        log.info("compensation %s %s by %s", c.id, c.state, who)
        session.flush()
        return view_of(session, c)


def list_compensations(session: Session, feedback_id: int | None = None) -> list[CompensationView]:
    query = select(Compensation).order_by(Compensation.id.desc())
    if feedback_id is not None:
        query = query.where(Compensation.feedback_id == feedback_id)
    return [view_of(session, c) for c in session.scalars(query)]


def totals_by_cause(
    session: Session, start: datetime | None = None, end: datetime | None = None
) -> dict[str, Decimal]:
    """Approved compensation per cause, every cause present (zero when none)."""
    query = (
        select(Compensation.cause, func.sum(Compensation.value))
        .where(Compensation.state == "approved")
        .group_by(Compensation.cause)
    )
    if start is not None:
        query = query.where(Compensation.at >= start)
    if end is not None:
        query = query.where(Compensation.at < end)
    totals = dict.fromkeys(CAUSES, Decimal("0.00"))
    # The Money type of the column carries over to SUM, so the sums come back as yuan.
    for cause, total in session.execute(query):
        totals[cause] = total
    return totals
