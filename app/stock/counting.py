"""Cycle counts: which bins are due, counting by scanning, variances, approved adjustments.

How often a product is counted follows its ABC class (A monthly, B quarterly, C yearly by
default; setting `stock.count_interval_days`). A bin is counted as a whole: opening a count
blocks the bin, so no goods move in or out while people count (`post_move` refuses with
`BinBlocked`), and the expected figures stay true. Reservations may still be made, because
they do not move goods. The difference is written to the ledger only when a supervisor
(another person than the one who opened the count) approves it with a reason.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app import settings_checks
from app.db.models import Product
from app.db.models.stock_control import Bin, CycleCount, CycleCountLine, StockPlan
from app.db.types import utcnow
from app.errors import BadInput
from app.stock.errors import BinBlocked, MissingReason, NeedsApproval, UnknownSku
from app.stock.figures import stock_of
from app.stock.ledger import post_move
from app.stock.receiving import ensure_bin

log = logging.getLogger(__name__)

DEFAULT_INTERVALS = {"A": 30, "B": 91, "C": 365}


@dataclass(frozen=True)
class CountLineView:
    product_id: int
    sku: str
    name: str
    barcode: str
    expected: int
    counted: int
    scanned: bool

    @property
    def variance(self) -> int:
        return self.counted - self.expected


@dataclass(frozen=True)
class CountView:
    count_id: int
    bin: str
    state: str
    created_by: str
    lines: tuple[CountLineView, ...]


def count_intervals(session: Session) -> dict[str, int]:
    return DEFAULT_INTERVALS | settings_checks.read(session, "stock.count_interval_days", {})


def due_bins(session: Session, now: datetime | None = None) -> list[str]:
    """Bins holding at least one product whose class interval has passed since its count."""
    now = now or utcnow()
    intervals = count_intervals(session)
    rows = session.execute(
        select(Product.bin, StockPlan.abc_class, StockPlan.last_counted_at)
        .outerjoin(StockPlan, StockPlan.product_id == Product.id)
        .where(Product.bin != "")
    )
    due = set()
    for bin_code, abc, last in rows:
        days = intervals.get(abc or "C", intervals["C"])
        if last is None or now - last >= timedelta(days=days):
            due.add(bin_code)
    return sorted(due)


def _view(session: Session, count: CycleCount) -> CountView:
    rows = session.execute(
        select(CycleCountLine, Product)
        .join(Product, Product.id == CycleCountLine.product_id)
        .where(CycleCountLine.count_id == count.id)
        .order_by(Product.sku)
    )
    lines = tuple(
        CountLineView(
            p.id, p.sku, p.name, p.barcode or "", line.expected, line.counted, line.scanned
        )
        for line, p in rows
    )
    return CountView(count.id, count.bin, count.state, count.created_by, lines)


def start_count(session: Session, bin_code: str, *, user: str) -> CountView:
    """Open a count on the bin, listing what should be there, and block the bin."""
    place = ensure_bin(session, bin_code)
    if place.blocked_by_count_id is not None:
        raise BinBlocked(bin_code, place.blocked_by_count_id)
    count = CycleCount(bin=bin_code, state="open", created_by=user)
    session.add(count)
    session.flush()
    for product in session.scalars(select(Product).where(Product.bin == bin_code)):
        session.add(
            CycleCountLine(
                count_id=count.id,
                product_id=product.id,
                expected=stock_of(session, product.id).on_hand,
            )
        )
    place.blocked_by_count_id = count.id
    session.flush()
    log.info("count %d opened on bin %s by %s", count.id, bin_code, user)
    return _view(session, count)


def _open_count(session: Session, count_id: int) -> CycleCount:
    count = session.get(CycleCount, count_id)
    if count is None or count.state != "open":
        raise BadInput(f"盘点单 {count_id} 不存在或已结束")
    return count


def scan_count(session: Session, count_id: int, code: str, quantity: int = 1) -> CountLineView:
    """One scan of a barcode (or SKU) adds `quantity` pieces to that product's count."""
    count = _open_count(session, count_id)
    code = code.strip()
    product = session.scalar(
        select(Product).where(or_(Product.barcode == code, Product.sku == code))
    )
    if product is None:
        raise UnknownSku(code)
    line = session.scalar(
        select(CycleCountLine).where(
            CycleCountLine.count_id == count.id, CycleCountLine.product_id == product.id
        )
    )
    if line is None:
        # Found in the bin though the system had it elsewhere: count it here too.
        line = CycleCountLine(
            count_id=count.id,
            product_id=product.id,
            expected=stock_of(session, product.id).on_hand,
            counted=0,
        )
        session.add(line)
    line.counted += quantity
    line.scanned = True
    session.flush()
    return CountLineView(
        product.id,
        product.sku,
        product.name,
        product.barcode or "",
        line.expected,
        line.counted,
        True,
    )


def count_view(session: Session, count_id: int) -> CountView:
    return _view(session, session.get(CycleCount, count_id))


def approve_count(session: Session, count_id: int, *, supervisor: str, reason: str) -> CountView:
    """Write each variance to the ledger as a `count` movement, unblock the bin, close."""
    count = _open_count(session, count_id)
    if not supervisor or supervisor == count.created_by:
        raise NeedsApproval(f"盘点单 {count_id} 需要主管（非盘点人 {count.created_by}）审批")
    if not reason.strip():
        raise MissingReason(f"盘点单 {count_id} 调整")

    view = _view(session, count)
    for line in view.lines:
        difference = line.counted - stock_of(session, line.product_id).on_hand
        if difference:
            post_move(
                session,
                product_id=line.product_id,
                kind="count",
                on_hand_delta=difference,
                bin=count.bin,
                user=supervisor,
                reason=f"盘点单 {count_id}: {reason.strip()}",
            )
    now = utcnow()
    for plan_id in [line.product_id for line in view.lines]:
        plan = session.get(StockPlan, plan_id)
        if plan is None:
            plan = StockPlan(
                product_id=plan_id,
                category="",
                reorder_point=0,
                safety_stock=0,
                abc_class="",
                forecast_next_week=0,
            )
            session.add(plan)
        plan.last_counted_at = now

    count.state, count.approved_by, count.approved_at, count.reason = (
        "approved",
        supervisor,
        now,
        reason.strip(),
    )
    session.get(Bin, count.bin).blocked_by_count_id = None
    session.flush()
    log.info("count %d on bin %s approved by %s: %s", count_id, count.bin, supervisor, reason)
    return _view(session, count)


def cancel_count(session: Session, count_id: int, *, user: str) -> None:
    count = _open_count(session, count_id)
    count.state = "cancelled"
    session.get(Bin, count.bin).blocked_by_count_id = None
    log.info("count %d on bin %s cancelled by %s", count_id, count.bin, user)
