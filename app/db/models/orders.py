"""Orders as the platforms sent them, their lines, why they are held, and their history."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db.base import Base
from app.db.types import Money, UTCDateTime, utcnow

if TYPE_CHECKING:
    from app.db.models.shipping import Shipment


class Order(Base):
    __tablename__ = "orders"
    __table_args__ = (
        UniqueConstraint("platform", "order_no", name="uq_orders_platform_order_no"),
        Index("ix_orders_status", "status"),
        Index("ix_orders_order_no", "order_no"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(16))
    # The platform's order number, exactly as exported (always text, never a number).
    order_no: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default="new")
    status_since: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    buyer: Mapped[str] = mapped_column(String(100), default="")
    # Where e-mail confirmations and notices go; empty when the platform gives none.
    email: Mapped[str] = mapped_column(String(200), default="")
    recipient: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    phone_ext: Mapped[str] = mapped_column(String(10), default="")
    province: Mapped[str] = mapped_column(String(40), default="")
    city: Mapped[str] = mapped_column(String(40), default="")
    district: Mapped[str] = mapped_column(String(40), default="")
    province_code: Mapped[str] = mapped_column(String(12), default="")
    city_code: Mapped[str] = mapped_column(String(12), default="")
    district_code: Mapped[str] = mapped_column(String(12), default="")
    address_detail: Mapped[str] = mapped_column(Text, default="")
    postcode: Mapped[str] = mapped_column(String(12), default="")
    # The address as the platform wrote it, kept so a parse can be redone or checked.
    address_raw: Mapped[str] = mapped_column(Text, default="")

    goods_total: Mapped[Decimal] = mapped_column(Money, default=Decimal("0"))
    postage: Mapped[Decimal] = mapped_column(Money, default=Decimal("0"))
    discount: Mapped[Decimal] = mapped_column(Money, default=Decimal("0"))
    paid_total: Mapped[Decimal] = mapped_column(Money, default=Decimal("0"))
    paid: Mapped[bool] = mapped_column(default=False)
    # The platform's own status text, e.g. 买家已付款，等待卖家发货 or 交易关闭.
    platform_status: Mapped[str] = mapped_column(String(60), default="")
    buyer_remark: Mapped[str] = mapped_column(Text, default="")
    seller_remark: Mapped[str] = mapped_column(Text, default="")

    created_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    paid_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The day the customer asked us to ship (phone/e-mail orders); the promise never beats it.
    requested_ship_date: Mapped[date | None] = mapped_column(Date)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    source_file: Mapped[str] = mapped_column(String(260), default="")

    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderLine.line_no"
    )
    findings: Mapped[list[Finding]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="Finding.id"
    )
    events: Mapped[list[OrderEvent]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderEvent.id"
    )
    # Parcels are created and changed by packing and shipping; here they are only read.
    shipments: Mapped[list[Shipment]] = relationship(viewonly=True, order_by="Shipment.parcel_no")


class OrderLine(Base):
    __tablename__ = "order_lines"
    __table_args__ = (UniqueConstraint("order_id", "line_no", name="uq_order_lines_order_line"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    line_no: Mapped[int] = mapped_column(Integer)
    # The seller code (商家编码) as the platform sent it; product_id is set once it is known.
    sku: Mapped[str] = mapped_column(String(64), default="")
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"))
    title: Mapped[str] = mapped_column(Text, default="")
    attributes: Mapped[str] = mapped_column(Text, default="")
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price: Mapped[Decimal] = mapped_column(Money, default=Decimal("0"))

    order: Mapped[Order] = relationship(back_populates="lines")


class Finding(Base):
    """One reason an order is held or flagged, in words, with the field to fix."""

    __tablename__ = "findings"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    rule: Mapped[str] = mapped_column(String(40))
    field: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(Text)
    # "hold" stops the order; "warn" and "info" are shown but let it go on.
    severity: Mapped[str] = mapped_column(String(8), default="hold")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    order: Mapped[Order] = relationship(back_populates="findings")


class OrderEvent(Base):
    """A state transition, time-stamped; the flow sheet measures stage times from these."""

    __tablename__ = "order_events"
    __table_args__ = (Index("ix_order_events_at", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    from_status: Mapped[str] = mapped_column(String(16), default="")
    to_status: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    user: Mapped[str] = mapped_column(String(60), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    order: Mapped[Order] = relationship(back_populates="events")
