"""Chinese working days: weekends, public holidays and make-up working days (调休).

The official calendar comes from `chinesecalendar`, which the State Council's yearly notice
updates. For a year the package does not know yet we fall back to plain Monday–Friday and log
a warning once per year, so a promise is still given rather than the desk stopping.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta
from functools import cache

import chinese_calendar

log = logging.getLogger(__name__)


@cache
def _warn_unknown_year(year: int) -> None:
    log.warning("chinesecalendar has no data for %s; counting Monday-Friday only", year)


def is_workday(d: date) -> bool:
    """True if `d` is a working day in mainland China (make-up Saturdays included)."""
    try:
        return chinese_calendar.is_workday(d)
    except NotImplementedError:
        _warn_unknown_year(d.year)
        return d.weekday() < 5


def next_workday(d: date) -> date:
    """`d` itself when it is a working day, else the first working day after it."""
    while not is_workday(d):
        d += timedelta(days=1)
    return d


def add_workdays(d: date, n: int) -> date:
    """The date `n` working days after `d`; `d` itself is not counted.

    With n == 0 the answer is `d` if it is a working day, else the next working day, so
    "ship today" on a holiday means the first day the warehouse works again.
    """
    if n < 0:
        raise ValueError("n must not be negative")
    if n == 0:
        return next_workday(d)
    while n > 0:
        d += timedelta(days=1)
        if is_workday(d):
            n -= 1
    return d
