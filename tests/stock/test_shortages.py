"""Backorders, restock requests, delay notices, substitutes and cancelled picks."""

from __future__ import annotations

import io
from datetime import date

import pypdf
import pytest

from app.db.models import Order, OrderLine, OutboxMessage
from app.documents.restock_request import render_restock_request
from app.orders.status import Status
from app.stock.cancel import cancel_order
from app.stock.errors import NotAccepted, OrderCancelled
from app.stock.planning import save_supplier, set_plan
from app.stock.reservation import LineState, reserve_order, ship_order_stock
from app.stock.shortages import handle_shortage
from app.stock.substitutes import (
    apply_substitution,
    propose_substitution,
    record_acceptance,
    suggest_substitutes,
)


def test_shortage_asks_the_supplier_with_its_lead_time_and_tells_the_customer(db, shop):
    shop.product("TEA", on_hand=10, name="龙井茶")
    order_id = shop.order(("TEA", 15))
    with db.transaction() as session:
        save_supplier(session, "HZ01", "杭州茶园", lead_time_days=5, moq=3)
        set_plan(session, "TEA", supplier_code="HZ01")

    with db.transaction() as session:
        order = session.get(Order, order_id)
        result = reserve_order(session, order, "tester")
        report = handle_shortage(session, order, result, "tester")
        today = date.today()

    request = report.requests[0]
    assert (request.quantity, request.supplier_code) == (5, "HZ01")
    assert (request.expected_on - today).days in (5, 6)  # desk zone may be a day ahead of UTC
    with db.reading() as session:
        notice = session.query(OutboxMessage).one()
    assert notice.kind == "delay" and notice.recipient == "13800000000"
    assert "龙井茶×5" in notice.body and report.notice_queued

    pdf = pypdf.PdfReader(io.BytesIO(render_restock_request(list(report.requests))))
    text = pdf.pages[0].extract_text()
    assert "采购申请单" in text and "杭州茶园" in text and request.expected_on.isoformat() in text


def test_substitute_is_applied_only_after_the_customer_accepted(db, shop):
    shop.product("MUG-RED", on_hand=0, spec="容量:350ml")
    shop.product("MUG-BLUE", on_hand=4, spec="容量:350ml")
    shop.product("MUG-BIG", on_hand=9, spec="容量:500ml")
    order_id = shop.order(("MUG-RED", 2))
    with db.transaction() as session:
        for sku in ("MUG-RED", "MUG-BLUE", "MUG-BIG"):
            set_plan(session, sku, category="马克杯")

    with db.transaction() as session:
        order = session.get(Order, order_id)
        reserve_order(session, order, "tester")
        options = suggest_substitutes(session, order.lines[0].product_id, 2)
        assert [o.sku for o in options] == ["MUG-BLUE"]
        proposal_id = propose_substitution(session, order.lines[0], options[0].product_id).id

    with db.transaction() as session, pytest.raises(NotAccepted):
        apply_substitution(session, proposal_id, user="tester")

    with db.transaction() as session:
        record_acceptance(session, proposal_id, user="客服小李", note="旺旺聊天同意换蓝色")
        result = apply_substitution(session, proposal_id, user="tester")

    assert (result.lines[0].sku, result.lines[0].state) == ("MUG-BLUE", LineState.RESERVED)
    with db.reading() as session:
        assert session.get(OrderLine, session.get(Order, order_id).lines[0].id).sku == "MUG-BLUE"


def test_a_cancelled_orders_pick_is_never_handed_over(db, shop):
    shop.product("CUP", on_hand=5)
    order_id = shop.order(("CUP", 2), status=Status.CONFIRMED)
    with db.transaction() as session:
        order = session.get(Order, order_id)
        reserve_order(session, order, "tester")
        released = cancel_order(session, order, "tester")
    assert [r.quantity for r in released] == [2]

    with db.transaction() as session, pytest.raises(OrderCancelled):
        ship_order_stock(session, session.get(Order, order_id), "tester")
    with db.transaction() as session, pytest.raises(OrderCancelled):
        reserve_order(session, session.get(Order, order_id), "tester")
