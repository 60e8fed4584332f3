"""Parcels: what left the desk, with which carrier and under which tracking number."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base
from app.db.types import UTCDateTime, Weight, utcnow


class Shipment(Base):
    __tablename__ = "shipments"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    parcel_no: Mapped[int] = mapped_column(Integer, default=1)
    carrier: Mapped[str] = mapped_column(String(16), default="")
    # The carrier's service name (顺丰特快); empty = the carrier's default service.
    service: Mapped[str] = mapped_column(String(40), default="")
    tracking_no: Mapped[str | None] = mapped_column(String(40), unique=True)
    weight: Mapped[Decimal | None] = mapped_column(Weight)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    packed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    waybill_printed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    shipped_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
