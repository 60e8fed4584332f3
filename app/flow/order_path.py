"""One order's way through the flow: the steps it visited, when, for how long, by whom."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.db.engine import Database
from app.db.types import utcnow
from app.flow.visits import EventRow, Visit, visits_of
from app.orders.lookup import find_order
from app.orders.status import LABELS, Status


@dataclass(frozen=True)
class PathEvent:
    at: datetime
    from_label: str
    to_label: str
    user: str
    note: str


@dataclass(frozen=True)
class OrderPath:
    order_no: str
    platform: str
    recipient: str
    status: str
    status_label: str
    # The step the order waits in now; None once it is delivered or cancelled.
    current_step: str | None
    visits: tuple[Visit, ...]
    events: tuple[PathEvent, ...]
    now: datetime

    def visited(self) -> set[str]:
        """Steps the order went through, with the instant ones its states imply."""
        return passed_steps({v.step for v in self.visits})

    def visits_of(self, step: str) -> tuple[Visit, ...]:
        return tuple(v for v in self.visits if v.step == step)


# The main line of the flow, in order; preparation and backorder are the two stock branches.
CHAIN = (
    "intake",
    "paid",
    "verification",
    "confirmation",
    "stock_check",
    "stock_ok",
    ("preparation", "backorder"),
    "packaging",
    "packing",
    "quality",
    "qc_ok",
    "carrier",
    "waybill",
    "handover",
    "notice",
    "tracking",
    "feedback",
)


def _rank(step: str) -> int | None:
    for i, item in enumerate(CHAIN):
        if step == item or (isinstance(item, tuple) and step in item):
            return i
    return None


def passed_steps(timed: set[str]) -> set[str]:
    """Add the instant steps and decisions an order must have passed to reach its steps.

    Instant steps (stock check, packaging, carrier, waybill) have no state of their own, so an
    order that reached handover went through them; the "paid?" decision is passed once the
    order left verification. The stock branch not taken stays unmarked.
    """
    ranks = [r for r in (_rank(s) for s in timed) if r is not None]
    if not ranks:
        return set(timed)
    furthest = max(ranks)
    passed = set(timed)
    for item in CHAIN[:furthest]:
        if isinstance(item, str) and (item != "paid" or furthest > _rank("verification")):
            passed.add(item)
    return passed


def path_edges(path: OrderPath) -> set[tuple[str, str]]:
    """The arrows the order followed: the main line between passed steps, plus the loops."""
    passed = path.visited()
    line = sorted((s for s in passed if _rank(s) is not None), key=_rank)
    edges = set(zip(line, line[1:], strict=False))
    if len(path.visits_of("packing")) > 1:
        edges.add(("qc_ok", "packing"))
    if {"backorder", "preparation"} <= passed:
        edges |= {("backorder", "stock_check"), ("stock_ok", "preparation")}
    return edges


def order_path(
    db: Database, order_no: str, platform: str | None = None, *, now: datetime | None = None
) -> OrderPath:
    """Raises OrderNotFound (bad input) when there is no such order."""
    now = now or utcnow()
    with db.reading() as session:
        order = find_order(session, order_no, platform)
        rows = sorted(
            (
                EventRow(order.id, e.from_status, e.to_status, e.at, e.user, e.id)
                for e in order.events
            ),
            key=lambda e: (e.at, e.id),
        )
        visits = visits_of(rows, imported_at=order.imported_at, paid_at=order.paid_at, now=now)
        events = tuple(
            PathEvent(
                e.at,
                LABELS[Status(e.from_status)] if e.from_status else "",
                LABELS[Status(e.to_status)],
                e.user,
                e.note,
            )
            for e in sorted(order.events, key=lambda e: (e.at, e.id))
        )
        open_visits = [v for v in visits if v.open and v.step != "feedback"]
        return OrderPath(
            order_no=order.order_no,
            platform=order.platform,
            recipient=order.recipient,
            status=order.status,
            status_label=LABELS[Status(order.status)],
            current_step=open_visits[-1].step if open_visits else None,
            visits=tuple(visits),
            events=events,
            now=now,
        )
