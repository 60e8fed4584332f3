"""Packaging and carrier choice timed from the station's and the carrier table's records.

On top of the fixture day (flow_fixture.py), all UTC on 2026-11-02, now 12:00:
- A: packing 05:00, box chosen 05:12 (12 min); packed 05:30, carrier chosen 05:50 (20 min).
- C: packing 06:00, packed 07:00, back to packing 07:30, box chosen again 07:40 (10 min, timed
  from the rework); packed 08:00, carrier chosen 08:15 (15 min), changed 08:25 (not counted).
- E: box and carrier chosen on 10-30, before the range: not counted.
- G: packing since 10:00, no box yet: waits 2 h; its carrier was picked at 10:15, while still
  packing, so the carrier step took 0 s.
- H: packing 09:00, box chosen 09:45 (45 min); packed 10:00, no carrier yet: waits 2 h.
Packaging: passed 3 (12, 10, 45 min), median 12 min, p90 45 min (3rd of 3), in it now 1.
Carrier: passed 3 (20, 15, 0 min), median 15 min, p90 20 min (3rd of 3), in it now 1.
"""

from __future__ import annotations

import pytest
from flow_fixture import DAY, NOW, _order, t
from sqlalchemy import insert, select

from app.db.base import Base
from app.db.models import Order, Product, Shipment
from app.db.models.packing_station import ParcelState
from app.db.types import utcnow
from app.flow.figures import flow_figures
from app.orders.status import Status as S
from app.packing.boxes import add_packaging
from app.packing.service import scan
from app.packing.station import choose_packaging

MIN = 60.0


def _add(session, table: str, **values) -> int:
    return session.execute(
        insert(Base.metadata.tables[table]).values(**values)
    ).inserted_primary_key[0]


def _box(session, order_id: int, at) -> None:
    parcel = _add(session, "shipments", order_id=order_id, created_at=at)
    _add(session, "parcel_states", shipment_id=parcel, box_code="BOX-M", box_chosen_at=at)


def _carrier(session, order_id: int, at, code: str = "SF") -> None:
    _add(session, "carrier_decisions", order_id=order_id, carrier_code=code, user="打包员", at=at)


@pytest.fixture
def figures(flow_db):
    with flow_db.reading() as session:
        ids = dict(session.execute(select(Order.order_no, Order.id)).all())
    with flow_db.transaction() as session:
        before = [(S.VERIFIED, t(7), "审单员李"), (S.CONFIRMED, t(8), "客服王")]
        g = _order(session, "G", t(6), t(6), t(6), [*before, (S.PACKING, t(10), "打包员赵")])
        h = _order(
            session,
            "H",
            t(6),
            t(6),
            t(6),
            [*before, (S.PACKING, t(9), "打包员赵"), (S.PACKED, t(10), "打包员赵")],
        )
        _box(session, ids["A"], t(5, 12))
        _carrier(session, ids["A"], t(5, 50))
        _box(session, ids["C"], t(7, 40))
        _carrier(session, ids["C"], t(8, 15))
        _carrier(session, ids["C"], t(8, 25), "ZTO")
        _box(session, ids["E"], t(5, 20, day=30, month=10))
        _carrier(session, ids["E"], t(6, 30, day=30, month=10))
        _carrier(session, g.id, t(10, 15))
        _box(session, h.id, t(9, 45))
    return flow_figures(flow_db, DAY, DAY, now=NOW)


def test_packaging_choice_is_timed_from_the_box_choice(figures) -> None:
    step = figures.step("packaging")
    assert (step.in_now, step.passed) == (1, 3)
    assert (step.median_s, step.p90_s) == (12 * MIN, 45 * MIN)


def test_carrier_choice_is_timed_from_the_first_decision(figures) -> None:
    step = figures.step("carrier")
    assert (step.in_now, step.passed) == (1, 3)
    assert (step.median_s, step.p90_s) == (15 * MIN, 20 * MIN)


def test_without_records_the_choices_show_no_times(flow_db) -> None:
    figures = flow_figures(flow_db, DAY, DAY, now=NOW)
    for key in ("packaging", "carrier"):
        step = figures.step(key)
        assert (step.in_now, step.passed, step.median_s) == (0, 0, None)


def test_choosing_a_box_at_the_station_stamps_the_packaging_step(flow_db) -> None:
    """End to end: the first of two scans starts packing, the box choice ends the step."""
    with flow_db.transaction() as session:
        mug = session.scalar(select(Product).where(Product.sku == "MUG-01"))
        now = utcnow()
        order = _order(
            session,
            "P",
            now,
            now,
            now,
            [(S.VERIFIED, now, "审单员李"), (S.CONFIRMED, now, "客服王")],
            lines=[("MUG-01", mug, 2)],
        )
        order_id = order.id
    add_packaging(flow_db, "M", "中纸箱", inner_mm=(300, 250, 200), stock=5)
    assert scan(flow_db, order_id, "MUG-01", user="打包员赵").accepted
    waiting = flow_figures(flow_db, now=utcnow()).step("packaging")
    choose_packaging(flow_db, order_id, box_code="M", reason="试用", user="打包员赵")

    with flow_db.reading() as session:
        chosen = session.scalar(
            select(ParcelState.box_chosen_at)
            .join(Shipment, Shipment.id == ParcelState.shipment_id)
            .where(Shipment.order_id == order_id)
        )
    step = flow_figures(flow_db, now=utcnow()).step("packaging")
    assert chosen is not None and chosen.tzinfo is not None
    assert (waiting.in_now, waiting.passed) == (1, 0)
    assert (step.in_now, step.passed) == (0, 1)
    assert 0 <= step.median_s < 60
