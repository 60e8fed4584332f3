"""Confirming verified orders: reserve stock, promise a ship date, tell the customer.

Settings (app.settings): `promise.days` (working days to ship, default 2), `promise.cutoff`
("HH:MM" in the desk zone, default 16:00), `promise.restock_days` (extra working days when a
line is backordered, default 3), `shop.name` (signs the messages).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, time

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app import settings, settings_checks
from app.config import current_user, desk_timezone
from app.db.engine import Database
from app.db.models import Order
from app.db.types import utcnow
from app.errors import IllegalTransition
from app.orders.status import LABELS, Status, move
from app.outbox.queue import enqueue
from app.outbox.templates import render_template
from app.promise.ship_date import promise_ship_date
from app.stock.reservation import reserve_order

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Confirmation:
    order_no: str
    status: str
    ship_by: date
    backordered: bool


def _reserve(session: Session, order: Order, user: str) -> bool:
    """Reserve the order's stock; True if something is short."""
    result = reserve_order(session, order, user)
    return not result.complete


def _cutoff(session: Session) -> time:
    text = settings_checks.read(session, "promise.cutoff", "16:00")
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def ship_by_date(session: Session, order: Order, backordered: bool) -> date:
    days = settings_checks.read(session, "promise.days", 2)
    extra = settings_checks.read(session, "promise.restock_days", 3) if backordered else 0
    paid = order.paid_at or order.created_at or utcnow()
    return promise_ship_date(
        paid,
        days,
        desk_timezone(),
        cutoff=_cutoff(session),
        extra_days=extra,
        requested=order.requested_ship_date,
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
        "shop": settings.get(session, "shop.name", "本店"),
        "recipient": order.recipient,
        "order_no": order.order_no,
        "ship_by": f"{ship_by.month}月{ship_by.day}日",
        "lines": lines,
        "total": order.paid_total,
        "address": address,
        "carrier_note": "",
    }


def confirm_order(session: Session, order: Order, user: str) -> Confirmation:
    """VERIFIED -> CONFIRMED (or BACKORDERED when stock is short), with messages queued."""
    if order.status != Status.VERIFIED.value:
        raise IllegalTransition(
            order.order_no, LABELS[Status(order.status)], LABELS[Status.CONFIRMED]
        )
    backordered = _reserve(session, order, user)
    ship_by = ship_by_date(session, order, backordered)
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


def confirm_clean_orders(db: Database, order_nos: list[str] | None = None) -> list[Confirmation]:
    """Confirm every verified order (or the given ones) in one transaction."""
    user = current_user()
    with db.transaction() as session:
        query = (
            select(Order)
            .where(Order.status == Status.VERIFIED.value)
            .options(selectinload(Order.lines))
        )
        if order_nos:
            query = query.where(Order.order_no.in_(order_nos))
        done = [confirm_order(session, o, user) for o in session.scalars(query.order_by(Order.id))]
    log.info("confirmed %s orders", len(done))
    return done
