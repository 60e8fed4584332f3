"""Figures from the packing, tracking and returns modules' own tables, by hand.

On top of the fixture day (flow_fixture.py), all UTC on 2026-11-02:
- the station records two failed quality checks of C and one box override;
- tracking flags one stalled parcel; customers leave one damage complaint and one praise;
- returns: R1 requested 03:00, refunded 09:00 (6 h); R3 requested 11-01 10:00, rejected
  11-02 10:00 (24 h); R2 requested 05:00 and still open (7 h at 12:00); one unexpected unit.
"""

from __future__ import annotations

import pytest
from flow_fixture import DAY, NOW, t
from sqlalchemy import insert, select

from app.db.base import Base
from app.db.models import Order
from app.flow.figures import flow_figures

H = 3600.0


def _add(session, table: str, **values) -> int:
    return session.execute(
        insert(Base.metadata.tables[table]).values(**values)
    ).inserted_primary_key[0]


@pytest.fixture
def figures(flow_db):
    with flow_db.reading() as session:
        ids = dict(session.execute(select(Order.order_no, Order.id)).all())
    with flow_db.transaction() as session:
        parcel = _add(
            session,
            "shipments",
            order_id=ids["C"],
            carrier="SF",
            tracking_no="SF1000000001",
            created_at=t(6),
        )
        for at in (t(7, 25), t(7, 28)):
            _add(
                session,
                "packing_steps",
                shipment_id=parcel,
                step="qc",
                ok=False,
                user="质检员周",
                at=at,
            )
        _add(
            session,
            "packing_overrides",
            order_id=ids["C"],
            shipment_id=parcel,
            kind="box",
            supervisor="主管吴",
            reason="客户要求大箱",
            at=t(6, 5),
        )
        _add(
            session,
            "tracking_exceptions",
            shipment_id=parcel,
            order_id=ids["C"],
            rule="stalled",
            opened_at=t(9),
        )
        _add(session, "feedback", order_id=ids["E"], category="damage", text="瓶口破了", at=t(10))
        _add(session, "feedback", order_id=ids["E"], category="praise", text="很快", at=t(10))
        r1 = _add(
            session, "returns", rma_no="RMA1", order_id=ids["E"], state="refunded", created_at=t(3)
        )
        _add(
            session,
            "return_events",
            return_id=r1,
            action="refund",
            from_state="inspected",
            to_state="refunded",
            at=t(9),
        )
        _add(
            session,
            "returns",
            rma_no="RMA2",
            order_id=ids["E"],
            state="requested",
            created_at=t(5),
        )
        r3 = _add(
            session,
            "returns",
            rma_no="RMA3",
            order_id=ids["E"],
            state="rejected",
            created_at=t(10, day=1),
        )
        _add(
            session,
            "return_events",
            return_id=r3,
            action="review",
            from_state="requested",
            to_state="rejected",
            at=t(10),
        )
        _add(
            session,
            "return_units",
            return_id=r1,
            code="6900000000099",
            expected=False,
            received_at=t(8),
        )
    return flow_figures(flow_db, DAY, DAY, now=NOW)


def test_quality_failures_take_the_larger_record(figures) -> None:
    # Two failed checks at the station, one move back to packing: the same rework, counted 2.
    assert dict(figures.step("quality").exception_kinds)["质检不合格"] == 2
    assert figures.step("qc_ok").no_count == 2


def test_overrides_tracking_and_complaints_land_on_their_steps(figures) -> None:
    assert figures.step("packaging").exception_kinds == (("改选包装", 1),)
    assert dict(figures.step("tracking").exception_kinds)["物流停滞"] == 1
    assert figures.step("feedback").exception_kinds == (("投诉：破损", 1),)


def test_returns_are_a_timed_step(figures) -> None:
    returns = figures.step("returns")
    assert (returns.in_now, returns.passed) == (1, 2)
    assert (returns.median_s, returns.p90_s) == (15 * H, 24 * H)
    assert returns.exception_kinds == (("意外收到的件", 1),)
    assert figures.step("return_ok").no_count == 1
