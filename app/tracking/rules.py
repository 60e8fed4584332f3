"""The exception rules: which parcels need a person before the customer has to ask.

Thresholds are site settings (hours or days), read on every run so a supervisor's change
applies at once. A rule never opens a second exception for the same parcel while one is open,
and not again for the same spell: a parcel closed as "carrier says it is moving" is flagged
again only after a newer event starts a new quiet spell.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app import settings_checks
from app.config import desk_timezone
from app.db.models import Order, Shipment
from app.db.models.tracking import ParcelProgress, TrackingException
from app.db.types import utcnow
from app.orders.status import Status
from app.tracking.statuses import TrackStatus

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Rule:
    key: str
    label: str
    # The setting holding the threshold, its default and unit; None for event rules.
    setting: str | None = None
    default: int = 0
    unit: str = ""


RULES: dict[str, Rule] = {
    r.key: r
    for r in (
        Rule("no_first_event", "交接后无揽收", "tracking.rules.no_first_event_hours", 24, "小时"),
        Rule("stalled", "运输中长时间无更新", "tracking.rules.stalled_hours", 48, "小时"),
        Rule("overdue", "超过预计送达日", "tracking.rules.overdue_grace_days", 0, "天"),
        Rule("refused", "客户拒收"),
        Rule("returned", "退回寄件人"),
        Rule("problem", "问题件"),
    )
}

EVENT_RULES = {
    TrackStatus.REFUSED: "refused",
    TrackStatus.RETURNED: "returned",
    TrackStatus.PROBLEM: "problem",
}
WATCH_DAYS = 30
MOVING = {TrackStatus.ACCEPTED, TrackStatus.IN_TRANSIT, TrackStatus.OUT_FOR_DELIVERY}


@dataclass(frozen=True)
class ParcelState:
    """What the time rules read of a parcel: its last carrier event and the promised date."""

    last_status: TrackStatus | None
    last_event_at: datetime | None
    expected_delivery: date | None

    @classmethod
    def of(cls, progress: ParcelProgress | None) -> ParcelState:
        if progress is None:
            return cls(None, None, None)
        last = TrackStatus(progress.last_status) if progress.last_status else None
        return cls(last, progress.last_event_at, progress.expected_delivery)


def threshold(session: Session, rule: str) -> int:
    spec = RULES[rule]
    return settings_checks.read(session, spec.setting, spec.default) if spec.setting else 0


def open_exception(
    session: Session,
    shipment: Shipment,
    rule: str,
    detail: str,
    since: datetime,
    now: datetime | None = None,
) -> TrackingException | None:
    """Open `rule` for the parcel unless it is open already or was raised for this spell."""
    earlier = session.scalars(
        select(TrackingException).where(
            TrackingException.shipment_id == shipment.id, TrackingException.rule == rule
        )
    ).all()
    if raised_for_spell(earlier, since):
        return None

    exception = TrackingException(
        shipment_id=shipment.id,
        order_id=shipment.order_id,
        rule=rule,
        detail=detail,
        opened_at=now or utcnow(),
    )
    session.add(exception)
    log.info("exception %s opened for parcel %s: %s", rule, shipment.tracking_no, detail)
    return exception


def raised_for_spell(
    earlier: Iterable[TrackingException], since: datetime, at: datetime | None = None
) -> bool:
    """True when one of the parcel's `earlier` exceptions of a rule is still open (at `at`,
    default now) or was opened during the spell that began at `since`: either way the rule
    has nothing new to open."""
    return any(
        e.closed_at is None or (at is not None and e.closed_at >= at) or e.opened_at >= since
        for e in earlier
    )


def check_event(
    session: Session, shipment: Shipment, status: TrackStatus, at: datetime
) -> TrackingException | None:
    """Refused, returned and problem events open their exception as soon as they arrive."""
    rule = EVENT_RULES.get(status)
    if rule is None:
        return None
    when = at.astimezone(desk_timezone()).strftime("%m-%d %H:%M")
    # Opened as of the event, so a report for that day counts it even if imported later.
    return open_exception(session, shipment, rule, f"{when} {RULES[rule].label}", at, at)


def time_rules(
    session: Session, shipment: Shipment, state: ParcelState, now: datetime
) -> list[tuple[str, str, datetime]]:
    """(rule, detail, start of the spell) for every time rule the parcel breaks at `now`."""
    found = []
    last_at, last = state.last_event_at, state.last_status

    hours = threshold(session, "no_first_event")
    if last_at is None and now - shipment.shipped_at > timedelta(hours=hours):
        found.append(("no_first_event", f"交接 {hours} 小时后仍无揽收记录", shipment.shipped_at))

    hours = threshold(session, "stalled")
    if last in MOVING and last_at and now - last_at > timedelta(hours=hours):
        quiet = int((now - last_at).total_seconds() // 3600)
        found.append(("stalled", f"已 {quiet} 小时无新的物流记录", last_at))

    due = state.expected_delivery
    grace = threshold(session, "overdue")
    if (
        due
        and last not in EVENT_RULES
        and now.astimezone(desk_timezone()).date() > due + (timedelta(days=grace))
    ):
        start = datetime.combine(
            due + timedelta(days=grace + 1), datetime.min.time(), desk_timezone()
        )
        found.append(("overdue", f"预计 {due.isoformat()} 送达，至今未签收", start))
    return found


def watched_parcels(session: Session, now: datetime) -> Select:
    """(Shipment, ParcelProgress or None) of the parcels handed over within the watch window;
    the caller adds which of them are still on the road."""
    # Parcels older than the window are history: without it, the first run after installing
    # would flag every parcel ever shipped as "no event".
    days = settings_checks.read(session, "tracking.rules.watch_days", WATCH_DAYS)
    return (
        select(Shipment, ParcelProgress)
        .outerjoin(ParcelProgress, ParcelProgress.shipment_id == Shipment.id)
        .join(Order, Order.id == Shipment.order_id)
        .where(Shipment.shipped_at >= now - timedelta(days=days))
    )


def detect_exceptions(session: Session, now: datetime | None = None) -> list[TrackingException]:
    """Run the time rules over every shipped parcel not yet delivered; returns the new ones."""
    now = now or utcnow()
    rows = session.execute(
        watched_parcels(session, now).where(
            ParcelProgress.delivered_at.is_(None), Order.status == Status.SHIPPED.value
        )
    ).all()

    opened = []
    for shipment, progress in rows:
        for rule, detail, since in time_rules(session, shipment, ParcelState.of(progress), now):
            exception = open_exception(session, shipment, rule, detail, since, now)
            if exception is not None:
                opened.append(exception)
    if opened:
        log.info("exception rules opened %d exceptions", len(opened))
    return opened
