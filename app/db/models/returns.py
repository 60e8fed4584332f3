"""Returns (RMA): what a customer sends back, what arrived, how each unit was graded.

A return may exist before its order is known (goods that arrive unannounced), so `order_id`
and each line's `order_line_id` may stay empty until the return is linked.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db.base import Base
from app.db.types import Money, UTCDateTime, utcnow


class ReturnRequest(Base):
    __tablename__ = "returns"
    __table_args__ = (Index("ix_returns_state", "state"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # The number printed on the RMA slip and scanned at receiving, e.g. RMA20261203-0007.
    rma_no: Mapped[str] = mapped_column(String(32), unique=True)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), index=True)
    state: Mapped[str] = mapped_column(String(16), default="requested")
    state_since: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Who sent it, for returns not yet linked to an order (copied from the order otherwise).
    customer: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    # The review: "", "approved" or "rejected", and the reason the customer is told.
    decision: Mapped[str] = mapped_column(String(10), default="")
    decision_reason: Mapped[str] = mapped_column(Text, default="")

    # Return shipping. `postage_payer` is "buyer" or "seller"; when the seller pays, what the
    # customer advanced (`return_postage`) is refunded with the goods.
    return_carrier: Mapped[str] = mapped_column(String(16), default="")
    return_tracking_no: Mapped[str | None] = mapped_column(String(40), unique=True)
    postage_payer: Mapped[str] = mapped_column(String(8), default="buyer")
    return_postage: Mapped[Decimal] = mapped_column(Money, default=Decimal("0"))
    return_address: Mapped[str] = mapped_column(Text, default="")

    refund_total: Mapped[Decimal | None] = mapped_column(Money)
    # Outbound postage included in the refund, so it is never refunded twice.
    refund_postage: Mapped[Decimal] = mapped_column(Money, default=Decimal("0"))
    replacement_order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))

    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(60), default="")

    lines: Mapped[list[ReturnLine]] = relationship(
        back_populates="request", cascade="all, delete-orphan", order_by="ReturnLine.id"
    )
    units: Mapped[list[ReturnUnit]] = relationship(
        back_populates="request", cascade="all, delete-orphan", order_by="ReturnUnit.id"
    )
    events: Mapped[list[ReturnEvent]] = relationship(
        back_populates="request", cascade="all, delete-orphan", order_by="ReturnEvent.id"
    )


class ReturnLine(Base):
    """One SKU the customer asked to return, with how many and why."""

    __tablename__ = "return_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    return_id: Mapped[int] = mapped_column(
        ForeignKey("returns.id", ondelete="CASCADE"), index=True
    )
    order_line_id: Mapped[int | None] = mapped_column(ForeignKey("order_lines.id"), index=True)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"))
    sku: Mapped[str] = mapped_column(String(64))
    quantity: Mapped[int] = mapped_column(Integer)
    # changed_mind, wrong_item, damaged, quality, missing_parts, other
    reason: Mapped[str] = mapped_column(String(16))
    reason_text: Mapped[str] = mapped_column(Text, default="")

    request: Mapped[ReturnRequest] = relationship(back_populates="lines")


class ReturnUnit(Base):
    """One scanned unit at receiving; unexpected ones are kept, never silently accepted."""

    __tablename__ = "return_units"

    id: Mapped[int] = mapped_column(primary_key=True)
    return_id: Mapped[int] = mapped_column(
        ForeignKey("returns.id", ondelete="CASCADE"), index=True
    )
    # Empty when the unit matches no line of the return (unexpected).
    return_line_id: Mapped[int | None] = mapped_column(ForeignKey("return_lines.id"))
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"))
    code: Mapped[str] = mapped_column(String(200))
    expected: Mapped[bool] = mapped_column(Boolean)
    # Why an unexpected unit was not accepted, in the clerk's words.
    problem: Mapped[str] = mapped_column(Text, default="")
    # resellable, damaged, scrap, supplier; empty until graded
    grade: Mapped[str] = mapped_column(String(12), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    photo_path: Mapped[str] = mapped_column(Text, default="")
    stock_move_id: Mapped[int | None] = mapped_column(ForeignKey("stock_moves.id"))
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    received_by: Mapped[str] = mapped_column(String(60), default="")
    graded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    graded_by: Mapped[str] = mapped_column(String(60), default="")

    request: Mapped[ReturnRequest] = relationship(back_populates="units")


class ReturnEvent(Base):
    """One step of a return, with time and user; `from_state == to_state` for steps such as a
    linked order or a graded unit that do not change the state."""

    __tablename__ = "return_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    return_id: Mapped[int] = mapped_column(
        ForeignKey("returns.id", ondelete="CASCADE"), index=True
    )
    action: Mapped[str] = mapped_column(String(16))
    from_state: Mapped[str] = mapped_column(String(16), default="")
    to_state: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    user: Mapped[str] = mapped_column(String(60), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    request: Mapped[ReturnRequest] = relationship(back_populates="events")
