"""What the Stock window reads and triggers, each call its own session or transaction.

`ui/` never holds a session; it calls these with the `Database` and gets frozen snapshots.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app.config import current_user
from app.db.engine import Database
from app.db.models import Product, StockMove
from app.stock.forecast import Forecast, forecast_product
from app.stock.ledger import KIND_LABELS
from app.stock.listing import StockRow, list_stock
from app.stock.planning import refresh_planning
from app.stock.receiving import ReceiptView, receive_goods

HISTORY_ROWS = 200


@dataclass(frozen=True)
class MoveView:
    at: datetime
    kind: str
    kind_label: str
    on_hand_delta: int
    reserved_delta: int
    bin: str
    user: str
    reason: str


@dataclass(frozen=True)
class StockDetail:
    row: StockRow
    moves: tuple[MoveView, ...]
    forecast: Forecast


def stock_rows(db: Database, text: str = "", alerts_only: bool = False) -> list[StockRow]:
    with db.reading() as session:
        return list_stock(session, text, alerts_only=alerts_only)


def ledger_history(db: Database, product_id: int, limit: int = HISTORY_ROWS) -> list[MoveView]:
    """The newest ledger rows of one product, newest first."""
    with db.reading() as session:
        moves = session.scalars(
            select(StockMove)
            .where(StockMove.product_id == product_id)
            .order_by(StockMove.id.desc())
            .limit(limit)
        )
        return [
            MoveView(
                m.at,
                m.kind,
                KIND_LABELS.get(m.kind, m.kind),
                m.on_hand_delta,
                m.reserved_delta,
                m.bin,
                m.user,
                m.reason,
            )
            for m in moves
        ]


def stock_detail(db: Database, product_id: int) -> StockDetail:
    with db.reading() as session:
        sku = session.scalar(select(Product.sku).where(Product.id == product_id))
        row = next(r for r in list_stock(session, sku) if r.product_id == product_id)
        forecast = forecast_product(session, product_id)
    return StockDetail(row, tuple(ledger_history(db, product_id)), forecast)


def refresh_plans(db: Database) -> int:
    """Recompute ABC classes and forecasts for every product (a few seconds on 10k)."""
    with db.transaction() as session:
        return refresh_planning(session)


def receive(
    db: Database, sku: str, quantity: int, unit: str | None, bin_code: str | None
) -> ReceiptView:
    """Goods in from the window; the caller may print the slip from the returned view."""
    with db.transaction() as session:
        return receive_goods(
            session, sku, quantity, unit=unit or None, bin=bin_code or None, user=current_user()
        )


def receipt_slip_pdf(receipt: ReceiptView) -> bytes:
    from app.documents.receipt_slip import render_receipt_slip

    return render_receipt_slip([receipt])
