"""Every message to a customer is signed with the shop's name, never with an empty 【】."""

from __future__ import annotations

from datetime import timedelta

import pytest
from aftercare_data import SHIPPED_AT, shipped_parcel
from sqlalchemy import select

import app.returns.notify  # noqa: F401 - adds the returns texts to the templates
import app.tracking.templates  # noqa: F401 - adds the after-handover texts to the templates
from app import settings
from app.db.models import OutboxMessage
from app.outbox.templates import DEFAULTS, render_template, shop_name
from app.shipping.notices import queue_shipping_notice
from app.tracking.exception_actions import send_customer_update
from app.tracking.exception_queue import refresh_exceptions
from main import main


def _notice(db) -> tuple[OutboxMessage, OutboxMessage]:
    with db.transaction() as session:
        sms, email = queue_shipping_notice(session, shipped_parcel(session))
        session.expunge_all()
    return sms, email


def test_the_shipping_notice_is_signed_by_the_waybill_sender_when_no_shop_name_is_set(
    db,
) -> None:
    """With only `sender.name` set, the SMS read "【】王晓燕您好…" and the e-mail subject
    "：订单 … 已发货"; the name printed on the waybills now signs them."""
    with db.transaction() as session:
        settings.put(session, "sender.name", "青禾小铺")

    sms, email = _notice(db)

    assert sms.body.startswith("【青禾小铺】林小雨您好")
    assert email.subject == "青禾小铺：订单 T1001 已发货"
    assert email.body.rstrip().endswith("青禾小铺")


def test_shop_name_comes_before_the_sender_and_a_neutral_word_comes_last(db) -> None:
    with db.reading() as session:
        assert shop_name(session) == "本店"
    with db.transaction() as session:
        settings.put(session, "sender.name", "杭州青禾贸易有限公司")
        settings.put(session, "shop.name", "  ")
    with db.reading() as session:
        assert shop_name(session) == "杭州青禾贸易有限公司"
    with db.transaction() as session:
        settings.put(session, "shop.name", "青禾小铺")
    with db.reading() as session:
        assert shop_name(session) == "青禾小铺"


def test_without_any_name_the_notice_is_signed_with_a_neutral_word(db) -> None:
    sms, email = _notice(db)
    assert sms.body.startswith("【本店】")
    assert email.subject.startswith("本店：")


@pytest.mark.parametrize("key", sorted(DEFAULTS))
def test_every_template_names_the_shop(db, key: str) -> None:
    """Confirmation, shipping, tracking and returns texts all take the same name."""
    with db.transaction() as session:
        settings.put(session, "shop.name", "青禾小铺")
        subject, body = render_template(session, key, {"recipient": "林小雨"})
    if "{shop}" in DEFAULTS[key].subject:
        assert subject.startswith("青禾小铺")
    if "{shop}" in DEFAULTS[key].body:
        assert "青禾小铺" in body
    assert "【】" not in body and not subject.startswith("：")


def test_the_tracking_update_is_signed_too(db) -> None:
    with db.transaction() as session:
        settings.put(session, "shop.name", "青禾小铺")
        shipped_parcel(session)
    exception_id = refresh_exceptions(db, now=SHIPPED_AT + timedelta(hours=25))[0].id

    send_customer_update(db, exception_id, "已催促快递")

    with db.reading() as session:
        body = session.scalars(
            select(OutboxMessage.body).where(OutboxMessage.kind == "tracking_update")
        ).one()
    assert body.startswith("【青禾小铺】林小雨您好")


def test_settings_set_refuses_an_empty_shop_name(db_url, capsys) -> None:
    assert main(["--db", db_url, "settings", "set", "shop.name", " "]) == 3
    assert "shop.name" in capsys.readouterr().err
    assert main(["--db", db_url, "settings", "set", "shop.name", "青禾小铺"]) == 0
