"""Choosing a carrier: ranked with reasons in words; overrides keep their reason."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from app.db.models.carriers import CarrierDecision
from app.errors import BadInput
from app.shipping.selection import choose_carrier, rank_order

# A Wednesday morning in Hangzhou, before every carrier's cut-off.
NOW = datetime(2026, 12, 2, 1, 0, tzinfo=UTC)
FRIDGE = (("FRIDGE-1", "双门冰箱 BCD-218", "62", (1650, 600, 650), 1),)
DUMBBELLS = (("DB-32", "哑铃套装 32kg", "32", (500, 300, 250), 1),)


def _first(ranks):
    return ranks[0]


def test_a_refrigerator_goes_to_a_carrier_that_takes_large_appliances(shop):
    shop("5501001", items=FRIDGE, province="江苏省", city="南京市", district="鼓楼区")
    ranks = rank_order(shop.db, "5501001", now=NOW)
    assert _first(ranks).code == "DBL"
    assert "承运大件" in _first(ranks).reasons
    sf = next(r for r in ranks if r.code == "SF")
    assert not sf.eligible and any("超重" in r for r in sf.reasons)


def test_heavy_goods_rank_the_cheapest_carrier_that_takes_them_and_say_so(shop):
    shop("5502001", items=DUMBBELLS, province="四川省", city="成都市", district="武侯区")
    ranks = rank_order(shop.db, "5502001", now=NOW)
    top = _first(ranks)
    assert top.code == "DBL"
    assert "32 kg最便宜" in top.summary and f"¥{top.price}" in top.summary
    assert top.price == min(r.price for r in ranks if r.eligible)


def test_remote_area_leaves_only_china_post(shop):
    shop("5503001", province="西藏自治区", city="阿里地区", district="噶尔县", detail="狮泉河镇")
    ranks = rank_order(shop.db, "5503001", now=NOW)
    assert [r.code for r in ranks if r.eligible] == ["EMS"]
    assert "不送达 西藏自治区阿里地区" in next(r for r in ranks if r.code == "ZTO").reasons


def test_never_china_post_when_the_buyer_asked_not_to(shop):
    shop(
        "5504001",
        province="西藏自治区",
        city="阿里地区",
        district="噶尔县",
        remark="不要发邮政，谢谢",
    )
    ranks = rank_order(shop.db, "5504001", now=NOW)
    ems = next(r for r in ranks if r.code == "EMS")
    assert not ems.eligible and "买家要求不发此快递" in ems.reasons


def test_buyer_asked_carrier_comes_first_and_fastest_to_xinjiang_is_named(shop):
    shop(
        "5505001",
        province="新疆维吾尔自治区",
        city="乌鲁木齐市",
        district="天山区",
        remark="请发顺丰",
    )
    top = _first(rank_order(shop.db, "5505001", now=NOW))
    assert top.code == "SF"
    # The promise allows the cheaper 顺丰电商标快; the reasons still name the fastest service.
    assert top.service == "顺丰电商标快"
    assert "买家指定" in top.reasons and "改用顺丰特快可最快到新疆（3 天）" in top.reasons


def test_a_carrier_that_would_miss_the_promised_date_drops_below_those_that_keep_it(shop):
    paid = datetime(2026, 11, 29, 2, 0, tzinfo=UTC)  # promise: 12-04 (5 days)
    shop("5506001", province="黑龙江省", city="哈尔滨市", district="南岗区", paid_at=paid)
    ranks = rank_order(shop.db, "5506001", now=NOW)
    assert _first(ranks).keeps_promise
    late = [r for r in ranks if not r.keeps_promise]
    assert late and all("晚于承诺的 12-04" in " ".join(r.reasons) for r in late)
    assert ranks.index(late[0]) > max(ranks.index(r) for r in ranks if r.keeps_promise)


def test_override_needs_a_reason_and_keeps_it(shop):
    shop("5507001")
    suggested = _first(rank_order(shop.db, "5507001")).code
    other = "SF" if suggested != "SF" else "JD"
    with pytest.raises(BadInput, match="请写明原因"):
        choose_carrier(shop.db, "5507001", other)
    choice = choose_carrier(shop.db, "5507001", other, reason="客户电话要求")
    assert choice.overridden and choice.suggested == suggested
    with shop.db.reading() as session:
        decision = session.scalar(select(CarrierDecision))
        assert (decision.carrier_code, decision.reason) == (other, "客户电话要求")


def test_a_carrier_missing_the_province_is_not_called_fastest_and_says_it_guessed(shop, caplog):
    from app.shipping import catalogue_edit, catalogue_places

    catalogue_edit.add_carrier(shop.db, "ZXY", "小新快递")
    catalogue_edit.set_rate(shop.db, "ZXY", 1, first_price="5", extra_price_per_kg="1")
    catalogue_places.set_destination(shop.db, "ZXY", "浙江", zone=1, transit_days=1)
    catalogue_edit.set_carrier_active(shop.db, "ZXY", True)
    shop("5509001", province="广东省", city="广州市", district="天河区")

    with caplog.at_level("INFO"):
        ranks = rank_order(shop.db, "5509001", now=NOW)

    zxy = next(r for r in ranks if r.code == "ZXY")
    assert zxy.transit_days == 3
    assert "时效表没有广东，按 3 天估计" in zxy.reasons
    assert not any("最快" in reason for reason in zxy.reasons)
    assert not [r for r in caplog.records if "transit days" in r.getMessage()]


def test_when_every_carrier_is_late_the_earliest_arrival_comes_first(shop):
    paid = datetime(2026, 11, 1, 2, 0, tzinfo=UTC)  # promise long past
    shop(
        "5510001", paid_at=paid, province="新疆维吾尔自治区", city="乌鲁木齐市", district="天山区"
    )
    ranks = [r for r in rank_order(shop.db, "5510001", now=NOW) if r.eligible]

    assert not any(r.keeps_promise for r in ranks)
    days = [r.expected_delivery for r in ranks]
    assert days == sorted(days) and days[0] < days[-1]


def test_ranking_refuses_a_cancelled_order_and_one_without_a_province(shop):
    shop("5511001", status="cancelled")
    with pytest.raises(BadInput, match="已取消.*不能再选快递"):
        rank_order(shop.db, "5511001", now=NOW)
    shop("5511002", province="", city="", district="")
    with pytest.raises(BadInput, match="没有收货省份，请先补全收货地址"):
        rank_order(shop.db, "5511002", now=NOW)
