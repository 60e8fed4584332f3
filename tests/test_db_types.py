"""Money stays exact and times stay aware, whatever the database stores underneath."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from app.db.engine import Database
from app.db.models import Order, Product
from app.db.types import to_money


def test_money_round_trips_exactly(db: Database) -> None:
    with db.transaction() as session:
        session.add(Product(sku="P1", name="茶杯", price=Decimal("1234567.89")))
    with db.reading() as session:
        price = session.query(Product).one().price
    assert price == Decimal("1234567.89")
    assert isinstance(price, Decimal)


def test_money_refuses_floats() -> None:
    with pytest.raises(TypeError):
        to_money(0.1)


def test_money_rounds_half_up_to_fen() -> None:
    assert to_money(Decimal("122.215")) == Decimal("122.22")
    assert to_money(Decimal("0.005")) == Decimal("0.01")


def test_times_are_stored_in_utc_and_come_back_aware(db: Database) -> None:
    shanghai = timezone(timedelta(hours=8))
    paid = datetime(2026, 8, 27, 7, 0, tzinfo=shanghai)
    with db.transaction() as session:
        session.add(Order(platform="taobao", order_no="1001", paid_at=paid))
    with db.reading() as session:
        stored = session.query(Order).one().paid_at
    assert stored == paid
    assert stored.tzinfo == UTC
    assert stored.hour == 23


def test_naive_times_are_refused(db: Database) -> None:
    with pytest.raises(Exception, match="naive"), db.transaction() as session:
        session.add(Order(platform="taobao", order_no="1002", paid_at=datetime(2026, 1, 1)))
