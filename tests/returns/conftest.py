"""A made-up shop with shipped orders for the returns tests (every name and person invented)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from app.db.engine import Database
from app.db.models import Order, OrderLine, Product, Shipment
from app.documents.barcodes import gs1_check_digit
from app.orders.status import Status, move, record_arrival
from app.stock.ledger import figures, post_move

SHIPPED_AT = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)


def ean13(n: int) -> str:
    body = f"690{n:09d}"
    return body + str(gs1_check_digit(body))


class ReturnsShop:
    """Products with stock and orders shipped through the usual ledger movements."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._next_order = 5000
        self._next_product = 1

    def product(
        self,
        sku: str,
        *,
        price: str = "10.00",
        on_hand: int = 20,
        name: str = "",
        spec: str = "",
        bin: str = "",
    ) -> str:
        """Add a product and return its EAN-13 barcode."""
        barcode = ean13(self._next_product)
        self._next_product += 1
        with self.db.transaction() as session:
            product = Product(
                sku=sku,
                barcode=barcode,
                name=name or f"测试商品{sku}",
                price=Decimal(price),
                spec=spec,
                bin=bin or f"A-{sku}",
            )
            session.add(product)
            session.flush()
            post_move(
                session,
                product_id=product.id,
                kind="receipt",
                on_hand_delta=on_hand,
                reason="期初库存",
                user="tester",
            )
        return barcode

    def shipped_order(
        self,
        *lines: tuple[str, int, str],
        discount: str = "0",
        postage: str = "0",
        shipped_at: datetime = SHIPPED_AT,
        delivered_at: datetime | None = None,
        phone: str = "13912345678",
        tracking_no: str | None = None,
    ) -> str:
        """An order of (sku, qty, unit price) lines, reserved, packed and handed over."""
        self._next_order += 1
        order_no = f"26112{self._next_order}"
        with self.db.transaction() as session:
            gross = sum(Decimal(p) * q for _, q, p in lines)
            order = Order(
                platform="taobao",
                order_no=order_no,
                recipient="李晓雯",
                phone=phone,
                province="浙江省",
                city="杭州市",
                district="西湖区",
                address_detail="文三路 88 号",
                goods_total=gross,
                postage=Decimal(postage),
                discount=Decimal(discount),
                paid_total=gross + Decimal(postage) - Decimal(discount),
                paid=True,
                paid_at=shipped_at - timedelta(days=1),
            )
            for n, (sku, qty, price) in enumerate(lines, 1):
                product = session.query(Product).filter_by(sku=sku).one()
                order.lines.append(
                    OrderLine(
                        line_no=n,
                        sku=sku,
                        product_id=product.id,
                        title=product.name,
                        quantity=qty,
                        unit_price=Decimal(price),
                    )
                )
            record_arrival(order, user="tester")
            session.add(order)
            session.flush()
            for status in (Status.VERIFIED, Status.CONFIRMED, Status.PACKING, Status.PACKED):
                move(order, status, user="tester")
            for line in order.lines:
                post_move(
                    session,
                    product_id=line.product_id,
                    kind="reserve",
                    reserved_delta=line.quantity,
                    order_id=order.id,
                    order_line_id=line.id,
                    user="tester",
                )
                post_move(
                    session,
                    product_id=line.product_id,
                    kind="ship",
                    on_hand_delta=-line.quantity,
                    reserved_delta=-line.quantity,
                    order_id=order.id,
                    order_line_id=line.id,
                    user="tester",
                )
            move(order, Status.SHIPPED, user="tester", at=shipped_at)
            session.add(
                Shipment(
                    order_id=order.id,
                    carrier="ZTO",
                    tracking_no=tracking_no or f"7531{self._next_order}0001",
                    packed_at=shipped_at,
                    shipped_at=shipped_at,
                )
            )
            if delivered_at is not None:
                move(order, Status.DELIVERED, user="tester", at=delivered_at)
        return order_no

    def on_hand(self, sku: str) -> int:
        with self.db.reading() as session:
            product = session.query(Product).filter_by(sku=sku).one()
            return figures(session, product.id).on_hand


@pytest.fixture
def rshop(db: Database) -> ReturnsShop:
    return ReturnsShop(db)
