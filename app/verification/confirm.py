"""Confirming verified orders: reserve stock, promise a ship date, tell the customer.

The date follows app.promise.ship_date with the shop's terms (app.promise.terms, the same ones
`packdesk promise` uses); `shop.name` signs the messages. An order asked for by number that
cannot be confirmed comes back with the reason, so a clerk who named it is told why.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.config import current_user, desk_timezone
from app.db.engine import Database
from app.db.models import Order
from app.db.types import utcnow
from app.errors import IllegalTransition, OrderNotFound
from app.orders.status import LABELS, Status, move
from app.outbox.queue import enqueue
from app.outbox.templates import render_template
from app.promise.ship_date import promise_ship_date
from app.promise.terms import read_terms
from app.stock.reservation import reserve_order
from app.verification.issues import HOLD

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Confirmation:
    order_no: str
    status: str
    ship_by: date
    backordered: bool


@dataclass(frozen=True)
class Refusal:
    """An order asked for by number and not confirmed; `status` is empty when none exists."""

    order_no: str
    status: str
    # Why, in a clerk's words: 订单 9999 不存在, 订单挂起：<the holds>, 订单已确认过 ...
    reason: str


@dataclass(frozen=True)
class ConfirmReport:
    confirmed: tuple[Confirmation, ...] = ()
    refused: tuple[Refusal, ...] = ()


def _reserve(session: Session, order: Order, user: str) -> bool:
    """Reserve the order's stock; True if something is short."""
    result = reserve_order(session, order, user)
    return not result.complete


def ship_by_date(
    session: Session, order: Order, backordered: bool, now: datetime | None = None
) -> date:
    """The date promised when the order is confirmed at `now`: from the payment, but never a
    day the desk can no longer make when the confirmation comes late."""
    terms = read_terms(session)
    paid = order.paid_at or order.created_at or utcnow()
    return promise_ship_date(
        paid,
        terms.days,
        desk_timezone(),
        cutoff=terms.cutoff,
        extra_days=terms.restock_days if backordered else 0,
        requested=order.requested_ship_date,
        confirmed_at=now or utcnow(),
    )


def _message_context(session: Session, order: Order, ship_by: date) -> dict:
    lines = "\n".join(
        f"  {ln.title or ln.sku} {ln.attributes} × {ln.quantity}  {ln.unit_price * ln.quantity} 元"
        for ln in order.lines
    )
    address = "".join(
        (
            order.province,
            "" if order.city == order.province else order.city,
            order.district,
            order.address_detail,
        )
    )
    return {
        "recipient": order.recipient,
        "order_no": order.order_no,
        "ship_by": f"{ship_by.month}月{ship_by.day}日",
        "lines": lines,
        "total": order.paid_total,
        "address": address,
        "carrier_note": "",
    }


def confirm_order(
    session: Session, order: Order, user: str, now: datetime | None = None
) -> Confirmation:
    """VERIFIED -> CONFIRMED (or BACKORDERED when stock is short), with messages queued."""
    if order.status != Status.VERIFIED.value:
        raise IllegalTransition(
            order.order_no, LABELS[Status(order.status)], LABELS[Status.CONFIRMED]
        )
    backordered = _reserve(session, order, user)
    ship_by = ship_by_date(session, order, backordered, now)
    move(
        order,
        Status.BACKORDERED if backordered else Status.CONFIRMED,
        user=user,
        note=f"承诺 {ship_by.isoformat()} 前发货",
    )

    context = _message_context(session, order, ship_by)
    _, sms = render_template(session, "confirmation.sms", context)
    enqueue(
        session,
        kind="confirmation",
        channel="sms",
        body=sms,
        order_id=order.id,
        recipient=order.phone,
    )
    subject, body = render_template(session, "confirmation.email", context)
    enqueue(
        session,
        kind="confirmation",
        channel="email",
        body=body,
        subject=subject,
        order_id=order.id,
        recipient=order.email,
    )
    return Confirmation(order.order_no, order.status, ship_by, backordered)


def _refusal(order: Order) -> Refusal:
    """Why an order that is not verified cannot be confirmed now."""
    status = Status(order.status)
    if status is Status.HELD:
        holds = [f.reason for f in order.findings if f.severity == HOLD]
        reason = "订单挂起" + (f"：{'；'.join(holds)}" if holds else "，请先处理")
    elif status is Status.CONFIRMED:
        reason = "订单已确认过，不再重复确认"
    elif status is Status.BACKORDERED:
        reason = f"订单已确认过（{LABELS[status]}），不再重复确认"
    elif status is Status.NEW:
        reason = "订单还没审核，请先审核（packdesk verify）"
    else:
        reason = f"订单状态为「{LABELS[status]}」，不能确认"
    return Refusal(order.order_no, status.value, reason)


def confirm_orders(
    db: Database, order_nos: list[str] | None = None, now: datetime | None = None
) -> ConfirmReport:
    """Confirm every verified order, or the orders named, in one transaction.

    Each number named but not confirmed is reported as a Refusal: no such order, held, never
    verified, confirmed before, or already further along. The others are confirmed anyway.
    """
    user = current_user()
    wanted = list(dict.fromkeys(n.strip() for n in order_nos or ()))
    with db.transaction() as session:
        query = select(Order).options(selectinload(Order.lines))
        if order_nos:
            query = query.where(Order.order_no.in_(wanted))
        else:
            query = query.where(Order.status == Status.VERIFIED.value)
        orders = list(session.scalars(query.order_by(Order.id)))

        found: dict[str, list[Order]] = {}
        for order in orders:
            found.setdefault(order.order_no, []).append(order)
        refused = []
        for order_no in wanted:
            if order_no not in found:
                refused.append(Refusal(order_no, "", str(OrderNotFound(order_no))))
                continue
            refused += [_refusal(o) for o in found[order_no] if o.status != Status.VERIFIED.value]
        verified = [o for o in orders if o.status == Status.VERIFIED.value]
        done = [confirm_order(session, o, user, now) for o in verified]

    log.info("confirmed %s orders", len(done))
    for r in refused:
        log.info("order %s not confirmed: %s", r.order_no, r.reason)
    return ConfirmReport(tuple(done), tuple(refused))


def confirm_clean_orders(
    db: Database, order_nos: list[str] | None = None, now: datetime | None = None
) -> list[Confirmation]:
    """The confirmations alone, for callers that only name orders they know are verified."""
    return list(confirm_orders(db, order_nos, now).confirmed)
