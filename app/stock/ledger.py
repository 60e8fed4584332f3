"""Posting movements to the stock ledger and reading figures from it.

`post_move` is the only way stock changes: every caller (receiving, packing, returns, counts)
goes through it, so the ledger is complete by construction.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.config import current_user
from app.db.models import StockMove

log = logging.getLogger(__name__)

KINDS = frozenset({"receipt", "reserve", "release", "pick", "ship", "return", "adjust", "count"})


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
) -> StockMove:
    if kind not in KINDS:
        raise ValueError(f"unknown stock movement kind {kind!r}")
    move = StockMove(
        product_id=product_id,
        kind=kind,
        on_hand_delta=int(on_hand_delta),
        reserved_delta=int(reserved_delta),
        reason=reason,
        order_id=order_id,
        order_line_id=order_line_id,
        bin=bin,
        user=user or current_user(),
    )
    session.add(move)
    if kind in {"adjust", "count"}:
        log.info("stock %s of product %s: %+d (%s)", kind, product_id, on_hand_delta, reason)
    return move


def figures(session: Session, product_id: int) -> StockFigures:
    on_hand, reserved = session.execute(
        select(
            func.coalesce(func.sum(StockMove.on_hand_delta), 0),
            func.coalesce(func.sum(StockMove.reserved_delta), 0),
        ).where(StockMove.product_id == product_id)
    ).one()
    return StockFigures(int(on_hand), int(reserved))


def all_figures(session: Session) -> dict[int, StockFigures]:
    """Figures for every product that has moved, from one grouped query."""
    rows = session.execute(
        select(
            StockMove.product_id,
            func.sum(StockMove.on_hand_delta),
            func.sum(StockMove.reserved_delta),
        ).group_by(StockMove.product_id)
    )
    return {pid: StockFigures(int(oh), int(rs)) for pid, oh, rs in rows}
