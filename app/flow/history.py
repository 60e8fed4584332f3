"""Reading what the figures need from the database, with Core queries and no ORM objects.

Only orders that moved since the start of the range, or that are still open, are read: an
order delivered or cancelled before the range cannot change any figure of it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.db.models import (
    Finding,
    Order,
    OrderEvent,
    OrderLine,
    OutboxMessage,
    ScanEvent,
    StockMove,
)
from app.flow.visits import EventRow
from app.orders.status import Status

CLOSED = (Status.DELIVERED.value, Status.CANCELLED.value)
NOTICE_KIND = "shipping_notice"


@dataclass(frozen=True)
class OrderFacts:
    id: int
    order_no: str
    status: str
    imported_at: datetime | None
    paid_at: datetime | None
    paid: bool


@dataclass(frozen=True)
class NoticeRow:
    order_id: int | None
    created_at: datetime
    sent_at: datetime | None
    state: str


def load_orders(
    session: Session, start: datetime
) -> tuple[dict[int, OrderFacts], dict[int, list[EventRow]]]:
    """Orders touched since `start` or still open, with all their events in order."""
    moved = select(OrderEvent.order_id).where(OrderEvent.at >= start)
    wanted = or_(Order.id.in_(moved), Order.status.not_in(CLOSED))
    facts = {
        r.id: OrderFacts(r.id, r.order_no, r.status, r.imported_at, r.paid_at, bool(r.paid))
        for r in session.execute(
            select(
                Order.id,
                Order.order_no,
                Order.status,
                Order.imported_at,
                Order.paid_at,
                Order.paid,
            ).where(wanted)
        )
    }
    events: dict[int, list[EventRow]] = defaultdict(list)
    query = (
        select(
            OrderEvent.order_id,
            OrderEvent.from_status,
            OrderEvent.to_status,
            OrderEvent.at,
            OrderEvent.user,
            OrderEvent.id,
        )
        .join(Order, Order.id == OrderEvent.order_id)
        .where(wanted)
        .order_by(OrderEvent.order_id, OrderEvent.at, OrderEvent.id)
    )
    for r in session.execute(query):
        events[r.order_id].append(
            EventRow(r.order_id, r.from_status, r.to_status, r.at, r.user, r.id)
        )
    return facts, events


def refused_scans(session: Session, start: datetime, end: datetime) -> list[str]:
    """The reasons of scans refused in the range, one entry per refusal."""
    query = select(ScanEvent.reason).where(
        ScanEvent.accepted.is_(False), ScanEvent.at >= start, ScanEvent.at < end
    )
    return [reason or "" for reason in session.scalars(query)]


def shipping_notices(session: Session) -> list[NoticeRow]:
    query = select(
        OutboxMessage.order_id,
        OutboxMessage.created_at,
        OutboxMessage.sent_at,
        OutboxMessage.state,
    ).where(OutboxMessage.kind == NOTICE_KIND)
    return [
        NoticeRow(r.order_id, r.created_at, r.sent_at, r.state) for r in session.execute(query)
    ]


def hold_reasons(session: Session, order_ids: list[int]) -> list[str]:
    """Reasons that hold the given orders, one entry per finding."""
    if not order_ids:
        return []
    query = select(Finding.reason).where(
        Finding.order_id.in_(order_ids), Finding.severity == "hold"
    )
    return list(session.scalars(query))


def short_skus(session: Session, order_ids: list[int]) -> list[tuple[str, int]]:
    """SKUs the given orders wait for, with how many of the orders wait for each, most first.

    A SKU counts as short when the stock on hand less what is reserved is below what the
    order's line needs; when the ledger shows nothing short, every SKU of the orders counts.
    """
    if not order_ids:
        return []
    lines = session.execute(
        select(OrderLine.order_id, OrderLine.sku, OrderLine.product_id, OrderLine.quantity).where(
            OrderLine.order_id.in_(order_ids)
        )
    ).all()
    product_ids = {ln.product_id for ln in lines if ln.product_id is not None}
    available: dict[int, int] = {}
    if product_ids:
        query = (
            select(
                StockMove.product_id, func.sum(StockMove.on_hand_delta - StockMove.reserved_delta)
            )
            .where(StockMove.product_id.in_(product_ids))
            .group_by(StockMove.product_id)
        )
        available = {pid: int(total or 0) for pid, total in session.execute(query)}

    def tally(only_short: bool) -> list[tuple[str, int]]:
        orders_by_sku: dict[str, set[int]] = defaultdict(set)
        for ln in lines:
            short = available.get(ln.product_id, 0) < ln.quantity
            if short or not only_short:
                orders_by_sku[ln.sku].add(ln.order_id)
        return sorted(
            ((sku, len(ids)) for sku, ids in orders_by_sku.items()),
            key=lambda item: (-item[1], item[0]),
        )

    return tally(True) or tally(False)


def last_ids(session: Session) -> tuple[int, int, int]:
    """The newest order event, scan and outbox message ids (0 when there is none)."""
    return (
        session.scalar(select(func.max(OrderEvent.id))) or 0,
        session.scalar(select(func.max(ScanEvent.id))) or 0,
        session.scalar(select(func.max(OutboxMessage.id))) or 0,
    )
