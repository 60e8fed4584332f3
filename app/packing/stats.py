"""Scan counts per clerk for the day: throughput at the desk, wrong scans for the supervisor."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.config import desk_timezone
from app.db.models import OrderEvent, ScanEvent
from app.orders.status import Status


@dataclass(frozen=True)
class ClerkStats:
    user: str
    accepted_scans: int
    refused_scans: int
    units: int
    orders_packed: int

    @property
    def wrong_scan_rate(self) -> float:
        total = self.accepted_scans + self.refused_scans
        return self.refused_scans / total if total else 0.0


def start_of_desk_day(now: datetime | None = None) -> datetime:
    """Midnight of today in the desk's zone, as an aware time."""
    zone = desk_timezone()
    local = (now or datetime.now(UTC)).astimezone(zone)
    return datetime.combine(local.date(), time(0), tzinfo=zone)


def clerk_stats_since(session: Session, since: datetime | None = None) -> list[ClerkStats]:
    start = since or start_of_desk_day()
    scans = session.execute(
        select(
            ScanEvent.user,
            func.sum(case((ScanEvent.accepted.is_(True), 1), else_=0)),
            func.sum(case((ScanEvent.accepted.is_(False), 1), else_=0)),
            func.sum(case((ScanEvent.accepted.is_(True), ScanEvent.quantity), else_=0)),
        )
        .where(ScanEvent.at >= start)
        .group_by(ScanEvent.user)
    ).all()
    packed = dict(
        session.execute(
            select(OrderEvent.user, func.count(OrderEvent.id))
            .where(OrderEvent.to_status == Status.PACKED.value, OrderEvent.at >= start)
            .group_by(OrderEvent.user)
        ).all()
    )
    users = sorted({row[0] for row in scans} | set(packed))
    by_user = {row[0]: row for row in scans}
    result = []
    for user in users:
        row = by_user.get(user, (user, 0, 0, 0))
        result.append(
            ClerkStats(
                user,
                int(row[1] or 0),
                int(row[2] or 0),
                int(row[3] or 0),
                int(packed.get(user, 0)),
            )
        )
    return result
