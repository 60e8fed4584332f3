"""The return state machine, and the step log every change writes.

requested → approved → in transit → received → inspected → refunded | exchanged, with
rejected reachable until money or goods have gone out. Goods that arrive unannounced may be
received straight from `requested`; the review then happens on the received return. Every
step, including those that keep the state (a linked order, a graded unit), is a
`ReturnEvent` with its time and user, which is what the window's detail shows.
"""

from __future__ import annotations

import logging
from enum import StrEnum

from app.db.models.returns import ReturnEvent, ReturnRequest
from app.db.types import utcnow
from app.returns.errors import IllegalReturnStep

log = logging.getLogger(__name__)


class ReturnState(StrEnum):
    REQUESTED = "requested"
    APPROVED = "approved"
    IN_TRANSIT = "in_transit"
    RECEIVED = "received"
    INSPECTED = "inspected"
    REFUNDED = "refunded"
    EXCHANGED = "exchanged"
    REJECTED = "rejected"


R = ReturnState
TRANSITIONS: dict[ReturnState, frozenset[ReturnState]] = {
    R.REQUESTED: frozenset({R.APPROVED, R.REJECTED, R.RECEIVED}),
    R.APPROVED: frozenset({R.IN_TRANSIT, R.RECEIVED, R.REJECTED}),
    R.IN_TRANSIT: frozenset({R.RECEIVED}),
    R.RECEIVED: frozenset({R.INSPECTED, R.REJECTED}),
    R.INSPECTED: frozenset({R.REFUNDED, R.EXCHANGED, R.REJECTED}),
    R.REFUNDED: frozenset(),
    R.EXCHANGED: frozenset(),
    R.REJECTED: frozenset(),
}

LABELS: dict[ReturnState, str] = {
    R.REQUESTED: "已申请",
    R.APPROVED: "已同意",
    R.IN_TRANSIT: "退回途中",
    R.RECEIVED: "已收货",
    R.INSPECTED: "已检验",
    R.REFUNDED: "已退款",
    R.EXCHANGED: "已换货",
    R.REJECTED: "已拒绝",
}

# Goods or money have left, so the return is closed.
CLOSED = frozenset({R.REFUNDED, R.EXCHANGED, R.REJECTED})


def label(state: str) -> str:
    return LABELS[ReturnState(state)]


def move_return(
    ret: ReturnRequest, wanted: ReturnState, *, action: str, user: str, note: str = ""
) -> ReturnEvent:
    """Move `ret` to `wanted` or raise `IllegalReturnStep`; the caller commits."""
    current = ReturnState(ret.state)
    if wanted not in TRANSITIONS[current]:
        raise IllegalReturnStep(ret.rma_no, LABELS[current], LABELS[wanted])

    when = utcnow()
    event = ReturnEvent(
        action=action,
        from_state=current.value,
        to_state=wanted.value,
        at=when,
        user=user,
        note=note,
    )
    ret.events.append(event)
    ret.state = wanted.value
    ret.state_since = when
    log.debug("return %s: %s -> %s (%s)", ret.rma_no, current, wanted, note)
    return event


def record_step(ret: ReturnRequest, *, action: str, user: str, note: str = "") -> ReturnEvent:
    """A step that keeps the state (linked, graded, shipping recorded, reviewed late)."""
    event = ReturnEvent(
        action=action,
        from_state=ret.state,
        to_state=ret.state,
        at=utcnow(),
        user=user,
        note=note,
    )
    ret.events.append(event)
    return event
