"""Column types that keep money exact and times aware on every database.

SQLite has no decimal type and drops time zones, so money is stored as whole fen (cents),
weights as whole grams and times as naive UTC; Python code only ever sees `Decimal` and aware
`datetime` values. The same columns work unchanged on PostgreSQL.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import BigInteger, DateTime, Integer
from sqlalchemy.types import TypeDecorator

CENT = Decimal("0.01")
GRAM = Decimal("0.001")


def to_money(value: Decimal | int | str) -> Decimal:
    """Round to fen, half up, the way Chinese shops print prices. Floats are refused."""
    if isinstance(value, float):
        raise TypeError("money must never be a float")
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


class Money(TypeDecorator):
    """A yuan amount as `Decimal` with two places, stored as integer fen."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        return int(to_money(value) * 100)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return (Decimal(int(value)) / 100).quantize(CENT)


class Weight(TypeDecorator):
    """A weight in kilograms as `Decimal` with three places, stored as integer grams."""

    impl = Integer
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if isinstance(value, float):
            raise TypeError("weights must never be floats")
        return int((Decimal(value) * 1000).quantize(Decimal(1), rounding=ROUND_HALF_UP))

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return (Decimal(int(value)) / 1000).quantize(GRAM)


class UTCDateTime(TypeDecorator):
    """An aware datetime, converted to UTC on the way in and marked UTC on the way out."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: times must carry a zone")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)
