"""Demand forecast per product: seasonal naive by weekday, times trend, times festival peaks.

Method (kept simple on purpose, so a supervisor can check it by hand):
1. Daily sales are the shipped pieces per desk-local day, from the ledger.
2. Weekday profile: for each weekday, the mean of that weekday over the last `WEEKS` weeks.
   This is the seasonal-naive part, and it is what makes Mondays differ from Sundays.
3. Trend: the last `WEEKS` weeks' total over the `WEEKS` weeks before them, clamped to
   [0.5, 2.0], compounded day by day so the full ratio is reached `WEEKS` weeks ahead; a
   growing product is forecast a little higher without running away.
4. Festival peaks: the shopping festivals (618, 双十一, 双十二) lift sales on their day and
   on the days just before (pre-sales). A lift is learned per festival and offset (the day
   itself, one day before, two days before): for each such day in the history, its sales
   over the mean of the same weekday in the four weeks before it; the mean of those ratios
   (so last year's 双十一 predicts this year's). A festival not in the history gets a lift
   of 1 (nothing is invented).
The profile and trend use whole days only: today is still selling, so history ends yesterday.
The forecast of a day is profile[weekday] × trend^(days ahead / 28) × lift[festival offset].
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import desk_timezone
from app.db.models import StockMove
from app.db.types import utcnow

log = logging.getLogger(__name__)

WEEKS = 4
FESTIVALS = {(6, 18): "618", (11, 11): "双十一", (12, 12): "双十二"}
# Sales already rise in the days before a festival (pre-orders, coupons).
FESTIVAL_LEAD_DAYS = 2
HISTORY_DAYS = 400


@dataclass(frozen=True)
class Forecast:
    history: tuple[tuple[date, int], ...]
    forecast: tuple[tuple[date, float], ...]
    weekday_profile: tuple[float, ...]
    trend: float
    # The largest festival-day lift learned from the history (1.0 when none was seen).
    festival_lift: float

    @property
    def next_week(self) -> int:
        return round(sum(q for _d, q in self.forecast[:7]))


def festival_offset(day: date) -> tuple[str, int] | None:
    """(festival, 0) on a festival day, (festival, 1 or 2) just before it, else None."""
    for ahead in range(FESTIVAL_LEAD_DAYS + 1):
        later = day + timedelta(days=ahead)
        name = FESTIVALS.get((later.month, later.day))
        if name:
            return name, ahead
    return None


def _learn_lifts(daily: dict[date, int], first: date, last: date) -> dict[tuple[str, int], float]:
    ratios: dict[tuple[str, int], list[float]] = defaultdict(list)
    day = first + timedelta(days=35)
    while day <= last:
        key = festival_offset(day)
        if key is not None:
            same_weekday = [daily.get(day - timedelta(days=7 * k), 0) for k in range(1, 5)]
            base = sum(same_weekday) / len(same_weekday)
            if base > 0:
                ratios[key].append(daily.get(day, 0) / base)
        day += timedelta(days=1)
    return {key: sum(r) / len(r) for key, r in ratios.items()}


def forecast_from_daily(daily: dict[date, int], today: date, days: int = 28) -> Forecast:
    """The forecast for `days` days after `today` from sales per day up to `today`."""
    first = min(daily) if daily else today
    history = tuple(
        (first + timedelta(days=i), daily.get(first + timedelta(days=i), 0))
        for i in range((today - first).days + 1)
    )

    recent = [today - timedelta(days=i) for i in range(1, WEEKS * 7 + 1)]
    profile = [0.0] * 7
    for weekday in range(7):
        same = [
            daily.get(d, 0)
            for d in recent
            if d.weekday() == weekday and festival_offset(d) is None
        ]
        profile[weekday] = sum(same) / len(same) if same else 0.0

    last_block = sum(daily.get(d, 0) for d in recent)
    earlier = sum(
        daily.get(today - timedelta(days=i), 0) for i in range(WEEKS * 7 + 1, WEEKS * 14 + 1)
    )
    trend = min(max(last_block / earlier, 0.5), 2.0) if earlier and last_block else 1.0
    lifts = _learn_lifts(daily, first, today - timedelta(days=1))

    ahead = []
    for i in range(1, days + 1):
        day = today + timedelta(days=i)
        value = profile[day.weekday()] * trend ** (i / (WEEKS * 7))
        key = festival_offset(day)
        if key is not None:
            value *= lifts.get(key, 1.0)
        ahead.append((day, round(value, 2)))
    peak = max((lift for (_name, offset), lift in lifts.items() if offset == 0), default=1.0)
    return Forecast(history, tuple(ahead), tuple(profile), round(trend, 3), round(peak, 2))


def _local_day(at: datetime) -> date:
    return at.astimezone(desk_timezone()).date()


def daily_sales(
    session: Session, product_ids: list[int] | None, since: datetime
) -> dict[int, dict[date, int]]:
    """Shipped pieces per product and desk-local day since `since`."""
    query = select(StockMove.product_id, StockMove.at, StockMove.on_hand_delta).where(
        StockMove.kind == "ship", StockMove.at >= since
    )
    if product_ids is not None:
        query = query.where(StockMove.product_id.in_(product_ids))
    sales: dict[int, dict[date, int]] = defaultdict(lambda: defaultdict(int))
    for pid, at, delta in session.execute(query):
        sales[pid][_local_day(at)] -= delta
    return sales


def forecast_product(
    session: Session, product_id: int, now: datetime | None = None, days: int = 28
) -> Forecast:
    now = now or utcnow()
    sales = daily_sales(session, [product_id], now - timedelta(days=HISTORY_DAYS))
    return forecast_from_daily(dict(sales.get(product_id, {})), _local_day(now), days)


def next_week_all(session: Session, now: datetime | None = None) -> dict[int, int]:
    """Next week's forecast for every product that sold in the history window."""
    now = now or utcnow()
    sales = daily_sales(session, None, now - timedelta(days=HISTORY_DAYS))
    today = _local_day(now)
    return {
        pid: forecast_from_daily(dict(days), today, 7).next_week for pid, days in sales.items()
    }
