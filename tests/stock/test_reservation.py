"""Reserving, releasing and shipping stock per order line."""

from __future__ import annotations

from app.db.models import Order
from app.stock.figures import stock_of
from app.stock.ledger import figures, post_move
from app.stock.reservation import LineState, release_order, reserve_order, ship_order_stock


def _reserve(db, order_id):
    with db.transaction() as session:
        return reserve_order(session, session.get(Order, order_id), "tester")


def _figures(db, product_id):
    with db.reading() as session:
        return stock_of(session, product_id), figures(session, product_id)


def test_full_partial_and_backordered_lines_report_their_quantities(db, shop):
    shop.product("CUP", on_hand=20)
    shop.product("PLATE", on_hand=10)
    shop.product("BOWL", on_hand=0)
    order_id = shop.order(("CUP", 4), ("PLATE", 15), ("BOWL", 2))

    result = _reserve(db, order_id)

    cup, plate, bowl = result.lines
    assert (cup.state, cup.reserved, cup.backordered) == (LineState.RESERVED, 4, 0)
    assert (plate.state, plate.reserved, plate.backordered) == (LineState.PARTLY_RESERVED, 10, 5)
    assert (bowl.state, bowl.reserved, bowl.backordered) == (LineState.BACKORDERED, 0, 2)
    assert not result.complete


def test_reserving_again_never_reserves_more_than_the_line_needs(db, shop):
    pid = shop.product("CUP", on_hand=20)
    order_id = shop.order(("CUP", 4))

    for _ in range(3):
        result = _reserve(db, order_id)

    assert result.lines[0].reserved == 4
    cached, ledger = _figures(db, pid)
    assert cached == ledger
    assert (ledger.on_hand, ledger.reserved, ledger.available) == (20, 4, 16)


def test_count_below_reserved_then_reserve_three_times_leaves_what_is_on_hand(db, shop):
    """10 on hand, 5 reserved, a count sets on hand to 3: reserving leaves exactly 3."""
    pid = shop.product("CUP", on_hand=10)
    order_id = shop.order(("CUP", 5))
    _reserve(db, order_id)
    with db.transaction() as session:
        post_move(session, product_id=pid, kind="count", on_hand_delta=-7, reason="盘点为 3")

    for _ in range(3):
        result = _reserve(db, order_id)

    line = result.lines[0]
    assert (line.reserved, line.backordered) == (3, 2)
    cached, ledger = _figures(db, pid)
    assert cached == ledger
    assert (ledger.on_hand, ledger.reserved) == (3, 3)


def test_partial_shipment_leaves_exactly_the_remainder_backordered(db, shop):
    """Order 15 with 10 in stock: 10 ship, 5 stay backordered, nothing is negative."""
    pid = shop.product("CUP", on_hand=10)
    order_id = shop.order(("CUP", 15))
    _reserve(db, order_id)

    with db.transaction() as session:
        shipped = ship_order_stock(session, session.get(Order, order_id), "tester")
    result = _reserve(db, order_id)

    assert [s.quantity for s in shipped] == [10]
    line = result.lines[0]
    assert (line.ordered, line.shipped, line.reserved, line.backordered) == (15, 10, 0, 5)
    _cached, ledger = _figures(db, pid)
    assert (ledger.on_hand, ledger.reserved) == (0, 0)


def test_shipping_one_order_keeps_the_other_orders_reservation(db, shop):
    pid = shop.product("CUP", on_hand=5)
    order_a = shop.order(("CUP", 2))
    order_b = shop.order(("CUP", 3))
    _reserve(db, order_a)
    _reserve(db, order_b)

    with db.transaction() as session:
        ship_order_stock(session, session.get(Order, order_a), "tester")

    again_b = _reserve(db, order_b)
    assert again_b.lines[0].reserved == 3
    _cached, ledger = _figures(db, pid)
    assert (ledger.on_hand, ledger.reserved, ledger.available) == (3, 3, 0)


def test_release_gives_every_line_back(db, shop):
    pid = shop.product("CUP", on_hand=5)
    order_id = shop.order(("CUP", 2))
    _reserve(db, order_id)

    with db.transaction() as session:
        released = release_order(session, session.get(Order, order_id), "tester")

    assert [r.quantity for r in released] == [2]
    _cached, ledger = _figures(db, pid)
    assert ledger.reserved == 0


def test_every_ledger_row_carries_user_time_and_reason(db, shop):
    pid = shop.product("CUP", on_hand=5)
    _reserve(db, shop.order(("CUP", 2)))

    with db.reading() as session:
        from app.db.models import StockMove

        moves = session.query(StockMove).filter_by(product_id=pid).all()
    assert [m.kind for m in moves] == ["receipt", "reserve"]
    assert all(m.user and m.reason and m.at.tzinfo is not None for m in moves)


def test_shipping_after_a_count_found_less_never_drives_stock_negative(db, shop):
    """Regression: 5 reserved, a count found only 2; handover used to ship 5 and leave -3."""
    pid = shop.product("CUP", on_hand=5)
    order_id = shop.order(("CUP", 5))
    _reserve(db, order_id)
    with db.transaction() as session:
        post_move(session, product_id=pid, kind="count", on_hand_delta=-3, reason="盘点为 2")

    with db.transaction() as session:
        shipped = ship_order_stock(session, session.get(Order, order_id), "tester")

    assert [s.quantity for s in shipped] == [2]
    cached, ledger = _figures(db, pid)
    assert cached == ledger
    assert (ledger.on_hand, ledger.reserved) == (0, 0)
    assert _reserve(db, order_id).lines[0].backordered == 3
