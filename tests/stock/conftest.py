"""Made-up products and orders for the stock tests (every name and person invented)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.db.engine import Database
from app.db.models import Order, OrderLine, Product
from app.orders.status import Status
from app.stock.ledger import post_move


class Shop:
    """A tiny shop set up through the same services the desk uses."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._order_no = 9000

    def product(
        self,
        sku: str,
        *,
        on_hand: int = 0,
        bin: str = "",
        price: str = "10.00",
        name: str | None = None,
        spec: str = "",
    ) -> int:
        with self.db.transaction() as session:
            product = Product(
                sku=sku,
                barcode=None,
                name=name or f"测试商品{sku}",
                bin=bin,
                price=Decimal(price),
                spec=spec,
            )
            session.add(product)
            session.flush()
            if on_hand:
                post_move(
                    session,
                    product_id=product.id,
                    kind="receipt",
                    on_hand_delta=on_hand,
                    reason="期初库存",
                    user="tester",
                )
            return product.id

    def order(
        self, *lines: tuple[str, int], status: Status = Status.VERIFIED, attributes: str = ""
    ) -> int:
        self._order_no += 1
        with self.db.transaction() as session:
            order = Order(
                platform="taobao",
                order_no=str(self._order_no),
                status=status.value,
                recipient="王小明",
                phone="13800000000",
                paid=True,
            )
            for n, (sku, qty) in enumerate(lines, start=1):
                product = session.query(Product).filter_by(sku=sku).one_or_none()
                order.lines.append(
                    OrderLine(
                        line_no=n,
                        sku=sku,
                        quantity=qty,
                        product_id=product.id if product else None,
                        attributes=attributes,
                        unit_price=Decimal("10.00"),
                    )
                )
            session.add(order)
            session.flush()
            return order.id


@pytest.fixture
def shop(db: Database) -> Shop:
    return Shop(db)
