"""The shop's promise settings, read in one place so that a confirmation and `packdesk promise`
give the same date for the same payment.

Settings: `promise.days` (working days to ship, default 2), `promise.cutoff` ("HH:MM" in the
desk zone, default 16:00), `promise.restock_days` (extra working days when a line is
backordered, default 3).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from sqlalchemy.orm import Session

from app import settings_checks
from app.promise.ship_date import DEFAULT_CUTOFF

DEFAULT_DAYS = 2
DEFAULT_RESTOCK_DAYS = 3


@dataclass(frozen=True)
class PromiseTerms:
    days: int
    cutoff: time
    restock_days: int


def read_terms(session: Session) -> PromiseTerms:
    """The stored settings, or the defaults; BadSetting names the fix for an unusable one."""
    text = settings_checks.read(session, "promise.cutoff", DEFAULT_CUTOFF.strftime("%H:%M"))
    hours, minutes = text.split(":")
    return PromiseTerms(
        days=settings_checks.read(session, "promise.days", DEFAULT_DAYS),
        cutoff=time(int(hours), int(minutes)),
        restock_days=settings_checks.read(session, "promise.restock_days", DEFAULT_RESTOCK_DAYS),
    )
