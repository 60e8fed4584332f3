"""Tables owned by verification: message templates, the blocklist and supervisor releases."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.db.base import Base
from app.db.types import UTCDateTime, utcnow


class MessageTemplate(Base):
    """A customer message as the shop edited it; a key with no row uses the default in code."""

    __tablename__ = "message_templates"

    # e.g. "confirmation.sms", "confirmation.email"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    subject: Mapped[str] = mapped_column(String(200), default="")
    body: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(60), default="")


class BlocklistEntry(Base):
    """A phone or address that a supervisor must look at before anything ships to it."""

    __tablename__ = "blocklist"
    __table_args__ = (UniqueConstraint("kind", "value", name="uq_blocklist_kind_value"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # "phone" (normalised digits) or "address" (province+city+district+detail, no spaces)
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(String(300))
    # Why it is listed, e.g. 多次拒收 or 欺诈
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(60), default="")


class HoldRelease(Base):
    """A supervisor let an order go despite a rule; verifying again keeps honouring it."""

    __tablename__ = "hold_releases"
    __table_args__ = (Index("ix_hold_releases_order", "order_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    # The rule released, or "*" for every hold the order had at that moment.
    rule: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(Text)
    user: Mapped[str] = mapped_column(String(60), default="")
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
