"""The packing station beyond scans: boxes and filling, parcel contents, checks and overrides.

A parcel is a `Shipment` row (one per `parcel_no`); everything here hangs off it or off the
order. Overrides are kept as their own rows so a supervisor's decisions can be reviewed.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base
from app.db.types import UTCDateTime, Weight, utcnow


class Packaging(Base):
    """A box, crate or filling material, with what it holds and how many are on the shelf."""

    __tablename__ = "packaging"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    # carton, strong (double-wall carton), crate, bag, filling
    kind: Mapped[str] = mapped_column(String(16), default="carton")
    inner_length_mm: Mapped[int] = mapped_column(Integer, default=0)
    inner_width_mm: Mapped[int] = mapped_column(Integer, default=0)
    inner_height_mm: Mapped[int] = mapped_column(Integer, default=0)
    max_weight: Mapped[Decimal] = mapped_column(Weight, default=Decimal("0"))
    tare: Mapped[Decimal] = mapped_column(Weight, default=Decimal("0"))
    # For filling: protects fragile goods (foam, bubble wrap) rather than only filling space.
    protective: Mapped[bool] = mapped_column(Boolean, default=False)
    stock: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class ParcelState(Base):
    """Where one parcel stands: its box, filling, checklist step, checks and weights."""

    __tablename__ = "parcel_states"

    id: Mapped[int] = mapped_column(primary_key=True)
    shipment_id: Mapped[int] = mapped_column(ForeignKey("shipments.id"), unique=True)
    box_code: Mapped[str] = mapped_column(String(32), default="")
    filling_code: Mapped[str] = mapped_column(String(32), default="")
    proposed_box: Mapped[str] = mapped_column(String(32), default="")
    proposed_filling: Mapped[str] = mapped_column(String(32), default="")
    box_reason: Mapped[str] = mapped_column(Text, default="")
    # When the box and filling now on the parcel were chosen; the flow sheet times the
    # packaging step with it. Not a created_at: the row is made at the first scan, earlier.
    box_chosen_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # How many checklist steps are ticked, 0..4 (placed, secured, sealed, label attached).
    checklist_done: Mapped[int] = mapped_column(Integer, default=0)
    # "", passed, failed
    qc_state: Mapped[str] = mapped_column(String(8), default="")
    rework_count: Mapped[int] = mapped_column(Integer, default=0)
    expected_weight: Mapped[Decimal | None] = mapped_column(Weight)
    volumetric_weight: Mapped[Decimal | None] = mapped_column(Weight)
    # "", ok, blocked, overridden
    weight_state: Mapped[str] = mapped_column(String(12), default="")
    packaging_deducted: Mapped[bool] = mapped_column(Boolean, default=False)
    closed: Mapped[bool] = mapped_column(Boolean, default=False)


class ParcelItem(Base):
    """How many units of an order line went into a parcel."""

    __tablename__ = "parcel_items"
    __table_args__ = (UniqueConstraint("shipment_id", "order_line_id", name="uq_parcel_items"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    shipment_id: Mapped[int] = mapped_column(ForeignKey("shipments.id"), index=True)
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id"))
    quantity: Mapped[int] = mapped_column(Integer, default=0)


class PackingStep(Base):
    """One ticked checklist or quality step; a failed quality step is the rework record."""

    __tablename__ = "packing_steps"

    id: Mapped[int] = mapped_column(primary_key=True)
    shipment_id: Mapped[int] = mapped_column(ForeignKey("shipments.id"), index=True)
    # placed, secured, sealed, labelled, qc
    step: Mapped[str] = mapped_column(String(16))
    ok: Mapped[bool] = mapped_column(Boolean, default=True)
    note: Mapped[str] = mapped_column(Text, default="")
    user: Mapped[str] = mapped_column(String(60), default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PackingOverride(Base):
    """A decision against the rules (a scan, the box, a weight), with who and why."""

    __tablename__ = "packing_overrides"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    shipment_id: Mapped[int | None] = mapped_column(ForeignKey("shipments.id"))
    # scan, box, weight
    kind: Mapped[str] = mapped_column(String(12))
    supervisor: Mapped[str] = mapped_column(String(60))
    reason: Mapped[str] = mapped_column(Text)
    detail: Mapped[str] = mapped_column(Text, default="")
    user: Mapped[str] = mapped_column(String(60), default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
