"""The expected delivery date a customer is told: transit days on the carrier's working days.

The carrier catalogue (`app.shipping.carriers`, the waybill step) knows transit days per
province and each carrier's days off. Until it is installed we fall back to a site default
and the official Chinese working days, so a notice still carries a date.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from app import settings
from app.config import desk_timezone

log = logging.getLogger(__name__)

DEFAULT_TRANSIT_DAYS = 3
# A carrier that never works would loop for ever; no real timetable has a longer break.
MAX_CALENDAR_DAYS = 60


def _transit_days(session: Session, carrier: str, province: str) -> int:
    try:
        from app.shipping.carriers import transit_days
    except ImportError:
        # TODO: remove the fallback once app.shipping.carriers is always present.
        return int(settings.get(session, "shipping.default_transit_days", DEFAULT_TRANSIT_DAYS))
    return transit_days(session, carrier, province)


def _works_on(session: Session, carrier: str) -> Callable[[date], bool]:
    try:
        from app.shipping.carriers import carrier_works_on
    except ImportError:
        from app.promise.workdays import is_workday

        return is_workday
    return lambda d: carrier_works_on(session, carrier, d)


def expected_delivery(session: Session, carrier: str, province: str, shipped_at: datetime) -> date:
    """The desk-zone date the parcel should arrive: `n` carrier working days after shipping.

    The day of the handover itself is not counted; each later day counts only if the carrier
    works on it (many stop over the Spring Festival).
    """
    days = _transit_days(session, carrier, province)
    works_on = _works_on(session, carrier)
    day = shipped_at.astimezone(desk_timezone()).date()

    for _ in range(MAX_CALENDAR_DAYS):
        if days <= 0:
            break
        day += timedelta(days=1)
        if works_on(day):
            days -= 1
    return day
