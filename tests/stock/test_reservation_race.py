"""Two desks reserving the last unit at the same moment, on SQLite in WAL mode."""

from __future__ import annotations

import threading

import pytest

from app.db.models import Order
from app.stock import reservation
from app.stock.errors import InsufficientStock
from app.stock.ledger import figures, post_move
from app.stock.reservation import LineState, reserve_order


def _run_in_two_threads(work):
    """Run `work(i)` in two real threads; return their results or exceptions by index."""
    outcomes: dict[int, object] = {}

    def run(i: int) -> None:
        try:
            outcomes[i] = work(i)
        except Exception as exc:  # noqa: BLE001 - the test inspects what each thread got
            outcomes[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    return outcomes


def test_two_desks_reserving_the_last_unit_exactly_one_wins(db, shop, monkeypatch):
    """Both desks read "1 available" before either writes; only one may get it."""
    pid = shop.product("LAST", on_hand=1)
    orders = [shop.order(("LAST", 1)), shop.order(("LAST", 1))]
    both_have_read = threading.Barrier(2, timeout=10)
    real_current = reservation._current
    first_read = threading.local()

    def current_then_wait(session, product_id):
        seen = real_current(session, product_id)
        if not getattr(first_read, "done", False):
            first_read.done = True
            both_have_read.wait()
        return seen

    monkeypatch.setattr(reservation, "_current", current_then_wait)

    def desk(i: int):
        with db.transaction() as session:
            return reserve_order(session, session.get(Order, orders[i]), f"desk{i}")

    outcomes = _run_in_two_threads(desk)

    states = sorted(outcomes[i].lines[0].state for i in range(2))
    assert states == [LineState.BACKORDERED, LineState.RESERVED]
    with db.reading() as session:
        ledger = figures(session, pid)
    assert (ledger.on_hand, ledger.reserved) == (1, 1)


def test_conditional_update_gives_the_loser_insufficient_stock(db, shop):
    pid = shop.product("LAST", on_hand=1)
    order_ids = [shop.order(("LAST", 1)), shop.order(("LAST", 1))]
    start = threading.Barrier(2, timeout=10)

    def desk(i: int):
        with db.transaction() as session:
            start.wait()
            post_move(
                session,
                product_id=pid,
                kind="reserve",
                reserved_delta=1,
                order_id=order_ids[i],
                reason="抢最后一件",
                only_if_available=True,
            )
            return "reserved"

    outcomes = _run_in_two_threads(desk)

    winners = [o for o in outcomes.values() if o == "reserved"]
    losers = [o for o in outcomes.values() if isinstance(o, InsufficientStock)]
    assert len(winners) == 1 and len(losers) == 1
    assert losers[0].available == 0 and losers[0].sku == "LAST"
    with db.reading() as session:
        assert figures(session, pid).reserved == 1


def test_the_database_really_is_in_wal_mode(db):
    with db.engine.connect() as connection:
        mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
    assert mode == "wal"


@pytest.mark.parametrize("rounds", [5])
def test_many_racing_rounds_never_oversell(db, shop, rounds):
    pid = shop.product("HOT", on_hand=rounds)
    orders = [shop.order(("HOT", 1)) for _ in range(rounds * 2)]

    def desk(i: int):
        results = []
        for order_id in orders[i::2]:
            with db.transaction() as session:
                results.append(reserve_order(session, session.get(Order, order_id), "d"))
        return results

    outcomes = _run_in_two_threads(desk)

    assert not [o for o in outcomes.values() if isinstance(o, Exception)]
    with db.reading() as session:
        ledger = figures(session, pid)
    assert (ledger.on_hand, ledger.reserved) == (rounds, rounds)
