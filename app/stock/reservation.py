"""Reserving stock for order lines, releasing it, and taking it out at handover.

Reservations are per order line and live in the ledger (`reserve`/`release` rows carrying the
line id), so what a line holds is a sum over its own rows. Reserving is idempotent: it tops a
line up to what it still needs, never beyond that and never beyond what is available, and if
a count has left fewer pieces on hand than are reserved it gives the excess back. So 10 on
hand, 5 reserved, a count to 3, and "reserve" three times leaves exactly 3 reserved.

Each top-up is one conditional UPDATE through `post_move(only_if_available=True)`: when two
desks race for the last unit, one UPDATE wins, the other finds too few available, re-reads,
and reports the line as backordered. On SQLite the reads before it run outside a transaction
and the UPDATE itself waits for the other desk's commit (busy timeout), so its condition is
checked against committed figures, never a stale snapshot.

Moving the order to CONFIRMED or BACKORDERED is the caller's job (the confirm service); this
module only reserves and reports.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.db.models import Order, OrderLine, Product, StockMove
from app.orders.status import Status
from app.stock.errors import InsufficientStock, OrderCancelled
from app.stock.ledger import StockFigures, figures, level, post_move
from app.stock.units import line_pieces

log = logging.getLogger(__name__)

# How often a top-up re-reads and tries again after losing a race for the same units.
RACE_RETRIES = 5


class LineState(StrEnum):
    RESERVED = "reserved"
    PARTLY_RESERVED = "partly_reserved"
    BACKORDERED = "backordered"
    SHIPPED = "shipped"
    NOT_STOCKED = "not_stocked"


STATE_LABELS = {
    LineState.RESERVED: "已预留",
    LineState.PARTLY_RESERVED: "部分预留",
    LineState.BACKORDERED: "缺货",
    LineState.SHIPPED: "已发货",
    LineState.NOT_STOCKED: "不占库存",
}


@dataclass(frozen=True)
class LineStock:
    """What one order line holds, in base pieces; `backordered` is what is still missing."""

    line_id: int
    line_no: int
    sku: str
    product_id: int | None
    ordered: int
    reserved: int
    shipped: int
    backordered: int
    state: LineState
    # How the last call changed the reservation (+ reserved now, - given back).
    changed: int = 0


@dataclass(frozen=True)
class ReservationResult:
    order_no: str
    lines: tuple[LineStock, ...]

    @property
    def complete(self) -> bool:
        return all(line.backordered == 0 for line in self.lines)

    @property
    def backordered(self) -> int:
        return sum(line.backordered for line in self.lines)

    def require_complete(self) -> None:
        """Raise `InsufficientStock` for the first line that could not be fully reserved."""
        for line in self.lines:
            if line.backordered and line.product_id is not None:
                have = line.reserved
                raise InsufficientStock(line.product_id, line.sku, line.ordered, have)


@dataclass(frozen=True)
class LineChange:
    line_no: int
    sku: str
    quantity: int


def assert_not_cancelled(order: Order) -> None:
    """Packing and handover call this first: a cancelled order's pick never leaves."""
    if order.status == Status.CANCELLED.value:
        raise OrderCancelled(order.order_no)


def line_holdings(session: Session, order: Order) -> dict[int, tuple[int, int]]:
    """(reserved, shipped) per order line id, summed from the ledger in one query."""
    shipped = case((StockMove.kind == "ship", -StockMove.on_hand_delta), else_=0)
    rows = session.execute(
        select(
            StockMove.order_line_id,
            func.coalesce(func.sum(StockMove.reserved_delta), 0),
            func.coalesce(func.sum(shipped), 0),
        )
        .where(StockMove.order_line_id.in_([line.id for line in order.lines]))
        .group_by(StockMove.order_line_id)
    )
    return {line_id: (int(r), int(s)) for line_id, r, s in rows}


def _current(session: Session, product_id: int) -> StockFigures:
    return level(session, product_id) or figures(session, product_id)


def _stocked_product(session: Session, product_id: int | None) -> bool:
    if product_id is None:
        return False
    return bool(session.scalar(select(Product.shippable).where(Product.id == product_id)))


def _describe(line: OrderLine, product_id, ordered, reserved, shipped, changed) -> LineStock:
    missing = max(ordered - reserved - shipped, 0)
    if shipped >= ordered:
        state = LineState.SHIPPED
    elif missing == 0:
        state = LineState.RESERVED
    elif reserved > 0:
        state = LineState.PARTLY_RESERVED
    else:
        state = LineState.BACKORDERED
    return LineStock(
        line.id,
        line.line_no,
        line.sku,
        product_id,
        ordered,
        reserved,
        shipped,
        missing,
        state,
        changed,
    )


