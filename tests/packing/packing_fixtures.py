"""Made-up products and orders for the packing tests (every name invented)."""

from __future__ import annotations

from decimal import Decimal

from app.db.engine import Database
from app.db.models import Finding, Order, OrderLine, Product
from app.orders.status import Status

# EAN-13 codes with correct check digits (computed by hand and by gs1_check_digit).
MUG = "6901234567892"
TEA = "6920152400012"
VASE = "4006381333931"
UNKNOWN = "5901234123457"


def make_products(db: Database) -> dict[str, int]:
    with db.transaction() as session:
        products = [
            Product(
                sku="MUG-01",
                barcode=MUG,
                name="白瓷马克杯",
                weight=Decimal("0.350"),
                length_mm=120,
                width_mm=90,
                height_mm=100,
            ),
            Product(
                sku="TEA-02",
                barcode=TEA,
                name="龙井茶 250g",
                weight=Decimal("0.300"),
                length_mm=150,
                width_mm=80,
                height_mm=60,
            ),
            Product(
                sku="VASE-03",
                barcode=VASE,
                name="青花瓷花瓶",
                weight=Decimal("1.200"),
                length_mm=200,
                width_mm=200,
                height_mm=300,
                fragile=True,
            ),
        ]
        session.add_all(products)
        session.flush()
        return {p.sku: p.id for p in products}


def make_order(
    db: Database,
    order_no: str,
    lines: list[tuple[str, int]],
    *,
    status: Status = Status.VERIFIED,
    remarks: list[tuple[str, str]] = (),
) -> int:
    """An order in `status` with (sku, quantity) lines; products must exist."""
    with db.transaction() as session:
        ids = {p.sku: p for p in session.query(Product).all()}
        order = Order(
            platform="taobao",
            order_no=order_no,
            status=status.value,
            recipient="王小明",
            phone="13800000000",
            province="浙江省",
            city="杭州市",
            district="西湖区",
            address_detail="文三路 1 号",
            paid=True,
        )
        for n, (sku, qty) in enumerate(lines, 1):
            product = ids[sku]
            order.lines.append(
                OrderLine(
                    line_no=n,
                    sku=sku,
                    product_id=product.id,
                    title=product.name,
                    quantity=qty,
                    unit_price=Decimal("10"),
                )
            )
        for severity, reason in remarks:
            order.findings.append(
                Finding(rule="test", field="remark", reason=reason, severity=severity)
            )
        session.add(order)
        session.flush()
        return order.id


def seeded_order(db, db_url: str, order_no: str) -> int:
    """An order of one mug and one tea, with the packaging shelf seeded by the command."""
    from main import main

    make_products(db)
    oid = make_order(db, order_no, [("MUG-01", 1), ("TEA-02", 1)])
    assert main(["--db", db_url, "packaging", "seed"]) == 0
    return oid
