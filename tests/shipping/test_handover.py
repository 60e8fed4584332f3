"""Handing parcels over: one carrier per manifest, stopped parcels refused, missing listed."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.db.models import Order, OutboxMessage, Shipment
from app.documents.waybill import render_waybills
from app.shipping.handover import (
    HandoverRefused,
    close_handover,
    scan_parcel,
    start_handover,
)
from app.shipping.stops import ParcelStopped


def _labelled(shop, order_no, carrier, number):
    shop(order_no)
    render_waybills(shop.db, [order_no], tracking=number, carrier=carrier)


def test_handover_ships_scanned_parcels_and_lists_the_missing(shop, read_pdf):
    _labelled(shop, "4401001", "ZTO", "73100000000001")
    _labelled(shop, "4401002", "ZTO", "73100000000002")
    _labelled(shop, "4401003", "SF", "SF1000000000003")

    started = start_handover(shop.db, "ZTO")
    assert started.expected == 2

    outcome = scan_parcel(shop.db, started.id, "73100000000001")
    assert (outcome.order_no, outcome.scanned, outcome.expected) == ("4401001", 1, 2)
    with pytest.raises(HandoverRefused, match="属于顺丰速运，本次交接是中通快递"):
        scan_parcel(shop.db, started.id, "SF1000000000003")
    with pytest.raises(HandoverRefused, match="已扫入本交接单"):
        scan_parcel(shop.db, started.id, "73100000000001")

    result = close_handover(shop.db, started.id)
    assert [p.order_no for p in result.shipped] == ["4401001"]
    assert [p.order_no for p in result.missing] == ["4401002"]

    with shop.db.reading() as session:
        status = dict(session.execute(select(Order.order_no, Order.status)).all())
        assert status == {"4401001": "shipped", "4401002": "labelled", "4401003": "labelled"}
        shipped = session.scalar(select(Shipment).where(Shipment.tracking_no == "73100000000001"))
        assert shipped.shipped_at is not None
        # The issue-10 step queued the customer's shipping notice.
        assert (
            session.scalars(
                select(OutboxMessage).where(OutboxMessage.kind == "shipping_notice")
            ).first()
            is not None
        )

    text = read_pdf.text(result.manifest_pdf)[0]
    assert "73100000000001" in text and "未扫描" in text and "73100000000002" in text
    assert "快递员签字" in text and "仓库交接人签字" in text
    with pytest.raises(HandoverRefused, match="已关闭"):
        scan_parcel(shop.db, started.id, "73100000000002")


def test_a_parcel_cancelled_on_the_platform_is_refused_at_handover(shop):
    from app.intake import stop_list

    _labelled(shop, "4402001", "ZTO", "73100000000011")
    with shop.db.transaction() as session:
        order = session.scalar(select(Order).where(Order.order_no == "4402001"))
        stop_list.stop(session, order.id, "买家已在平台取消")
    started = start_handover(shop.db, "ZTO")
    with pytest.raises(ParcelStopped, match="停止发货"):
        scan_parcel(shop.db, started.id, "73100000000011")


def test_starting_a_second_handover_for_a_carrier_goes_on_with_the_open_one(shop):
    _labelled(shop, "4409001", "ZTO", "73100000000091")
    _labelled(shop, "4409002", "ZTO", "73100000000092")
    first = start_handover(shop.db, "ZTO")
    scan_parcel(shop.db, first.id, "73100000000091")

    again = start_handover(shop.db, "zto")

    assert (again.id, again.resumed) == (first.id, True)
    assert [p.tracking_no for p in again.scanned] == ["73100000000091"]
    assert not first.resumed
    # Another carrier's pickup is a manifest of its own.
    assert start_handover(shop.db, "SF").id != first.id
    close_handover(shop.db, first.id)
    assert start_handover(shop.db, "ZTO").id != first.id
