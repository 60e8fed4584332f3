"""Exception rules with their thresholds, the queue a clerk works from, and closing it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from aftercare_data import SHIPPED_AT, shipped_parcel
from sqlalchemy import select

from app import settings
from app.db.models import OutboxMessage
from app.db.models.tracking import ParcelProgress
from app.errors import BadInput
from app.tracking.events import add_event
from app.tracking.exception_actions import (
    ExceptionInputError,
    close_exception,
    note_carrier_call,
    open_return,
    request_address_change,
    request_intercept,
    send_customer_update,
)
from app.tracking.exception_queue import list_exceptions, refresh_exceptions


def _one_parcel(db, **kwargs) -> None:
    with db.transaction() as session:
        shipped_parcel(session, **kwargs)


def test_no_event_within_threshold_of_handover_is_flagged(db) -> None:
    _one_parcel(db)
    assert refresh_exceptions(db, now=SHIPPED_AT + timedelta(hours=23)) == []

    rows = refresh_exceptions(db, now=SHIPPED_AT + timedelta(hours=25))
    assert [(r.rule_label, r.order_no, r.customer, r.age_hours) for r in rows] == [
        ("交接后无揽收", "T1001", "林小雨", 25)
    ]


def test_threshold_comes_from_the_setting(db) -> None:
    _one_parcel(db)
    with db.transaction() as session:
        settings.put(session, "tracking.rules.no_first_event_hours", 6)
    assert len(refresh_exceptions(db, now=SHIPPED_AT + timedelta(hours=7))) == 1


def test_quiet_parcel_in_transit_is_flagged_once_per_quiet_spell(db) -> None:
    _one_parcel(db)
    add_event(db, "SF1234567890123", "运输中", at=SHIPPED_AT + timedelta(hours=2))
    later = SHIPPED_AT + timedelta(hours=51)
    rows = refresh_exceptions(db, now=later)
    assert [r.rule for r in rows] == ["stalled"]

    close_exception(db, rows[0].id, "快递称已在途")
    assert refresh_exceptions(db, now=later + timedelta(hours=1)) == []

    moved = later + timedelta(hours=2)
    add_event(db, "SF1234567890123", "快件到达【杭州转运中心】", at=moved)
    assert refresh_exceptions(db, now=moved + timedelta(hours=47)) == []
    assert refresh_exceptions(db, now=moved + timedelta(hours=49))[0].rule == "stalled"


def test_past_expected_delivery_is_flagged(db) -> None:
    _one_parcel(db)
    add_event(db, "SF1234567890123", "派送中", at=SHIPPED_AT + timedelta(hours=30))
    with db.transaction() as session:
        session.get(ParcelProgress, 1).expected_delivery = date(2026, 12, 3)
    assert refresh_exceptions(db, now=datetime(2026, 12, 3, 15, 0, tzinfo=UTC)) == []
    rows = refresh_exceptions(db, now=datetime(2026, 12, 3, 16, 30, tzinfo=UTC))  # 00:30 on 4th
    assert [r.rule for r in rows] == ["overdue"]
    assert "2026-12-03" in rows[0].detail


@pytest.mark.parametrize(
    ("text", "rule"), [("拒收", "refused"), ("已退回寄件人", "returned"), ("问题件", "problem")]
)
def test_refused_returned_and_problem_events_open_at_once(db, text: str, rule: str) -> None:
    _one_parcel(db)
    add_event(db, "SF1234567890123", text, at=SHIPPED_AT + timedelta(hours=3))
    rows = refresh_exceptions(db, now=SHIPPED_AT + timedelta(hours=4))
    assert [r.rule for r in rows] == [rule]


def test_delivered_parcel_raises_nothing(db) -> None:
    _one_parcel(db)
    add_event(db, "SF1234567890123", "已签收", at=SHIPPED_AT + timedelta(hours=20))
    assert refresh_exceptions(db, now=SHIPPED_AT + timedelta(days=9)) == []


def test_actions_are_recorded_and_closing_needs_an_outcome(db) -> None:
    _one_parcel(db)
    add_event(db, "SF1234567890123", "问题件", at=SHIPPED_AT + timedelta(hours=3))
    exc_id = refresh_exceptions(db, now=SHIPPED_AT + timedelta(hours=4))[0].id

    note_carrier_call(db, exc_id, "网点说地址不详，明天再派")
    send_customer_update(db, exc_id, "我们已联系快递加急处理。")
    request_intercept(db, exc_id)
    row = request_address_change(db, exc_id, "浙江省杭州市西湖区文三路 100 号")
    assert [a.label for a in row.actions] == ["已致电快递", "已告知客户", "申请拦截", "申请改地址"]

    with db.reading() as session:
        message = session.scalars(
            select(OutboxMessage).where(OutboxMessage.kind == "tracking_update")
        ).one()
    assert message.recipient == "13900001111"
    assert "SF1234567890123" in message.body and "加急" in message.body

    with pytest.raises(ExceptionInputError, match="处理结果"):
        close_exception(db, exc_id, "   ")
    closed = close_exception(db, exc_id, "客户已签收")
    assert (closed.outcome, closed.closed_at is not None) == ("客户已签收", True)
    assert refresh_exceptions(db, now=SHIPPED_AT + timedelta(hours=5)) == []
    with pytest.raises(ExceptionInputError, match="已于"):
        note_carrier_call(db, exc_id, "再打一次")


def test_open_return_is_recorded_on_the_exception(db) -> None:
    _one_parcel(db)
    add_event(db, "SF1234567890123", "拒收", at=SHIPPED_AT + timedelta(hours=3))
    exc_id = refresh_exceptions(db, now=SHIPPED_AT + timedelta(hours=4))[0].id
    row = open_return(db, exc_id)
    assert row.actions[-1].kind == "open_return"
    assert "客户拒收" in row.actions[-1].note
    assert row.actions[-1].note.startswith("退货单 RMA")


def test_parcels_older_than_the_watch_window_are_left_alone(db) -> None:
    """Installing the rules must not flag every parcel ever shipped as 'no event'."""
    _one_parcel(db)
    assert refresh_exceptions(db, now=SHIPPED_AT + timedelta(days=31)) == []
    with db.transaction() as session:
        settings.put(session, "tracking.rules.watch_days", 60)
    rows = refresh_exceptions(db, now=SHIPPED_AT + timedelta(days=31))
    assert [r.rule for r in rows] == ["no_first_event"]


def test_delivery_closes_the_parcels_open_exceptions_with_that_outcome(db) -> None:
    _one_parcel(db)
    assert len(refresh_exceptions(db, now=SHIPPED_AT + timedelta(hours=30))) == 1
    add_event(db, "SF1234567890123", "已签收", at="2026-12-02 19:00")

    with db.reading() as session:
        rows = list_exceptions(session, include_closed=True)
    assert [(r.rule, r.outcome) for r in rows] == [
        ("no_first_event", "包裹已于 2026-12-02 19:00 签收（自动关闭）")
    ]


def test_a_zero_hour_threshold_is_refused_naming_the_field(db) -> None:
    from dataclasses import replace

    from app.tracking.rule_settings import rule_settings, save_rule_settings

    with db.reading() as session:
        current = rule_settings(session)
    with pytest.raises(BadInput, match="交接后无揽收"):
        save_rule_settings(db, replace(current, no_first_event_hours=0))
