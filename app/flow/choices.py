"""Timing the two choices made at the desk: the packaging and the carrier.

Neither has an order state of its own, so each is timed from the table that records it:
- packaging: from the order's move into packing (its first scan) until a box was chosen for
  one of its parcels (`parcel_states.box_chosen_at`, the earliest over the order's parcels);
- carrier: from the order's move into packed (quality passed) until its first carrier
  decision (`carrier_decisions.at`).
The clock starts at the LATEST move into that state at or before the choice, so a box chosen
again after a failed quality check is timed from the rework, not from the first scan. A
choice made before the order reached the state (a carrier picked during packing) counts as
0 s: it kept nobody waiting. An order in the state with no choice yet is waiting in the step.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.flow.extras import _table
from app.flow.visits import EventRow
from app.orders.status import Status

log = logging.getLogger(__name__)


def box_choices(session: Session, order_ids: set[int]) -> dict[int, datetime]:
    """The first box choice per order, for the orders given; empty without the tables."""
    states = _table(session, "parcel_states", "shipment_id", "box_chosen_at")
    shipments = _table(session, "shipments", "id", "order_id")
    if states is None or shipments is None:
        return {}
    query = (
        select(shipments.c.order_id, func.min(states.c.box_chosen_at))
        .join(states, states.c.shipment_id == shipments.c.id)
        .where(states.c.box_chosen_at.is_not(None), shipments.c.order_id.in_(order_ids))
        .group_by(shipments.c.order_id)
    )
    return dict(session.execute(query).all())


def carrier_choices(session: Session, order_ids: set[int]) -> dict[int, datetime]:
    """The first carrier decision per order, for the orders given; empty without the table."""
    decisions = _table(session, "carrier_decisions", "order_id", "at")
    if decisions is None:
        return {}
    query = (
        select(decisions.c.order_id, func.min(decisions.c.at))
        .where(decisions.c.order_id.in_(order_ids))
        .group_by(decisions.c.order_id)
    )
    return dict(session.execute(query).all())


def _entered(events: list[EventRow], state: Status, before: datetime) -> datetime | None:
    """The latest move into `state` at or before `before`."""
    times = [ev.at for ev in events if ev.to_status == state and ev.at <= before]
    return max(times) if times else None


def _since_last(events: list[EventRow], state: Status) -> datetime | None:
    """When the order, now in `state`, last moved into it."""
    times = [ev.at for ev in events if ev.to_status == state]
    return max(times) if times else None


def add_choice_times(
    session: Session,
    events_by_order: dict[int, list[EventRow]],
    status_of: dict[int, str],
    in_range,
    now: datetime,
    done: dict[str, list[float]],
    waiting: dict[str, list[tuple[int, float]]],
) -> None:
    """Add the packaging and carrier visits: finished ones by choice time, and waiting ones."""
    ids = set(events_by_order)
    for step, state, chosen in (
        ("packaging", Status.PACKING, box_choices(session, ids)),
        ("carrier", Status.PACKED, carrier_choices(session, ids)),
    ):
        for order_id, events in events_by_order.items():
            at = chosen.get(order_id)
            if at is not None:
                if in_range(at):
                    start = _entered(events, state, at)
                    seconds = (at - start).total_seconds() if start is not None else 0.0
                    done[step].append(seconds)
            elif status_of.get(order_id) == state:
                start = _since_last(events, state)
                if start is not None:
                    waiting[step].append((order_id, max(0.0, (now - start).total_seconds())))
