"""The order state machine.

An order only moves along the arrows below; any other move raises `IllegalTransition`. Every
move is recorded as an `OrderEvent` with its time and user, which is what the flow sheet
measures stage times from.
"""

from __future__ import annotations

import logging
from datetime import datetime
from enum import StrEnum

from sqlalchemy import bindparam, insert, update
from sqlalchemy.orm import Session, object_session
from sqlalchemy.orm.attributes import set_committed_value

from app.db.models import Order, OrderEvent
from app.db.types import utcnow
from app.errors import IllegalTransition

log = logging.getLogger(__name__)


class Status(StrEnum):
    NEW = "new"
    HELD = "held"
    VERIFIED = "verified"
    CONFIRMED = "confirmed"
    BACKORDERED = "backordered"
    PACKING = "packing"
    PACKED = "packed"
    LABELLED = "labelled"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"


S = Status
TRANSITIONS: dict[Status, frozenset[Status]] = {
    S.NEW: frozenset({S.HELD, S.VERIFIED, S.CANCELLED}),
    # -> NEW: a newer platform export changed what verification checked; verify again.
    S.HELD: frozenset({S.NEW, S.HELD, S.VERIFIED, S.CANCELLED}),
    S.VERIFIED: frozenset({S.NEW, S.HELD, S.CONFIRMED, S.BACKORDERED, S.PACKING, S.CANCELLED}),
    S.CONFIRMED: frozenset({S.NEW, S.HELD, S.BACKORDERED, S.PACKING, S.CANCELLED}),
    S.BACKORDERED: frozenset({S.NEW, S.CONFIRMED, S.PACKING, S.HELD, S.CANCELLED}),
    S.PACKING: frozenset({S.PACKED, S.HELD, S.CANCELLED}),
    S.PACKED: frozenset({S.PACKING, S.LABELLED, S.SHIPPED, S.HELD, S.CANCELLED}),
    S.LABELLED: frozenset({S.PACKED, S.PACKING, S.SHIPPED, S.HELD, S.CANCELLED}),
    S.SHIPPED: frozenset({S.DELIVERED}),
    S.DELIVERED: frozenset(),
    S.CANCELLED: frozenset(),
}

# Orders in these states may still be changed by a newer platform export.
OPEN_STATES = frozenset({S.NEW, S.HELD, S.VERIFIED, S.CONFIRMED, S.BACKORDERED})

# The words a clerk reads for each state.
LABELS: dict[Status, str] = {
    S.NEW: "新订单",
    S.HELD: "挂起",
    S.VERIFIED: "已审核",
    S.CONFIRMED: "已确认",
    S.BACKORDERED: "缺货待补",
    S.PACKING: "打包中",
    S.PACKED: "已打包",
    S.LABELLED: "已打面单",
    S.SHIPPED: "已发货",
    S.DELIVERED: "已签收",
    S.CANCELLED: "已取消",
}


def can_move(current: Status | str, wanted: Status | str) -> bool:
    return Status(wanted) in TRANSITIONS[Status(current)]


def move(
    order: Order,
    wanted: Status,
    *,
    user: str,
    note: str = "",
    at: datetime | None = None,
) -> OrderEvent:
    """Move `order` to `wanted`, or raise `IllegalTransition`; the caller commits."""
    current = Status(order.status)
    if not can_move(current, wanted):
        raise IllegalTransition(order.order_no, LABELS[current], LABELS[Status(wanted)])

    when = at or utcnow()
    event = OrderEvent(
        from_status=current.value, to_status=Status(wanted).value, at=when, user=user, note=note
    )
    # Set from the event's side: an order whose history was never read gets the event without
    # loading that history first (a batch of a thousand waybills would load it a thousand
    # times). The order's `events` still shows the event if it is read later.
    event.order = order
    session = object_session(order)
    if session is not None:
        session.add(event)
    order.status = Status(wanted).value
    order.status_since = when
    log.debug("order %s: %s -> %s (%s)", order.order_no, current, wanted, note)
    return event


def record_arrival(order: Order, *, user: str, at: datetime | None = None, note: str = "") -> None:
    """The first event of an order: it came in, as `new`."""
    when = at or utcnow()
    order.events.append(
        OrderEvent(from_status="", to_status=S.NEW.value, at=when, user=user, note=note)
    )
    order.status = S.NEW.value
    order.status_since = when


class MoveBatch:
    """Moves for a batch of orders, written in two statements when the batch ends.

    Printing a thousand waybills moves a thousand orders; through the ORM that bookkeeping cost
    more than drawing the labels. Each move is checked against TRANSITIONS as `move` checks
    it, the orders show their new state at once, and `write` stores the states and events.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self._states: list[dict] = []
        self._events: list[dict] = []

    def move(
        self,
        order: Order,
        wanted: Status,
        *,
        user: str,
        note: str = "",
        at: datetime | None = None,
    ) -> None:
        current = Status(order.status)
        if not can_move(current, wanted):
            raise IllegalTransition(order.order_no, LABELS[current], LABELS[Status(wanted)])

        when = at or utcnow()
        set_committed_value(order, "status", Status(wanted).value)
        set_committed_value(order, "status_since", when)
        if "events" in order.__dict__:
            # Read again when asked for, then with this batch's events.
            self.session.expire(order, ["events"])
        self._states.append({"moved_id": order.id, "new_status": Status(wanted).value, "at": when})
        self._events.append(
            {
                "order_id": order.id,
                "from_status": current.value,
                "to_status": Status(wanted).value,
                "at": when,
                "user": user,
                "note": note,
            }
        )
        log.debug("order %s: %s -> %s (%s)", order.order_no, current, wanted, note)

    def write(self) -> None:
        if not self._states:
            return
        orders = Order.__table__
        self.session.execute(
            update(orders)
            .where(orders.c.id == bindparam("moved_id"))
            .values(status=bindparam("new_status"), status_since=bindparam("at")),
            self._states,
        )
        self.session.execute(insert(OrderEvent), self._events)
        self._states.clear()
        self._events.clear()
