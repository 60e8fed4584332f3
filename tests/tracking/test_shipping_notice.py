"""The shipping notice: one SMS and e-mail per parcel, with the date the customer can expect."""

from __future__ import annotations

from datetime import UTC, date, datetime

from aftercare_data import shipped_parcel
from sqlalchemy import select

from app import settings
from app.db.models import Order, OutboxMessage, Shipment
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
    assert "顺丰速运" in sms.body and "SF1234567890123" in sms.body
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
    assert count == 2  # one SMS, one e-mail text


def test_expected_date_skips_days_the_carrier_does_not_work(db) -> None:
    """YTO stops over the 2026 Spring Festival (Feb 15-23); SF keeps running."""
    eve = datetime(2026, 2, 13, 3, 0, tzinfo=UTC)  # Friday 11:00 at the desk
    with db.reading() as session:
        yto = expected_delivery(session, "YTO", "广东省", eve)
        sf = expected_delivery(session, "SF", "广东省", eve)
    # YTO: 3 days; Sat 14th is a make-up working day, then 24th and 25th.
    assert yto == date(2026, 2, 25)
    # SF: 2 days, straight through the holiday.
    assert sf == date(2026, 2, 15)


def test_unknown_carrier_falls_back_to_the_default_transit_days(db) -> None:
    with db.transaction() as session:
        settings.put(session, "shipping.default_transit_days", 2)
        due = expected_delivery(session, "XX", "广东省", datetime(2026, 12, 4, 2, 0, tzinfo=UTC))
    assert due == date(2026, 12, 8)  # Friday: Monday and Tuesday are the two working days


def test_shop_can_turn_off_the_email_notice(db) -> None:
    with db.transaction() as session:
        settings.put(session, "shipping_notice.channels", ["sms"])
        shipment = shipped_parcel(session)
        messages = queue_shipping_notice(session, shipment)
    assert [m.channel for m in messages] == ["sms"]


def test_order_in_two_parcels_gets_one_notice_naming_both(db) -> None:
    """The handover notifies with the order's last parcel; the first must not be forgotten."""
    with db.transaction() as session:
        first = shipped_parcel(session)
        second = Shipment(
            order_id=first.order_id,
            parcel_no=2,
            carrier="SF",
            tracking_no="SF1234567890199",
            shipped_at=first.shipped_at,
        )
        session.add(second)
        session.flush()
        messages = queue_shipping_notice(session, second)
        dates = {session.get(ParcelProgress, s.id).expected_delivery for s in (first, second)}

    assert "SF1234567890199、SF1234567890123" in messages[0].body
    assert len(dates) == 1 and None not in dates
