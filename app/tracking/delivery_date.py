"""The expected delivery date a customer is told: transit days on the carrier's working days.

The carrier catalogue (`app.shipping.carriers`, the waybill step) knows transit days per
province and each carrier's days off. For a carrier it does not know we fall back to the
setting `shipping.default_transit_days` and the official Chinese working days, so a notice
still carries a date.
"""

from __future__ import annotations

import logging
from datetime import date, datetime

from sqlalchemy.orm import Session

from app import settings_checks
from app.config import desk_timezone
from app.errors import BadInput
from app.promise.workdays import add_workdays
from app.shipping.carriers import DEFAULT_TRANSIT_DAYS
from app.shipping.carriers import expected_delivery as carrier_expected

log = logging.getLogger(__name__)


def expected_delivery(
    session: Session,
    carrier: str,
    province: str,
    shipped_at: datetime,
    service: str | None = None,
) -> date:
    """The desk-zone date the parcel should arrive: transit days on the carrier's working days.

    The day of the handover itself is not counted; each later day counts only if the carrier
    works on it (many stop over the Spring Festival). `service` (顺丰特快) shifts the carrier's
    days; empty means its default service.
    """
    ship_day = shipped_at.astimezone(desk_timezone()).date()
    try:
        return carrier_expected(session, carrier, province, ship_day, service)
    except BadInput:
        log.warning("carrier %r not in the catalogue; using the default transit days", carrier)

    days = settings_checks.read(session, "shipping.default_transit_days", DEFAULT_TRANSIT_DAYS)
    return add_workdays(ship_day, days)
