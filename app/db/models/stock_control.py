"""Inventory control around the ledger: cached levels, units, bins, suppliers, counts.

The ledger (`stock_moves`) stays the truth. `stock_levels` is a running total of it, kept in
step by `app.stock.ledger.post_move` in the same transaction, so that a reservation can be one
conditional UPDATE ("reserve n only if n are still available") instead of a sum over the
ledger under a lock. `packdesk stock check` proves the two agree.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base
from app.db.models.stock import StockMove
from app.db.types import UTCDateTime, utcnow

# Per-line reservations are sums over the ledger rows of one order line.
Index("ix_stock_moves_order_line", StockMove.order_line_id)


class StockLevel(Base):
    """On hand and reserved per product, in base units; a cache of the ledger's sums."""

    __tablename__ = "stock_levels"

    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), primary_key=True)
    on_hand: Mapped[int] = mapped_column(Integer, default=0)
    reserved: Mapped[int] = mapped_column(Integer, default=0)


class Supplier(Base):
    __tablename__ = "suppliers"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    contact: Mapped[str] = mapped_column(String(120), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    # Calendar days from ordering to goods on the shelf.
    lead_time_days: Mapped[int] = mapped_column(Integer, default=7)
    # Smallest quantity the supplier accepts per product, in base units.
    moq: Mapped[int] = mapped_column(Integer, default=1)


class StockPlan(Base):
    """Planning figures per product: category, reorder point, safety stock, supplier, class."""

    __tablename__ = "stock_plans"

    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), primary_key=True)
    # Products of one category with the same spec may replace each other (substitutes).
    category: Mapped[str] = mapped_column(String(60), default="")
    reorder_point: Mapped[int] = mapped_column(Integer, default=0)
    safety_stock: Mapped[int] = mapped_column(Integer, default=0)
    supplier_id: Mapped[int | None] = mapped_column(ForeignKey("suppliers.id"))
    # A, B or C from the last ABC run; "" when never classified.
    abc_class: Mapped[str] = mapped_column(String(1), default="")
    # Pieces expected to sell in the coming week, from the last forecast run.
    forecast_next_week: Mapped[int] = mapped_column(Integer, default=0)
    last_counted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class PackUnit(Base):
    """A way a product is sold in more than one piece: 一打 = 12, 8只装 = 8."""

    __tablename__ = "pack_units"
    __table_args__ = (UniqueConstraint("product_id", "name", name="uq_pack_units_product_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    name: Mapped[str] = mapped_column(String(40))
    quantity: Mapped[int] = mapped_column(Integer)
    # A seller code of its own, when the platform lists the pack as a separate SKU.
    sku: Mapped[str | None] = mapped_column(String(64), unique=True)


class Bin(Base):
    """A shelf place; while a count is open on it, physical movements in it are refused."""

    __tablename__ = "bins"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    blocked_by_count_id: Mapped[int | None] = mapped_column(Integer)


class RestockRequest(Base):
    __tablename__ = "restock_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    supplier_id: Mapped[int | None] = mapped_column(ForeignKey("suppliers.id"))
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    quantity: Mapped[int] = mapped_column(Integer)
    expected_on: Mapped[date] = mapped_column(Date)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    user: Mapped[str] = mapped_column(String(60), default="")


class Substitution(Base):
    """A replacement offered for an order line; applied only once the customer accepted."""

    __tablename__ = "substitutions"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id"), index=True)
    original_product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    substitute_product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    proposed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # How the customer said yes (旺旺 chat, phone call ...), and who recorded it.
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    accepted_by: Mapped[str] = mapped_column(String(60), default="")
    acceptance_note: Mapped[str] = mapped_column(Text, default="")
    applied_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class CycleCount(Base):
    __tablename__ = "cycle_counts"

    id: Mapped[int] = mapped_column(primary_key=True)
    bin: Mapped[str] = mapped_column(String(32))
    # open -> approved, or open -> cancelled
    state: Mapped[str] = mapped_column(String(12), default="open")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(60), default="")
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    approved_by: Mapped[str] = mapped_column(String(60), default="")
    reason: Mapped[str] = mapped_column(Text, default="")


class CycleCountLine(Base):
    __tablename__ = "cycle_count_lines"
    __table_args__ = (UniqueConstraint("count_id", "product_id", name="uq_count_lines_product"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    count_id: Mapped[int] = mapped_column(ForeignKey("cycle_counts.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    # On hand when the count list was made; the variance is counted - expected.
    expected: Mapped[int] = mapped_column(Integer)
    counted: Mapped[int] = mapped_column(Integer, default=0)
    scanned: Mapped[bool] = mapped_column(Boolean, default=False)
