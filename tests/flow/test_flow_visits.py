"""How one order's transitions become step visits (the rules in app/flow/visits.py)."""

from __future__ import annotations

from flow_fixture import NOW, t

from app.flow.order_path import passed_steps
from app.flow.visits import EventRow, visits_of

H = 3600.0


def _events(*moves) -> list[EventRow]:
    return [EventRow(1, a, b, at, user, i) for i, (a, b, at, user) in enumerate(moves)]


def _summary(visits):
    return [(v.step, v.seconds / H, v.open) for v in visits]


def test_waiting_for_payment_is_not_verification_time() -> None:
    events = _events(
        ("", "new", t(0), "导入"),
        ("new", "held", t(0, 10), "系统"),
        ("held", "verified", t(3), "审单员李"),
    )
    visits = visits_of(events, imported_at=t(0), paid_at=t(1), now=NOW)
    assert _summary(visits) == [
        ("intake", 0, False),
        ("verification", 2, False),
        ("confirmation", 9, True),
    ]
    assert visits[1].start == t(1) and visits[1].left_by == "审单员李"


def test_a_hold_during_packing_is_packing_time() -> None:
    events = _events(
        ("", "new", t(0), "导入"),
        ("new", "verified", t(1), "李"),
        ("verified", "confirmed", t(2), "王"),
        ("confirmed", "packing", t(3), "赵"),
        ("packing", "held", t(4), "赵"),
        ("held", "packing", t(6), "主管"),
        ("packing", "packed", t(7), "赵"),
    )
    visits = visits_of(events, imported_at=t(0), paid_at=t(0), now=NOW)
    assert ("packing", 4, False) in _summary(visits)  # 03:00-07:00, the 2 h hold included


def test_import_time_after_the_next_move_makes_intake_instant() -> None:
    events = _events(("", "new", t(0), "导入"), ("new", "verified", t(2), "李"))
    late_import = visits_of(events, imported_at=t(11), paid_at=t(0), now=NOW)
    assert _summary(late_import)[:2] == [("intake", 0, False), ("verification", 2, False)]
    normal = visits_of(events, imported_at=t(1), paid_at=t(0), now=NOW)
    assert _summary(normal)[:2] == [("intake", 1, False), ("verification", 1, False)]


def test_instant_steps_are_implied_by_later_ones() -> None:
    passed = passed_steps(
        {"intake", "verification", "confirmation", "preparation", "packing", "quality", "handover"}
    )
    assert {
        "stock_check",
        "stock_ok",
        "packaging",
        "qc_ok",
        "carrier",
        "waybill",
        "paid",
    } <= passed
    assert "backorder" not in passed and "notice" not in passed
    assert "paid" not in passed_steps({"intake", "verification"})
