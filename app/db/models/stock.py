"""The stock ledger: every change of stock is one row, and every figure is a sum over it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base
from app.db.types import UTCDateTime, utcnow


class StockMove(Base):
    """One movement in base units.

    `on_hand_delta` changes what is physically there, `reserved_delta` what is promised to
    orders; available is on hand less reserved. A receipt is (+n, 0), a reservation (0, +n),
    a release (0, -n), a shipment of reserved goods (-n, -n).
    """

    __tablename__ = "stock_moves"
    __table_args__ = (Index("ix_stock_moves_product", "product_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    # receipt, reserve, release, pick, ship, return, adjust, count
    kind: Mapped[str] = mapped_column(String(16))
    on_hand_delta: Mapped[int] = mapped_column(Integer, default=0)
    reserved_delta: Mapped[int] = mapped_column(Integer, default=0)
    reason: Mapped[str] = mapped_column(Text, default="")
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))
    order_line_id: Mapped[int | None] = mapped_column(ForeignKey("order_lines.id"))
    bin: Mapped[str] = mapped_column(String(32), default="")
    user: Mapped[str] = mapped_column(String(60), default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
