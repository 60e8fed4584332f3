"""Working days follow the official Chinese calendar, not just Monday to Friday."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest

from app.promise.ship_date import promise_ship_date
from app.promise.workdays import add_workdays, is_workday

SHANGHAI = timezone(timedelta(hours=8))


def test_national_day_is_not_a_workday_and_the_make_up_saturday_is() -> None:
    assert not is_workday(date(2026, 10, 1))
    assert is_workday(date(2026, 10, 10))  # Saturday worked in exchange for the holiday
    assert not is_workday(date(2026, 10, 17))  # an ordinary Saturday


def test_one_workday_after_the_eve_of_national_day_skips_the_whole_holiday() -> None:
    assert add_workdays(date(2026, 9, 30), 1) == date(2026, 10, 8)


def test_friday_before_a_make_up_saturday_ships_on_that_saturday() -> None:
    assert add_workdays(date(2026, 10, 9), 1) == date(2026, 10, 10)


def test_zero_workdays_on_a_holiday_means_the_next_working_day() -> None:
    assert add_workdays(date(2026, 10, 3), 0) == date(2026, 10, 8)
    assert add_workdays(date(2026, 8, 27), 0) == date(2026, 8, 27)


def test_a_year_the_calendar_does_not_know_still_counts_weekends() -> None:
    assert add_workdays(date(2030, 3, 1), 1) == date(2030, 3, 4)  # Friday -> Monday


def test_negative_days_are_refused() -> None:
    with pytest.raises(ValueError):
        add_workdays(date(2026, 8, 27), -1)


def test_early_morning_payment_counts_in_the_desk_zone_not_utc() -> None:
    """07:00 in Shanghai is still the previous day in UTC; the promise must not go back."""
    paid = datetime(2026, 8, 27, 7, 0, tzinfo=SHANGHAI)
    assert promise_ship_date(paid, 1, "Asia/Shanghai") == date(2026, 8, 28)
    assert promise_ship_date(paid.astimezone(UTC), 1, "Asia/Shanghai") == date(2026, 8, 28)


def test_payment_after_the_cut_off_counts_from_the_next_working_day() -> None:
    paid = datetime(2026, 8, 28, 17, 30, tzinfo=SHANGHAI)  # Friday after 16:00
    assert promise_ship_date(paid, 0, "Asia/Shanghai") == date(2026, 8, 31)
    assert promise_ship_date(paid, 1, "Asia/Shanghai") == date(2026, 9, 1)
    assert promise_ship_date(paid, 1, "Asia/Shanghai", cutoff=time(18, 0)) == date(2026, 8, 31)


def test_restock_days_push_the_promise_back() -> None:
    paid = datetime(2026, 8, 27, 9, 0, tzinfo=SHANGHAI)
    assert promise_ship_date(paid, 1, "Asia/Shanghai", extra_days=3) == date(2026, 9, 2)
