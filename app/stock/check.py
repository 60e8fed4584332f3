"""Proving the stored stock figures agree with the ledger they are derived from."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Product
from app.stock.ledger import StockFigures, all_figures, all_levels

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Difference:
    product_id: int
    sku: str
    ledger: StockFigures
    stored: StockFigures


@dataclass(frozen=True)
class CheckReport:
    products_checked: int
    differences: tuple[Difference, ...]
    # Products whose on hand is below zero by the ledger: a movement was posted wrongly.
    negative: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.differences and not self.negative


def check_stock(session: Session) -> CheckReport:
    """Recompute every product's figures from the ledger and compare with `stock_levels`."""
    ledger = all_figures(session)
    stored = all_levels(session)
    zero = StockFigures(0, 0)
    skus = {pid: sku for pid, sku in session.execute(select(Product.id, Product.sku))}

    differences = []
    for pid in sorted(set(ledger) | set(stored)):
        from_ledger, kept = ledger.get(pid, zero), stored.get(pid, zero)
        if from_ledger != kept:
            differences.append(Difference(pid, skus.get(pid, str(pid)), from_ledger, kept))
    negative = tuple(skus.get(pid, str(pid)) for pid, f in sorted(ledger.items()) if f.on_hand < 0)

    if differences:
        log.warning(
            "stock check: %d product(s) differ from the ledger: %s",
            len(differences),
            ", ".join(d.sku for d in differences),
        )
    return CheckReport(len(set(ledger) | set(stored)), tuple(differences), negative)
