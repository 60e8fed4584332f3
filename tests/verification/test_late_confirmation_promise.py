"""A promised ship date is never a day already gone, and `promise` says what `confirm` says."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest
from sqlalchemy import select

from app import settings
from app.config import desk_timezone
from app.db.models import OutboxMessage, Product
from app.promise.ship_date import promise_ship_date
from app.stock.ledger import post_move
from app.verification.confirm import confirm_clean_orders
from app.verification.service import verify_orders
from main import main

SHANGHAI = timezone(timedelta(hours=8))
# Friday 4 December 2026 in Shanghai, a working day: before and after the 16:00 cut-off.
FRIDAY_MORNING = datetime(2026, 12, 4, 9, 0, tzinfo=SHANGHAI)
FRIDAY_EVENING = datetime(2026, 12, 4, 17, 30, tzinfo=SHANGHAI)


@pytest.fixture
def stocked(shop):
    with shop.transaction() as session:
        cup = session.scalars(select(Product).where(Product.sku == "CUP-RED")).one()
        post_move(session, product_id=cup.id, kind="receipt", on_hand_delta=50)
    return shop


def _promised_in_sms(db) -> date:
    """The day the customer's text message promises, read back from its words."""
    with db.reading() as session:
        sms = session.scalars(
            select(OutboxMessage.body).where(OutboxMessage.channel == "sms")
        ).one()
    month, day = map(int, re.search(r"预计(\d+)月(\d+)日前发货", sms).groups())
    return date(2026, month, day)


def test_an_order_paid_long_ago_is_promised_from_the_confirmation_day(stocked, make_order):
    """An order paid in August and confirmed in December told the customer it would ship by a
    day in August."""
    make_order(order_no="OLD")
    verify_orders(stocked)

    [confirmation] = confirm_clean_orders(stocked, ["OLD"], now=FRIDAY_MORNING)

    assert not confirmation.backordered
    assert confirmation.ship_by == date(2026, 12, 4)
    assert _promised_in_sms(stocked) == date(2026, 12, 4)


def test_a_late_confirmation_after_the_cutoff_promises_the_next_working_day(stocked, make_order):
    make_order(order_no="OLDPM")
    verify_orders(stocked)

    [confirmation] = confirm_clean_orders(stocked, ["OLDPM"], now=FRIDAY_EVENING)

    assert confirmation.ship_by == date(2026, 12, 7)
    assert _promised_in_sms(stocked) == date(2026, 12, 7)


def test_confirming_today_never_promises_a_day_before_today(stocked, make_order):
    make_order(order_no="TODAY")
    verify_orders(stocked)

    [confirmation] = confirm_clean_orders(stocked, ["TODAY"])

    assert confirmation.ship_by >= datetime.now(desk_timezone()).date()


def test_the_payment_rule_still_wins_when_it_gives_the_later_day():
    paid = datetime(2026, 12, 3, 17, 0, tzinfo=SHANGHAI)
    confirmed = paid + timedelta(minutes=5)

    # Paid Thursday after the cut-off: counted from Friday, two working days on is Tuesday.
    assert promise_ship_date(paid, 2, "Asia/Shanghai", confirmed_at=confirmed) == date(2026, 12, 8)


def test_restock_days_count_from_a_late_confirmation():
    paid = datetime(2026, 8, 27, 7, 0, tzinfo=SHANGHAI)

    ship_by = promise_ship_date(
        paid, 2, "Asia/Shanghai", extra_days=3, confirmed_at=FRIDAY_MORNING
    )

    assert ship_by == date(2026, 12, 9)


@pytest.mark.parametrize(
    ("stored", "expected_days"),
    [({}, 2), ({"promise.days": 3, "promise.cutoff": "09:00"}, 3)],
)
def test_promise_without_days_gives_the_date_confirm_promises(
    stocked, make_order, capsys, stored, expected_days
):
    """`promise` counted one day whatever the shop had set, and ignored its cut-off, so it
    disagreed with the date `confirm` had just sent the customer."""
    with stocked.transaction() as session:
        for key, value in stored.items():
            settings.put(session, key, value)
    paid = datetime(2026, 11, 30, 10, 0, tzinfo=SHANGHAI)
    make_order(order_no="SAME", paid_at=paid.astimezone(UTC))
    verify_orders(stocked)
    at = paid + timedelta(hours=1)
    [confirmation] = confirm_clean_orders(stocked, ["SAME"], now=at)

    asked = ["--paid", "2026-11-30 10:00", "--at", "2026-11-30 11:00"]
    assert main(["--db", stocked.url, "promise", *asked]) == 0

    assert capsys.readouterr().out.strip() == confirmation.ship_by.isoformat()
    cutoff = time.fromisoformat(stored.get("promise.cutoff", "16:00"))
    assert confirmation.ship_by == promise_ship_date(
        paid, expected_days, "Asia/Shanghai", cutoff=cutoff
    )


def test_promise_for_a_payment_long_ago_gives_a_day_from_now(db_url, capsys):
    asked = ["--paid", "2026-08-27 07:00", "--at", "2026-12-04 17:30"]

    assert main(["--db", db_url, "promise", *asked]) == 0

    assert capsys.readouterr().out.strip() == "2026-12-07"
