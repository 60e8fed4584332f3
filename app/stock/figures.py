"""On hand, reserved and available per product: the contract other steps read.

The ledger is the truth (`app.stock.ledger.figures`); lists read the running totals, which
`packdesk stock check` proves equal to it.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.stock.ledger import StockFigures, all_figures, all_levels, figures, level

__all__ = [
    "StockFigures",
    "all_figures",
    "all_levels",
    "available",
    "figures",
    "level",
    "stock_of",
]


def stock_of(session: Session, product_id: int) -> StockFigures:
    """Current figures of one product (zero when it never moved)."""
    return level(session, product_id) or figures(session, product_id)


def available(session: Session, product_id: int) -> int:
    return stock_of(session, product_id).available
