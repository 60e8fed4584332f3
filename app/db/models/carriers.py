"""The carrier catalogue, tracking-number pools, printed waybills and handover manifests.

The catalogue is seeded with the big Chinese carriers on first use (`app.shipping.seed`) and
can be edited afterwards; nothing here is fetched online, because the desk works offline.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db.base import Base
from app.db.types import Money, UTCDateTime, Weight, utcnow


class Carrier(Base):
    __tablename__ = "carriers"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Short code used everywhere else (Shipment.carrier): SF, JD, DBL, EMS, ZTO, ...
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(40))
    max_weight: Mapped[Decimal] = mapped_column(Weight, default=Decimal("30"))
    # Longest side and the sum of the three sides, in millimetres.
    max_side_mm: Mapped[int] = mapped_column(Integer, default=1200)
    max_sum_mm: Mapped[int] = mapped_column(Integer, default=2500)
    # Takes large appliances (refrigerators, washing machines) with delivery to the door.
    large_goods: Mapped[bool] = mapped_column(Boolean, default=False)
    # Volumetric weight = L×W×H in cm³ / divisor.
    volumetric_divisor: Mapped[int] = mapped_column(Integer, default=8000)
    # ISO weekdays the carrier picks up on, "1234567" = every day.
    pickup_days: Mapped[str] = mapped_column(String(7), default="1234567")
    cutoff: Mapped[str] = mapped_column(String(5), default="17:00")
    # chinesecalendar holiday names on which the carrier does not work, ";"-separated.
    closed_holidays: Mapped[str] = mapped_column(String(200), default="")
    # Print the recipient's name and phone masked (张*三, 139****0001).
    mask_privacy: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    destinations: Mapped[list[CarrierDestination]] = relationship(
        back_populates="carrier", cascade="all, delete-orphan"
    )
    rates: Mapped[list[CarrierRate]] = relationship(
        back_populates="carrier", cascade="all, delete-orphan", order_by="CarrierRate.zone"
    )
    regions: Mapped[list[CarrierRegion]] = relationship(
        back_populates="carrier", cascade="all, delete-orphan"
    )
    services: Mapped[list[CarrierService]] = relationship(
        back_populates="carrier", cascade="all, delete-orphan", order_by="CarrierService.id"
    )


SPEED_CLASSES = ("express", "standard", "economy", "freight")


class CarrierService(Base):
    """One product a carrier sells (顺丰特快, 顺丰标快), with its own speed and price.

    A service is priced and timed relative to its carrier's tables, so a shop keeps one
    zone table per carrier and says only how much faster and dearer 特快 is than 标快.
    """

    __tablename__ = "carrier_services"
    __table_args__ = (UniqueConstraint("carrier_id", "name", name="uq_carrier_service_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    carrier_id: Mapped[int] = mapped_column(ForeignKey("carriers.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(40))
    # One of SPEED_CLASSES: express (次日/隔日), standard, economy, freight (大件).
    speed_class: Mapped[str] = mapped_column(String(16), default="standard")
    # Added to the carrier's transit days (negative = faster than the table).
    transit_adjust_days: Mapped[int] = mapped_column(Integer, default=0)
    # Percent of the carrier's zone price this service charges (130 = 1.3×).
    price_percent: Mapped[int] = mapped_column(Integer, default=100)
    # The service used when nothing asks for another one.
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    carrier: Mapped[Carrier] = relationship(back_populates="services")


class CarrierDestination(Base):
    """Price zone and transit days from the warehouse to one province."""

    __tablename__ = "carrier_destinations"
    __table_args__ = (UniqueConstraint("carrier_id", "province", name="uq_carrier_dest"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    carrier_id: Mapped[int] = mapped_column(ForeignKey("carriers.id", ondelete="CASCADE"))
    province: Mapped[str] = mapped_column(String(40))
    zone: Mapped[int] = mapped_column(Integer)
    transit_days: Mapped[int] = mapped_column(Integer)

    carrier: Mapped[Carrier] = relationship(back_populates="destinations")


class CarrierRate(Base):
    """首重/续重: the price of the first kilogram and of each further kilogram, per zone."""

    __tablename__ = "carrier_rates"
    __table_args__ = (UniqueConstraint("carrier_id", "zone", name="uq_carrier_rate_zone"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    carrier_id: Mapped[int] = mapped_column(ForeignKey("carriers.id", ondelete="CASCADE"))
    zone: Mapped[int] = mapped_column(Integer)
    first_weight: Mapped[Decimal] = mapped_column(Weight, default=Decimal("1"))
    first_price: Mapped[Decimal] = mapped_column(Money)
    extra_price_per_kg: Mapped[Decimal] = mapped_column(Money)

    carrier: Mapped[Carrier] = relationship(back_populates="rates")


class CarrierRegion(Base):
    """A province or city the carrier does not serve ("excluded") or serves slowly ("remote")."""

    __tablename__ = "carrier_regions"

    id: Mapped[int] = mapped_column(primary_key=True)
    carrier_id: Mapped[int] = mapped_column(ForeignKey("carriers.id", ondelete="CASCADE"))
    province: Mapped[str] = mapped_column(String(40))
    # Empty = the whole province.
    city: Mapped[str] = mapped_column(String(40), default="")
    kind: Mapped[str] = mapped_column(String(8))
    extra_days: Mapped[int] = mapped_column(Integer, default=0)

    carrier: Mapped[Carrier] = relationship(back_populates="regions")


class SortCode(Base):
    """大头笔/三段码 and 集包地 printed on the waybill, per carrier and destination."""

    __tablename__ = "sort_codes"

    id: Mapped[int] = mapped_column(primary_key=True)
    carrier_code: Mapped[str] = mapped_column(String(16), index=True)
    province: Mapped[str] = mapped_column(String(40))
    # Empty city or district = any.
    city: Mapped[str] = mapped_column(String(40), default="")
    district: Mapped[str] = mapped_column(String(40), default="")
    sort_code: Mapped[str] = mapped_column(String(40))
    hub: Mapped[str] = mapped_column(String(40), default="")


class CarrierDecision(Base):
    """Which carrier a parcel goes with, who chose it and why (kept when a clerk overrides)."""

    __tablename__ = "carrier_decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    carrier_code: Mapped[str] = mapped_column(String(16))
    service: Mapped[str] = mapped_column(String(40), default="")
    suggested_code: Mapped[str] = mapped_column(String(16), default="")
    overridden: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[str] = mapped_column(Text, default="")
    user: Mapped[str] = mapped_column(String(60), default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class TrackingPoolNumber(Base):
    """A pre-issued tracking number; once used (or voided) it never goes back to the pool."""

    __tablename__ = "tracking_pool"

    id: Mapped[int] = mapped_column(primary_key=True)
    carrier_code: Mapped[str] = mapped_column(String(16), index=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    source_file: Mapped[str] = mapped_column(String(260), default="")
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class WaybillPrint(Base):
    """Every print, reprint and void of a waybill, for the audit trail and the print queue."""

    __tablename__ = "waybill_prints"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    shipment_id: Mapped[int | None] = mapped_column(ForeignKey("shipments.id"))
    carrier_code: Mapped[str] = mapped_column(String(16), default="")
    tracking_no: Mapped[str] = mapped_column(String(40), index=True)
    # print, reprint, void
    action: Mapped[str] = mapped_column(String(8))
    size: Mapped[str] = mapped_column(String(8), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    user: Mapped[str] = mapped_column(String(60), default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Handover(Base):
    """One pickup by one carrier: the parcels scanned into its manifest."""

    __tablename__ = "handovers"

    id: Mapped[int] = mapped_column(primary_key=True)
    carrier_code: Mapped[str] = mapped_column(String(16))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    user: Mapped[str] = mapped_column(String(60), default="")

    items: Mapped[list[HandoverItem]] = relationship(
        back_populates="handover", cascade="all, delete-orphan", order_by="HandoverItem.id"
    )


class HandoverItem(Base):
    __tablename__ = "handover_items"
    __table_args__ = (UniqueConstraint("shipment_id", name="uq_handover_item_shipment"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    handover_id: Mapped[int] = mapped_column(ForeignKey("handovers.id", ondelete="CASCADE"))
    shipment_id: Mapped[int] = mapped_column(ForeignKey("shipments.id"))
    scanned_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    handover: Mapped[Handover] = relationship(back_populates="items")
