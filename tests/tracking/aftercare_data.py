"""Made-up orders and parcels for the after-handover tests (names, phones are invented)."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy.orm import Session

from app.db.models import Order, OrderEvent, ScanEvent, Shipment
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
