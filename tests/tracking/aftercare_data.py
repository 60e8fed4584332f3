"""Made-up orders and parcels for the after-handover tests (names, phones are invented)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Order, OrderEvent, OrderLine, Product, ScanEvent, Shipment
from app.orders.status import Status

SHIPPED_AT = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def shipped_parcel(
    session: Session,
    order_no: str = "T1001",
    tracking_no: str = "SF1234567890123",
    carrier: str = "SF",
    province: str = "广东省",
    shipped_at: datetime = SHIPPED_AT,
    packer: str = "王打包",
) -> Shipment:
    """An order moved through packing to shipped, with its parcel handed over."""
    order = Order(
        platform="taobao",
        order_no=order_no,
        status=Status.SHIPPED.value,
        buyer="买家小林",
        recipient="林小雨",
        phone="13900001111",
        province=province,
        city="深圳市",
        district="南山区",
        address_detail="科技园路1号",
        paid_total=Decimal("99.00"),
        paid=True,
    )
    product = session.scalars(select(Product).where(Product.sku == "TEA-01")).first()
    if product is None:
        product = Product(
            sku="TEA-01",
            barcode="6901234567892",
            name="西湖龙井 250g",
            price=Decimal("99.00"),
            weight=Decimal("0.3"),
        )
        session.add(product)
        session.flush()
    order.lines.append(
        OrderLine(
            line_no=1,
            sku="TEA-01",
            product_id=product.id,
            title="西湖龙井 250g",
            quantity=1,
            unit_price=Decimal("99.00"),
        )
    )
    order.events.append(
        OrderEvent(
            from_status="packing", to_status="packed", user=packer, at=shipped_at.replace(hour=8)
        )
    )
    order.events.append(
        OrderEvent(from_status="packed", to_status="shipped", user="交接员", at=shipped_at)
    )
    session.add(order)
    session.flush()
    session.add(ScanEvent(order_id=order.id, code="6901234567892", accepted=True, user=packer))
    shipment = Shipment(
        order_id=order.id,
        carrier=carrier,
        tracking_no=tracking_no,
        weight=Decimal("1.2"),
        packed_at=shipped_at,
        shipped_at=shipped_at,
    )
    session.add(shipment)
    session.flush()
    return shipment


def busy_day(db) -> None:
    """Parcels shipped on 2026-12-03 and older ones running late, with feedback and payouts.

    Shipped on the 3rd: 3 × SF, 2 × YTO, 1 × ZTO. Late at the end of the 3rd (expected on
    the 2nd or 3rd, not delivered): 2 × YTO, 1 × ZTO; one older SF parcel was delivered.
    """
    from app.db.models.tracking import ParcelProgress
    from app.tracking.compensation import add_compensation
    from app.tracking.events import add_event
    from app.tracking.feedback import add_feedback

    today = datetime(2026, 12, 3, 2, 0, tzinfo=UTC)
    older = datetime(2026, 11, 29, 2, 0, tzinfo=UTC)
    with db.transaction() as session:
        n = 0
        for carrier, count, when in (
            ("SF", 3, today),
            ("YTO", 2, today),
            ("ZTO", 1, today),
            ("YTO", 2, older),
            ("ZTO", 1, older),
            ("SF", 1, older),
        ):
            for _ in range(count):
                n += 1
                s = shipped_parcel(
                    session, f"D{n:03d}", f"{carrier}{n:013d}", carrier=carrier, shipped_at=when
                )
                due = date(2026, 12, 2) if when == older else date(2026, 12, 5)
                session.add(ParcelProgress(shipment_id=s.id, expected_delivery=due))
    add_event(db, "SF0000000000010", "已签收", at="2026-12-01 15:00")
    add_event(db, "YTO0000000000007", "问题件", at="2026-12-02 09:00")
    add_event(db, "ZTO0000000000009", "拒收", at="2026-12-03 11:00")

    for order_no, category, text in (
        ("D007", "delay", "说好 2 号到，现在还没到"),
        ("D008", "delay", "物流一直不动"),
        ("D010", "damage", "外箱破了"),
        ("D010", "praise", "客服回复很快"),
        ("D001", "wrong_item", "收到的是绿茶"),
    ):
        fb = add_feedback(db, order_no, category, text)
        if category == "damage":
            add_compensation(db, fb.id, "refund", "15.00", "packing")
        if order_no == "D007":
            add_compensation(db, fb.id, "coupon", "10", "carrier", coupon_code="QX-DELAY-7")
