"""A customer's requested ship date: stored with the order, shown, and never promised early."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.config import desk_timezone
from app.db.models import Order, OutboxMessage, Product
from app.intake.errors import FieldErrors
from app.intake.manual import ManualLine, ManualOrder, create_manual_order, split_address
from app.promise.ship_date import promise_ship_date
from app.stock.ledger import post_move
from app.verification.confirm import confirm_clean_orders
from app.verification.service import verify_orders
from main import main

SHANGHAI = timezone(timedelta(hours=8))


@pytest.fixture
def stocked(db):
    with db.transaction() as session:
        cup = Product(sku="CUP-QING", name="青瓷杯", price=Decimal("39.00"))
        session.add(cup)
        session.flush()
        post_move(session, product_id=cup.id, kind="receipt", on_hand_delta=10)
    return db


def _order(requested: date | None) -> ManualOrder:
    return ManualOrder(
        recipient="林小雨",
        phone="13900000001",
        address=split_address("浙江省杭州市西湖区文三路100号"),
        lines=(ManualLine("CUP-QING", 1),),
        paid=True,
        requested_ship_date=requested,
    )


def _today() -> date:
    return datetime.now(desk_timezone()).date()


def test_a_later_requested_date_is_the_promise_and_an_earlier_one_is_not():
    paid = datetime(2026, 8, 27, 9, 0, tzinfo=SHANGHAI)

    later = promise_ship_date(paid, 1, "Asia/Shanghai", requested=date(2026, 9, 15))
    earlier = promise_ship_date(paid, 1, "Asia/Shanghai", requested=date(2026, 8, 27))

    assert later == date(2026, 9, 15)
    assert earlier == date(2026, 8, 28)


def test_requested_date_is_stored_and_shown_in_orders_json(stocked, db_url, capsys):
    wanted = _today() + timedelta(days=20)
    created = create_manual_order(stocked, _order(wanted), user="clerk1")

    assert main(["--db", db_url, "orders", "--json"]) == 0

    shown = json.loads(capsys.readouterr().out)
    assert [(o["order_no"], o["requested_ship_date"]) for o in shown] == [
        (created.order_no, wanted.isoformat())
    ]
    with stocked.reading() as session:
        order = session.get(Order, created.id)
        assert "要求发货日期" not in order.seller_remark


def test_confirmation_promises_the_requested_date_when_it_is_later(stocked):
    wanted = _today() + timedelta(days=40)
    created = create_manual_order(stocked, _order(wanted))
    verify_orders(stocked, [created.order_no])

    [confirmation] = confirm_clean_orders(stocked, [created.order_no])

    assert confirmation.ship_by == wanted
    with stocked.reading() as session:
        sms = session.scalars(
            select(OutboxMessage.body).where(OutboxMessage.channel == "sms")
        ).one()
    assert f"{wanted.month}月{wanted.day}日" in sms


def test_confirmation_ignores_a_requested_date_it_would_beat_anyway(stocked):
    created = create_manual_order(stocked, _order(_today()))
    verify_orders(stocked, [created.order_no])

    [confirmation] = confirm_clean_orders(stocked, [created.order_no])

    assert confirmation.ship_by > _today()


def test_a_requested_date_in_the_past_is_refused_at_its_field(stocked):
    yesterday = _today() - timedelta(days=1)

    with pytest.raises(FieldErrors) as caught:
        create_manual_order(stocked, _order(yesterday))

    assert caught.value.errors == {
        "requested_ship_date": f"要求发货日期 {yesterday.isoformat()} 已过去，请选今天或以后"
    }
