"""A handover scanned at one desk while another desk closes it: no parcel is stranded."""

from __future__ import annotations

import pytest
from catalogue_races import meeting_point, run_desks
from sqlalchemy import select

from app.db.models import Shipment
from app.db.models.carriers import HandoverItem
from app.documents.waybill import render_waybills
from app.shipping import handover
from app.shipping.print_queue import void_waybill


def _labelled(shop, order_no: str, number: str) -> None:
    shop(order_no)
    render_waybills(shop.db, [order_no], tracking=number, carrier="ZTO")


def test_a_scan_racing_the_close_is_shipped_or_refused_never_stranded(shop, db_url, monkeypatch):
    _labelled(shop, "4501001", "73100000000121")
    _labelled(shop, "4501002", "73100000000122")
    started = handover.start_handover(shop.db, "ZTO")
    handover.scan_parcel(shop.db, started.id, "73100000000121")

    # Each desk stops after its first read until the other has read too (or half a second
    # passed): without a lock both see the handover open.
    meet = meeting_point()
    find, view = handover._find_parcel, handover._view

    def finding(session, code):
        found = find(session, code)
        meet()
        return found

    def viewing(session, one):
        seen = view(session, one)
        meet()
        return seen

    monkeypatch.setattr(handover, "_find_parcel", finding)
    monkeypatch.setattr(handover, "_view", viewing)
    outcomes = run_desks(
        db_url,
        (
            lambda desk: handover.close_handover(desk, started.id),
            lambda desk: handover.scan_parcel(desk, started.id, "73100000000122"),
        ),
    )

    assert isinstance(outcomes[0], handover.CloseResult), outcomes
    with shop.db.reading() as session:
        late = session.scalar(select(Shipment).where(Shipment.tracking_no == "73100000000122"))
        on_manifest = session.scalar(
            select(HandoverItem).where(HandoverItem.shipment_id == late.id)
        )
    if isinstance(outcomes[1], Exception):
        assert "已关闭" in str(outcomes[1]) and on_manifest is None
    else:
        assert late.shipped_at is not None and on_manifest is not None


def test_a_waybill_on_an_open_manifest_cannot_be_voided(shop):
    _labelled(shop, "4502001", "73100000000131")
    started = handover.start_handover(shop.db, "ZTO")
    handover.scan_parcel(shop.db, started.id, "73100000000131")

    with pytest.raises(Exception, match=f"已扫入交接单 {started.id}，交接完成前不能作废面单"):
        void_waybill(shop.db, "4502001", reason="贴错了")
    with pytest.raises(handover.HandoverRefused, match="没有扫到运单号"):
        handover.scan_parcel(shop.db, started.id, "  ")
    assert handover.close_handover(shop.db, started.id).shipped[0].order_no == "4502001"


def test_closing_twice_says_the_handover_is_closed(shop):
    _labelled(shop, "4503001", "73100000000141")
    started = handover.start_handover(shop.db, "ZTO")
    handover.scan_parcel(shop.db, started.id, "73100000000141")
    handover.close_handover(shop.db, started.id)
    with pytest.raises(handover.HandoverRefused, match="已关闭"):
        handover.close_handover(shop.db, started.id)
