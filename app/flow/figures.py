"""The figures of the flow sheet for a date range: what waits where, and for how long.

Per step:
- in it now: orders whose latest visit of the step is still open (at `now`, whatever the range);
- passed through: visits that ended inside the range;
- median and p90 of the time spent, over those visits. The median is the middle value (mean of
  the two middle ones for an even count); p90 is the nearest-rank value, the smallest time that
  at least 90 % of the visits did not exceed;
- exceptions in the range: holds (for the step the order was held in), refused scans (packing),
  quality failures (quality: a packed parcel sent back to packing), late parcels (tracking
  longer than its target), failed shipping notices and orders whose notices have no address.
Packaging choice and carrier choice have no order state; app.flow.choices times them from
the box choice on the parcel and the carrier decision.
The slowest step is the one whose p90 over finished visits AND the ages of the orders still
waiting is furthest above its target: a jammed step has few finished visits, only waiting ones.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy.orm import Session

from app.config import desk_timezone
from app.db.engine import Database
from app.db.types import utcnow
from app.flow import extras, history
from app.flow.choices import add_choice_times
from app.flow.reasons import why_slow
from app.flow.steps import STEPS, TIMED_STEPS
from app.flow.targets import targets
from app.flow.visits import Visit, hold_step, visits_of
from app.orders.status import Status
from app.outbox.queue import NO_ADDRESS

S = Status

NOT_YET_COUNTED = (
    "选包装 = 开始扫描到选定箱子，选快递 = 质检通过到选定快递；"
    "退货、物流异常、投诉与质检记录来自各自模块的数据表（有则计入）"
)


@dataclass(frozen=True)
class StepFigures:
    key: str
    label: str
    kind: str
    # None where the figure does not apply to the step (shown as "—").
    in_now: int | None
    passed: int | None
    median_s: float | None
    p90_s: float | None
    exceptions: int
    # (kind in words, count), e.g. ("挂起", 3)
    exception_kinds: tuple[tuple[str, int], ...]
    target_h: float | None
    # p90 of finished and waiting times divided by the target; None without target or data.
    score: float | None
    # For decisions: how often the "no" branch was taken in the range.
    no_count: int | None = None


@dataclass(frozen=True)
class FlowFigures:
    start: datetime
    end: datetime
    now: datetime
    steps: tuple[StepFigures, ...]
    slowest: str | None
    why: str
    footnote: str = NOT_YET_COUNTED

    def step(self, key: str) -> StepFigures:
        return next(s for s in self.steps if s.key == key)


def day_range(first: date | None, last: date | None, now: datetime) -> tuple[datetime, datetime]:
    """Whole desk-zone days from `first` to `last` inclusive, as UTC instants [start, end)."""
    zone = desk_timezone()
    today = now.astimezone(zone).date()
    last = last or today
    first = first or last - timedelta(days=6)
    # In UTC, like every stored time: comparing two UTC datetimes is far cheaper than
    # comparing across zones, and the figures compare once per event.
    start = datetime.combine(first, time(), zone).astimezone(UTC)
    end = datetime.combine(last + timedelta(days=1), time(), zone).astimezone(UTC)
    return start, end


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def p90(values: list[float]) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[math.ceil(0.9 * len(ordered)) - 1]


def flow_figures(
    db: Database,
    first: date | None = None,
    last: date | None = None,
    *,
    now: datetime | None = None,
) -> FlowFigures:
    now = now or utcnow()
    start, end = day_range(first, last, now)
    with db.reading() as session:
        return _figures(session, start, end, now)


def _figures(session: Session, start: datetime, end: datetime, now: datetime) -> FlowFigures:
    facts, events_by_order = history.load_orders(session, start)

    def in_range(at: datetime | None) -> bool:
        return at is not None and start <= at < end

    done: dict[str, list[float]] = defaultdict(list)
    waiting: dict[str, list[tuple[int, float]]] = defaultdict(list)
    exceptions: dict[str, Counter] = defaultdict(Counter)
    transitions: Counter = Counter()
    goals = targets(session)

    for order_id, events in events_by_order.items():
        fact = facts[order_id]
        visits = visits_of(events, imported_at=fact.imported_at, paid_at=fact.paid_at, now=now)
        for visit in visits:
            if visit.open:
                waiting[visit.step].append((order_id, visit.seconds))
            elif in_range(visit.end):
                done[visit.step].append(visit.seconds)
        _count_events(events, in_range, exceptions, transitions)
        _count_late(visits, in_range, goals["tracking"], exceptions)

    for _reason in history.refused_scans(session, start, end):
        exceptions["packing"]["扫描拒绝"] += 1
    _notice_figures(history.shipping_notices(session), in_range, now, done, waiting, exceptions)
    statuses = {order_id: fact.status for order_id, fact in facts.items()}
    add_choice_times(session, events_by_order, statuses, in_range, now, done, waiting)
    no_counts = _other_tables(session, start, end, now, done, waiting, exceptions, transitions)

    rows = tuple(
        _step_row(step, done, waiting, exceptions, transitions, no_counts, goals) for step in STEPS
    )
    scored = [r for r in rows if r.score is not None]
    slowest = max(scored, key=lambda r: r.score).key if scored else None
    why = why_slow(session, slowest, rows, waiting, facts, start, end) if slowest else ""
    return FlowFigures(start, end, now, rows, slowest, why)


def _count_events(events, in_range, exceptions, transitions) -> None:
    for i, ev in enumerate(events):
        if not in_range(ev.at):
            continue
        transitions[(ev.from_status, ev.to_status)] += 1
        if ev.to_status == S.HELD and ev.from_status != S.HELD:
            exceptions[hold_step(events, i)]["挂起"] += 1
        if ev.to_status == S.PACKING and ev.from_status in (S.PACKED, S.LABELLED):
            exceptions["quality"]["质检不合格"] += 1


def _count_late(visits: list[Visit], in_range, target_h, exceptions) -> None:
    """A parcel is late when it has been in transit longer than the tracking target."""
    if target_h is None:
        return
    for visit in visits:
        counted = visit.open or in_range(visit.end)
        if visit.step == "tracking" and counted and visit.seconds > target_h * 3600:
            exceptions["tracking"]["超时包裹"] += 1


def _notice_figures(notices, in_range, now, done, waiting, exceptions) -> None:
    """Shipping notices per order: from queued at handover until the first one was sent.

    An order may get an SMS and an e-mail; it has been told once either went out. Failed
    sends are exceptions, one per message. A message kept for want of an address never goes
    out, so it does not wait; an order with nothing else to send is an exception instead.
    """
    by_order: dict[int | None, list] = defaultdict(list)
    unreachable: dict[int | None, datetime] = {}
    for notice in notices:
        if notice.state == NO_ADDRESS:
            unreachable[notice.order_id] = notice.created_at
            continue
        by_order[notice.order_id].append(notice)
        if notice.state == "failed" and in_range(notice.created_at):
            exceptions["notice"]["发送失败"] += 1
    for order_id, created in unreachable.items():
        if order_id not in by_order and in_range(created):
            exceptions["notice"]["无收件地址"] += 1
    for order_id, messages in by_order.items():
        queued = min(m.created_at for m in messages)
        sent = [m.sent_at for m in messages if m.sent_at is not None]
        if sent:
            if in_range(min(sent)):
                done["notice"].append((min(sent) - queued).total_seconds())
        else:
            waiting["notice"].append((order_id or 0, (now - queued).total_seconds()))


def _other_tables(session, start, end, now, done, waiting, exceptions, transitions):
    """Add what the packing, tracking and returns tables record; give the "no" counts.

    A quality failure may be recorded twice, as a failed check at the station and as the move
    back to packing; both describe the same rework, so the larger count is kept, not the sum.
    """
    extras.add_exceptions(session, start, end, exceptions)
    failed_checks = extras.quality_failures(session, start, end) or 0
    quality = exceptions["quality"]
    quality["质检不合格"] = max(quality["质检不合格"], failed_checks)
    if not quality["质检不合格"]:
        del quality["质检不合格"]
    rejected = extras.add_returns(session, start, end, now, done, waiting, exceptions)

    no_counts = {key: _no_count(key, transitions) for key in ("stock_ok", "qc_ok", "paid")}
    no_counts["qc_ok"] = max(no_counts["qc_ok"], failed_checks)
    no_counts["return_ok"] = rejected
    return no_counts


def _no_count(key: str, transitions: Counter) -> int:
    if key == "stock_ok":
        return sum(n for (a, b), n in transitions.items() if b == S.BACKORDERED and a != b)
    if key == "qc_ok":
        return sum(
            n
            for (a, b), n in transitions.items()
            if b == S.PACKING and a in (S.PACKED, S.LABELLED)
        )
    if key == "paid":
        return sum(n for (a, b), n in transitions.items() if b == S.HELD and a == S.NEW)
    return 0


def _instant_passes(key: str, transitions: Counter) -> int | None:
    """How many orders went through a step that happens inside one transition."""
    into = {
        "stock_check": lambda a, b: (
            a in (S.VERIFIED, S.BACKORDERED) and b in (S.CONFIRMED, S.BACKORDERED) and a != b
        ),
        "waybill": lambda a, b: a == S.PACKED and b in (S.LABELLED, S.SHIPPED),
        "feedback": lambda a, b: b == S.DELIVERED,
    }.get(key)
    if into is None:
        return None
    return sum(n for (a, b), n in transitions.items() if into(a, b))


def _step_row(step, done, waiting, exceptions, transitions, no_counts, goals) -> StepFigures:
    kinds = tuple(sorted(exceptions[step.key].items(), key=lambda kv: -kv[1]))
    common = {"key": step.key, "label": step.label, "kind": step.kind}
    if step.kind == "decision":
        return StepFigures(
            **common,
            in_now=None,
            passed=None,
            median_s=None,
            p90_s=None,
            exceptions=0,
            exception_kinds=(),
            target_h=None,
            score=None,
            no_count=no_counts.get(step.key),
        )
    counted = {
        "exceptions": sum(n for _k, n in kinds),
        "exception_kinds": kinds,
        "target_h": goals[step.key],
    }
    if step.key not in TIMED_STEPS:
        return StepFigures(
            **common,
            **counted,
            in_now=None,
            passed=_instant_passes(step.key, transitions),
            median_s=None,
            p90_s=None,
            score=None,
        )

    finished = done[step.key]
    ages = [seconds for _order, seconds in waiting[step.key]]
    target = goals[step.key]
    score = None
    if target and (finished or ages):
        score = p90(finished + ages) / (target * 3600)
    return StepFigures(
        **common,
        **counted,
        in_now=None if step.key == "intake" else len(ages),
        passed=len(finished),
        median_s=median(finished),
        p90_s=p90(finished),
        score=score,
    )


def last_change(db: Database) -> tuple[int, int, int]:
    """A cheap fingerprint of everything the figures read; the window polls it to refresh."""
    with db.reading() as session:
        return history.last_ids(session)
