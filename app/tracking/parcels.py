"""Finding a parcel by its tracking number, and reading a naive time as a desk-zone time."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.config import desk_timezone
from app.db.models import Shipment
from app.errors import BadInput
from app.intake.cells import CellError, timestamp
from app.shipping.tracking_numbers import normalise


class ParcelNotFound(BadInput):
    def __init__(self, tracking_no: str) -> None:
        super().__init__(f"运单号 {tracking_no} 不属于任何已登记的包裹")
        self.tracking_no = tracking_no


class BadTime(BadInput):
    def __init__(self, text: str, where: str = "") -> None:
        prefix = f"{where}: " if where else ""
        super().__init__(f"{prefix}时间「{text}」看不懂，请写成 2026-12-01 14:30")
        self.text = text


def find_parcel(session: Session, tracking_no: str) -> Shipment:
    """The shipment with this number, however the scanner, the clerk's input method or the
    carrier's export spelled it (case, full-width, stray spaces)."""
    code = normalise(tracking_no)
    shipment = session.scalars(select(Shipment).where(Shipment.tracking_no == code)).first()
    if shipment is None:
        shipment = session.scalars(
            select(Shipment).where(func.upper(Shipment.tracking_no) == code.upper())
        ).first()
    if shipment is None:
        raise ParcelNotFound(code)
    return shipment


def parse_time(value: str | datetime, where: str = "") -> datetime:
    """An aware time; a time typed or exported without a zone is desk-zone wall-clock time."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=desk_timezone())
    try:
        parsed = timestamp(value)
    except CellError:
        parsed = None
    if parsed is None:
        raise BadTime(value, where)
    return parsed