def _top_up(
    session: Session, order: Order, line: OrderLine, product_id: int, need: int, user: str
) -> int:
    """Reserve up to `need` more for the line; return how many were reserved."""
    for _attempt in range(RACE_RETRIES):
        take = min(need, max(_current(session, product_id).available, 0))
        if take <= 0:
            return 0
        try:
            post_move(
                session,
                product_id=product_id,
                kind="reserve",
                reserved_delta=take,
                order_id=order.id,
                order_line_id=line.id,
                user=user,
                reason=f"订单 {order.order_no} 第 {line.line_no} 行",
                only_if_available=True,
            )
            return take
        except InsufficientStock:
            log.debug(
                "lost a race for product %s on order %s; retrying", product_id, order.order_no
            )
    return 0


def _excess(session: Session, product_id: int, line_reserved: int) -> int:
    """How much of this line's reservation exceeds what is physically on hand."""
    current = _current(session, product_id)
    return min(max(current.reserved - max(current.on_hand, 0), 0), line_reserved)


def _not_stocked(line: OrderLine, product_id: int | None, ordered: int) -> LineStock:
    """A line whose goods are not kept in stock (virtual, or not in the catalogue)."""
    return LineStock(
        line.id, line.line_no, line.sku, product_id, ordered, 0, 0, 0, LineState.NOT_STOCKED
    )


def reserve_order(session: Session, order: Order, user: str) -> ReservationResult:
    """Top every line up to what it needs, as far as stock allows; report each line."""
    assert_not_cancelled(order)
    holdings = line_holdings(session, order)
    results = []

    for line in order.lines:
        product_id, ordered = line_pieces(session, line)
        if not _stocked_product(session, product_id):
            results.append(_not_stocked(line, product_id, ordered))
            continue

        reserved, shipped = holdings.get(line.id, (0, 0))
        need = ordered - reserved - shipped
        give_back = max(-need, 0) + _excess(session, product_id, reserved)
        changed = 0
        if give_back > 0:
            post_move(
                session,
                product_id=product_id,
                kind="release",
                reserved_delta=-give_back,
                order_id=order.id,
                order_line_id=line.id,
                user=user,
                reason=f"订单 {order.order_no} 预留超出在库，退回",
            )
            changed = -give_back
        elif need > 0:
            changed = _top_up(session, order, line, product_id, need, user)

        results.append(_describe(line, product_id, ordered, reserved + changed, shipped, changed))

    result = ReservationResult(order.order_no, tuple(results))
    log.info(
        "reserved order %s: %s", order.order_no, ", ".join(f"{r.sku}:{r.state}" for r in results)
    )
    return result


def stock_of_order(session: Session, order: Order) -> ReservationResult:
    """The same per-line report as `reserve_order`, without changing anything."""
    holdings = line_holdings(session, order)
    results = []
    for line in order.lines:
        product_id, ordered = line_pieces(session, line)
        if not _stocked_product(session, product_id):
            results.append(_not_stocked(line, product_id, ordered))
            continue
        reserved, shipped = holdings.get(line.id, (0, 0))
        results.append(_describe(line, product_id, ordered, reserved, shipped, 0))
    return ReservationResult(order.order_no, tuple(results))


def release_order(session: Session, order: Order, user: str) -> list[LineChange]:
    """Give back everything the order's lines hold (on cancel, or before re-planning)."""
    holdings = line_holdings(session, order)
    released = []
    for line in order.lines:
        reserved, _shipped = holdings.get(line.id, (0, 0))
        if reserved <= 0:
            continue
        product_id, _ordered = line_pieces(session, line)
        post_move(
            session,
            product_id=product_id,
            kind="release",
            reserved_delta=-reserved,
            order_id=order.id,
            order_line_id=line.id,
            user=user,
            reason=f"订单 {order.order_no} 释放预留",
        )
        released.append(LineChange(line.line_no, line.sku, reserved))
    return released


def ship_order_stock(session: Session, order: Order, user: str) -> list[LineChange]:
    """At handover: what each line holds leaves the shelf (on hand -n, reserved -n).

    Only what was reserved ships; a line's backordered remainder stays open, so an order of
    15 with 10 in stock ships 10 and keeps a backorder of 5.
    """
    assert_not_cancelled(order)
    holdings = line_holdings(session, order)
    shipped = []
    for line in order.lines:
        reserved, _already = holdings.get(line.id, (0, 0))
        if reserved <= 0:
            continue
        product_id, _ordered = line_pieces(session, line)
        short = _excess(session, product_id, reserved)
        if short:
            # A count found fewer pieces than were promised: ship what exists, the rest
            # goes back to backorder rather than below zero.
            post_move(
                session,
                product_id=product_id,
                kind="release",
                reserved_delta=-short,
                order_id=order.id,
                order_line_id=line.id,
                user=user,
                reason=f"订单 {order.order_no} 盘点后在库不足，转缺货",
            )
            reserved -= short
            if reserved <= 0:
                continue
        post_move(
            session,
            product_id=product_id,
            kind="ship",
            on_hand_delta=-reserved,
            reserved_delta=-reserved,
            order_id=order.id,
            order_line_id=line.id,
            user=user,
            reason=f"订单 {order.order_no} 交接发货",
        )
        shipped.append(LineChange(line.line_no, line.sku, reserved))
    return shipped
