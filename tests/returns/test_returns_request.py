"""Registering returns: finding the order, checking quantities, unannounced goods."""

from __future__ import annotations

import pytest

from app.errors import BadInput, OrderNotFound
from app.returns.queries import get_return
from app.returns.request import ReturnLineInput, create_return, link_return, parse_line_spec


def test_order_is_found_by_number_tracking_number_or_phone(rshop) -> None:
    rshop.product("A")
    order_no = rshop.shipped_order(
        ("A", 1, "10.00"), phone="13911112222", tracking_no="75310000000001"
    )
    line = [ReturnLineInput("A", 1, "changed_mind")]

    assert create_return(rshop.db, order_no, line, notify=False).order_no == order_no
    for code in ("75310000000001", "+86 139-1111-2222"):
        with pytest.raises(BadInput, match="最多还能退 0 件"):
            create_return(rshop.db, code, line)


def test_a_phone_with_several_orders_asks_for_the_order_number(rshop) -> None:
    rshop.product("A")
    first = rshop.shipped_order(("A", 1, "10.00"), phone="13911112222")
    second = rshop.shipped_order(("A", 1, "10.00"), phone="13911112222")

    with pytest.raises(BadInput) as refused:
        create_return(rshop.db, "13911112222", [ReturnLineInput("A", 1, "changed_mind")])
    assert first in str(refused.value) and second in str(refused.value)


def test_unknown_order_is_refused(rshop) -> None:
    with pytest.raises(OrderNotFound):
        create_return(rshop.db, "NO-SUCH-ORDER", [ReturnLineInput("A", 1, "other")])


def test_more_than_shipped_is_refused_and_a_unit_is_returned_only_once(rshop) -> None:
    rshop.product("A")
    order_no = rshop.shipped_order(("A", 2, "10.00"))

    with pytest.raises(BadInput, match="最多还能退 2 件"):
        create_return(rshop.db, order_no, [ReturnLineInput("A", 3, "quality")])
    create_return(rshop.db, order_no, [ReturnLineInput("A", 2, "quality")])
    with pytest.raises(BadInput, match="最多还能退 0 件"):
        create_return(rshop.db, order_no, [ReturnLineInput("A", 1, "quality")])


def test_line_spec_takes_codes_or_chinese_reasons_and_free_text() -> None:
    assert parse_line_spec("SKU-1:2:质量问题:拉链坏了") == ReturnLineInput(
        "SKU-1", 2, "quality", "拉链坏了"
    )
    assert parse_line_spec("SKU-1:1:七天无理由").reason == "changed_mind"
    with pytest.raises(BadInput, match="不认识「不喜欢」"):
        parse_line_spec("SKU-1:1:不喜欢")
    with pytest.raises(BadInput, match="数量"):
        parse_line_spec("SKU-1:x:quality")


def test_unannounced_return_is_linked_to_its_order_later(rshop) -> None:
    rshop.product("A")
    order_no = rshop.shipped_order(("A", 2, "10.00"))

    detail = create_return(
        rshop.db,
        None,
        [ReturnLineInput("A", 1, "other")],
        customer="无名包裹",
        phone="139 1234 5678",
    )
    assert detail.order_no == "" and detail.phone == "13912345678"
    assert not detail.eligibility[0].eligible

    linked = link_return(rshop.db, detail.rma_no, order_no)
    assert linked.order_no == order_no
    assert [s.action for s in get_return(rshop.db, detail.rma_no).steps] == ["created", "linked"]


def test_unannounced_goods_are_received_linked_reviewed_and_refunded(rshop) -> None:
    from app.returns.receiving import grade_next, receive_scan
    from app.returns.refund import refund_return
    from app.returns.review import review_return

    code = rshop.product("A")
    order_no = rshop.shipped_order(("A", 1, "25.00"))
    rma_no = create_return(
        rshop.db,
        None,
        [ReturnLineInput("A", 1, "wrong_item")],
        customer="包裹上的名字",
        notify=False,
    ).rma_no

    receive_scan(rshop.db, rma_no, code, notify=False)
    assert grade_next(rshop.db, rma_no, "A", "resellable").state == "inspected"
    link_return(rshop.db, rma_no, order_no)
    reviewed = review_return(rshop.db, rma_no, approve=True, reason="发错货，补退款", notify=False)
    assert (reviewed.state, reviewed.decision) == ("inspected", "approved")

    assert refund_return(rshop.db, rma_no, notify=False).total == 25
    steps = [(s.action, s.to_state) for s in get_return(rshop.db, rma_no).steps]
    assert steps == [
        ("created", "requested"),
        ("received", "received"),
        ("graded", "received"),
        ("inspected", "inspected"),
        ("linked", "inspected"),
        ("approved", "inspected"),
        ("refunded", "refunded"),
    ]
