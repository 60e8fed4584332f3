"""The promised ship date: the day by which an order leaves the desk.

Rule (written down once, used by confirmations and the `promise` command):
1. Take the payment time in the desk's zone (never UTC: 07:00 in Shanghai is the day before
   in UTC).
2. The order "arrives" that day if it was paid before the desk's cut-off time, else the next
   day. If that day is not a working day it arrives on the next working day.
3. It ships within `days` working days after it arrives (0 = the day it arrives).
4. An order confirmed late is never promised a day already gone: the promise is no earlier
   than the day the desk could ship it counting from the confirmation (steps 1 and 2 applied to
   that time, plus any restock days). A customer told on 5 December "ships by 2 December" has
   been promised nothing. The payment rule still wins when it gives the later day.
5. If the customer asked for a later ship date, that date is the promise: we never promise to
   ship before the day the customer asked for.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from app.promise.workdays import add_workdays, next_workday

DEFAULT_CUTOFF = time(16, 0)


def _zone(tz: ZoneInfo | str) -> ZoneInfo:
    return tz if isinstance(tz, ZoneInfo) else ZoneInfo(str(tz))


def arrival_day(paid_at: datetime, tz: ZoneInfo | str, cutoff: time = DEFAULT_CUTOFF) -> date:
    """The working day on which the desk counts the order as received."""
    if paid_at.tzinfo is None:
        raise ValueError("paid_at must carry a time zone")
    local = paid_at.astimezone(_zone(tz))
    day = local.date()
    if local.time() >= cutoff:
        day += timedelta(days=1)
    return next_workday(day)


def promise_ship_date(
    paid_at: datetime,
    days: int,
    tz: ZoneInfo | str,
    *,
    cutoff: time = DEFAULT_CUTOFF,
    extra_days: int = 0,
    requested: date | None = None,
    confirmed_at: datetime | None = None,
) -> date:
    """Ship-by date for an order paid at `paid_at`, promised within `days` working days.

    `extra_days` adds working days when goods must first be restocked. `requested` is the
    customer's own ship date: a later one wins, an earlier one cannot be kept and is ignored.
    `confirmed_at` is when the promise is given; without it the date follows the payment alone.
    """
    computed = add_workdays(arrival_day(paid_at, tz, cutoff), days + extra_days)
    if confirmed_at is not None:
        earliest = add_workdays(arrival_day(confirmed_at, tz, cutoff), extra_days)
        computed = max(computed, earliest)
    if requested is not None and requested > computed:
        return requested
    return computed
