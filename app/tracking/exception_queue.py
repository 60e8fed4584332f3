"""The exception queue as a clerk reads it: which parcel, which rule, how old, which customer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.engine import Database
from app.db.models import Order, Shipment
from app.db.models.tracking import ExceptionAction, ParcelProgress, TrackingException
from app.db.types import utcnow
from app.tracking.rules import RULES, detect_exceptions
from app.tracking.statuses import LABELS, TrackStatus

ACTION_LABELS = {
    "carrier_call": "已致电快递",
    "customer_update": "已告知客户",
    "intercept": "申请拦截",
    "address_change": "申请改地址",
    "open_return": "已建退货",
}


@dataclass(frozen=True)
class ActionView:
    kind: str
    label: str
    note: str
    user: str
    at: datetime


@dataclass(frozen=True)
class ExceptionRow:
    id: int
    rule: str
    rule_label: str
    detail: str
    opened_at: datetime
    # Hours since the parcel was handed over: how long the customer has been waiting.
    age_hours: int
    order_no: str
    customer: str
    phone: str
    carrier: str
    tracking_no: str
    last_status: str
    expected_delivery: date | None
    closed_at: datetime | None
    outcome: str
    actions: tuple[ActionView, ...]


def _row(
    session: Session, exc: TrackingException, shipment: Shipment, order: Order, now: datetime
) -> ExceptionRow:
    progress = session.get(ParcelProgress, shipment.id)
    last = progress.last_status if progress else ""
    actions = session.scalars(
        select(ExceptionAction)
        .where(ExceptionAction.exception_id == exc.id)
        .order_by(ExceptionAction.at, ExceptionAction.id)
    ).all()
    since = shipment.shipped_at or exc.opened_at
    return ExceptionRow(
        id=exc.id,
        rule=exc.rule,
        rule_label=RULES[exc.rule].label,
        detail=exc.detail,
        opened_at=exc.opened_at,
        age_hours=max(0, int((now - since).total_seconds() // 3600)),
        order_no=order.order_no,
        customer=order.recipient,
        phone=order.phone,
        carrier=shipment.carrier,
        tracking_no=shipment.tracking_no or "",
        last_status=LABELS[TrackStatus(last)] if last else "无记录",
        expected_delivery=progress.expected_delivery if progress else None,
        closed_at=exc.closed_at,
        outcome=exc.outcome,
        actions=tuple(
            ActionView(a.kind, ACTION_LABELS.get(a.kind, a.kind), a.note, a.user, a.at)
            for a in actions
        ),
    )


def list_exceptions(
    session: Session, *, include_closed: bool = False, now: datetime | None = None
) -> list[ExceptionRow]:
    """Open exceptions, oldest parcel first (the customer waiting longest comes first)."""
    now = now or utcnow()
    query = (
        select(TrackingException, Shipment, Order)
        .join(Shipment, Shipment.id == TrackingException.shipment_id)
        .join(Order, Order.id == TrackingException.order_id)
    )
    if not include_closed:
        query = query.where(TrackingException.closed_at.is_(None))
    rows = [_row(session, e, s, o, now) for e, s, o in session.execute(query)]
    return sorted(rows, key=lambda r: (-r.age_hours, r.id))


def refresh_exceptions(db: Database, now: datetime | None = None) -> list[ExceptionRow]:
    """Run the rules, then list the open queue: what the window and `packdesk exceptions` do."""
    with db.transaction() as session:
        detect_exceptions(session, now)
        session.flush()
        return list_exceptions(session, now=now)


def exception_row(session: Session, exception_id: int) -> ExceptionRow:
    exc = session.get(TrackingException, exception_id)
    shipment = session.get(Shipment, exc.shipment_id)
    return _row(session, exc, shipment, session.get(Order, exc.order_id), utcnow())
