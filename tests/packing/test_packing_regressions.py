"""Regressions from the packing test round: concurrent scans, options checked too late,
GS1 AIs and dates, and absurd quantity prefixes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from packing_fixtures import MUG, TEA, make_order, make_products
from sqlalchemy import func, select

from app.db.engine import Database
from app.db.models import Order, ScanEvent
from app.errors import BadInput
from app.orders.status import Status
from app.packing.scan_codes import parse_scan
from app.packing.service import open_for_packing, override_scan, scan
from main import main

ORDER_NO = "3909000000000000001"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def order_id(db) -> int:
    make_products(db)
    return make_order(db, ORDER_NO, [("MUG-01", 3), ("TEA-02", 1)])


def _accepted_units(db, order_id: int) -> int:
    with db.reading() as session:
        return session.scalar(
            select(func.coalesce(func.sum(ScanEvent.quantity), 0)).where(
                ScanEvent.order_id == order_id, ScanEvent.accepted.is_(True)
            )
        )


def _scans(db, order_id: int) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).where(ScanEvent.order_id == order_id))


def _status(db, order_id: int) -> str:
    with db.reading() as session:
        return session.get(Order, order_id).status


def _at_once(db_url: str, calls: int, work) -> list:
    """Run `work(database, n)` in `calls` threads, each with its own engine, released
    together."""
    databases = [Database(db_url) for _ in range(calls)]
    barrier = threading.Barrier(calls)

    def run(n: int):
        barrier.wait()
        try:
            return work(databases[n], n)
        finally:
            databases[n].dispose()

    with ThreadPoolExecutor(calls) as pool:
        return list(pool.map(run, range(calls)))


@pytest.mark.parametrize("round_", range(3))
def test_concurrent_scans_of_one_order_never_tick_more_than_ordered(
    db, db_url, order_id, round_
) -> None:
    """Three desks scanning `2*MUG` at once on an order needing 3 mugs all read "0 scanned"
    before any committed, so all three were accepted: 6 units stored, the order stuck in
    PACKING. The scan now locks the order row first, so exactly one is accepted."""
    results = _at_once(db_url, 3, lambda d, _n: scan(d, order_id, f"2*{MUG}", user="desk"))

    assert sorted(r.accepted for r in results) == [False, False, True]
    assert all("多扫了" in r.reason for r in results if not r.accepted)
    assert _accepted_units(db, order_id) == 2

    assert scan(db, order_id, MUG).accepted
    assert scan(db, order_id, TEA).completed
    assert _status(db, order_id) == Status.PACKED.value
    assert _accepted_units(db, order_id) == 4


def test_concurrent_single_scans_and_overrides_stop_at_the_quantity(db, db_url, order_id) -> None:
    """Supervisor overrides tick units too; racing them against scans also over-packed."""

    def work(database: Database, n: int) -> bool:
        if n % 2:
            try:
                override_scan(database, order_id, 1, 1, "主管", "条码破损", user="desk")
                return True
            except BadInput:
                return False
        return scan(database, order_id, MUG, user="desk").accepted

    results = _at_once(db_url, 6, work)

    assert sum(results) == 3
    assert _accepted_units(db, order_id) == 3


def test_concurrent_pack_commands_store_at_most_the_quantity(db, db_url, order_id) -> None:
    """The tester's case: three `packdesk pack ORDER --scan 2*EAN` processes at once all
    exited 0."""
    command = [sys.executable, "main.py", "--db", db_url, "pack", ORDER_NO, "--scan", f"2*{MUG}"]
    children = [
        subprocess.Popen(
            command, cwd=ROOT, env={**os.environ}, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for _ in range(3)
    ]
    statuses = [child.wait(timeout=60) for child in children]
    for child in children:
        child.stdout.close()
        child.stderr.close()

    assert sorted(statuses) == [0, 3, 3]
    assert _accepted_units(db, order_id) == 2


@pytest.mark.parametrize(
    "options",
    [
        ["--weight", "abc"],
        ["--weight", "-5"],
        ["--weight", "0"],
        ["--box", "NOPE"],
        ["--box", "FOAM"],
        ["--box", "C4"],
    ],
)
def test_bad_weight_or_box_refuses_before_any_scan_is_stored(
    db, db_url, order_id, options, capsys
) -> None:
    """`pack --scan … --weight abc` (or -5, 0, an unknown box, another box without a reason)
    printed an error and exited 3, but the scans were already stored and the order packed."""
    assert main(["--db", db_url, "packaging", "seed"]) == 0
    capsys.readouterr()

    status = main(
        ["--db", db_url, "pack", ORDER_NO, "--scan", f"3*{MUG}", "--scan", TEA, *options]
    )

    assert status == 3
    assert capsys.readouterr().err.strip()
    assert _scans(db, order_id) == 0
    assert _status(db, order_id) == Status.VERIFIED.value


def test_proposed_box_or_reasoned_box_with_weight_still_packs(
    db, db_url, order_id, capsys
) -> None:
    """The early checks must not refuse what was good: another box with a reason and a weight
    within the tolerance (3 mugs, tea, box C4 and paper filling weigh 1.75 kg)."""
    assert main(["--db", db_url, "packaging", "seed"]) == 0
    capsys.readouterr()
    args = ["--db", db_url, "pack", ORDER_NO, "--scan", f"3*{MUG}", "--scan", TEA]

    status = main([*args, "--box", "C4", "--box-reason", "大箱防压", "--weight", "1.75", "--json"])

    out = json.loads(capsys.readouterr().out)
    assert (status, out["status"], out["box"]) == (0, "packed", "C4")


@pytest.mark.parametrize(
    "raw", ["(01)06900000000045(99)X", "(90)ABC123", "]C1010690000000004591" + "A" * 90]
)
def test_company_internal_ais_90_to_99_are_known(raw) -> None:
    """AIs 90 and 91–99 (company-internal) were reported as unknown AIs."""
    parsed = parse_scan(raw)
    assert parsed.ok, parsed.error


def test_internal_ai_lengths_follow_the_gs1_dictionary() -> None:
    """AI 90 holds up to 30 characters, 91–99 up to 90."""
    assert not parse_scan("(90)" + "A" * 31).ok
    assert not parse_scan("(95)" + "A" * 91).ok


@pytest.mark.parametrize("raw", ["(17)261345", "(11)250230", "(15)251301", "(13)230229"])
def test_impossible_dates_in_date_ais_are_refused(raw) -> None:
    """`(17)261345` (month 13, day 45) was accepted as an expiry date."""
    parsed = parse_scan(raw)
    assert not parsed.ok
    assert "日期" in parsed.error


@pytest.mark.parametrize("raw", ["(17)261200", "(11)240229", "(16)251231", "(12)260131"])
def test_real_dates_and_day_00_are_accepted(raw) -> None:
    """DD 00 means the month's last day; 2024-02-29 exists."""
    assert parse_scan(raw).ok, parse_scan(raw).error


def test_huge_quantity_prefix_is_refused_as_too_many(db, order_id) -> None:
    """`99999999999*EAN` was reported as an unknown barcode instead of a wrong quantity."""
    parsed = parse_scan(f"99999999999*{MUG}")
    assert "数量过大" in parsed.error

    result = scan(db, order_id, f"99999999999*{MUG}")
    assert not result.accepted
    assert "数量过大" in result.reason
    assert scan(db, order_id, f"10000*{MUG}").reason.startswith("数量过大")
    assert _accepted_units(db, order_id) == 0


def test_sku_with_digits_and_x_is_not_taken_for_a_quantity() -> None:
    """Widening the quantity prefix must not eat an SKU like `2024X-RED`."""
    assert parse_scan("2024X-RED").data == "2024X-RED"
    assert parse_scan("3x6901234567892").quantity == 3


def test_open_still_works_for_an_order_being_packed(db, order_id) -> None:
    scan(db, order_id, MUG)
    assert open_for_packing(db, ORDER_NO).order_id == order_id
