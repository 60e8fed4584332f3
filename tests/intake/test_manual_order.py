"""Phone and e-mail orders typed in by a clerk."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from app.db.models import Order, Product
from app.intake.errors import FieldErrors
from app.intake.manual import (
    ManualLine,
    ManualOrder,
    create_manual_order,
    search_products,
    split_address,
)


@pytest.fixture
def catalogue(db):
    with db.transaction() as session:
        session.add_all(
            [
                Product(
                    sku="CUP-QING", barcode="012345678905", name="青瓷杯", price=Decimal("39.00")
                ),
                Product(
                    sku="BOX-GIFT", barcode="6901234567892", name="礼盒", price=Decimal("40.00")
                ),
            ]
        )
    return db


def _order(**over) -> ManualOrder:
    values = dict(
        recipient="林小雨",
        phone="+86 139-0000-0001",
        address=split_address("浙江省杭州市西湖区文三路100号"),
        lines=(ManualLine("CUP-QING", 2),),
        paid=True,
    )
    values.update(over)
    return ManualOrder(**values)


def test_search_finds_by_sku_barcode_and_name(catalogue):
    assert [h.sku for h in search_products(catalogue, "012345678905")] == ["CUP-QING"]
    assert [h.sku for h in search_products(catalogue, "礼盒")] == ["BOX-GIFT"]
    assert {h.sku for h in search_products(catalogue, "-")} == {"CUP-QING", "BOX-GIFT"}


def test_free_text_address_is_split_for_the_clerk():
    parts = split_address("浙江省杭州市西湖区文三路100号")

    assert (parts.province, parts.city, parts.district, parts.detail) == (
        "浙江省",
        "杭州市",
        "西湖区",
        "文三路100号",
    )


def test_manual_order_is_stored_new_with_catalogue_price(catalogue):
    created = create_manual_order(catalogue, _order(), user="clerk1")

    assert created.paid_total == Decimal("78.00")
    with catalogue.reading() as session:
        order = session.get(Order, created.id)
        assert (order.platform, order.status, order.phone, order.paid) == (
            "manual",
            "new",
            "13900000001",
            True,
        )
        assert [(ln.sku, ln.quantity, ln.unit_price) for ln in order.lines] == [
            ("CUP-QING", 2, Decimal("39.00"))
        ]
        assert [(e.to_status, e.user) for e in order.events] == [("new", "clerk1")]


def test_price_override_needs_a_reason_and_is_recorded(catalogue):
    line = ManualLine("CUP-QING", 1, unit_price=Decimal("35.00"))

    with pytest.raises(FieldErrors) as caught:
        create_manual_order(catalogue, _order(lines=(line,)))
    assert caught.value.errors == {"lines.0.price": "改价（原价 39.00）需要填写原因"}

    line = ManualLine("CUP-QING", 1, unit_price=Decimal("35.00"), price_reason="老客户")
    created = create_manual_order(catalogue, _order(lines=(line,)))
    with catalogue.reading() as session:
        order = session.get(Order, created.id)
    assert order.goods_total == Decimal("35.00")
    assert "CUP-QING 改价 39.00→35.00：老客户" in order.seller_remark


def test_form_refuses_with_a_message_at_each_wrong_field(catalogue):
    bad = _order(
        recipient=" ",
        phone="1390000000",
        address=split_address("文三路100号"),
        lines=(ManualLine("NOPE", 1), ManualLine("CUP-QING", 0)),
    )

    with pytest.raises(FieldErrors) as caught:
        create_manual_order(catalogue, bad)

    errors = caught.value.errors
    assert set(errors) == {"recipient", "phone", "address", "lines.0.sku", "lines.1.quantity"}
    assert errors["lines.0.sku"] == "商品 NOPE 不在商品库中"
    with catalogue.reading() as session:
        assert session.scalars(select(Order)).all() == []


def test_generated_order_numbers_count_up(catalogue):
    first = create_manual_order(catalogue, _order())
    second = create_manual_order(catalogue, _order())

    assert first.order_no[:1] == "M" and len(first.order_no) == 12
    assert int(second.order_no[-3:]) == int(first.order_no[-3:]) + 1


def test_email_order_keeps_the_address_and_confirmation_mails_it(catalogue):
    from app.db.models import OutboxMessage
    from app.stock.ledger import post_move
    from app.verification.confirm import confirm_clean_orders
    from app.verification.service import verify_orders

    with catalogue.transaction() as session:
        for product in session.scalars(select(Product)):
            post_move(session, product_id=product.id, kind="receipt", on_hand_delta=10)
    created = create_manual_order(
        catalogue, _order(channel="email", email="lin.xiaoyu@example.com", paid=True)
    )
    verify_orders(catalogue, [created.order_no])
    confirm_clean_orders(catalogue, [created.order_no])

    with catalogue.reading() as session:
        assert session.scalars(select(Order.email)).one() == "lin.xiaoyu@example.com"
        mail = session.scalars(select(OutboxMessage).where(OutboxMessage.channel == "email")).one()
    assert mail.recipient == "lin.xiaoyu@example.com"


def test_email_order_without_a_valid_address_is_refused_at_the_field(catalogue):
    with pytest.raises(FieldErrors) as caught:
        create_manual_order(catalogue, _order(channel="email", email=""))
    assert "电子邮箱" in caught.value.errors["email"]
    with pytest.raises(FieldErrors) as caught:
        create_manual_order(catalogue, _order(email="lin.xiaoyu@example"))
    assert "lin.xiaoyu@example" in caught.value.errors["email"]
