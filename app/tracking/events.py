"""Recording tracking events, by hand, by scanner or from an import, and reading a timeline.

Every event updates the parcel's `ParcelProgress` (last status, last event time) so the
exception rules can run over parcels rather than events. A delivered parcel moves its order
from shipped to delivered once every parcel of the order has arrived.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import current_user, desk_timezone
from app.db.engine import Database
from app.db.models import Order, Shipment
from app.db.models.tracking import ParcelProgress, TrackingEvent, TrackingException
from app.db.types import utcnow
from app.orders.status import Status, move
from app.tracking.parcels import find_parcel, parse_time
from app.tracking.rules import check_event
from app.tracking.statuses import LABELS, TrackStatus, parse_status

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class EventView:
    at: datetime
    status: str
    status_label: str
    raw_status: str
    location: str
    source: str
    note: str
    user: str


@dataclass(frozen=True)
class TimelineView:
    """One parcel with its events, oldest first."""

    tracking_no: str
    carrier: str
    order_no: str
    recipient: str
    shipped_at: datetime | None
    expected_delivery: date | None
    last_status: str
    events: tuple[EventView, ...]


def progress_of(session: Session, shipment: Shipment) -> ParcelProgress:
    progress = session.get(ParcelProgress, shipment.id)
    if progress is None:
        progress = ParcelProgress(shipment_id=shipment.id)
        session.add(progress)
    return progress


def _deliver_order(session: Session, shipment: Shipment, user: str, at: datetime) -> None:
    order = session.get(Order, shipment.order_id)
    if order.status != Status.SHIPPED.value:
        log.info("order %s is %s, not shipped: delivery noted only", order.order_no, order.status)
        return

    shipped = session.scalars(
        select(Shipment.id).where(Shipment.order_id == order.id, Shipment.shipped_at.is_not(None))
    ).all()
    delivered = session.scalars(
        select(ParcelProgress.shipment_id).where(
            ParcelProgress.shipment_id.in_(shipped), ParcelProgress.delivered_at.is_not(None)
        )
    ).all()
    if set(shipped) <= set(delivered):
        move(order, Status.DELIVERED, user=user, at=at, note=f"签收 {shipment.tracking_no}")


def _close_on_delivery(session: Session, shipment: Shipment, at: datetime) -> None:
    """A delivered parcel needs nobody any more; its open exceptions close with that outcome."""
    when = at.astimezone(desk_timezone()).strftime("%Y-%m-%d %H:%M")
    for exc in session.scalars(
        select(TrackingException).where(
            TrackingException.shipment_id == shipment.id, TrackingException.closed_at.is_(None)
        )
    ):
        exc.closed_at, exc.closed_by = utcnow(), "system"
        exc.outcome = f"包裹已于 {when} 签收（自动关闭）"
        log.info("exception %s closed: parcel %s delivered", exc.id, shipment.tracking_no)


def record_event(
    session: Session,
    shipment: Shipment,
    status: TrackStatus,
    at: datetime,
    *,
    raw_status: str = "",
    location: str = "",
    source: str = "manual",
    source_file: str = "",
    note: str = "",
    user: str = "",
) -> TrackingEvent | None:
    """Store one event; None when the same line (time and text) is already there."""
    raw = raw_status or LABELS[status]
    exists = session.scalars(
        select(TrackingEvent.id).where(
            TrackingEvent.shipment_id == shipment.id,
            TrackingEvent.at == at,
            TrackingEvent.raw_status == raw,
        )
    ).first()
    if exists is not None:
        return None

    event = TrackingEvent(
        shipment_id=shipment.id,
        status=status.value,
        raw_status=raw,
        location=location,
        at=at,
        source=source,
        source_file=source_file,
        note=note,
        user=user,
    )
    session.add(event)

    progress = progress_of(session, shipment)
    if progress.last_event_at is None or at >= progress.last_event_at:
        progress.last_status, progress.last_event_at = status.value, at
    if status is TrackStatus.DELIVERED and progress.delivered_at is None:
        progress.delivered_at = at
        session.flush()
        _deliver_order(session, shipment, user, at)
        _close_on_delivery(session, shipment, at)

    check_event(session, shipment, status, at)
    return event


def add_event(
    db: Database,
    tracking_no: str,
    status_text: str,
    *,
    at: str | datetime | None = None,
    note: str = "",
    source: str = "manual",
    user: str | None = None,
) -> EventView | None:
    """A clerk types (or scans) an event for a parcel; None if it was already recorded."""
    with db.transaction() as session:
        shipment = find_parcel(session, tracking_no)
        status = parse_status(session, status_text)
        when = parse_time(at, "--at") if at is not None else utcnow()
        event = record_event(
            session,
            shipment,
            status,
            when,
            raw_status=status_text.strip(),
            source=source,
            note=note,
            user=user or current_user(),
        )
        if event is None:
            return None
        log.info("tracking %s: %s event %s by hand", tracking_no, source, status.value)
        return _view(event)


def scan_delivery_receipt(db: Database, raw_code: str, user: str | None = None) -> EventView:
    """A signed delivery receipt (回单) scanned at the desk: the parcel counts as delivered."""
    result = add_event(
        db, raw_code, LABELS[TrackStatus.DELIVERED], source="scan", note="回单扫描", user=user
    )
    if result is None:
        with db.reading() as session:
            return timeline(session, raw_code).events[-1]
    return result


def _view(event: TrackingEvent) -> EventView:
    status = TrackStatus(event.status)
    return EventView(
        event.at,
        status.value,
        LABELS[status],
        event.raw_status,
        event.location,
        event.source,
        event.note,
        event.user,
    )


def timeline(session: Session, tracking_no: str) -> TimelineView:
    shipment = find_parcel(session, tracking_no)
    order = session.get(Order, shipment.order_id)
    progress = session.get(ParcelProgress, shipment.id)
    events = session.scalars(
        select(TrackingEvent)
        .where(TrackingEvent.shipment_id == shipment.id)
        .order_by(TrackingEvent.at, TrackingEvent.id)
    ).all()
    last = progress.last_status if progress else ""
    return TimelineView(
        tracking_no=shipment.tracking_no or "",
        carrier=shipment.carrier,
        order_no=order.order_no,
        recipient=order.recipient,
        shipped_at=shipment.shipped_at,
        expected_delivery=progress.expected_delivery if progress else None,
        last_status=LABELS[TrackStatus(last)] if last else "",
        events=tuple(_view(e) for e in events),
    )
