"""Packing by scanning: ticks, refusals, state changes, and nothing lost on a kill."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from packing_fixtures import MUG, TEA, UNKNOWN, VASE, make_order, make_products
from sqlalchemy import select

from app.db.models import Order, ScanEvent, Shipment
from app.errors import BadInput, OrderNotFound
from app.orders.status import Status
from app.packing.service import (
    ItemInSeveralOrders,
    clerk_stats,
    open_for_packing,
    override_scan,
    pick_slip_code,
    scan,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def order_id(db) -> int:
    make_products(db)
    return make_order(db, "3901000000000000001", [("MUG-01", 2), ("TEA-02", 1)])


def _status(db, order_id: int) -> str:
    with db.reading() as session:
        return session.get(Order, order_id).status


def test_open_by_order_number_shows_lines_and_quantities(db, order_id) -> None:
    view = open_for_packing(db, "3901000000000000001")
    assert [(ln.sku, ln.quantity, ln.scanned) for ln in view.lines] == [
        ("MUG-01", 2, 0),
        ("TEA-02", 1, 0),
    ]
    assert view.blocked_reason == ""


def test_open_by_pick_slip_and_by_item_waiting_in_one_order(db, order_id) -> None:
    assert open_for_packing(db, pick_slip_code(order_id)).order_id == order_id
    assert open_for_packing(db, TEA).order_id == order_id


def test_item_waiting_in_two_orders_does_not_open_either(db, order_id) -> None:
    make_order(db, "3901000000000000002", [("TEA-02", 1)])
    with pytest.raises(ItemInSeveralOrders):
        open_for_packing(db, TEA)


def test_unknown_order_number_is_bad_input(db, order_id) -> None:
    with pytest.raises(OrderNotFound):
        open_for_packing(db, "3901999999999999999")


def test_scans_tick_units_and_the_last_one_packs_the_order(db, order_id) -> None:
    first = scan(db, order_id, MUG)
    assert first.accepted
    assert _status(db, order_id) == Status.PACKING
    scan(db, order_id, f"]E0{MUG}")
    last = scan(db, order_id, TEA)
    assert last.completed
    assert last.view.complete
    assert _status(db, order_id) == Status.PACKED
    with db.reading() as session:
        shipment = session.scalars(select(Shipment).where(Shipment.order_id == order_id)).one()
        assert shipment.packed_at is not None


def test_quantity_prefix_ticks_several_units(db, order_id) -> None:
    result = scan(db, order_id, f"2*{MUG}")
    assert result.accepted
    assert result.view.lines[0].scanned == 2


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (UNKNOWN, "未知条码"),
        (VASE, "不是本订单的商品"),
        ("5032783267860", "应为 3"),
    ],
)
def test_wrong_scans_are_refused_stored_and_change_nothing(db, order_id, code, words) -> None:
    result = scan(db, order_id, code)
    assert not result.accepted
    assert words in result.reason
    assert _status(db, order_id) == Status.VERIFIED
    with db.reading() as session:
        event = session.scalars(select(ScanEvent)).one()
        assert (event.accepted, event.code) == (False, code)
        assert words in event.reason


def test_one_unit_too_many_is_refused(db, order_id) -> None:
    scan(db, order_id, TEA)
    result = scan(db, order_id, TEA)
    assert not result.accepted
    assert "多扫" in result.reason
    assert result.view.lines[1].scanned == 1


@pytest.mark.parametrize("status", [Status.CANCELLED, Status.HELD])
def test_cancelled_or_held_orders_cannot_be_packed(db, status) -> None:
    make_products(db)
    oid = make_order(db, "3901000000000000003", [("MUG-01", 1)], status=status)
    result = scan(db, oid, MUG)
    assert not result.accepted
    assert "不能打包" in result.reason
    assert _status(db, oid) == status


def test_supervisor_override_ticks_a_unit_and_is_audited(db, order_id) -> None:
    from app.db.models.packing_station import PackingOverride

    with pytest.raises(BadInput):
        override_scan(db, order_id, 2, 1, supervisor="李主管", reason="")
    result = override_scan(db, order_id, 2, 1, supervisor="李主管", reason="条码撕破")
    assert result.accepted
    with db.reading() as session:
        row = session.scalars(select(PackingOverride)).one()
        assert (row.kind, row.supervisor, row.reason) == ("scan", "李主管", "条码撕破")


def test_clerk_stats_count_accepted_and_wrong_scans(db, order_id) -> None:
    scan(db, order_id, MUG, user="小张")
    scan(db, order_id, UNKNOWN, user="小张")
    scan(db, order_id, UNKNOWN, user="小李")
    stats = {s.user: s for s in clerk_stats(db)}
    assert (stats["小张"].accepted_scans, stats["小张"].refused_scans) == (1, 1)
    assert stats["小李"].refused_scans == 1


def test_kill_minus_nine_loses_no_scan(db, db_url, order_id) -> None:
    """A desk process killed mid-order: the reopened order shows exactly the stored scans."""
    script = textwrap.dedent(f"""
        import sys
        from app.db.engine import Database
        from app.packing.service import scan
        db = Database({db_url!r})
        print(scan(db, {order_id}, {MUG!r}).accepted, flush=True)
        print(scan(db, {order_id}, {UNKNOWN!r}).accepted, flush=True)
        sys.stdin.read()
    """)
    child = subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ},
    )
    assert child.stdout.readline().strip() == "True"
    assert child.stdout.readline().strip() == "False"
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=10)

    view = open_for_packing(db, "3901000000000000001")
    assert [ln.scanned for ln in view.lines] == [1, 0]
    assert view.status == Status.PACKING
    with db.reading() as session:
        assert [e.accepted for e in session.scalars(select(ScanEvent))] == [True, False]


def test_order_on_the_intake_stop_list_cannot_be_packed(db, order_id) -> None:
    from app.intake.stop_list import stop

    scan(db, order_id, MUG)
    with db.transaction() as session:
        stop(session, order_id, "买家已在平台取消")
    result = scan(db, order_id, MUG)
    assert not result.accepted
    assert "拦截" in result.reason
    assert result.view.lines[0].scanned == 1


def test_item_already_scanned_in_one_order_opens_the_other(db, order_id) -> None:
    """TEA is wanted by two orders; once the first has its tea, the tea opens the second."""
    other = make_order(db, "3901000000000000002", [("TEA-02", 1)])
    scan(db, order_id, TEA)
    assert open_for_packing(db, TEA).order_id == other


def test_gs1_128_scan_with_gtin_ticks_the_product(db, order_id) -> None:
    """A carton label read as GS1-128: (01) GTIN-14 of the mug plus a batch number."""
    result = scan(db, order_id, f"]C101{MUG.zfill(14)}10LOT7")
    assert result.accepted, result.reason
    assert result.line_no == 1
