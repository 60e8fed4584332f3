"""Carrier services (顺丰特快/标快/电商标快): their price and speed, which one the ranking
offers, the clerk choosing another one, and the service printed on the waybill."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.db.models import Shipment
from app.db.models.carriers import CarrierDecision
from app.documents.waybill import render_waybills
from app.errors import BadInput
from app.shipping import carriers
from app.shipping.carriers import carrier_list, get_carrier, transit_days
from app.shipping.print_queue import print_queue, void_waybill
from app.shipping.selection import choose_carrier, rank_order
from app.shipping.tracking import assign_tracking_number
from main import main

# A Wednesday morning in Hangzhou, before every carrier's cut-off; SF works every day.
NOW = datetime(2026, 12, 2, 1, 0, tzinfo=UTC)
XINJIANG = dict(province="新疆维吾尔自治区", city="乌鲁木齐市", district="天山区")


def test_a_service_scales_the_carriers_price_and_shifts_its_transit_days(db):
    with db.transaction() as session:
        sf = get_carrier(session, "SF")
        by_name = {s.name: s for s in sf.services}
        kg = Decimal("3.2")

        # Zone 5: ¥23 first kg + 3 × ¥14 = ¥65 on the table (顺丰标快 = 100 %).
        assert carriers.price(sf, "新疆维吾尔自治区", kg, Decimal(0)) == Decimal("65")
        assert carriers.price(sf, "新疆", kg, Decimal(0), by_name["顺丰特快"]) == Decimal("84.50")
        assert carriers.price(sf, "新疆", kg, Decimal(0), by_name["顺丰电商标快"]) == Decimal(
            "52.00"
        )

        # 新疆: 3 days on the table + 1 remote day; 特快 one day less, 电商标快 one more.
        assert transit_days(session, "SF", "新疆") == 4
        assert transit_days(session, "SF", "新疆", "顺丰特快") == 3
        assert transit_days(session, "SF", "新疆", "顺丰电商标快") == 5
        # Same province: one day on the table, and 特快 cannot make it less than one.
        assert transit_days(session, "SF", "浙江省", "顺丰特快") == 1


def test_the_catalogue_lists_each_carriers_services_with_its_default(db):
    listed = {c.code: c for c in carrier_list(db)}
    sf = listed["SF"]
    assert sf.service == "顺丰标快" and sf.speed_class == "express"
    assert [s.name for s in sf.services] == ["顺丰特快", "顺丰标快", "顺丰电商标快"]
    assert [s.name for s in sf.services if s.is_default] == ["顺丰标快"]
    assert listed["DBL"].service == "大件快递3.60" and listed["DBL"].speed_class == "freight"
    assert listed["ZTO"].service == "标准快递" and listed["ZTO"].speed_class == "economy"


def test_ranking_offers_sf_express_when_standard_would_break_the_promise(shop):
    # Paid 11-30: the promise is 12-05. 标快 arrives 12-06, 特快 12-05.
    paid = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)
    shop("7701001", remark="请发顺丰", paid_at=paid, **XINJIANG)
    sf = next(r for r in rank_order(shop.db, "7701001", now=NOW) if r.code == "SF")
    assert sf.service == "顺丰特快" and sf.keeps_promise
    assert f"{sf.expected_delivery:%m-%d}" == "12-05"
    assert "需用顺丰特快才能按时送达" in sf.reasons
    assert sf.price == Decimal("29.90")  # ¥23 × 130 %


def test_ranking_offers_the_cheaper_service_when_it_keeps_the_promise(shop):
    # Paid 12-02: the promise is 12-07, which the slow and cheap 电商标快 still keeps.
    paid = datetime(2026, 12, 2, 0, 30, tzinfo=UTC)
    shop("7702001", remark="请发顺丰", paid_at=paid, **XINJIANG)
    sf = next(r for r in rank_order(shop.db, "7702001", now=NOW) if r.code == "SF")
    assert sf.service == "顺丰电商标快" and sf.price == Decimal("18.40")
    assert "顺丰电商标快比顺丰标快便宜，也能按时送达" in sf.reasons
    offered = {o.name: o.price for o in sf.services}
    assert offered == {
        "顺丰特快": Decimal("29.90"),
        "顺丰标快": Decimal("23"),
        "顺丰电商标快": Decimal("18.40"),
    }


def test_rank_json_names_the_service_of_each_carrier(shop, db_url, capsys):
    shop("7703001", **XINJIANG)
    assert main(["--db", db_url, "carriers", "rank", "7703001", "--json"]) == 0
    ranks = json.loads(capsys.readouterr().out)
    sf = next(r for r in ranks if r["carrier"] == "SF")
    assert sf["service"] in {"顺丰特快", "顺丰标快", "顺丰电商标快"}
    assert [s["name"] for s in sf["services"]] == ["顺丰特快", "顺丰标快", "顺丰电商标快"]
    assert all(r["service"] == "标准快递" for r in ranks if r["carrier"] == "ZTO")


def test_choosing_another_service_of_the_suggested_carrier_needs_a_reason(shop):
    shop("7704001", remark="请发顺丰", **XINJIANG)
    suggested = rank_order(shop.db, "7704001")[0]
    assert suggested.code == "SF" and suggested.service != "顺丰特快"

    with pytest.raises(BadInput, match="请写明原因"):
        choose_carrier(shop.db, "7704001", "SF", service="顺丰特快")
    with pytest.raises(BadInput, match="没有服务"):
        choose_carrier(shop.db, "7704001", "SF", reason="试试", service="次日达")

    choice = choose_carrier(shop.db, "7704001", "SF", reason="买家加急", service="顺丰特快")
    assert choice.overridden and choice.service == "顺丰特快"
    assert choice.suggested_service == suggested.service
    with shop.db.reading() as session:
        decision = session.scalar(select(CarrierDecision))
        shipment = session.scalar(select(Shipment))
        assert (decision.service, decision.reason) == ("顺丰特快", "买家加急")
        assert (shipment.carrier, shipment.service) == ("SF", "顺丰特快")


def test_taking_the_suggestion_needs_no_reason_and_stores_its_service(shop):
    shop("7705001", remark="请发顺丰", **XINJIANG)
    suggested = rank_order(shop.db, "7705001")[0]
    choice = choose_carrier(shop.db, "7705001")
    assert not choice.overridden and choice.service == suggested.service


def test_the_waybill_prints_the_chosen_service(shop, read_pdf):
    shop("7706001", remark="请发顺丰", **XINJIANG)
    choose_carrier(shop.db, "7706001", "SF", reason="买家加急", service="顺丰特快")
    pdf = render_waybills(shop.db, ["7706001"], tracking="SF1234567890141", carrier="SF")
    assert "顺丰特快" in read_pdf.text(pdf)[0]


def test_a_waybill_without_a_chosen_service_prints_the_default(shop, read_pdf):
    """A number typed in for a carrier (no ranking, no service chosen) prints 顺丰标快."""
    shop("7707001")
    assign_tracking_number(shop.db, "7707001", "SF", "SF1234567890142")
    pdf = render_waybills(shop.db, ["7707001"])
    assert "顺丰速运 顺丰标快" in read_pdf.text(pdf)[0]


def test_moving_a_parcel_to_another_carrier_drops_the_old_carriers_service(shop):
    shop("7708001", remark="请发顺丰", **XINJIANG)
    choose_carrier(shop.db, "7708001", "SF", reason="买家加急", service="顺丰特快")
    assign_tracking_number(shop.db, "7708001", "ZTO", "73100000000041")
    with shop.db.reading() as session:
        shipment = session.scalar(select(Shipment))
        assert (shipment.carrier, shipment.service) == ("ZTO", "")


def test_the_customers_expected_delivery_date_follows_the_service(db):
    """The shipping notice dates a 顺丰特快 parcel one day earlier than a 顺丰标快 one."""
    from app.tracking.delivery_date import expected_delivery

    handed_over = datetime(2026, 12, 2, 2, 0, tzinfo=UTC)  # a Wednesday; SF works every day
    with db.transaction() as session:
        standard = expected_delivery(session, "SF", "新疆", handed_over)
        express = expected_delivery(session, "SF", "新疆", handed_over, "顺丰特快")
    assert (f"{standard:%m-%d}", f"{express:%m-%d}") == ("12-06", "12-05")


def test_prices_are_whole_fen_even_past_the_first_kilogram(db):
    with db.transaction() as session:
        zto = get_carrier(session, "ZTO")
        # Zone 3: ¥5 first kg + 3 × ¥2 (3.4 kg is charged as 4 kg), a service at 100 %.
        amount = carriers.price(zto, "湖北省", Decimal("3.4"), Decimal(0))
    assert str(amount) == "11.00"


def test_the_service_cannot_change_under_a_printed_label_until_it_is_voided(shop):
    shop("7709001", remark="请发顺丰", **XINJIANG)
    choose_carrier(shop.db, "7709001", "SF", reason="买家加急", service="顺丰特快")
    render_waybills(shop.db, ["7709001"], tracking="SF1234567890143", carrier="SF")

    with pytest.raises(BadInput, match="已按 顺丰特快 打印，请先作废面单"):
        choose_carrier(shop.db, "7709001", "SF", reason="改回", service="顺丰标快")
    # Choosing what is printed again changes nothing and is allowed.
    assert choose_carrier(shop.db, "7709001", "SF", reason="确认", service="顺丰特快").service

    void_waybill(shop.db, "7709001", reason="改服务")
    assert choose_carrier(shop.db, "7709001", "SF", reason="改回", service="顺丰标快").service == (
        "顺丰标快"
    )


def test_a_cancelled_order_gets_no_carrier(shop):
    shop("7710001", status="cancelled")
    with pytest.raises(BadInput, match="已取消.*不能再选快递"):
        choose_carrier(shop.db, "7710001")


def test_the_print_queue_shows_each_parcels_service(shop):
    shop("7711001", remark="请发顺丰", **XINJIANG)
    choose_carrier(shop.db, "7711001", "SF", reason="买家加急", service="顺丰特快")
    shop("7711002")
    assign_tracking_number(shop.db, "7711002", "SF", "SF1234567890144")

    rows = {row.order_no: row for row in print_queue(shop.db)}
    assert (rows["7711001"].carrier, rows["7711001"].service) == ("SF", "顺丰特快")
    # No service chosen: the carrier's usual one.
    assert rows["7711002"].service == "顺丰标快"


def test_with_no_active_carrier_ranking_and_choosing_say_so(shop, db_url, capsys):
    shop("7712001")
    with shop.db.transaction() as session:
        for carrier in carriers.carriers(session):
            carrier.active = False
    with pytest.raises(BadInput, match="没有启用的快递公司"):
        choose_carrier(shop.db, "7712001")
    assert main(["--db", db_url, "carriers", "rank", "7712001"]) == 3
    assert "没有启用的快递公司" in capsys.readouterr().err


def test_a_gap_in_the_price_table_makes_the_carrier_ineligible_with_the_reason(shop):
    shop("7713001", **XINJIANG)
    with shop.db.transaction() as session:
        zto = get_carrier(session, "ZTO")
        zto.rates = [r for r in zto.rates if r.zone != 5]
    ranks = {r.code: r for r in rank_order(shop.db, "7713001", NOW)}
    assert not ranks["ZTO"].eligible
    assert "价格表没有到新疆的价格" in ranks["ZTO"].reasons
    assert ranks["SF"].eligible
