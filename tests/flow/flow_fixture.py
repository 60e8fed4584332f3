"""A small flow with explicit timestamps, so every figure on the sheet can be worked out by hand.

The range is the desk day 2026-11-02 (Asia/Shanghai), i.e. 2026-11-01 16:00 to 2026-11-02
16:00 UTC; "now" is 2026-11-02 12:00 UTC. All times below are UTC, hours of 2026-11-02.

A  arrives 00:00 (platform time), imported 01:00, paid 00:00; verified 02:00, confirmed 03:00,
   packing 05:00, packed 05:30, labelled 06:00, shipped 08:00 (in transit 4 h now).
B  arrives 00:00, imported 00:00, held 00:10 (unpaid), paid 01:00, verified 03:00,
   backordered 04:00 (lacks VASE-GL-30; waits 8 h now).
C  arrives 01:00, verified 04:00, confirmed 04:30, packing 06:00, packed 07:00, fails quality
   and goes back to packing 07:30, packed 08:00, labelled 08:30 (waits for handover 3.5 h).
D  arrives 03:00, paid 03:00, held 03:30 for its phone number (waits 9 h now).
E  arrived 2026-10-30, shipped 2026-10-31 00:00, delivered 2026-11-02 02:00 (50 h transit).
F  delivered 2026-10-20: outside the range, must change nothing.
Scans: two refused in the range (C), one refused the day before.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from app.db.models import Finding, Order, OrderLine, Product, ScanEvent
from app.orders.status import Status, move, record_arrival
from app.stock.ledger import post_move

S = Status
DAY = date(2026, 11, 2)
NOW = datetime(2026, 11, 2, 12, 0, tzinfo=UTC)


def t(hour: int, minute: int = 0, day: int = 2, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


def _order(
    session,
    no: str,
    arrival: datetime,
    imported: datetime,
    paid: datetime | None,
    moves: list[tuple[Status, datetime, str]],
    lines=(),
) -> Order:
    order = Order(
        platform="taobao",
        order_no=no,
        recipient=f"收件人{no}",
        imported_at=imported,
        paid_at=paid,
        paid=paid is not None,
    )
    for line_no, (sku, product, qty) in enumerate(lines, 1):
        order.lines.append(
            OrderLine(
                line_no=line_no, sku=sku, quantity=qty, product_id=product.id if product else None
            )
        )
    record_arrival(order, user="导入", at=arrival)
    for status, at, user in moves:
        move(order, status, user=user, at=at)
    session.add(order)
    session.flush()
    return order


def build_flow(db) -> dict[str, int]:
    with db.transaction() as session:
        vase = Product(sku="VASE-GL-30", barcode="6900000000017", name="玻璃花瓶 30cm")
        mug = Product(sku="MUG-01", barcode="6900000000024", name="马克杯")
        session.add_all([vase, mug])
        session.flush()
        post_move(
            session,
            product_id=vase.id,
            kind="receipt",
            on_hand_delta=1,
            user="仓管",
            at=t(0, day=1),
        )
        post_move(
            session,
            product_id=mug.id,
            kind="receipt",
            on_hand_delta=50,
            user="仓管",
            at=t(0, day=1),
        )

        a = _order(
            session,
            "A",
            t(0),
            t(1),
            t(0),
            [
                (S.VERIFIED, t(2), "审单员李"),
                (S.CONFIRMED, t(3), "客服王"),
                (S.PACKING, t(5), "打包员赵"),
                (S.PACKED, t(5, 30), "打包员赵"),
                (S.LABELLED, t(6), "打包员赵"),
                (S.SHIPPED, t(8), "仓管钱"),
            ],
        )
        b = _order(
            session,
            "B",
            t(0),
            t(0),
            t(1),
            [
                (S.HELD, t(0, 10), "系统"),
                (S.VERIFIED, t(3), "审单员李"),
                (S.BACKORDERED, t(4), "系统"),
            ],
            lines=[("VASE-GL-30", vase, 2), ("MUG-01", mug, 1)],
        )
        post_move(
            session,
            product_id=vase.id,
            kind="reserve",
            reserved_delta=1,
            order_id=b.id,
            user="系统",
            at=t(4),
        )
        c = _order(
            session,
            "C",
            t(1),
            t(1),
            t(1),
            [
                (S.VERIFIED, t(4), "审单员李"),
                (S.CONFIRMED, t(4, 30), "客服王"),
                (S.PACKING, t(6), "打包员孙"),
                (S.PACKED, t(7), "打包员孙"),
                (S.PACKING, t(7, 30), "质检员周"),
                (S.PACKED, t(8), "打包员孙"),
                (S.LABELLED, t(8, 30), "打包员孙"),
            ],
        )
        d = _order(session, "D", t(3), t(3), t(3), [(S.HELD, t(3, 30), "系统")])
        d.findings.append(
            Finding(rule="phone", field="phone", reason="手机号不是有效的中国手机号")
        )
        e = _order(
            session,
            "E",
            t(2, day=30, month=10),
            t(2, day=30, month=10),
            t(2, day=30, month=10),
            [
                (S.VERIFIED, t(3, day=30, month=10), "审单员李"),
                (S.CONFIRMED, t(4, day=30, month=10), "客服王"),
                (S.PACKING, t(5, day=30, month=10), "打包员赵"),
                (S.PACKED, t(6, day=30, month=10), "打包员赵"),
                (S.LABELLED, t(7, day=30, month=10), "打包员赵"),
                (S.SHIPPED, t(0, day=31, month=10), "仓管钱"),
                (S.DELIVERED, t(2), "系统"),
            ],
        )
        _order(
            session,
            "F",
            t(0, day=18, month=10),
            t(0, day=18, month=10),
            t(0, day=18, month=10),
            [
                (S.VERIFIED, t(1, day=18, month=10), "审单员李"),
                (S.CONFIRMED, t(2, day=18, month=10), "客服王"),
                (S.PACKING, t(3, day=18, month=10), "打包员赵"),
                (S.PACKED, t(4, day=18, month=10), "打包员赵"),
                (S.SHIPPED, t(5, day=18, month=10), "仓管钱"),
                (S.DELIVERED, t(5, day=20, month=10), "系统"),
            ],
        )
        for at in (t(6, 10), t(6, 20), t(6, 0, day=1)):
            session.add(
                ScanEvent(
                    order_id=c.id,
                    code="6900000000099",
                    accepted=False,
                    reason="条码不属于本订单",
                    user="打包员孙",
                    at=at,
                )
            )
        session.flush()
        return {"A": a.id, "B": b.id, "C": c.id, "D": d.id, "E": e.id}
