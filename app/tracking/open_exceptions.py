"""How many tracking exceptions were open at a moment, whether or not anyone had looked.

The time rules (`app.tracking.rules`) store an exception only when something runs them: the
tracking window, `packdesk exceptions`, a tracking import. A report that counted the stored
rows alone showed 未结异常 0 until a clerk happened to open the queue. So the stored
exceptions open at the moment are counted, and the same rules are run as of that moment over
each parcel's state then, adding what they would have opened by that time.

Nothing is stored here: printing a report must not fill the clerk's queue behind their back,
and an exception stored now would carry the printing time as its opening time.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from app.db.models import Order, Shipment
from app.db.models.tracking import ParcelProgress, TrackingEvent, TrackingException
from app.orders.status import Status
from app.tracking.rules import ParcelState, raised_for_spell, time_rules, watched_parcels
from app.tracking.statuses import TrackStatus


def _state_at(
    session: Session, shipment: Shipment, progress: ParcelProgress | None, moment: datetime
) -> ParcelState:
    """The parcel as the rules would have seen it at `moment`: its last event before then."""
    state = ParcelState.of(progress)
    if state.last_event_at is None or state.last_event_at < moment:
        return state
    last = session.execute(
        select(TrackingEvent.status, TrackingEvent.at)
        .where(TrackingEvent.shipment_id == shipment.id, TrackingEvent.at < moment)
        .order_by(TrackingEvent.at.desc(), TrackingEvent.id.desc())
        .limit(1)
    ).first()
    if last is None:
        return ParcelState(None, None, state.expected_delivery)
    return ParcelState(TrackStatus(last.status), last.at, state.expected_delivery)


def _parcels_on_the_road(
    session: Session, moment: datetime
) -> list[tuple[Shipment, ParcelProgress | None]]:
    """The parcels `detect_exceptions` would have watched at `moment`: handed over by then
    and not delivered by then (an order delivered since was still shipped at the moment)."""
    rows = session.execute(
        watched_parcels(session, moment).where(
            Shipment.shipped_at < moment,
            or_(ParcelProgress.delivered_at.is_(None), ParcelProgress.delivered_at >= moment),
            or_(
                Order.status == Status.SHIPPED.value,
                and_(
                    Order.status == Status.DELIVERED.value,
                    ParcelProgress.delivered_at >= moment,
                ),
            ),
        )
    ).all()
    return [(shipment, progress) for shipment, progress in rows]


def open_exceptions_at(session: Session, moment: datetime) -> Counter[str]:
    """Per rule key, the exceptions open at `moment`: stored ones, and those the time rules
    would have opened by then that nobody has stored (or stored only later)."""
    earlier: dict[tuple[int, str], list[TrackingException]] = defaultdict(list)
    counts: Counter[str] = Counter()
    stored = session.scalars(select(TrackingException).where(TrackingException.opened_at < moment))
    for exc in stored:
        earlier[(exc.shipment_id, exc.rule)].append(exc)
        if exc.closed_at is None or exc.closed_at >= moment:
            counts[exc.rule] += 1

    for shipment, progress in _parcels_on_the_road(session, moment):
        state = _state_at(session, shipment, progress, moment)
        for rule, _detail, since in time_rules(session, shipment, state, moment):
            if not raised_for_spell(earlier[(shipment.id, rule)], since, moment):
                counts[rule] += 1
    return counts
