"""Benchmark: a 100,000-order Taobao pair (~250,000 lines) imported end to end.

The floor is a plain `sqlite3` executemany of the same order, line and event rows into the
same schema, measured in the same run; the target is within 5x of it, with peak memory
under 400 MB. `--quick` runs 2,000 orders as a smoke test.
"""

from __future__ import annotations

import argparse
import csv
import logging
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.db.engine import Database  # noqa: E402
from app.intake.service import import_files  # noqa: E402

ORDER_HEADER = [
    "订单编号",
    "买家会员名",
    "买家应付货款",
    "买家应付邮费",
    "买家实际支付金额",
    "订单状态",
    "买家留言",
    "收货人姓名",
    "收货地址",
    "联系手机",
    "订单创建时间",
    "订单付款时间",
    "宝贝标题",
    "宝贝总数量",
    "店铺名称",
    "订单备注",
]
ITEM_HEADER = ["订单编号", "标题", "价格", "购买数量", "商品属性", "订单状态", "商家编码"]
TARGET_RATIO = 5.0
MEMORY_LIMIT_MB = 400


def order_no(i: int) -> str:
    return f"19143{i:014d}"


def write_pair(folder: Path, orders: int) -> tuple[Path, Path, int]:
    """Invented orders: 1 to 4 lines each (2.5 on average), written as GB18030 like Taobao."""
    order_path, item_path = folder / "ExportOrderList.csv", folder / "ExportOrderDetailList.csv"
    lines = 0
    with (
        order_path.open("w", encoding="gb18030", newline="") as of,
        item_path.open("w", encoding="gb18030", newline="") as itf,
    ):
        ow, iw = csv.writer(of), csv.writer(itf)
        ow.writerow(ORDER_HEADER)
        iw.writerow(ITEM_HEADER)
        for i in range(orders):
            count = i % 4 + 1
            lines += count
            total = f"{39 * count + 10}.00"
            ow.writerow(
                [
                    f'="{order_no(i)}"',
                    f"tb_buyer_{i}",
                    f"{39 * count}.00",
                    "10.00",
                    total,
                    "买家已付款，等待卖家发货",
                    "",
                    f"收货人{i % 997}",
                    f"浙江省 杭州市 西湖区 文三路 {i % 500}号 {i % 30}幢(310012)",
                    f"139{i % 100000000:08d}",
                    "2026-11-30 10:15:02",
                    "2026-11-30 10:16:40",
                    "手工陶瓷杯",
                    str(count),
                    "青瓷小铺",
                    "",
                ]
            )
            for n in range(count):
                iw.writerow(
                    [
                        f"\t{order_no(i)}",
                        "手工陶瓷杯",
                        "39.00",
                        "1",
                        f"颜色分类:色{n}",
                        "买家已付款，等待卖家发货",
                        f"CUP-{n:03d}",
                    ]
                )
    return order_path, item_path, lines


def floor_rows(orders: int):
    """The same rows the import stores, as plain tuples for sqlite3."""
    order_rows, line_rows, event_rows = [], [], []
    for i in range(orders):
        oid = i + 1
        order_rows.append(
            (
                oid,
                "taobao",
                order_no(i),
                "new",
                "2026-11-30 02:15:02.000000",
                f"tb_buyer_{i}",
                "",
                f"收货人{i % 997}",
                f"139{i % 100000000:08d}",
                "",
                "浙江省",
                "杭州市",
                "西湖区",
                "",
                "",
                "",
                f"文三路 {i % 500}号 {i % 30}幢",
                "310012",
                f"浙江省 杭州市 西湖区 文三路 {i % 500}号 {i % 30}幢(310012)",
                3900,
                1000,
                0,
                4900,
                1,
                "买家已付款，等待卖家发货",
                "",
                "",
                "2026-11-30 02:15:02.000000",
                "2026-11-30 02:16:40.000000",
                "2026-12-01 00:00:00.000000",
                "ExportOrderList.csv",
            )
        )
        for n in range(i % 4 + 1):
            line_rows.append(
                (oid, n + 1, f"CUP-{n:03d}", None, "手工陶瓷杯", f"颜色分类:色{n}", 1, 3900)
            )
        event_rows.append(
            (oid, "", "new", "2026-11-30 02:15:02.000000", "bench", "导入 ExportOrderList.csv")
        )
    return order_rows, line_rows, event_rows


def measure_floor(db_path: Path, orders: int) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of the executemany calls and their commit."""
    Database(f"sqlite:///{db_path}").dispose()
    order_rows, line_rows, event_rows = floor_rows(orders)
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    start, cpu = time.perf_counter(), time.process_time()
    with con:
        con.executemany(
            "INSERT INTO orders (id, platform, order_no, status, status_since, buyer, email,"
            " recipient,"
            " phone, phone_ext, province, city, district, province_code, city_code,"
            " district_code, address_detail, postcode, address_raw, goods_total, postage,"
            " discount, paid_total, paid, platform_status, buyer_remark, seller_remark,"
            " created_at, paid_at, imported_at, source_file) VALUES"
            " (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            order_rows,
        )
        con.executemany(
            "INSERT INTO order_lines (order_id, line_no, sku, product_id, title, attributes,"
            " quantity, unit_price) VALUES (?,?,?,?,?,?,?,?)",
            line_rows,
        )
        con.executemany(
            "INSERT INTO order_events (order_id, from_status, to_status, at, user, note)"
            " VALUES (?,?,?,?,?,?)",
            event_rows,
        )
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    con.close()
    return elapsed, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="2,000 orders only")
    parser.add_argument("--orders", type=int, default=100_000)
    args = parser.parse_args(argv)
    orders = 2_000 if args.quick else args.orders
    logging.basicConfig(level=logging.WARNING)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        order_path, item_path, lines = write_pair(folder, orders)
        db = Database(f"sqlite:///{folder / 'import.sqlite3'}")
        start, cpu = time.perf_counter(), time.process_time()
        report = import_files(db, [order_path, item_path])
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        db.dispose()
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        floor, floor_cpu = measure_floor(folder / "floor.sqlite3", orders)

    rows = orders + lines
    ratio = elapsed / floor
    print(f"import: {report.stored:,} orders, {lines:,} lines, {len(report.refused)} refused")
    print(f"import end to end: {elapsed:.2f} s, {rows / elapsed:,.0f} rows/s")
    print(f"floor (sqlite3 executemany, same rows): {floor:.2f} s, {rows / floor:,.0f} rows/s")
    print(
        f"ratio to floor: {ratio:.1f}x (target <= {TARGET_RATIO:.0f}x) "
        f"{'OK' if ratio <= TARGET_RATIO else 'OVER'}"
    )
    print(
        f"CPU time: import {cpu:.2f} s, floor {floor_cpu:.2f} s, ratio "
        f"{cpu / floor_cpu:.1f}x (steadier than wall time on a busy machine)"
    )
    print(
        f"peak memory: {peak_mb:.0f} MB (limit {MEMORY_LIMIT_MB} MB) "
        f"{'OK' if peak_mb <= MEMORY_LIMIT_MB else 'OVER'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
