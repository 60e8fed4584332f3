"""Customer feedback, the link to the packing clerk, and compensation with approval."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from aftercare_data import shipped_parcel

from app import settings
from app.tracking.compensation import (
    NotSupervisor,
    add_compensation,
    decide_compensation,
    totals_by_cause,
)
from app.tracking.feedback import FeedbackInputError, add_feedback, packing_patterns


def _orders(db) -> None:
    with db.transaction() as session:
        shipped_parcel(session)
        shipped_parcel(session, "T1002", "SF1234567890124", packer="李包装")


def test_damage_feedback_names_the_clerk_who_packed(db, tmp_path: Path) -> None:
    _orders(db)
    photo = tmp_path / "破损.JPG"
    photo.write_bytes(b"\xff\xd8\xff\xe0fake-jpeg")

    fb = add_feedback(db, "T1001", "破损", "盒子压扁了，茶叶洒出来", photo=photo)

    assert (fb.category, fb.packed_by, fb.tracking_no) == ("damage", "王打包", "SF1234567890123")
    assert fb.packed_event_id is not None
    kept = Path(fb.photo_path)
    assert kept.read_bytes() == photo.read_bytes() and kept.suffix == ".jpg"
    assert kept != photo


def test_praise_and_delay_do_not_blame_the_packer(db) -> None:
    _orders(db)
    assert add_feedback(db, "T1001", "praise", "包装很用心").packed_by == ""
    assert add_feedback(db, "T1001", "delay", "晚了两天").packed_by == ""


def test_supervisor_sees_packing_complaints_per_clerk(db) -> None:
    _orders(db)
    add_feedback(db, "T1001", "wrong_item", "发成了红茶")
    add_feedback(db, "T1001", "发错货", "规格不对")
    add_feedback(db, "T1001", "damage", "罐子凹了")
    add_feedback(db, "T1002", "wrong_item", "颜色不对")
    add_feedback(db, "T1002", "courier", "快递员态度差")
    with db.reading() as session:
        patterns = [(p.clerk, p.category_label, p.count) for p in packing_patterns(session)]
    assert patterns == [("王打包", "发错货", 2), ("李包装", "发错货", 1), ("王打包", "破损", 1)]


def test_unknown_category_is_refused_with_the_choices(db) -> None:
    _orders(db)
    with pytest.raises(FeedbackInputError, match="破损"):
        add_feedback(db, "T1001", "broken", "x")


def test_small_compensation_is_granted_large_waits_for_a_supervisor(db) -> None:
    _orders(db)
    fb = add_feedback(db, "T1001", "damage", "罐子凹了")
    with db.transaction() as session:
        settings.put(session, "feedback.approval_limit", "30")
        settings.put(session, "feedback.supervisors", ["主管老周"])

    coupon = add_compensation(
        db, fb.id, "coupon", "10", "packing", coupon_code="QX-2026-0001", user="客服小美"
    )
    resend = add_compensation(db, fb.id, "resend", Decimal("99.00"), "packing", user="客服小美")
    assert (coupon.state, resend.state) == ("approved", "pending")

    with pytest.raises(NotSupervisor):
        decide_compensation(db, resend.id, True, supervisor="客服小美")
    with pytest.raises(NotSupervisor):
        decide_compensation(db, resend.id, True, supervisor="路人甲")
    approved = decide_compensation(db, resend.id, True, supervisor="主管老周")
    assert (approved.state_label, approved.approved_by) == ("已批准", "主管老周")


def test_totals_by_cause_count_only_approved(db) -> None:
    _orders(db)
    fb1 = add_feedback(db, "T1001", "damage", "罐子凹了")
    fb2 = add_feedback(db, "T1002", "delay", "晚到")
    add_compensation(db, fb1.id, "refund", "12.50", "packing")
    add_compensation(db, fb2.id, "coupon", "5", "carrier", coupon_code="QX-1")
    add_compensation(db, fb2.id, "refund", "200", "carrier")  # pending: above 50
    with db.reading() as session:
        totals = totals_by_cause(session)
    assert totals == {
        "carrier": Decimal("5.00"),
        "packing": Decimal("12.50"),
        "stock": Decimal("0.00"),
    }


def test_coupon_needs_a_code_and_value_must_be_positive(db) -> None:
    _orders(db)
    fb = add_feedback(db, "T1001", "damage", "罐子凹了")
    with pytest.raises(FeedbackInputError, match="券码"):
        add_compensation(db, fb.id, "coupon", "5", "packing")
    with pytest.raises(FeedbackInputError, match="金额"):
        add_compensation(db, fb.id, "refund", "-3", "packing")
