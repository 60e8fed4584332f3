"""Sending e-mail through a real SMTP server on loopback (aiosmtpd)."""

from __future__ import annotations

import email
import email.policy
import socket

from aiosmtpd.controller import Controller

from app import settings
from app.outbox.listing import list_messages
from app.outbox.queue import enqueue
from app.outbox.smtp import send_pending_email


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Inbox:
    def __init__(self) -> None:
        self.messages: list = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.messages.append(envelope)
        return "250 OK"


def test_pending_email_is_sent_once_and_marked(db) -> None:
    inbox = _Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        with db.transaction() as session:
            settings.put(session, "smtp.host", "127.0.0.1")
            settings.put(session, "smtp.port", port)
            enqueue(
                session,
                kind="confirmation",
                channel="email",
                body="您的订单已确认",
                subject="订单确认",
                recipient="buyer@example.com",
            )
            enqueue(session, kind="confirmation", channel="sms", body="短信", recipient="139")
        assert send_pending_email(db) == (1, 0)
        assert send_pending_email(db) == (0, 0)
    finally:
        controller.stop()

    assert len(inbox.messages) == 1
    assert inbox.messages[0].rcpt_tos == ["buyer@example.com"]
    mail = email.message_from_bytes(inbox.messages[0].content, policy=email.policy.default)
    assert mail["Subject"] == "订单确认"
    assert mail.get_content().strip() == "您的订单已确认"
    with db.reading() as session:
        states = {m.channel: m.state for m in list_messages(session)}
    assert states == {"email": "sent", "sms": "pending"}


def test_without_a_host_nothing_is_sent(db) -> None:
    with db.transaction() as session:
        enqueue(session, kind="confirmation", channel="email", body="x", recipient="a@b.c")
    assert send_pending_email(db) == (0, 0)
