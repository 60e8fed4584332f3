"""Box and filling proposals, checklist order, quality check with rework, weight check,
several parcels, and the packaging stock."""

from __future__ import annotations

from decimal import Decimal

import pytest
from packing_fixtures import MUG, TEA, VASE, make_order, make_products
from sqlalchemy import select

from app import settings
from app.db.models import Order
from app.db.models.packing_station import Packaging, PackingOverride, PackingStep
from app.orders.status import Status
from app.packing.boxes import PackagingRefused, add_packaging
from app.packing.service import packing_view, scan
from app.packing.station import (
    StepOutOfOrder,
    choose_packaging,
    parcels_of_order,
    quality_check,
    start_next_parcel,
    tick_step,
)
from app.packing.weighing import (
    WeightRefused,
    override_weight,
    record_weight,
    volumetric_weight,
)


@pytest.fixture
def catalogue(db) -> None:
    make_products(db)
    add_packaging(
        db,
        "S",
        "小纸箱",
        inner_mm=(200, 150, 100),
        max_weight=Decimal("5"),
        tare=Decimal("0.100"),
        stock=10,
    )
    add_packaging(
        db,
        "M",
        "中纸箱",
        inner_mm=(300, 250, 200),
        max_weight=Decimal("10"),
        tare=Decimal("0.200"),
        stock=10,
    )
    add_packaging(
        db,
        "L",
        "大纸箱",
        inner_mm=(450, 350, 350),
        max_weight=Decimal("15"),
        tare=Decimal("0.350"),
        stock=10,
    )
    add_packaging(
        db,
        "HS",
        "加强纸箱",
        kind="strong",
        inner_mm=(500, 400, 400),
        max_weight=Decimal("30"),
        tare=Decimal("0.600"),
        stock=3,
    )
    add_packaging(db, "PAPER", "牛皮纸填充", kind="filling", stock=50)
    add_packaging(
        db, "FOAM", "气泡膜", kind="filling", protective=True, tare=Decimal("0.050"), stock=50
    )


def _packed(db, lines, order_no="3902000000000000001", codes=()) -> int:
    oid = make_order(db, order_no, lines)
    for code in codes:
        assert scan(db, oid, code).accepted
    return oid


def test_smallest_box_with_fill_margin_and_plain_filling(db, catalogue) -> None:
    oid = _packed(db, [("MUG-01", 1)], codes=[MUG])
    parcel = choose_packaging(db, oid)
    assert (parcel.box_code, parcel.filling_code) == ("S", "PAPER")


def test_fill_margin_moves_up_a_box_size(db, catalogue) -> None:
    """Two mugs and a tea tin are 2.88 l; with 20 % margin they no longer fit the 3 l box."""
    oid = _packed(db, [("MUG-01", 2), ("TEA-02", 1)], codes=[MUG, MUG, TEA])
    assert choose_packaging(db, oid).box_code == "M"


def test_fragile_goods_get_bubble_wrap(db, catalogue) -> None:
    oid = _packed(db, [("VASE-03", 1)], codes=[VASE])
    parcel = choose_packaging(db, oid)
    assert parcel.filling_code == "FOAM"
    assert any("易碎" in r for r in parcel.box_reasons)


def test_heavy_goods_get_a_strong_carton(db, catalogue) -> None:
    """Nine mugs would fit the medium carton, but above the heavy limit a strong one wins."""
    with db.transaction() as session:
        settings.put(session, "packing.heavy_kg", 3)
    oid = _packed(db, [("MUG-01", 9)], codes=[f"9*{MUG}"])
    parcel = choose_packaging(db, oid)
    assert parcel.box_code == "HS"
    assert any("重货" in r for r in parcel.box_reasons)


def test_clerk_override_needs_a_reason_and_is_kept(db, catalogue) -> None:
    oid = _packed(db, [("MUG-01", 1)], codes=[MUG])
    with pytest.raises(PackagingRefused):
        choose_packaging(db, oid, box_code="L")
    parcel = choose_packaging(db, oid, box_code="L", reason="小箱压坏了")
    assert parcel.box_code == "L"
    with db.reading() as session:
        row = session.scalars(select(PackingOverride)).one()
        assert (row.kind, row.reason) == ("box", "小箱压坏了")


def test_packaging_used_is_deducted_and_a_changed_box_goes_back(db, catalogue) -> None:
    oid = _packed(db, [("MUG-01", 1)], codes=[MUG])
    choose_packaging(db, oid)
    choose_packaging(db, oid, box_code="M", reason="客户要求")
    with db.reading() as session:
        stock = dict(session.execute(select(Packaging.code, Packaging.stock)).all())
    assert (stock["S"], stock["M"], stock["PAPER"]) == (10, 9, 49)


def test_expected_and_volumetric_weight(db, catalogue) -> None:
    oid = _packed(db, [("MUG-01", 1)], codes=[MUG])
    parcel = choose_packaging(db, oid)
    assert parcel.expected_weight == Decimal("0.450")
    # 20 × 15 × 10 cm / 6000
    assert parcel.volumetric_weight == Decimal("0.500")
    assert volumetric_weight((400, 300, 200), 8000) == Decimal("3.000")


