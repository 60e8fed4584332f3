"""The order state machine allows only its arrows and time-stamps every move."""

from __future__ import annotations

import pytest

from app.db.engine import Database
from app.db.models import Order
from app.errors import IllegalTransition
from app.orders.status import MoveBatch, Status, move, record_arrival


def _order(db: Database) -> None:
    with db.transaction() as session:
        order = Order(platform="taobao", order_no="2001")
        record_arrival(order, user="tester")
        session.add(order)


def test_legal_moves_are_recorded_with_time_and_user(db: Database) -> None:
    _order(db)
    with db.transaction() as session:
        order = session.query(Order).one()
        move(order, Status.VERIFIED, user="clerk-a")
        move(order, Status.PACKING, user="clerk-a")
    with db.reading() as session:
        order = session.query(Order).one()
        assert order.status == "packing"
        assert [(e.from_status, e.to_status, e.user) for e in order.events] == [
            ("", "new", "tester"),
            ("new", "verified", "clerk-a"),
            ("verified", "packing", "clerk-a"),
        ]
        assert all(e.at.tzinfo is not None for e in order.events)


def test_new_order_cannot_be_shipped(db: Database) -> None:
    _order(db)
    with db.transaction() as session:
        order = session.query(Order).one()
        with pytest.raises(IllegalTransition) as caught:
            move(order, Status.SHIPPED, user="clerk-a")
        assert order.status == "new"
    assert caught.value.order_no == "2001"
    assert "已发货" in str(caught.value)


def test_cancelled_is_final(db: Database) -> None:
    _order(db)
    with db.transaction() as session:
        order = session.query(Order).one()
        move(order, Status.CANCELLED, user="clerk-a")
        for wanted in Status:
            with pytest.raises(IllegalTransition):
                move(order, wanted, user="clerk-a")


def test_move_without_reading_history_still_shows_in_it(db: Database) -> None:
    _order(db)
    with db.transaction() as session:
        order = session.query(Order).one()
        move(order, Status.VERIFIED, user="clerk-a")
        assert [e.to_status for e in order.events] == ["new", "verified"]


def test_batch_moves_are_checked_and_stored_with_their_events(db: Database) -> None:
    _order(db)
    with db.transaction() as session:
        order = session.query(Order).one()
        assert len(order.events) == 1
        batch = MoveBatch(session)
        batch.move(order, Status.VERIFIED, user="clerk-b", note="批量")
        with pytest.raises(IllegalTransition):
            batch.move(order, Status.SHIPPED, user="clerk-b")
        assert order.status == "verified"
        batch.write()
        # The history read before the batch is read again, with the batch's event.
        assert [e.to_status for e in order.events] == ["new", "verified"]
    with db.reading() as session:
        order = session.query(Order).one()
        assert order.status == "verified"
        assert order.status_since is not None
        last = order.events[-1]
        assert (last.from_status, last.to_status, last.user, last.note) == (
            "new",
            "verified",
            "clerk-b",
            "批量",
        )
