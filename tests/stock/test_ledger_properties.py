"""Whatever sequence of receipts, reservations, counts, shipments and cancellations happens,
the stored totals equal the ledger, and no order line holds more than it ordered."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.db.models import Order
from app.stock.check import check_stock
from app.stock.figures import stock_of
from app.stock.ledger import post_move
from app.stock.reservation import (
    line_holdings,
    release_order,
    reserve_order,
    ship_order_stock,
)

_skus = itertools.count()

steps = st.lists(
    st.tuples(
        st.sampled_from(["receive", "reserve", "count", "ship", "release"]),
        st.integers(0, 2),
        st.integers(0, 12),
    ),
    min_size=1,
    max_size=10,
)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(plan=steps, ordered=st.lists(st.integers(1, 9), min_size=3, max_size=3))
def test_totals_always_equal_the_ledger_and_lines_never_over_reserve(db, shop, plan, ordered):
    sku = f"P{next(_skus)}"
    pid = shop.product(sku, on_hand=5)
    orders = [shop.order((sku, qty)) for qty in ordered]

    for action, which, amount in plan:
        with db.transaction() as session:
            order = session.get(Order, orders[which])
            if action == "receive" and amount:
                post_move(
                    session, product_id=pid, kind="receipt", on_hand_delta=amount, reason="到货"
                )
            elif action == "reserve":
                reserve_order(session, order, "t")
            elif action == "count":
                now = stock_of(session, pid).on_hand
                if amount != now:
                    post_move(
                        session,
                        product_id=pid,
                        kind="count",
                        on_hand_delta=amount - now,
                        reason="盘点",
                    )
            elif action == "ship":
                ship_order_stock(session, order, "t")
            elif action == "release":
                release_order(session, order, "t")

    with db.reading() as session:
        assert check_stock(session).ok
        figures = stock_of(session, pid)
        assert figures.on_hand >= 0 and figures.reserved >= 0
        for order_id, qty in zip(orders, ordered, strict=True):
            order = session.get(Order, order_id)
            for reserved, shipped in line_holdings(session, order).values():
                assert 0 <= reserved and reserved + shipped <= qty
