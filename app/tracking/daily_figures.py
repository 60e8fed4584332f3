"""The figures of the daily after-handover report, for one desk-zone day.

"Late" means still on the road at the end of the day although the date the customer was given
has passed; refused and returned parcels are counted as exceptions, not as late. Open
exceptions are those open at the end of the day (or now, for a day not over yet), so a report
printed the next morning shows what the evening shift left. They include those the rules
would have flagged by then although nobody had opened the exception queue.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.config import desk_timezone
from app.db.models import Shipment
from app.db.models.tracking import Compensation, Feedback, ParcelProgress
from app.db.types import utcnow
from app.tracking.compensation import CAUSES, totals_by_cause
from app.tracking.feedback import CATEGORIES, packing_patterns
from app.tracking.open_exceptions import open_exceptions_at
from app.tracking.rules import RULES

PATTERN_DAYS = 30


@dataclass(frozen=True)
class DailyFigures:
    day: date
    shipped: int
    shipped_by_carrier: tuple[tuple[str, int], ...]
    late_by_carrier: tuple[tuple[str, int], ...]
    open_exceptions: tuple[tuple[str, int], ...]
    feedback_by_category: tuple[tuple[str, int], ...]
    compensation_total: Decimal
    compensation_by_cause: tuple[tuple[str, Decimal], ...]
    # Packing complaints of the last PATTERN_DAYS days per clerk: (clerk, category, count).
    packing_patterns: tuple[tuple[str, str, int], ...] = ()

    @property
    def late(self) -> int:
        return sum(n for _, n in self.late_by_carrier)

    @property
    def open_exception_count(self) -> int:
        return sum(n for _, n in self.open_exceptions)


def day_bounds(day: date) -> tuple[datetime, datetime]:
    """The day's start and the next day's start, as aware times in the desk zone."""
    start = datetime.combine(day, time.min, desk_timezone())
    return start, start + timedelta(days=1)


def _shipped(session: Session, start: datetime, end: datetime) -> list[tuple[str, int]]:
    rows = session.execute(
        select(Shipment.carrier, func.count(Shipment.id))
        .where(Shipment.shipped_at >= start, Shipment.shipped_at < end)
        .group_by(Shipment.carrier)
        .order_by(Shipment.carrier)
    )
    return [(c, n) for c, n in rows]


def _late(session: Session, day: date, end: datetime) -> list[tuple[str, int]]:
    rows = session.execute(
        select(Shipment.carrier, func.count(Shipment.id))
        .join(ParcelProgress, ParcelProgress.shipment_id == Shipment.id)
        .where(
            Shipment.shipped_at < end,
            ParcelProgress.expected_delivery < day + timedelta(days=1),
            or_(ParcelProgress.delivered_at.is_(None), ParcelProgress.delivered_at >= end),
            ParcelProgress.last_status.not_in(("refused", "returned")),
        )
        .group_by(Shipment.carrier)
        .order_by(func.count(Shipment.id).desc(), Shipment.carrier)
    )
    return [(c, n) for c, n in rows]


def _open_exceptions(session: Session, moment: datetime) -> list[tuple[str, int]]:
    counts = open_exceptions_at(session, moment)
    return [(RULES[r].label, counts[r]) for r in RULES if counts[r]]


def _feedback(session: Session, start: datetime, end: datetime) -> list[tuple[str, int]]:
    rows = dict(
        session.execute(
            select(Feedback.category, func.count(Feedback.id))
            .where(Feedback.at >= start, Feedback.at < end)
            .group_by(Feedback.category)
        ).all()
    )
    return [(label, rows.get(code, 0)) for code, label in CATEGORIES.items()]


def daily_figures(session: Session, day: date, now: datetime | None = None) -> DailyFigures:
    start, end = day_bounds(day)
    # Today's report counts what is open now, not what the rules will flag by midnight.
    moment = min(end, now or utcnow())
    shipped = _shipped(session, start, end)
    by_cause = totals_by_cause(session, start, end)
    total = session.scalar(
        select(func.sum(Compensation.value)).where(
            Compensation.state == "approved", Compensation.at >= start, Compensation.at < end
        )
    )
    return DailyFigures(
        day=day,
        shipped=sum(n for _, n in shipped),
        shipped_by_carrier=tuple(shipped),
        late_by_carrier=tuple(_late(session, day, end)),
        open_exceptions=tuple(_open_exceptions(session, moment)),
        feedback_by_category=tuple(_feedback(session, start, end)),
        compensation_total=total or Decimal("0.00"),
        compensation_by_cause=tuple((CAUSES[c], v) for c, v in by_cause.items()),
        packing_patterns=tuple(
            (p.clerk, p.category_label, p.count)
            for p in packing_patterns(session, end - timedelta(days=PATTERN_DAYS), end)
        ),
    )
