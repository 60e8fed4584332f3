"""The sheet's figures against values worked out by hand from the fixture (see flow_fixture.py)."""

from __future__ import annotations

import pytest
from flow_fixture import DAY, NOW, t
from sqlalchemy import select

from app.db.models import Order, OutboxMessage
from app.flow.figures import flow_figures, p90
from app.flow.targets import UnknownStep, set_target, targets

H = 3600.0


@pytest.fixture
def figures(flow_db):
    set_target(flow_db, "tracking", 48)
    return flow_figures(flow_db, DAY, DAY, now=NOW)


def test_p90_is_the_nearest_rank_value() -> None:
    assert p90([5, 1, 3, 2, 4, 6, 7, 8, 9, 10]) == 9
    assert p90([1, 2, 3]) == 3
    assert p90([]) is None


def test_intake_uses_the_platform_time_of_arrival(figures) -> None:
    intake = figures.step("intake")
    assert intake.passed == 4  # A, B, C, D arrived that day; E and F earlier
    assert intake.median_s == 0  # only A was imported an hour after the platform took it
    assert intake.p90_s == 1 * H


def test_verification_clock_starts_at_payment_and_counts_holds(figures) -> None:
    verification = figures.step("verification")
    assert verification.passed == 3  # A 1 h, B 2 h (paid 01:00, verified 03:00), C 3 h
    assert verification.median_s == 2 * H
    assert verification.p90_s == 3 * H
    assert verification.in_now == 1  # D, held for its phone
    assert verification.exception_kinds == (("挂起", 2),)  # B and D


def test_each_timed_step_against_hand_values(figures) -> None:
    expected = {
        # step: (in now, passed, median h, p90 h)
        "confirmation": (0, 3, 1, 1),
        "preparation": (0, 2, 1.75, 2),
        "backorder": (1, 0, None, None),
        "packing": (0, 3, 0.5, 1),  # C packed twice: 1 h, then 0.5 h of rework
        "quality": (0, 3, 0.5, 0.5),
        "handover": (1, 1, 2, 2),
        "tracking": (1, 1, 50, 50),  # E delivered after 50 h in transit; A still on its way
    }
    for key, (in_now, passed, med, high) in expected.items():
        row = figures.step(key)
        got = (
            row.in_now,
            row.passed,
            None if row.median_s is None else row.median_s / H,
            None if row.p90_s is None else row.p90_s / H,
        )
        assert got == (in_now, passed, med, high), key


def test_exceptions_are_counted_where_they_happened(figures) -> None:
    assert figures.step("packing").exception_kinds == (("扫描拒绝", 2),)
    assert figures.step("quality").exception_kinds == (("质检不合格", 1),)
    assert figures.step("tracking").exception_kinds == (("超时包裹", 1),)  # E: 50 h > 48 h
    assert figures.step("stock_ok").no_count == 1
    assert figures.step("qc_ok").no_count == 1
    assert figures.step("paid").no_count == 2


def test_instant_steps_count_the_orders_through_them(figures) -> None:
    assert figures.step("stock_check").passed == 3  # A and C confirmed, B backordered
    assert figures.step("waybill").passed == 2
    assert figures.step("feedback").passed == 1


def test_slowest_step_is_verification_with_the_hold_reason(figures) -> None:
    # p90 of 1, 2, 3 h done and D's 9 h wait is 9 h, 4.5 times the 2 h target.
    assert figures.slowest == "verification"
    assert figures.step("verification").score == pytest.approx(4.5)
    assert figures.why == "审核：1 单中 1 单挂起，最多的原因：手机号不是有效的中国手机号（1 单）"


def test_slowest_backorder_names_the_product_short(flow_db) -> None:
    set_target(flow_db, "backorder", 1)
    figures = flow_figures(flow_db, DAY, DAY, now=NOW)
    assert figures.slowest == "backorder"
    assert figures.why == "缺货处理：1 单缺货，其中 1 单等待 VASE-GL-30 补货"


def test_targets_are_settings_with_defaults(db) -> None:
    with db.reading() as session:
        assert targets(session)["verification"] == 2
    set_target(db, "verification", 3)
    set_target(db, "packing", None)
    with db.reading() as session:
        saved = targets(session)
    assert (saved["verification"], saved["packing"]) == (3, None)
    with pytest.raises(UnknownStep):
        set_target(db, "lunch", 1)


def _notices(db, rows) -> None:
    """Shipping notices as (order, channel, created, sent, state)."""
    with db.transaction() as session:
        ids = dict(session.execute(select(Order.order_no, Order.id)).all())
        for order, channel, created, sent, state in rows:
            session.add(
                OutboxMessage(
                    order_id=ids[order],
                    kind="shipping_notice",
                    channel=channel,
                    body="您的包裹已发出",
                    created_at=created,
                    sent_at=sent,
                    state=state,
                )
            )


def test_shipping_notices_count_per_order(flow_db) -> None:
    """A's SMS went out an hour after handover (its e-mail failed); C's waits since 10:00."""
    _notices(
        flow_db,
        (
            ("A", "sms", t(8), t(9), "sent"),
            ("A", "email", t(8), None, "failed"),
            ("C", "sms", t(10), None, "pending"),
        ),
    )
    notice = flow_figures(flow_db, DAY, DAY, now=NOW).step("notice")
    assert (notice.in_now, notice.passed, notice.median_s) == (1, 1, 1 * H)
    assert notice.exception_kinds == (("发送失败", 1),)


def test_a_notice_without_an_address_does_not_wait_to_be_sent(flow_db) -> None:
    """A's customer has no e-mail, but the SMS went; C has no address at all: C's notice can
    never go out, so it is an exception rather than a message waiting since 10:00."""
    _notices(
        flow_db,
        (
            ("A", "sms", t(8), t(9), "sent"),
            ("A", "email", t(8), None, "no_address"),
            ("C", "email", t(10), None, "no_address"),
        ),
    )
    notice = flow_figures(flow_db, DAY, DAY, now=NOW).step("notice")
    assert (notice.in_now, notice.passed, notice.median_s) == (0, 1, 1 * H)
    assert notice.exception_kinds == (("无收件地址", 1),)


def test_slow_intake_says_the_import_lags(flow_db) -> None:
    set_target(flow_db, "intake", 0.1)  # A was imported an hour after the platform took it
    figures = flow_figures(flow_db, DAY, DAY, now=NOW)
    assert figures.slowest == "intake"
    assert figures.why.startswith("接单：从平台下单到导入本系统 P90 1.0 小时，目标 0.1 小时")
