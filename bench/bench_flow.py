"""Benchmark: the flow sheet's figures for a week, on a year of orders.

50,000 orders over 100 days, each with its arrival and up to eight moves (about 350,000
events), seeded with raw sqlite3; a fifth of the last week's orders are still open. Measured
in the same run:
- `flow_figures` for the last seven days, against the floor: raw sqlite3 fetching the same
  event rows (orders that moved in the week or are still open) with no Python work on them.
  The figures walk every fetched event once in Python, so a ratio of a few times is expected;
  target within 15x.
- drawing the A4 sheet from those figures (a single page of boxes and text).
`--quick` runs 2,000 orders as a smoke test.
"""

from __future__ import annotations

import argparse
import logging
import random
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.db.engine import Database  # noqa: E402
from app.documents.flow_sheet import render_flow_sheet  # noqa: E402
from app.flow.figures import day_range, flow_figures  # noqa: E402

TARGET_RATIO = 15.0
PATH = ("verified", "confirmed", "packing", "packed", "labelled", "shipped", "delivered")
NOW = datetime(2026, 12, 1, 4, 0, tzinfo=UTC)


def _stamp(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def seed(path: Path, orders: int) -> None:
    rnd = random.Random(9)
    con = sqlite3.connect(path)
    order_rows, event_rows = [], []
    for i in range(1, orders + 1):
        placed = NOW - timedelta(days=100 * i / orders, minutes=rnd.randint(0, 600))
        recent = NOW - placed < timedelta(days=7)
        steps = rnd.randint(0, len(PATH)) if recent else len(PATH)
        at, status, moves = placed, "new", [("", "new", placed)]
        for wanted in PATH[:steps]:
            at = min(at + timedelta(minutes=rnd.randint(10, 600)), NOW)
            moves.append((status, wanted, at))
            status = wanted
        order_rows.append((i, f"41{i:017d}", status, _stamp(at), _stamp(placed), _stamp(placed)))
        event_rows.extend((i, a, b, _stamp(t), "bench") for a, b, t in moves)
    con.executemany(
        "INSERT INTO orders (id, platform, order_no, status, status_since, buyer, recipient,"
        " phone, phone_ext, province, city, district, province_code, city_code, district_code,"
        " address_detail, postcode, address_raw, goods_total, postage, discount, paid_total,"
        " paid, platform_status, buyer_remark, seller_remark, imported_at, paid_at,"
        " source_file) VALUES (?, 'taobao', ?, ?, ?, '', '', '', '', '', '', '', '', '', '',"
        " '', '', '', 0, 0, 0, 0, 1, '', '', '', ?, ?, '')",
        order_rows,
    )
    con.executemany(
        "INSERT INTO order_events (order_id, from_status, to_status, at, user, note)"
        " VALUES (?, ?, ?, ?, ?, '')",
        event_rows,
    )
    con.commit()
    con.close()


def floor(path: Path, start: datetime) -> tuple[float, int]:
    con = sqlite3.connect(path)
    began = time.perf_counter()
    rows = con.execute(
        "SELECT e.order_id, e.from_status, e.to_status, e.at, e.user, e.id FROM order_events e"
        " JOIN orders o ON o.id = e.order_id WHERE o.id IN (SELECT order_id FROM order_events"
        " WHERE at >= ?) OR o.status NOT IN ('delivered', 'cancelled')"
        " ORDER BY e.order_id, e.at, e.id",
        (_stamp(start),),
    ).fetchall()
    took = time.perf_counter() - began
    con.close()
    return took, len(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2,000 orders, a smoke test")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    orders = 2_000 if args.quick else 50_000

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite3"
        db = Database(f"sqlite:///{path}")
        began = time.perf_counter()
        seed(path, orders)
        print(f"seeded {orders:,} orders in {time.perf_counter() - began:.1f} s")

        start, _end = day_range(None, None, NOW)
        raw, rows = floor(path, start)
        began = time.perf_counter()
        figures = flow_figures(db, now=NOW)
        ours = time.perf_counter() - began
        began = time.perf_counter()
        pdf = render_flow_sheet(figures)
        drawn = time.perf_counter() - began
        db.dispose()

    ratio = ours / raw if raw else float("inf")
    verdict = "ok" if ratio <= TARGET_RATIO else "SLOW"
    print(f"floor: raw sqlite3 fetch of {rows:,} event rows: {raw * 1000:.0f} ms")
    print(
        f"flow figures for 7 days: {ours * 1000:.0f} ms = {ratio:.1f}x the floor "
        f"(target <= {TARGET_RATIO:g}x) {verdict}"
    )
    print(
        f"A4 sheet drawn in {drawn * 1000:.0f} ms ({len(pdf) // 1024} KB), "
        f"slowest step: {figures.slowest}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
