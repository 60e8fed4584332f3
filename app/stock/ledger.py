"""Posting movements to the stock ledger and reading figures from it.

`post_move` is the only way stock changes: every caller (receiving, reserving, packing,
returns, counts) goes through it, so the ledger is complete by construction. It also keeps
`stock_levels`, the running totals of the ledger, in step in the same transaction; that is
what lets a reservation be one conditional UPDATE, so that two desks reserving the last unit
can never both win (the database serialises the two UPDATEs, and the second one finds the
condition false). `packdesk stock check` recomputes the totals from the ledger and compares.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from app.config import current_user
from app.db.models import Product, StockMove
from app.db.models.stock_control import Bin, StockLevel
from app.stock.errors import BinBlocked, InsufficientStock

log = logging.getLogger(__name__)

# receipt: goods in from a supplier; reserve/release: promised to an order line or no longer;
# pick: taken from the bin; ship: handed to the carrier; return: back from a customer;
# adjust: a correction with a reason; count: a cycle count's approved difference.
KINDS = frozenset({"receipt", "reserve", "release", "pick", "ship", "return", "adjust", "count"})

KIND_LABELS = {
    "receipt": "入库",
    "reserve": "预留",
    "release": "释放",
    "pick": "拣货",
    "ship": "发货",
    "return": "退货入库",
    "adjust": "调整",
    "count": "盘点",
}


@dataclass(frozen=True)
class StockFigures:
    on_hand: int
    reserved: int

    @property
    def available(self) -> int:
        return self.on_hand - self.reserved


def post_move(
    session: Session,
    *,
    product_id: int,
    kind: str,
    on_hand_delta: int = 0,
    reserved_delta: int = 0,
    reason: str = "",
    order_id: int | None = None,
    order_line_id: int | None = None,
    bin: str = "",
    user: str | None = None,
    at: datetime | None = None,
    only_if_available: bool = False,
) -> StockMove:
    """Write one ledger row and move the running totals with it.

    With `only_if_available`, the reservation part (`reserved_delta`) is taken only if that
    many units are still available at the moment of the UPDATE; otherwise `InsufficientStock`
    is raised and nothing is written. Physical movements (on-hand changes other than a
    count) in a bin that is being counted raise `BinBlocked`.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown stock movement kind {kind!r}")

    product_bin = bin or _product_bin(session, product_id)
    if on_hand_delta and kind != "count":
        _refuse_if_blocked(session, product_bin)

    _apply_to_level(
        session, product_id, int(on_hand_delta), int(reserved_delta), only_if_available
    )

    move = StockMove(
        product_id=product_id,
        kind=kind,
        on_hand_delta=int(on_hand_delta),
        reserved_delta=int(reserved_delta),
        reason=reason,
        order_id=order_id,
        order_line_id=order_line_id,
        bin=product_bin,
        user=user or current_user(),
    )
    if at is not None:
        move.at = at
    session.add(move)
    if kind in {"adjust", "count", "receipt"}:
        log.info("stock %s of product %s: %+d (%s)", kind, product_id, on_hand_delta, reason)
    return move


def _product_bin(session: Session, product_id: int) -> str:
    return session.scalar(select(Product.bin).where(Product.id == product_id)) or ""


def _refuse_if_blocked(session: Session, bin_code: str) -> None:
    if not bin_code:
        return
    count_id = session.scalar(select(Bin.blocked_by_count_id).where(Bin.code == bin_code))
    if count_id is not None:
        raise BinBlocked(bin_code, count_id)


def _apply_to_level(
    session: Session, product_id: int, on_hand_delta: int, reserved_delta: int, guarded: bool
) -> None:
    """Move the cached totals; with `guarded`, only when the reservation still fits."""
    statement = (
        update(StockLevel)
        .where(StockLevel.product_id == product_id)
        .values(
            on_hand=StockLevel.on_hand + on_hand_delta,
            reserved=StockLevel.reserved + reserved_delta,
        )
        .execution_options(synchronize_session=False)
    )
    if guarded:
        statement = statement.where(
            StockLevel.on_hand + on_hand_delta - StockLevel.reserved >= reserved_delta
        )
    if session.execute(statement).rowcount == 1:
        return

    if level(session, product_id) is None:
        _create_level(session, product_id)
    if session.execute(statement).rowcount == 1:
        return

    # Only a guarded UPDATE can miss a row that exists: the reservation does not fit.
    _raise_insufficient(session, product_id, reserved_delta, level(session, product_id).available)


# Inserts that skip a row whose key already exists, so that two desks creating the same
# running-total row at once both go on: the second waits for the first and then inserts nothing.
_INSERT_OR_SKIP = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}


def _create_level(session: Session, product_id: int) -> None:
    """Start the running totals of a product from its ledger, the first time it moves.

    The UPDATE in `_apply_to_level` then applies this movement, on this row or on the one
    another desk created a moment earlier.
    """
    start = figures(session, product_id)
    make_insert = _INSERT_OR_SKIP.get(session.get_bind().dialect.name)
    values = {"product_id": product_id, "on_hand": start.on_hand, "reserved": start.reserved}
    if make_insert is None:
        # TODO: other databases get a plain INSERT, which fails for the second of two desks
        # creating the same row at once; only SQLite and PostgreSQL are supported so far.
        session.execute(insert(StockLevel).values(**values))
        return
    statement = make_insert(StockLevel).values(**values)
    session.execute(statement.on_conflict_do_nothing(index_elements=["product_id"]))


def _raise_insufficient(session: Session, product_id: int, wanted: int, available: int) -> None:
    sku = session.scalar(select(Product.sku).where(Product.id == product_id)) or ""
    raise InsufficientStock(product_id, sku, wanted, available)


def level(session: Session, product_id: int) -> StockFigures | None:
    """The running totals of one product (None when it never moved), read fresh."""
    row = session.execute(
        select(StockLevel.on_hand, StockLevel.reserved).where(StockLevel.product_id == product_id)
    ).first()
    return None if row is None else StockFigures(int(row[0]), int(row[1]))


def figures(session: Session, product_id: int) -> StockFigures:
    """On hand and reserved of one product, summed from the ledger itself."""
    on_hand, reserved = session.execute(
        select(
            func.coalesce(func.sum(StockMove.on_hand_delta), 0),
            func.coalesce(func.sum(StockMove.reserved_delta), 0),
        ).where(StockMove.product_id == product_id)
    ).one()
    return StockFigures(int(on_hand), int(reserved))


def all_figures(session: Session) -> dict[int, StockFigures]:
    """Figures for every product that has moved, from one grouped query over the ledger."""
    rows = session.execute(
        select(
            StockMove.product_id,
            func.sum(StockMove.on_hand_delta),
            func.sum(StockMove.reserved_delta),
        ).group_by(StockMove.product_id)
    )
    return {pid: StockFigures(int(oh), int(rs)) for pid, oh, rs in rows}


def all_levels(session: Session) -> dict[int, StockFigures]:
    """The running totals of every product that has moved (the fast path for lists)."""
    rows = session.execute(select(StockLevel.product_id, StockLevel.on_hand, StockLevel.reserved))
    return {pid: StockFigures(int(oh), int(rs)) for pid, oh, rs in rows}
