"""Invented shop data for the verification tests (every name, phone and address made up)."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from app.db.models import Order, OrderLine, Product
from app.orders.status import record_arrival
from app.verification.context import ProductInfo, VerifyContext


def _order(session, order_no="T1001", lines=(("CUP-RED", 2, "55.55"),), **fields) -> Order:
    values = dict(
        platform="taobao",
        order_no=order_no,
        recipient="欧阳小青",
        phone="13900000001",
        address_raw="浙江省 杭州市 西湖区 文三路100号(310000)",
        paid=True,
        platform_status="买家已付款，等待卖家发货",
        postage=Decimal("10.00"),
        paid_at=datetime(2026, 8, 26, 23, 0, tzinfo=UTC),
        discount=Decimal("0"),
        goods_total=Decimal("0"),
        phone_ext="",
        buyer_remark="",
        seller_remark="",
        buyer="",
        province="",
        city="",
        district="",
        address_detail="",
        postcode="",
        status="new",
    )
    values.update(fields)
    order = Order(**values)
    for n, (sku, qty, price, *rest) in enumerate(lines, start=1):
        order.lines.append(
            OrderLine(
                line_no=n,
                sku=sku,
                quantity=qty,
                unit_price=Decimal(price),
                product_id=None,
                title=rest[0] if rest else "",
                attributes=rest[1] if len(rest) > 1 else "",
            )
        )
    if "paid_total" not in fields:
        order.paid_total = (
            sum((ln.unit_price * ln.quantity for ln in order.lines), Decimal("0"))
            + order.postage
            - order.discount
        )
    record_arrival(order, user="tester")
    session.add(order)
    return order


@pytest.fixture
def shop(db):
    """A catalogue of three products, one of them virtual."""
    with db.transaction() as session:
        session.add_all(
            [
                Product(
                    sku="CUP-RED", name="陶瓷马克杯", spec="颜色分类:红色", price=Decimal("55.55")
                ),
                Product(
                    sku="CUP-BLUE", name="陶瓷马克杯", spec="颜色分类:蓝色", price=Decimal("55.55")
                ),
                Product(sku="GIFT-CARD", name="电子礼品卡", price=Decimal("100"), shippable=False),
            ]
        )
    return db


@pytest.fixture
def make_order(shop):
    def make(**kw) -> str:
        with shop.transaction() as session:
            return _order(session, **kw).order_no

    return make


@pytest.fixture
def ctx() -> VerifyContext:
    """The same catalogue as `shop`, in memory, for testing one rule without a database."""
    context = VerifyContext()
    for info in (
        ProductInfo(1, "CUP-RED", "陶瓷马克杯", "颜色分类:红色", Decimal("55.55"), True, True),
        ProductInfo(2, "CUP-BLUE", "陶瓷马克杯", "颜色分类:蓝色", Decimal("55.55"), True, True),
        ProductInfo(3, "GIFT-CARD", "电子礼品卡", "", Decimal("100.00"), False, False),
    ):
        context.products_by_sku[info.sku.lower()] = info
        context.products_by_id[info.id] = info
    return context


@pytest.fixture
def new_order():
    """An unsaved order object for testing one rule on its own."""
    return lambda **kw: _order(_NoSession(), **kw)


class _NoSession:
    def add(self, _obj) -> None:
        pass
