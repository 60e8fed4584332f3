"""Site-wide settings kept in the database, so every desk on one server agrees on them."""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base


class Setting(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    # JSON text; app.settings reads and writes it.
    value: Mapped[str] = mapped_column(Text)
