"""After the handover: what the carriers report, what went wrong, and what customers said.

A parcel is a `Shipment`; its events, its exceptions and the feedback about it hang off the
shipment id (feedback also off the order, since a customer may complain before any parcel is
known). Compensation is kept per feedback so totals by cause can be summed.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base
from app.db.types import Money, UTCDateTime, utcnow


class TrackingEvent(Base):
    """One carrier scan or status, normalised, with the carrier's own words kept."""

    __tablename__ = "tracking_events"
    __table_args__ = (
        # The same line imported twice must not make a second event.
        UniqueConstraint("shipment_id", "at", "raw_status", name="uq_tracking_events_line"),
        Index("ix_tracking_events_shipment_at", "shipment_id", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    shipment_id: Mapped[int] = mapped_column(ForeignKey("shipments.id", ondelete="CASCADE"))
    # accepted, in_transit, out_for_delivery, delivered, refused, returned, problem
    status: Mapped[str] = mapped_column(String(20))
    # The status text exactly as the carrier or aggregator wrote it, e.g. 【深圳】已揽收.
    raw_status: Mapped[str] = mapped_column(Text, default="")
    location: Mapped[str] = mapped_column(String(100), default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    # manual, scan or import
    source: Mapped[str] = mapped_column(String(10))
    source_file: Mapped[str] = mapped_column(String(260), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    user: Mapped[str] = mapped_column(String(60), default="")
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ParcelProgress(Base):
    """The latest known state of a shipped parcel, so the exception rules need no event scan.

    `expected_delivery` is the date the shipping notice gave the customer.
    """

    __tablename__ = "parcel_progress"

    shipment_id: Mapped[int] = mapped_column(
        ForeignKey("shipments.id", ondelete="CASCADE"), primary_key=True
    )
    expected_delivery: Mapped[date | None] = mapped_column(Date)
    last_status: Mapped[str] = mapped_column(String(20), default="")
    last_event_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class TrackingException(Base):
    """A parcel that a rule flagged; it stays open until someone closes it with an outcome."""

    __tablename__ = "tracking_exceptions"
    __table_args__ = (Index("ix_tracking_exceptions_open", "closed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    shipment_id: Mapped[int] = mapped_column(ForeignKey("shipments.id", ondelete="CASCADE"))
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    # no_first_event, stalled, overdue, refused, returned, problem
    rule: Mapped[str] = mapped_column(String(20))
    detail: Mapped[str] = mapped_column(Text, default="")
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_by: Mapped[str] = mapped_column(String(60), default="")
    outcome: Mapped[str] = mapped_column(Text, default="")


class ExceptionAction(Base):
    """What was done about an exception: a call, a message, an intercept request, a return."""

    __tablename__ = "exception_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    exception_id: Mapped[int] = mapped_column(
        ForeignKey("tracking_exceptions.id", ondelete="CASCADE"), index=True
    )
    # carrier_call, customer_update, intercept, address_change, open_return
    kind: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    outbox_message_id: Mapped[int | None] = mapped_column(ForeignKey("outbox_messages.id"))
    user: Mapped[str] = mapped_column(String(60), default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Feedback(Base):
    """What a customer said about an order, with the packing clerk when packing is suspect."""

    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    shipment_id: Mapped[int | None] = mapped_column(ForeignKey("shipments.id"))
    # delay, damage, wrong_item, missing_item, courier, praise, other
    category: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text, default="")
    # A copy of the customer's photo in the data folder, so the original may go away.
    photo_path: Mapped[str] = mapped_column(String(260), default="")
    # For packing-related feedback: who packed it, and the OrderEvent that moved it to packed.
    packed_by: Mapped[str] = mapped_column(String(60), default="")
    packed_event_id: Mapped[int | None] = mapped_column(ForeignKey("order_events.id"))
    user: Mapped[str] = mapped_column(String(60), default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Compensation(Base):
    """A coupon, partial refund or resend given for a feedback, with its value and cause."""

    __tablename__ = "compensations"

    id: Mapped[int] = mapped_column(primary_key=True)
    feedback_id: Mapped[int] = mapped_column(ForeignKey("feedback.id"), index=True)
    # coupon, refund, resend
    kind: Mapped[str] = mapped_column(String(10))
    value: Mapped[Decimal] = mapped_column(Money)
    # carrier, packing, stock
    cause: Mapped[str] = mapped_column(String(10))
    coupon_code: Mapped[str] = mapped_column(String(40), default="")
    # approved, pending (above the approval limit) or rejected
    state: Mapped[str] = mapped_column(String(10))
    requested_by: Mapped[str] = mapped_column(String(60), default="")
    approved_by: Mapped[str] = mapped_column(String(60), default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
