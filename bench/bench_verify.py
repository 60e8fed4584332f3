"""Benchmark: verify 100,000 imported orders, against importing the same file pair.

Both run in the same process on the same machine: first the Taobao pair is imported with
`app.intake.service.import_files` (the floor this step is compared with), then every new
order is verified. The target is a ratio of at most 1 (verification no slower than the
import). `--quick` runs 2,000 orders as a smoke test.
"""

from __future__ import annotations

import argparse
import csv
import logging
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_import import ITEM_HEADER, ORDER_HEADER  # noqa: E402

from app.db.engine import Database  # noqa: E402
from app.db.models import Product  # noqa: E402
from app.intake.service import import_files  # noqa: E402
from app.verification.service import verify_orders  # noqa: E402

TARGET_RATIO = 1.0
ADDRESSES = [
    "浙江省 杭州市 西湖区 文三路 {n}号",
    "广东省 深圳市 南山区 科技园路 {n}号",
    "北京 北京市 朝阳区 建国路 {n}号",
    "广东省 东莞市 莞城区 东莞大道 {n}号",
    "浙江省 杭州市 下城区 体育场路 {n}号",
    "假县 人民路 {n}号",
]


def write_pair(folder: Path, orders: int) -> list[Path]:
    """Invented orders with 1 to 4 lines; a few have bad phones, addresses or totals."""
    order_path, item_path = folder / "ExportOrderList.csv", folder / "ExportOrderDetailList.csv"
    with (
        order_path.open("w", encoding="gb18030", newline="") as of,
        item_path.open("w", encoding="gb18030", newline="") as itf,
    ):
        ow, iw = csv.writer(of), csv.writer(itf)
        ow.writerow(ORDER_HEADER)
        iw.writerow(ITEM_HEADER)
        for i in range(orders):
            count = i % 4 + 1
            no = f"29143{i:014d}"
            total = 39 * count + 10 + (1 if i % 97 == 0 else 0)
            phone = f"139{i % 100000000:08d}" if i % 53 else f"139{i % 1000:07d}"
            address = ADDRESSES[i % len(ADDRESSES)].format(n=i % 500)
            remark = "不要发邮政" if i % 11 == 0 else ""
            ow.writerow(
                [
                    f'="{no}"',
                    f"tb_buyer_{i}",
                    f"{39 * count}.00",
                    "10.00",
                    f"{total}.00",
                    "买家已付款，等待卖家发货",
                    remark,
                    f"收货人{i % 997}",
                    address,
                    phone,
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
                        f"\t{no}",
                        "手工陶瓷杯",
                        "39.00",
                        "1",
                        f"颜色分类:色{n}",
                        "买家已付款，等待卖家发货",
                        f"CUP-{n:03d}",
                    ]
                )
    return [order_path, item_path]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="2,000 orders")
    parser.add_argument("--orders", type=int, default=100_000)
    args = parser.parse_args(argv)
    orders = 2_000 if args.quick else args.orders
    logging.basicConfig(level=logging.WARNING)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = write_pair(folder, orders)
        db = Database(f"sqlite:///{folder / 'bench.sqlite3'}")
        with db.transaction() as session:
            session.add_all(
                [
                    Product(
                        sku=f"CUP-{n:03d}",
                        name="手工陶瓷杯",
                        spec=f"颜色分类:色{n}",
                        price=Decimal("39.00"),
                    )
                    for n in range(4)
                ]
            )

        started, cpu = time.perf_counter(), time.process_time()
        import_files(db, paths)
        import_s = time.perf_counter() - started
        import_cpu = time.process_time() - cpu

        started, cpu = time.perf_counter(), time.process_time()
        report = verify_orders(db)
        verify_s = time.perf_counter() - started
        verify_cpu = time.process_time() - cpu
        db.dispose()

    ratio = verify_s / import_s
    print(f"orders: {orders:,}")
    print(f"import (floor): {import_s:.2f} s, {orders / import_s:,.0f} orders/s")
    print(
        f"verify:         {verify_s:.2f} s, {orders / verify_s:,.0f} orders/s "
        f"({report.verified:,} verified, {report.held:,} held)"
    )
    print(f"ratio verify/import: {ratio:.2f} (target <= {TARGET_RATIO})")
    # The development machines are shared; CPU time shows the cost without other load.
    print(
        f"cpu time: import {import_cpu:.2f} s, verify {verify_cpu:.2f} s, "
        f"ratio {verify_cpu / import_cpu:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
