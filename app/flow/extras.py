"""Figures from the other steps' own tables: quality checks, overrides, tracking, returns.

These tables belong to the packing (issue 6), tracking (issue 10) and returns (issue 8) modules.
They are read by table name through the shared metadata, and only when the table and its
columns exist in the database, so the sheet still works on a database without them (it then
shows only what order states and scans record for those steps).
"""

from __future__ import annotations

import logging
from collections import Counter
from datetime import datetime

from sqlalchemy import Table, func, inspect, select
from sqlalchemy.orm import Session

from app.db.base import Base

log = logging.getLogger(__name__)

TRACKING_RULES = {
    "no_first_event": "无揽收",
    "stalled": "物流停滞",
    "overdue": "超过预计送达",
    "refused": "拒收",
    "returned": "退回寄件人",
    "problem": "问题件",
}
COMPLAINTS = {
    "delay": "投诉：延误",
    "damage": "投诉：破损",
    "wrong_item": "投诉：发错货",
    "missing_item": "投诉：少件",
    "courier": "投诉：快递服务",
    "other": "投诉：其他",
}
OVERRIDES = {
    "scan": ("packing", "扫描放行"),
    "box": ("packaging", "改选包装"),
    "weight": ("quality", "重量放行"),
}
RETURN_CLOSED = ("refunded", "exchanged", "rejected")


def _table(session: Session, name: str, *columns: str) -> Table | None:
    table = Base.metadata.tables.get(name)
    if table is None or any(c not in table.c for c in columns):
        return None
    if not inspect(session.connection()).has_table(name):
        return None
    return table


def quality_failures(session: Session, start: datetime, end: datetime) -> int | None:
    """Failed quality steps recorded at the packing station, or None without that table."""
    t = _table(session, "packing_steps", "step", "ok", "at")
    if t is None:
        return None
    query = select(func.count()).where(
        t.c.step == "qc", t.c.ok.is_(False), t.c.at >= start, t.c.at < end
    )
    return session.scalar(query) or 0


def add_exceptions(
    session: Session, start: datetime, end: datetime, exceptions: dict[str, Counter]
) -> None:
    """Overrides, tracking exceptions and complaints of the range, each on its step."""
    overrides = _table(session, "packing_overrides", "kind", "at")
    if overrides is not None:
        query = (
            select(overrides.c.kind, func.count())
            .where(overrides.c.at >= start, overrides.c.at < end)
            .group_by(overrides.c.kind)
        )
        for kind, n in session.execute(query):
            step, words = OVERRIDES.get(kind, ("packing", f"放行：{kind}"))
            exceptions[step][words] += n

    tracking = _table(session, "tracking_exceptions", "rule", "opened_at")
    if tracking is not None:
        query = (
            select(tracking.c.rule, func.count())
            .where(tracking.c.opened_at >= start, tracking.c.opened_at < end)
            .group_by(tracking.c.rule)
        )
        for rule, n in session.execute(query):
            exceptions["tracking"][TRACKING_RULES.get(rule, rule)] += n

    feedback = _table(session, "feedback", "category", "at")
    if feedback is not None:
        query = (
            select(feedback.c.category, func.count())
            .where(feedback.c.at >= start, feedback.c.at < end, feedback.c.category != "praise")
            .group_by(feedback.c.category)
        )
        for category, n in session.execute(query):
            exceptions["feedback"][COMPLAINTS.get(category, f"投诉：{category}")] += n


def add_returns(
    session: Session,
    start: datetime,
    end: datetime,
    now: datetime,
    done: dict[str, list[float]],
    waiting: dict[str, list[tuple[int, float]]],
    exceptions: dict[str, Counter],
) -> int | None:
    """Returns as a timed step: from the request until refunded, exchanged or rejected.

    Gives the number rejected in the range (the "no" of "return eligible?"), or None when the
    returns tables are absent.
    """
    returns = _table(session, "returns", "id", "state", "created_at", "order_id")
    events = _table(session, "return_events", "return_id", "to_state", "at")
    if returns is None or events is None:
        return None

    open_query = select(returns.c.order_id, returns.c.created_at).where(
        returns.c.state.not_in(RETURN_CLOSED)
    )
    for order_id, created in session.execute(open_query):
        waiting["returns"].append((order_id or 0, max(0.0, (now - created).total_seconds())))

    closed_query = (
        select(returns.c.created_at, events.c.at, events.c.to_state)
        .join(events, events.c.return_id == returns.c.id)
        .where(events.c.to_state.in_(RETURN_CLOSED), events.c.at >= start, events.c.at < end)
    )
    rejected = 0
    for created, closed_at, state in session.execute(closed_query):
        done["returns"].append(max(0.0, (closed_at - created).total_seconds()))
        rejected += state == "rejected"

    units = _table(session, "return_units", "expected", "received_at")
    if units is not None:
        query = select(func.count()).where(
            units.c.expected.is_(False), units.c.received_at >= start, units.c.received_at < end
        )
        unexpected = session.scalar(query) or 0
        if unexpected:
            exceptions["returns"]["意外收到的件"] += unexpected
    return rejected