def test_weight_outside_tolerance_blocks_the_label_until_supervisor_overrides(
    db, catalogue, sender
) -> None:
    from app.documents.waybill import render_waybills, render_waybills_zpl

    oid = _packed(db, [("MUG-01", 1)], codes=[MUG])
    order_no = packing_view(db, oid).order_no
    choose_packaging(db, oid)
    assert record_weight(db, oid, "0.47").weight_state == "ok"
    parcel = record_weight(db, oid, "0.90")
    assert parcel.weight_state == "blocked"
    for render in (render_waybills, render_waybills_zpl):
        with pytest.raises(WeightRefused, match="重量超出允许误差，不能打印面单"):
            render(db, [order_no], tracking="73100000000071", carrier="ZTO")
    assert packing_view(db, oid).status == "packed"

    parcel = override_weight(db, oid, supervisor="李主管", reason="赠品未录入")
    assert parcel.weight_state == "overridden"
    pdf = render_waybills(db, [order_no], tracking="73100000000071", carrier="ZTO")
    assert pdf.startswith(b"%PDF") and packing_view(db, oid).status == "labelled"


@pytest.mark.parametrize("typed", ["0", "0.000", "-1", "abc"])
def test_weight_zero_is_never_accepted(db, catalogue, typed) -> None:
    oid = _packed(db, [("MUG-01", 1)], codes=[MUG])
    with pytest.raises(WeightRefused):
        record_weight(db, oid, typed)


def test_checklist_is_enforced_in_order_then_quality_check(db, catalogue) -> None:
    oid = _packed(db, [("MUG-01", 1)], codes=[MUG])
    with pytest.raises(StepOutOfOrder):
        tick_step(db, oid, "placed")  # no box yet
    choose_packaging(db, oid)
    with pytest.raises(StepOutOfOrder):
        tick_step(db, oid, "sealed")
    for step in ("placed", "secured", "sealed"):
        tick_step(db, oid, step)
    with pytest.raises(StepOutOfOrder):
        tick_step(db, oid, "labelled")  # not weighed yet
    record_weight(db, oid, "0.45")
    parcel = tick_step(db, oid, "labelled")
    assert parcel.next_step == "qc"
    parcel = quality_check(db, oid, intact=True, label_matches=True)
    assert parcel.ready


def test_failed_quality_check_sends_parcel_back_and_records_rework(db, catalogue) -> None:
    oid = _packed(db, [("MUG-01", 1)], codes=[MUG])
    choose_packaging(db, oid)
    record_weight(db, oid, "0.45")
    for step in ("placed", "secured", "sealed", "labelled"):
        tick_step(db, oid, step)
    parcel = quality_check(db, oid, intact=False, label_matches=True, note="角压扁")
    assert (parcel.rework_count, parcel.next_step) == (1, "placed")
    with db.reading() as session:
        assert session.get(Order, oid).status == Status.PACKING
        rework = session.scalars(select(PackingStep).where(PackingStep.ok.is_(False))).one()
        assert "包裹破损" in rework.note
    for step in ("placed", "secured", "sealed", "labelled"):
        tick_step(db, oid, step)
    quality_check(db, oid, intact=True, label_matches=True)
    with db.reading() as session:
        assert session.get(Order, oid).status == Status.PACKED


def test_order_in_two_parcels_each_with_contents_and_weight(db, catalogue) -> None:
    oid = _packed(db, [("MUG-01", 1), ("VASE-03", 1)], codes=[MUG])
    choose_packaging(db, oid)
    record_weight(db, oid, "0.45")
    second = start_next_parcel(db, oid)
    assert second.parcel_no == 2
    scan(db, oid, VASE)
    choose_packaging(db, oid)
    record_weight(db, oid, "1.40")
    first, second = parcels_of_order(db, oid)
    assert [(c.sku, c.quantity) for c in first.contents] == [("MUG-01", 1)]
    assert [(c.sku, c.quantity) for c in second.contents] == [("VASE-03", 1)]
    assert (first.weight, second.weight) == (Decimal("0.450"), Decimal("1.400"))
    assert (second.box_code, second.filling_code) == ("M", "FOAM")


def test_a_parcel_weighed_off_after_its_label_is_refused_at_handover(
    db, catalogue, sender
) -> None:
    from app.documents.waybill import render_waybills
    from app.shipping.handover import scan_parcel, start_handover

    oid = _packed(db, [("MUG-01", 1)], codes=[MUG])
    order_no = packing_view(db, oid).order_no
    choose_packaging(db, oid)
    record_weight(db, oid, "0.47")
    render_waybills(db, [order_no], tracking="73100000000072", carrier="ZTO")
    assert record_weight(db, oid, "0.95").weight_state == "blocked"

    handover = start_handover(db, "ZTO")
    with pytest.raises(WeightRefused, match="不能打印面单或交接"):
        scan_parcel(db, handover.id, "73100000000072")
    override_weight(db, oid, supervisor="李主管", reason="赠品未录入")
    assert scan_parcel(db, handover.id, "73100000000072").scanned == 1
