"""The bulk path of a verification run: plain records, their state moves, and the write-back."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select, update

from app.db.models import Order
from app.errors import IllegalTransition
from app.orders.queries import order_detail
from app.orders.status import Status
from app.verification.batch import load_orders, move_record, save_orders
from app.verification.service import REVERIFIABLE

AT = datetime(2026, 12, 3, 8, 0, tzinfo=UTC)


def _load(session, order_no):
    order_id = session.scalar(select(Order.id).where(Order.order_no == order_no))
    return load_orders(session, [order_id], REVERIFIABLE)


def test_records_carry_the_same_values_as_the_orm(make_order, shop) -> None:
    make_order(order_no="B-1", lines=(("CUP-RED", 2, "55.55"), ("CUP-BLUE", 1, "55.55")))
    with shop.reading() as session:
        (order,) = _load(session, "B-1").orders
    assert order.paid_total == Decimal("176.65") and order.paid is True
    assert order.status_since.tzinfo is not None
    assert [(ln.line_no, ln.sku, ln.unit_price) for ln in order.lines] == [
        (1, "CUP-RED", Decimal("55.55")),
        (2, "CUP-BLUE", Decimal("55.55")),
    ]


def test_move_record_refuses_what_the_state_machine_refuses(make_order, shop) -> None:
    make_order(order_no="B-2")
    with shop.reading() as session:
        (order,) = _load(session, "B-2").orders
    with pytest.raises(IllegalTransition):
        move_record(order, Status.SHIPPED, user="clerk", at=AT)
    assert order.status == "new" and order.events == []


def test_a_moved_record_is_saved_with_its_event_time_and_user(make_order, shop) -> None:
    make_order(order_no="B-3")
    with shop.transaction() as session:
        loaded = _load(session, "B-3")
        move_record(loaded.orders[0], Status.HELD, user="clerk", note="审核未通过", at=AT)
        save_orders(session, loaded)
    with shop.reading() as session:
        detail = order_detail(session, "B-3")
    assert detail.status == "held"
    last = detail.events[-1]
    assert (last.from_status, last.to_status, last.user, last.note) == (
        "new",
        "held",
        "clerk",
        "审核未通过",
    )
    assert last.at == AT


def test_an_order_confirmed_meanwhile_is_not_loaded_again(make_order, shop) -> None:
    """A run commits chunk by chunk; an order confirmed at another desk in between is left
    alone instead of being moved back to held or verified."""
    make_order(order_no="B-4")
    with shop.transaction() as session:
        session.execute(update(Order).where(Order.order_no == "B-4").values(status="confirmed"))
    with shop.reading() as session:
        assert _load(session, "B-4").orders == []
