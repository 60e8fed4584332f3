"""verify_orders holds or passes orders, replaces findings, and honours releases; confirmation
queues messages with the promised date."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from app.db.models import OutboxMessage
from app.errors import BadInput
from app.orders.queries import order_detail
from app.outbox.export import export_csv
from app.outbox.listing import AlreadySent, list_messages, mark_sent
from app.verification.confirm import confirm_clean_orders
from app.verification.edits import release_hold, set_phone
from app.verification.service import verify_orders


def _detail(db, order_no):
    with db.reading() as session:
        return order_detail(session, order_no)


def test_clean_order_is_verified_and_a_bad_one_held_with_reasons(make_order, shop) -> None:
    make_order(order_no="GOOD")
    make_order(order_no="BAD", phone="1390000000")
    progress = []
    report = verify_orders(shop, on_progress=lambda done, total: progress.append((done, total)))

    assert (report.checked, report.verified, report.held) == (2, 1, 1)
    assert progress[-1] == (2, 2)
    bad = _detail(shop, "BAD")
    assert bad.status == "held"
    assert [(f.rule, f.field) for f in bad.findings if f.severity == "hold"] == [
        ("phone", "phone")
    ]
    good = _detail(shop, "GOOD")
    assert (good.province_code, good.city_code, good.district_code) == (
        "330000",
        "330100",
        "330106",
    )


def test_verifying_again_replaces_old_findings(make_order, shop) -> None:
    make_order(order_no="FIX", phone="1390000000")
    verify_orders(shop)
    set_phone(shop, "FIX", "13900000002-4821", "tester")
    verify_orders(shop, ["FIX"])
    fixed = _detail(shop, "FIX")
    assert fixed.status == "verified"
    assert [f for f in fixed.findings if f.severity == "hold"] == []
    assert (fixed.phone, fixed.phone_ext) == ("13900000002", "4821")
    assert [e.to_status for e in fixed.events] == ["new", "held", "verified"]


def test_supervisor_release_is_recorded_and_survives_reverification(make_order, shop) -> None:
    make_order(order_no="REL", address_raw="爱涛路19号")
    verify_orders(shop)
    with pytest.raises(BadInput):
        release_hold(shop, "REL", "  ", "boss")
    release_hold(shop, "REL", "电话确认过地址", "boss")
    verify_orders(shop, ["REL"])
    released = _detail(shop, "REL")
    assert released.status == "verified"
    assert any("主管已放行 boss：电话确认过地址" in f.reason for f in released.findings)
    assert released.events[-1].note == "主管放行：电话确认过地址"


def test_confirming_queues_sms_and_email_with_the_promised_date(make_order, shop) -> None:
    make_order(order_no="CONF")
    verify_orders(shop)
    # Confirmed the morning it was paid (Thu 27 Aug 07:00 in Shanghai): the payment decides.
    [confirmation] = confirm_clean_orders(shop, now=datetime(2026, 8, 27, 1, 0, tzinfo=UTC))
    # 2 working days, but nothing in stock: 3 restock days more.
    assert confirmation.backordered
    assert confirmation.ship_by == date(2026, 9, 3)
    with shop.transaction() as session:
        messages = list_messages(session)
        assert [m.channel for m in messages] == ["sms", "email"]
        assert "9月3日" in messages[0].body and len(messages[0].body) <= 70
        assert "陶瓷马克杯" in messages[1].body or "CUP-RED" in messages[1].body
        mark_sent(session, messages[0].id)
    with shop.transaction() as session, pytest.raises(AlreadySent):
        mark_sent(session, messages[0].id)
    with shop.reading() as session:
        text = export_csv(session).decode("utf-8-sig")
        assert session.get(OutboxMessage, messages[0].id).state == "sent"
    assert text.splitlines()[0].startswith("编号,订单号") and "CONF" in text
    assert _detail(shop, "CONF").status in ("confirmed", "backordered")


def test_an_order_without_a_recipient_name_is_held(make_order, shop) -> None:
    """An order whose 收货人姓名 was blank used to pass verification and reach a waybill."""
    make_order(order_no="NONAME", recipient="  ")
    verify_orders(shop)
    held = _detail(shop, "NONAME")
    assert held.status == "held"
    assert [(f.rule, f.field, f.reason) for f in held.findings if f.severity == "hold"] == [
        ("recipient", "recipient", "没有收货人姓名，请补上再发货")
    ]
