"""Benchmark: 1,000 waybills of 100×180 mm in one PDF, against a bare ReportLab floor.

The floor is a minimal ReportLab page of the same size with the same text (same embedded CJK
font, every string the waybill prints) and the same two Code128 symbols from ReportLab's own
vector barcode, drawn directly, measured in the same run. The waybill figure includes what
printing really does: labelling each order in the database. Targets: within 2× of the floor,
and under 60 KB of PDF per label.
"""

from __future__ import annotations

import argparse
import gc
import io
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlab.graphics.barcode.code128 import Code128  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from app import settings  # noqa: E402
from app.db.engine import Database  # noqa: E402
from app.db.models import Order, OrderLine, Shipment  # noqa: E402
from app.db.types import utcnow  # noqa: E402
from app.demo import DEMO_SENDER  # noqa: E402
from app.documents.fonts import register_cjk_font  # noqa: E402
from app.documents.page import mm  # noqa: E402
from app.documents.waybill import render_waybills  # noqa: E402
from app.shipping.carriers import carriers  # noqa: E402

TARGET_RATIO = 2.0
TARGET_KB = 60


def _fill(db: Database, count: int) -> list[str]:
    """Packed orders with carrier and number already on the parcel (bench set-up only)."""
    numbers = []
    with db.transaction() as session:
        carriers(session)
        # Waybills refuse to print without a sender; the bench ships from the demo shop.
        for key, value in DEMO_SENDER.items():
            settings.put(session, key, value)
        for i in range(count):
            no = f"B{i:07d}"
            order = Order(
                platform="taobao",
                order_no=no,
                status="packed",
                recipient=f"测试{i % 97}号",
                phone=f"139{i:08d}",
                province="广东省",
                city="深圳市",
                district="南山区",
                address_detail=f"科技园南路{i % 300}号海岸城{i % 9}栋{i % 30}01室",
                paid=True,
                paid_at=utcnow(),
            )
            order.lines.append(
                OrderLine(line_no=1, sku="EAR-01", title="蓝牙耳机 黑色", quantity=1 + i % 3)
            )
            session.add(order)
            session.flush()
            session.add(
                Shipment(
                    order_id=order.id,
                    carrier="ZTO",
                    tracking_no=f"731{i:011d}",
                    weight=Decimal("0.8"),
                )
            )
            numbers.append(no)
    return numbers


def _floor(count: int, font: str) -> bytes:
    """The same words and both Code128 symbols on a 100×180 mm page, placed directly.

    No boxes, no fitting, no database: what any waybill costs at the least.
    """
    out = io.BytesIO()
    c = Canvas(out, pagesize=(mm(100), mm(180)), pageCompression=1)
    sender = "青禾小铺  0571-88886666"
    sender_address = "浙江省杭州市余杭区仓前街道文一西路1008号3号仓"
    for i in range(count):
        recipient = f"测试{i % 97}号  139{i:08d}"
        address = f"广东省深圳市南山区科技园南路{i % 300}号海岸城{i % 9}栋{i % 30}01室"
        goods = f"物品：蓝牙耳机 黑色 ×{1 + i % 3}"
        words = [
            "中通快递",
            "标准快递  寄付",
            "已验视",
            "568-A12 01",
            "集包地",
            "深圳中心",
            recipient,
            address,
            sender,
            sender_address,
            goods,
            "重量：0.8 kg  件数：1",
            "付款：寄付  保价：不保价",
            "签收人：",
            "时间：",
            "中通快递",
            recipient,
            address,
            sender,
            sender_address,
            f"订单号：B{i:07d}",
            goods,
            "打印：2026-12-03 10:00",
        ]
        c.setFont(font, 9)
        for row, text in enumerate(words):
            c.drawString(mm(5), mm(175 - row * 7), text)
        number = f"731{i:011d}"
        Code128(number, barWidth=mm(0.25) * 2, barHeight=mm(18)).drawOn(c, mm(8), mm(130))
        Code128(number, barWidth=mm(0.25), barHeight=mm(10)).drawOn(c, mm(40), mm(60))
        c.showPage()
    c.save()
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="50 labels, a smoke run")
    args = parser.parse_args()
    count = 50 if args.quick else 1000
    # Shared machines are noisy: the two sides run back to back in each round, so a round's
    # ratio compares them under the same load, and the median round is reported.
    rounds = 1 if args.quick else 5

    font = register_cjk_font()
    floor_times: list[float] = []
    our_times: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        for round_no in range(rounds):
            db = Database(f"sqlite:///{tmp}/bench{round_no}.sqlite3")
            order_nos = _fill(db, count)

            gc.collect()
            start = time.perf_counter()
            floor_pdf = _floor(count, font)
            floor_times.append(time.perf_counter() - start)

            gc.collect()
            start = time.perf_counter()
            pdf = render_waybills(db, order_nos, size="100x180", user="bench")
            our_times.append(time.perf_counter() - start)
            db.dispose()

    ratios = sorted(ours / floor for ours, floor in zip(our_times, floor_times, strict=True))
    ratio = statistics.median(ratios)
    ours_s, floor_s = min(our_times), min(floor_times)
    per_label_kb = len(pdf) / count / 1024
    print(
        f"waybills: {count} labels in {ours_s:.2f} s = {count / ours_s:.0f} labels/s "
        f"(best of {rounds})"
    )
    print(
        f"floor (bare ReportLab page): {count / floor_s:.0f} labels/s, "
        f"{len(floor_pdf) / count / 1024:.1f} KB/label"
    )
    print(
        f"ratio to floor: {ratio:.2f}× (median of {rounds} rounds, "
        f"{ratios[0]:.2f}–{ratios[-1]:.2f}; target ≤ {TARGET_RATIO}×)"
    )
    print(
        f"PDF size: {len(pdf) / 1024:.0f} KB total, {per_label_kb:.1f} KB/label "
        f"(target < {TARGET_KB} KB)"
    )
    if args.quick:
        # Fifty labels are dominated by fixed costs; the targets are for the full run.
        print("smoke run: targets apply to the full 1,000-label run")
        return 0
    ok = ratio <= TARGET_RATIO and per_label_kb < TARGET_KB
    print("OK" if ok else "SLOWER OR LARGER THAN TARGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
