"""A message goes to the outbox as sendable only when its channel has an address."""

from __future__ import annotations

import json
import socket

from app import settings
from app.outbox.listing import list_messages, mark_sent
from app.outbox.queue import enqueue
from app.outbox.smtp import send_pending_email
from app.verification.confirm import confirm_clean_orders
from app.verification.service import verify_orders
from main import main


def _confirm(shop) -> dict[str, object]:
    verify_orders(shop)
    confirm_clean_orders(shop)
    with shop.reading() as session:
        return {m.channel: m for m in list_messages(session)}


def test_confirmation_without_an_email_address_is_kept_but_not_pending(make_order, shop) -> None:
    """The e-mail of a customer without an address was queued as pending with an empty
    recipient: counted as waiting to go out although nothing could ever send it."""
    make_order(order_no="NOMAIL")

    messages = _confirm(shop)

    assert (messages["sms"].state, messages["sms"].recipient) == ("pending", "13900000001")
    email = messages["email"]
    assert (email.state, email.error, email.recipient) == ("no_address", "无邮箱地址", "")
    assert "NOMAIL" in email.body
    with shop.reading() as session:
        assert [m.channel for m in list_messages(session, "pending")] == ["sms"]


def test_confirmation_with_an_email_address_is_pending(make_order, shop) -> None:
    make_order(order_no="MAIL", email="xiaoqing@example.com")
    assert _confirm(shop)["email"].state == "pending"


def test_the_sender_does_not_try_a_message_without_an_address(db) -> None:
    """Nothing listens on the port: a message the sender picked up would fail."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with db.transaction() as session:
        settings.put(session, "smtp.host", "127.0.0.1")
        settings.put(session, "smtp.port", port)
        enqueue(session, kind="shipping_notice", channel="email", body="已发货", recipient=" ")
        enqueue(session, kind="delay", channel="sms", body="缺货", recipient="")

    assert send_pending_email(db) == (0, 0)
    with db.reading() as session:
        kept = [(m.channel, m.state, m.error) for m in list_messages(session)]
    assert kept == [("email", "no_address", "无邮箱地址"), ("sms", "no_address", "无手机号")]


def test_a_clerk_may_still_mark_it_sent_after_using_the_platform_tool(db) -> None:
    with db.transaction() as session:
        message = enqueue(session, kind="confirmation", channel="email", body="已确认")
        session.flush()
        mark_sent(session, message.id)
    with db.reading() as session:
        [view] = list_messages(session)
    assert (view.state, view.error) == ("sent", "")


def test_the_outbox_command_lists_them_by_their_own_state(make_order, shop, capsys) -> None:
    make_order(order_no="CLI9")
    _confirm(shop)

    assert main(["--db", shop.url, "outbox", "--state", "no_address", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(m["channel"], m["error"]) for m in listed] == [("email", "无邮箱地址")]
    assert main(["--db", shop.url, "outbox", "--state", "no_address"]) == 0
    assert "\t无邮箱地址\t" in capsys.readouterr().out
