"""Verifying orders: run every rule, replace the old findings, and hold or pass each order.

Orders are verified in chunks of `CHUNK`, one transaction per chunk: 100,000 orders never sit
in memory at once, the window's progress bar moves, and the scanning desks (which write to the
same SQLite file) wait at most one chunk for the write lock, not the whole run. An order's
findings, fields and state change together or not at all. A rule a supervisor released for an
order stays released when the order is verified again: its finding is kept as information with
the supervisor's reason.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.config import current_user
from app.db.engine import Database
from app.db.models import Finding, Order
from app.db.models.verification import HoldRelease
from app.db.types import utcnow
from app.intake.bulk import bulk_insert
from app.orders.status import Status
from app.verification.batch import OrderRecord, load_orders, move_record, save_orders
from app.verification.context import VerifyContext, load_context
from app.verification.issues import HOLD, INFO, Issue
from app.verification.rules import run_rules

log = logging.getLogger(__name__)

CHUNK = 1000
VERIFIABLE = (Status.NEW.value, Status.HELD.value)
FINDING_COLUMNS = ("order_id", "rule", "field", "reason", "severity", "created_at")
REVERIFIABLE = (Status.NEW.value, Status.HELD.value, Status.VERIFIED.value)


@dataclass(frozen=True)
class OrderOutcome:
    order_no: str
    status: str
    holds: tuple[str, ...]


@dataclass(frozen=True)
class VerifyReport:
    checked: int = 0
    verified: int = 0
    held: int = 0
    # Order numbers asked for but not in a state that can be verified (packed, shipped ...).
    skipped: tuple[str, ...] = ()
    # rule -> number of holding findings
    holds_by_rule: dict[str, int] = field(default_factory=dict)
    outcomes: tuple[OrderOutcome, ...] = ()


def _released(session: Session, order_ids: list[int]) -> dict[int, dict[str, str]]:
    rows = session.execute(
        select(HoldRelease.order_id, HoldRelease.rule, HoldRelease.reason, HoldRelease.user).where(
            HoldRelease.order_id.in_(order_ids)
        )
    )
    released: dict[int, dict[str, str]] = {}
    for order_id, rule, reason, user in rows:
        released.setdefault(order_id, {})[rule] = f"{user}：{reason}"
    return released


def apply_releases(issues: list[Issue], released: dict[str, str]) -> list[Issue]:
    """`issues` with every hold a supervisor released turned into information."""
    if not released:
        return issues
    kept = []
    for issue in issues:
        if issue.severity == HOLD and (issue.rule in released or "*" in released):
            note = released.get(issue.rule) or released["*"]
            issue = replace(issue, severity=INFO, reason=f"{issue.reason}（主管已放行 {note}）")
        kept.append(issue)
    return kept


def verify_loaded(
    session: Session, orders: list[OrderRecord], ctx: VerifyContext, user: str, report: dict
) -> None:
    """Run the rules on loaded orders; findings are replaced with bulk statements.

    The orders are plain records from `app.verification.batch`; findings are never loaded,
    only deleted and inserted in bulk.
    """
    ids = [o.id for o in orders]
    released = _released(session, ids)
    finding_rows: list[tuple] = []
    now = utcnow()
    for order in orders:
        issues = apply_releases(run_rules(order, ctx), released.get(order.id, {}))
        finding_rows.extend((order.id, i.rule, i.field, i.reason, i.severity, now) for i in issues)
        holds = tuple(i.reason for i in issues if i.severity == HOLD)
        wanted = Status.HELD if holds else Status.VERIFIED
        if order.status != wanted.value:
            move_record(order, wanted, user=user, note="审核未通过" if holds else "审核", at=now)
        report["held" if holds else "verified"] += 1
        report["by_rule"].update(i.rule for i in issues if i.severity == HOLD)
        report["outcomes"].append(OrderOutcome(order.order_no, order.status, holds))

    findings = Finding.__table__
    session.execute(delete(findings).where(findings.c.order_id.in_(ids)))
    bulk_insert(session, findings, FINDING_COLUMNS, finding_rows)


def verify_orders(
    db: Database,
    order_nos: list[str] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> VerifyReport:
    """Verify the given orders (any open state up to verified), or every new and held order."""
    user = current_user()
    report = {"held": 0, "verified": 0, "by_rule": Counter(), "outcomes": []}
    skipped: list[str] = []
    with db.reading() as session:
        query = select(Order.id, Order.order_no, Order.status)
        if order_nos:
            query = query.where(Order.order_no.in_([n.strip() for n in order_nos]))
            rows = session.execute(query).all()
            found = {r.order_no for r in rows}
            skipped = [n for n in order_nos if n.strip() not in found]
            skipped += [r.order_no for r in rows if r.status not in REVERIFIABLE]
            ids = [r.id for r in rows if r.status in REVERIFIABLE]
        else:
            orders = Order.__table__
            query = select(orders.c.id).where(orders.c.status.in_(VERIFIABLE))
            ids = list(session.connection().execute(query.order_by(orders.c.id)).scalars())
        ctx = load_context(session)

    total = len(ids)
    for start in range(0, total, CHUNK):
        with db.transaction() as session:
            loaded = load_orders(session, ids[start : start + CHUNK], REVERIFIABLE)
            verify_loaded(session, loaded.orders, ctx, user, report)
            save_orders(session, loaded)
        if on_progress is not None:
            on_progress(min(start + CHUNK, total), total)

    log.info("verified %s orders: %s passed, %s held", total, report["verified"], report["held"])
    return VerifyReport(
        total,
        report["verified"],
        report["held"],
        tuple(skipped),
        dict(report["by_rule"]),
        tuple(report["outcomes"]),
    )
