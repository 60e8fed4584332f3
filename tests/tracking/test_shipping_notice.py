"""The shipping notice: one SMS and e-mail per parcel, with the date the customer can expect."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from aftercare_data import shipped_parcel
from sqlalchemy import select

from app import settings
from app.db.models import Order, OutboxMessage
from app.db.models.tracking import ParcelProgress
from app.shipping.notices import queue_shipping_notice
from app.tracking.delivery_date import expected_delivery


def test_notice_names_carrier_tracking_number_and_expected_date(db) -> None:
    with db.transaction() as session:
        shipment = shipped_parcel(session)
        session.get(Order, shipment.order_id).buyer = "lin@example.com"
        messages = queue_shipping_notice(session, shipment)

    assert [m.channel for m in messages] == ["sms", "email"]
    sms = messages[0]
    assert sms.recipient == "13900001111"
    assert "SF1234567890123" in sms.body
    assert "2026-12-01 17:00" in sms.body  # 09:00 UTC is 17:00 at the desk
    with db.reading() as session:
        due = session.get(ParcelProgress, shipment.id).expected_delivery
    assert due.isoformat() in sms.body
    assert messages[1].subject.endswith("T1001 已发货")


def test_handover_retried_queues_no_second_notice(db) -> None:
    with db.transaction() as session:
        shipment = shipped_parcel(session)
        queue_shipping_notice(session, shipment)
        again = queue_shipping_notice(session, shipment)
        count = len(session.scalars(select(OutboxMessage)).all())
    assert again == []
    assert count == 1  # no e-mail address known: SMS only


def test_expected_date_skips_days_the_carrier_does_not_work(db, monkeypatch) -> None:
    """Shipped on the eve of the 2026 Spring Festival, three transit days run past it."""
    import app.tracking.delivery_date as dd

    monkeypatch.setattr(dd, "_transit_days", lambda session, carrier, province: 3)
    closed = {date(2026, 2, 16) + timedelta(days=i) for i in range(7)}
    monkeypatch.setattr(dd, "_works_on", lambda session, carrier: lambda d: d not in closed)

    with db.reading() as session:
        due = expected_delivery(
            session, "YTO", "新疆维吾尔自治区", datetime(2026, 2, 14, 10, 0, tzinfo=UTC)
        )
    # 15th counts, 16th-22nd closed, 23rd and 24th count.
    assert due == date(2026, 2, 24)


def test_shop_can_turn_off_the_email_notice(db) -> None:
    with db.transaction() as session:
        settings.put(session, "shipping_notice.channels", ["sms"])
        shipment = shipped_parcel(session)
        messages = queue_shipping_notice(session, shipment)
    assert [m.channel for m in messages] == ["sms"]
