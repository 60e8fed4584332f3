"""Shipping notices leave through the outbox: SMTP once per message, failures kept, CSV export."""

from __future__ import annotations

import csv
import io
import socket

import pytest
from aftercare_data import shipped_parcel
from aiosmtpd.controller import Controller
from sqlalchemy import select

from app import settings
from app.db.models import Order, OutboxMessage
from app.outbox.export import export_csv
from app.outbox.listing import AlreadySent, mark_sent
from app.outbox.smtp import send_pending_email
from app.shipping.notices import queue_shipping_notice


class _Inbox:
    """An SMTP server that refuses one mailbox, as a real server refuses an unknown user."""

    def __init__(self) -> None:
        self.received: list[str] = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("nobody@"):
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.received.append(envelope.content.decode("utf-8", "replace"))
        return "250 Message accepted"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server():
    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=_free_port())
    controller.start()
    yield inbox, controller.port
    controller.stop()


def _two_notices(db, port: int) -> None:
    with db.transaction() as session:
        settings.put(session, "smtp.host", "127.0.0.1")
        settings.put(session, "smtp.port", port)
        for order_no, number, email in (
            ("T1001", "SF1234567890123", "lin@example.com"),
            ("T1002", "SF1234567890124", "nobody@example.com"),
        ):
            shipment = shipped_parcel(session, order_no, number)
            session.get(Order, shipment.order_id).buyer = email
            queue_shipping_notice(session, shipment)


def _emails(db) -> dict[str, OutboxMessage]:
    with db.reading() as session:
        rows = session.scalars(select(OutboxMessage).where(OutboxMessage.channel == "email"))
        return {m.recipient: m for m in rows}


def test_each_notice_is_sent_once_and_a_refused_one_keeps_its_error(db, smtp_server) -> None:
    inbox, port = smtp_server
    _two_notices(db, port)

    assert send_pending_email(db) == (1, 1)
    emails = _emails(db)
    good, bad = emails["lin@example.com"], emails["nobody@example.com"]
    assert (good.state, good.sent_at is not None) == ("sent", True)
    assert bad.state == "failed" and "550" in bad.error and bad.sent_at is None

    assert send_pending_email(db) == (0, 0)
    assert len(inbox.received) == 1
    assert "SF1234567890123" in inbox.received[0]

    with db.transaction() as session, pytest.raises(AlreadySent):
        mark_sent(session, good.id)


def test_sms_notices_export_as_csv_for_the_platform_bulk_tool(db, smtp_server) -> None:
    _two_notices(db, smtp_server[1])
    with db.reading() as session:
        data = export_csv(session, state="pending")

    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    sms = [r for r in rows if r["渠道"] == "sms" and r["类型"] == "shipping_notice"]
    assert [r["订单号"] for r in sms] == ["T1001", "T1002"]
    assert sms[0]["收件人"] == "13900001111"
    assert "SF1234567890123" in sms[0]["内容"]
