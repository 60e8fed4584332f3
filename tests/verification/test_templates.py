"""Customer messages come from editable templates with checked placeholders."""

from __future__ import annotations

import pytest

from app import settings
from app.outbox.listing import list_messages
from app.outbox.templates import (
    TemplateError,
    get_template,
    render_template,
    reset_template,
    save_template,
    sms_segments,
)
from app.verification.confirm import confirm_clean_orders
from app.verification.service import verify_orders


def test_default_sms_fills_every_placeholder_and_fits_one_segment(db) -> None:
    context = {
        "shop": "小青杂货铺",
        "recipient": "欧阳一二",
        "order_no": "3712910000000001234",
        "ship_by": "2026-08-28",
    }
    with db.transaction() as session:
        subject, body = render_template(session, "confirmation.sms", context)
    assert subject == ""
    assert (
        body == "【小青杂货铺】欧阳一二您好，订单3712910000000001234已确认，预计2026-08-28前发货。"
    )
    assert len(sms_segments(body)) == 1


def test_edited_template_is_used_and_reset_goes_back_to_the_default(db) -> None:
    with db.transaction() as session:
        save_template(
            session, "confirmation.sms", "", "{recipient}：{order_no} 将于{ship_by}发出", "boss"
        )
    with db.transaction() as session:
        _, body = render_template(
            session,
            "confirmation.sms",
            {"recipient": "李四", "order_no": "A1", "ship_by": "8月28日"},
        )
        assert body == "李四：A1 将于8月28日发出"
        assert get_template(session, "confirmation.sms").edited
        reset_template(session, "confirmation.sms")
    with db.transaction() as session:
        assert not get_template(session, "confirmation.sms").edited


def test_unknown_placeholder_is_refused_when_saving(db) -> None:
    with db.transaction() as session, pytest.raises(TemplateError, match=r"\{shipdate\}"):
        save_template(session, "confirmation.sms", "", "预计{shipdate}发货", "boss")


def test_long_sms_is_split_into_67_character_parts() -> None:
    parts = sms_segments("字" * 71)
    assert [len(p) for p in parts] == [67, 4]
    assert sms_segments("字" * 70) == ["字" * 70]


def test_the_confirmation_is_signed_by_the_waybill_sender_without_a_shop_name(
    make_order, shop
) -> None:
    """The confirmation read 【本店】 although the sender printed on the waybills was set."""
    with shop.transaction() as session:
        settings.put(session, "sender.name", "小青杂货铺")
    make_order(order_no="SIGN", email="xiaoqing@example.com")
    verify_orders(shop)
    confirm_clean_orders(shop)

    with shop.reading() as session:
        sms, email = list_messages(session)
    assert sms.body.startswith("【小青杂货铺】欧阳小青您好")
    assert email.subject == "小青杂货铺：订单 SIGN 已确认"
