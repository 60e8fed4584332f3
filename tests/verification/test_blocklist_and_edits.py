"""Blocklisted phones and addresses go to a supervisor; edits stop once an order is confirmed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import settings as app_settings
from app.orders.queries import order_detail
from app.verification.address import parse_address
from app.verification.blocklist import add_to_blocklist
from app.verification.confirm import confirm_clean_orders
from app.verification.edits import NotEditable, NotSupervisor, release_hold, set_phone
from app.verification.service import verify_orders


def test_blocklisted_phone_holds_the_order_for_a_supervisor(make_order, shop) -> None:
    with shop.transaction() as session:
        add_to_blocklist(session, "phone", "+86 139-0000-0001", "多次拒收", "boss")
        app_settings.put(session, "verification.supervisors", ["boss"])
    make_order(order_no="BL1")
    verify_orders(shop)
    with shop.reading() as session:
        detail = order_detail(session, "BL1")
    assert detail.status == "held"
    assert [f.reason for f in detail.findings if f.severity == "hold"] == [
        "电话 13900000001 在黑名单中（多次拒收），需主管放行"
    ]
    with pytest.raises(NotSupervisor):
        release_hold(shop, "BL1", "核实过", "clerk")
    release_hold(shop, "BL1", "核实过", "boss")


def test_blocklisted_address_is_matched_after_parsing(make_order, shop) -> None:
    with shop.transaction() as session:
        add_to_blocklist(session, "address", "浙江省杭州市西湖区文三路100号", "欺诈", "boss")
    make_order(order_no="BL2")
    report = verify_orders(shop)
    assert report.holds_by_rule == {"blocklist": 1}


def test_confirmed_order_can_no_longer_be_edited(make_order, shop) -> None:
    make_order(order_no="ED1")
    verify_orders(shop)
    confirm_clean_orders(shop)
    with pytest.raises(NotEditable):
        set_phone(shop, "ED1", "13900000009", "clerk")


@settings(max_examples=100, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("省市区县镇路号北京广东东莞假重庆 -()0123456789")),
        max_size=40,
    )
)
def test_parser_never_raises_and_never_prints_a_placeholder_city(text) -> None:
    parsed = parse_address(text)
    assert parsed.city not in {"市辖区", "县", "省直辖县级行政区划"}
    assert parsed.complete or parsed.problem
