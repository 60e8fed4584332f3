"""The product catalogue: what can be sold, scanned, weighed and packed."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base
from app.db.types import Money, UTCDateTime, Weight, utcnow


class Product(Base):
    __tablename__ = "products"

    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(64), unique=True)
    barcode: Mapped[str | None] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    # Attributes as the platforms write them, e.g. "颜色分类:红色;尺码:XL".
    spec: Mapped[str] = mapped_column(Text, default="")
    price: Mapped[Decimal] = mapped_column(Money, default=Decimal("0"))
    weight: Mapped[Decimal] = mapped_column(Weight, default=Decimal("0"))
    length_mm: Mapped[int] = mapped_column(Integer, default=0)
    width_mm: Mapped[int] = mapped_column(Integer, default=0)
    height_mm: Mapped[int] = mapped_column(Integer, default=0)
    fragile: Mapped[bool] = mapped_column(Boolean, default=False)
    # Virtual or downloadable goods are sold but never packed.
    shippable: Mapped[bool] = mapped_column(Boolean, default=True)
    bin: Mapped[str] = mapped_column(String(32), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
