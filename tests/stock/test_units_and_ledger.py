"""Pack units in base pieces, ledger figures, the stock check, receipts and adjustments."""

from __future__ import annotations

import pytest

from app.db.models.stock_control import PackUnit
from app.stock.check import check_stock
from app.stock.errors import BadQuantity, MissingReason, UnknownPackUnit
from app.stock.figures import stock_of
from app.stock.ledger import figures, post_move
from app.stock.receiving import adjust_stock, receive_goods
from app.stock.reservation import LineState, reserve_order
from app.stock.units import base_quantity


def test_120_pieces_less_one_dozen_leaves_exactly_108(db, shop):
    pid = shop.product("SOCK", on_hand=120)
    with db.transaction() as session:
        dozen = base_quantity(session, pid, "一打", 1)
        post_move(session, product_id=pid, kind="pick", on_hand_delta=-dozen, reason="一打")

    with db.reading() as session:
        assert dozen == 12
        assert figures(session, pid).on_hand == 108


def test_own_pack_units_and_counted_packs(db, shop):
    pid = shop.product("SOCK")
    with db.transaction() as session:
        session.add(PackUnit(product_id=pid, name="礼盒", quantity=6))
        session.flush()
        assert base_quantity(session, pid, "礼盒", 2) == 12
        assert base_quantity(session, pid, "8只装", 2) == 16
        assert base_quantity(session, "SOCK", 5) == 5
        with pytest.raises(UnknownPackUnit):
            base_quantity(session, pid, "一箱", 1)


def test_two_eight_packs_against_15_pieces_is_a_shortage_not_negative_stock(db, shop):
    from app.db.models import Order

    pid = shop.product("SOCK", on_hand=15)
    with db.transaction() as session:
        session.add(PackUnit(product_id=pid, name="8只装", quantity=8))
    order_id = shop.order(("SOCK", 2), attributes="规格:8只装")

    with db.transaction() as session:
        result = reserve_order(session, session.get(Order, order_id), "tester")

    line = result.lines[0]
    assert (line.ordered, line.reserved, line.backordered) == (16, 15, 1)
    assert line.state is LineState.PARTLY_RESERVED
    with db.reading() as session:
        assert figures(session, pid).on_hand == 15
        assert figures(session, pid).available == 0


def test_stock_check_names_products_whose_stored_figures_differ(db, shop):
    shop.product("GOOD", on_hand=5)
    bad = shop.product("BAD", on_hand=7)
    with db.reading() as session:
        assert check_stock(session).ok

    with db.engine.begin() as connection:
        connection.exec_driver_sql(f"UPDATE stock_levels SET on_hand = 9 WHERE product_id={bad}")

    with db.reading() as session:
        report = check_stock(session)
    assert not report.ok
    assert [d.sku for d in report.differences] == ["BAD"]
    assert (report.differences[0].ledger.on_hand, report.differences[0].stored.on_hand) == (7, 9)


def test_receiving_in_dozens_sets_the_bin_and_adjusting_needs_a_reason(db, shop):
    pid = shop.product("SOCK")
    with db.transaction() as session:
        receipt = receive_goods(session, "SOCK", 10, unit="打", bin="A-01-01", user="tester")
    assert (receipt.pieces, receipt.bin, receipt.on_hand_after) == (120, "A-01-01", 120)

    with db.transaction() as session, pytest.raises(MissingReason):
        adjust_stock(session, "SOCK", -2, reason=" ", user="tester")
    with db.transaction() as session, pytest.raises(BadQuantity):
        adjust_stock(session, "SOCK", -500, reason="丢失", user="tester")
    with db.transaction() as session:
        adjust_stock(session, "SOCK", -2, reason="破损", user="tester")
    with db.reading() as session:
        assert stock_of(session, pid).on_hand == 118
        assert check_stock(session).ok
