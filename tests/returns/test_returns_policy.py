"""The policy review: periods, the start date, non-returnable goods, messages to the customer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from app import settings
from app.db.models import OutboxMessage
from app.returns.errors import NotEligible
from app.returns.lookup import find_return
from app.returns.queries import detail_of
from app.returns.request import ReturnLineInput, create_return
from app.returns.review import review_return

DELIVERED = datetime(2026, 11, 22, 6, 0, tzinfo=UTC)  # 14:00 in Shanghai, 22 Nov


def _ask(rshop, reason: str, **order) -> str:
    rshop.product("A", name=order.pop("name", "保温杯"))
    order_no = rshop.shipped_order(("A", 1, "10.00"), **order)
    return create_return(
        rshop.db, order_no, [ReturnLineInput("A", 1, reason)], notify=False
    ).rma_no


def _check(rshop, rma_no: str, day) -> tuple[bool, str]:
    with rshop.db.reading() as session:
        e = detail_of(session, find_return(session, rma_no), today=day).eligibility[0]
    return e.eligible, e.why


def test_seven_days_without_reason_count_from_delivery(rshop) -> None:
    rma_no = _ask(rshop, "changed_mind", delivered_at=DELIVERED)

    ok, why = _check(rshop, rma_no, DELIVERED.date() + timedelta(days=7))
    assert ok and "签收日 2026-11-22" in why
    ok, why = _check(rshop, rma_no, DELIVERED.date() + timedelta(days=8))
    assert not ok and "2026-11-29 到期" in why


def test_unknown_delivery_counts_from_handover_plus_transit_days(rshop) -> None:
    from app.shipping.carriers import transit_days

    rma_no = _ask(rshop, "changed_mind")
    with rshop.db.reading() as session:
        transit = transit_days(session, "ZTO", "浙江省")
    last_day = datetime(2026, 11, 20).date() + timedelta(days=transit + 7)

    assert _check(rshop, rma_no, last_day)[0]
    ok, why = _check(rshop, rma_no, last_day + timedelta(days=1))
    assert not ok and f"在途 {transit} 天" in why


def test_quality_problems_are_accepted_for_fifteen_days(rshop) -> None:
    rma_no = _ask(rshop, "quality", delivered_at=DELIVERED)
    assert _check(rshop, rma_no, DELIVERED.date() + timedelta(days=15))[0]
    assert not _check(rshop, rma_no, DELIVERED.date() + timedelta(days=16))[0]


def test_personalised_goods_come_back_only_for_a_fault(rshop) -> None:
    rma_no = _ask(rshop, "changed_mind", delivered_at=DELIVERED, name="定制刻字钢笔")
    ok, why = _check(rshop, rma_no, DELIVERED.date())
    assert not ok and "「定制」类商品不支持七天无理由退货" == why

    with rshop.db.transaction() as session:
        settings.put(session, "returns.non_returnable_keywords", ["内衣"])
    assert _check(rshop, rma_no, DELIVERED.date())[0]


def test_periods_come_from_settings(rshop) -> None:
    rma_no = _ask(rshop, "changed_mind", delivered_at=DELIVERED)
    with rshop.db.transaction() as session:
        settings.put(session, "returns.no_reason_days", 10)
    assert _check(rshop, rma_no, DELIVERED.date() + timedelta(days=10))[0]


def test_approving_outside_the_policy_needs_an_override(rshop) -> None:
    rma_no = _ask(rshop, "changed_mind", delivered_at=DELIVERED)
    late = DELIVERED.date() + timedelta(days=20)

    with pytest.raises(NotEligible, match="已于 2026-11-29 到期"):
        review_return(rshop.db, rma_no, approve=True, reason="同意", today=late)
    detail = review_return(
        rshop.db, rma_no, approve=True, reason="老客户，特批退货", override=True, today=late
    )
    assert detail.state == "approved"
    assert "人工放行" in detail.steps[-1].note


@pytest.mark.parametrize(
    ("approve", "state", "words"),
    [
        (True, "approved", "已同意：商品未拆封，同意退货"),
        (False, "rejected", "未通过：商品已使用，不能退"),
    ],
)
def test_the_customer_is_told_the_decision_and_its_reason(rshop, approve, state, words) -> None:
    rma_no = _ask(rshop, "changed_mind", delivered_at=DELIVERED)
    reason = words.split("：")[1]
    detail = review_return(
        rshop.db, rma_no, approve=approve, reason=reason, today=DELIVERED.date()
    )

    assert detail.state == state
    assert detail.steps[-1].user == "tester"
    with rshop.db.reading() as session:
        message = session.scalars(select(OutboxMessage)).one()
    assert message.kind == "return_update" and message.recipient == "13912345678"
    assert words in message.body and rma_no in message.body


def test_the_shop_edits_the_message_text_in_the_template_editor(rshop) -> None:
    from app.outbox.templates import save_template

    rma_no = _ask(rshop, "changed_mind", delivered_at=DELIVERED)
    with rshop.db.transaction() as session:
        save_template(session, "return.approved.sms", "", "{rma_no} 可以退：{reason}", "店长")
    review_return(rshop.db, rma_no, approve=True, reason="没问题", today=DELIVERED.date())

    with rshop.db.reading() as session:
        assert session.scalars(select(OutboxMessage.body)).one() == f"{rma_no} 可以退：没问题"
