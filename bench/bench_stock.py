"""Benchmark: stock figures, the Stock window model and single reservations.

A database of 10,000 products and 1,000,000 ledger rows (seeded with raw sqlite3, the running
totals built from the ledger the way migration 0002 does). Measured in the same run:
- available stock for every product, as the Stock window gets it (`list_stock`, from the
  running totals joined with plans), against the floor: one grouped SQL aggregate over the
  ledger with raw sqlite3. Target: within 3x.
- the Stock window model: first load, and a text filter.
- one reservation (the conditional UPDATE in its own transaction): median time.
`--quick` runs 500 products and 20,000 rows as a smoke test.
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from app.db.engine import Database  # noqa: E402
from app.db.models import Order  # noqa: E402
from app.stock.check import check_stock  # noqa: E402
from app.stock.ledger import all_figures  # noqa: E402
from app.stock.listing import list_stock  # noqa: E402
from app.stock.reservation import reserve_order  # noqa: E402

TARGET_RATIO = 3.0
KINDS = ("receipt", "reserve", "release", "ship")


def seed(path: Path, products: int, moves: int, orders: int) -> None:
    """Products, ledger rows and one-line orders, through raw sqlite3 for speed."""
    rnd = random.Random(7)
    con = sqlite3.connect(path)
    con.executemany(
        "INSERT INTO products (id, sku, barcode, name, spec, price, weight, length_mm, width_mm,"
        " height_mm, fragile, shippable, bin, created_at) VALUES (?, ?, NULL, ?, '', 1000, 100,"
        " 0, 0, 0, 0, 1, ?, '2026-01-01 00:00:00')",
        (
            (i, f"SKU-{i:05d}", f"商品{i}号 保温杯", f"A-{i % 40:02d}-{i % 7}")
            for i in range(1, products + 1)
        ),
    )

    def rows():
        for n in range(moves):
            pid = n % products + 1
            kind = "receipt" if n < products else rnd.choice(KINDS)
            oh, rs = {"receipt": (50, 0), "reserve": (0, 1), "release": (0, -1), "ship": (-1, -1)}[
                kind
            ]
            yield (pid, kind, oh, rs, "bench", "A", "bench", "2026-06-01 00:00:00")

    con.executemany(
        "INSERT INTO stock_moves (product_id, kind, on_hand_delta, reserved_delta, reason, bin,"
        " user, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows(),
    )
    con.execute("DELETE FROM stock_levels")
    con.execute(
        "INSERT INTO stock_levels (product_id, on_hand, reserved) SELECT product_id,"
        " SUM(on_hand_delta), SUM(reserved_delta) FROM stock_moves GROUP BY product_id"
    )
    con.executemany(
        "INSERT INTO orders (id, platform, order_no, status, status_since, buyer, recipient,"
        " phone, phone_ext, province, city, district, province_code, city_code, district_code,"
        " address_detail, postcode, address_raw, goods_total, postage, discount, paid_total,"
        " paid, platform_status, buyer_remark, seller_remark, imported_at, source_file) VALUES"
        " (?, 'taobao', ?, 'verified', '2026-06-01 00:00:00', '', '', '', '', '', '', '', '',"
        " '', '', '', '', '', 0, 0, 0, 0, 1, '', '', '', '2026-06-01 00:00:00', '')",
        ((i, f"B{i:08d}") for i in range(1, orders + 1)),
    )
    con.executemany(
        "INSERT INTO order_lines (order_id, line_no, sku, product_id, title, attributes,"
        " quantity, unit_price) VALUES (?, 1, ?, ?, '', '', 1, 1000)",
        ((i, f"SKU-{i % products + 1:05d}", i % products + 1) for i in range(1, orders + 1)),
    )
    con.commit()
    con.close()


def best_of(fn, times: int = 3) -> float:
    best = float("inf")
    for _ in range(times):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def floor_aggregate(path: Path) -> float:
    con = sqlite3.connect(path)

    def run():
        con.execute(
            "SELECT product_id, SUM(on_hand_delta) - SUM(reserved_delta) FROM"
            " stock_moves GROUP BY product_id"
        ).fetchall()

    elapsed = best_of(run)
    con.close()
    return elapsed


def window_times(db: Database) -> tuple[float, float, int]:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from ui.models.stock_table import StockTableModel

    start = time.perf_counter()
    model = StockTableModel(db)
    model.reload()
    opened = time.perf_counter() - start

    start = time.perf_counter()
    model.set_filter("0012")
    filtered = time.perf_counter() - start
    del app
    return opened, filtered, model.rowCount()


def reservation_median(db: Database, orders: int) -> float:
    times = []
    for order_id in range(1, orders + 1):
        start = time.perf_counter()
        with db.transaction() as session:
            reserve_order(session, session.get(Order, order_id), "bench")
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small smoke run")
    args = parser.parse_args(argv)
    products, moves, orders = (500, 20_000, 50) if args.quick else (10_000, 1_000_000, 300)
    logging.basicConfig(level=logging.WARNING)

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite3"
        db = Database(f"sqlite:///{path}")
        start = time.perf_counter()
        seed(path, products, moves, orders)
        print(
            f"seeded {products:,} products, {moves:,} ledger rows in "
            f"{time.perf_counter() - start:.1f} s"
        )

        floor = floor_aggregate(path)
        with db.reading() as session:
            ours = best_of(lambda: list_stock(session))
            rows = len(list_stock(session))
            from_ledger = best_of(lambda: all_figures(session), times=1)
        ratio = ours / floor
        verdict = "OK" if ratio <= TARGET_RATIO else "OVER TARGET"
        print(f"floor: one grouped SQL aggregate over the ledger: {floor * 1000:.1f} ms")
        print(f"available for all {rows:,} products (list_stock): {ours * 1000:.1f} ms")
        print(f"ratio to floor: {ratio:.2f}x (target <= {TARGET_RATIO:.0f}x) {verdict}")
        print(
            f"the same recomputed from the ledger (all_figures): {from_ledger * 1000:.1f} ms,"
            f" {from_ledger / floor:.2f}x the floor"
        )

        opened, filtered, shown = window_times(db)
        print(
            f"Stock window model open: {opened * 1000:.1f} ms; text filter: "
            f"{filtered * 1000:.1f} ms ({shown} rows)"
        )

        median = reservation_median(db, orders)
        print(
            f"single reservation (conditional update, own transaction), median of {orders}: "
            f"{median * 1000:.2f} ms"
        )

        start = time.perf_counter()
        with db.reading() as session:
            report = check_stock(session)
        print(
            f"stock check over the whole ledger: {time.perf_counter() - start:.2f} s, "
            f"{'agrees' if report.ok else 'DIFFERS'}"
        )
        db.dispose()
    return 0 if ratio <= TARGET_RATIO and report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
