"""Editing the carrier catalogue: each refusal names the field, and edits change the ranking."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from app.errors import BadInput
from app.shipping import catalogue_edit as edit
from app.shipping import catalogue_places as places
from app.shipping.catalogue_io import export_catalogue, import_catalogue, import_catalogue_file
from app.shipping.catalogue_tables import save_table
from app.shipping.selection import rank_order

# A Wednesday morning in Hangzhou, before every carrier's cut-off, with no holiday in sight.
NOW = datetime(2026, 12, 2, 1, 0, tzinfo=UTC)

ONE_SF_SERVICE = [
    {
        "name": "顺丰标快",
        "speed_class": "express",
        "transit_adjust_days": "0",
        "price_percent": "100",
        "is_default": True,
        "active": True,
    }
]


def _sf(db, order_no):
    return next(r for r in rank_order(db, order_no, now=NOW) if r.code == "SF")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda db: edit.update_carrier(db, "SF", cutoff="25:00"),
            "快递公司 SF 的截单时间：「25:00」不是有效的时间，应为 时:分，如 16:30",
        ),
        (
            lambda db: edit.update_carrier(db, "SF", pickup_days="1123"),
            "快递公司 SF 的收件日：「1123」中 1 重复",
        ),
        (
            lambda db: edit.update_carrier(db, "SF", pickup_days="1289"),
            "快递公司 SF 的收件日：「1289」含有 89，只能用数字 1 到 7",
        ),
        (
            lambda db: edit.update_carrier(db, "SF", closed_holidays="春节;圣诞节"),
            "快递公司 SF 的停运节假日：不认识节假日「圣诞节」",
        ),
        (
            lambda db: edit.update_carrier(db, "SF", volumetric_divisor=0),
            "快递公司 SF 的抛比（体积重除数）：0 超出范围",
        ),
        (
            lambda db: edit.update_carrier(db, "SF", max_weight="0"),
            "快递公司 SF 的最大重量（kg）：重量 0 必须大于 0",
        ),
        (
            lambda db: edit.update_carrier(db, "SF", max_side_mm=4000),
            "快递公司 SF：最长边 4000 mm 不能大于三边之和 3000 mm",
        ),
        (
            lambda db: edit.add_carrier(db, "k-y", "跨越速运"),
            "快递公司代码：代码「k-y」应为 1 到 16 个大写英文字母或数字",
        ),
        (
            lambda db: edit.add_carrier(db, "SF", "又一个顺丰"),
            "快递公司代码：SF 已经存在（顺丰速运）",
        ),
        (
            lambda db: edit.set_rate(
                db, "SF", 3, first_weight="0", first_price="18", extra_price_per_kg="5"
            ),
            "快递公司 SF 第 3 区的首重（kg）：重量 0 必须大于 0",
        ),
        (
            lambda db: edit.set_rate(
                db, "SF", 3, first_weight="1", first_price="-1", extra_price_per_kg="5"
            ),
            "快递公司 SF 第 3 区的首重价：金额 -1 不能为负数",
        ),
        (
            lambda db: edit.set_rate(
                db, "SF", 3, first_weight="1", first_price="18", extra_price_per_kg="5.005"
            ),
            "快递公司 SF 第 3 区的续重价（每 kg）：金额 5.005 最多两位小数（分）",
        ),
        (
            lambda db: places.set_destination(db, "SF", "新疆", zone=9, transit_days=3),
            "快递公司 SF：新疆维吾尔自治区 在第 9 区，但该区没有价格",
        ),
        (
            lambda db: places.set_destination(db, "SF", "火星", zone=1, transit_days=3),
            "快递公司 SF 火星的省份：不认识省份「火星」",
        ),
        (
            lambda db: places.set_region(
                db, "SF", "广东", "深圳市", kind="excluded", extra_days=2
            ),
            "快递公司 SF 的广东深圳市：不送达的地区不能有多加天数",
        ),
        (
            lambda db: places.set_region(db, "SF", "广东", kind="closed"),
            "快递公司 SF 广东的类型：「closed」应为 excluded（不送达）或 remote（偏远，多几天）",
        ),
        (
            lambda db: edit.add_service(db, "SF", "顺丰次晨", speed_class="rocket"),
            "快递公司 SF 的时效等级：时效等级「rocket」不认识",
        ),
    ],
)
def test_each_bad_value_is_refused_with_what_and_where(db, change, message):
    before = edit.carrier_detail(db, "SF")
    with pytest.raises(BadInput) as refused:
        change(db)
    assert str(refused.value).startswith(message)
    assert edit.carrier_detail(db, "SF") == before


def test_short_province_names_are_the_full_province(db):
    detail = places.set_destination(db, "SF", "新疆", zone=5, transit_days=4)
    xinjiang = [d for d in detail.destinations if d.province.startswith("新疆")]
    assert [(d.province, d.zone, d.transit_days) for d in xinjiang] == [("新疆维吾尔自治区", 5, 4)]


def test_header_changes_are_stored_in_their_stored_form(db):
    header = edit.update_carrier(
        db, "ZTO", pickup_days="531", cutoff="9:05", closed_holidays=["春节", "National Day"]
    ).header
    assert (header.pickup_days, header.cutoff) == ("135", "09:05")
    assert header.closed_holidays == ("Spring Festival", "National Day")


def test_services_keep_exactly_one_default_and_never_lose_the_last_one(db):
    save_table(db, "SF", "services", ONE_SF_SERVICE)
    with pytest.raises(BadInput, match="这是唯一的服务，不能删除"):
        edit.remove_service(db, "SF", "顺丰标快")

    detail = edit.add_service(
        db,
        "SF",
        "顺丰特快",
        speed_class="express",
        transit_adjust_days=-1,
        price_percent=130,
        is_default=True,
    )
    assert [(s.name, s.is_default) for s in detail.services] == [
        ("顺丰标快", False),
        ("顺丰特快", True),
    ]
    with pytest.raises(BadInput, match="这是默认服务"):
        edit.remove_service(db, "SF", "顺丰特快")
    with pytest.raises(BadInput, match="这是默认服务"):
        edit.update_service(db, "SF", "顺丰特快", is_default=False)
    with pytest.raises(BadInput, match="须正好有一个默认服务"):
        edit.update_service(db, "SF", "顺丰特快", active=False)

    detail = edit.update_service(db, "SF", "顺丰标快", is_default=True)
    detail = edit.remove_service(db, "SF", "顺丰特快")
    assert [s.name for s in detail.services] == ["顺丰标快"]


def test_a_new_carrier_starts_inactive_and_can_be_switched_on_once_priced(db):
    detail = edit.add_carrier(db, "KYE", "跨越速运")
    assert not detail.header.active
    assert [s.name for s in detail.services] == ["标准快递"]
    with pytest.raises(BadInput, match="快递公司 KYE：没有任何价格，不能启用"):
        edit.set_carrier_active(db, "KYE", True)

    edit.set_rate(db, "KYE", 1, first_weight="1", first_price="15", extra_price_per_kg="3")
    places.set_destination(db, "KYE", "浙江", zone=1, transit_days=1)
    assert edit.set_carrier_active(db, "KYE", True).header.active
    assert "KYE" in [s.code for s in edit.carrier_summaries(db) if s.active]


def test_a_carrier_a_parcel_names_is_never_deleted(shop, db):
    shop("7701001")
    edit.add_carrier(db, "KYE", "跨越速运")
    edit.remove_carrier(db, "KYE")
    assert "KYE" not in [s.code for s in edit.carrier_summaries(db)]

    from app.shipping.selection import choose_carrier

    choose_carrier(db, "7701001", "ZTO", "客户要求中通")
    with pytest.raises(BadInput, match="已有包裹使用它，不能删除，请改为停用"):
        edit.remove_carrier(db, "ZTO")
    assert not edit.set_carrier_active(db, "ZTO", False).header.active


def test_a_price_change_changes_the_ranked_price(shop, db):
    shop("7702001", province="广东省", city="深圳市", district="南山区")
    save_table(db, "SF", "services", ONE_SF_SERVICE)
    assert _sf(db, "7702001").price == Decimal("18.00")

    edit.set_rate(db, "SF", 3, first_weight="1", first_price="30.50", extra_price_per_kg="5")
    assert _sf(db, "7702001").price == Decimal("30.50")


def test_a_transit_change_moves_the_expected_delivery(shop, db):
    shop("7703001", province="广东省", city="深圳市", district="南山区")
    save_table(db, "SF", "services", ONE_SF_SERVICE)
    before = _sf(db, "7703001")

    places.set_destination(db, "SF", "广东", zone=3, transit_days=before.transit_days + 4)
    after = _sf(db, "7703001")
    assert after.transit_days == before.transit_days + 4
    assert after.expected_delivery - before.expected_delivery == timedelta(days=4)


def test_an_excluded_city_makes_the_carrier_ineligible(shop, db):
    shop("7704001", province="广东省", city="深圳市", district="南山区")
    assert _sf(db, "7704001").eligible

    places.set_region(db, "SF", "广东", "深圳市", kind="excluded")
    sf = _sf(db, "7704001")
    assert not sf.eligible
    assert "不送达 广东省深圳市" in sf.reasons

    places.remove_region(db, "SF", "广东省", "深圳市")
    assert _sf(db, "7704001").eligible


def test_export_then_import_gives_the_same_catalogue(db, tmp_path):
    exported = export_catalogue(db)
    edit.set_rate(db, "JD", 2, first_weight="1", first_price="99", extra_price_per_kg="9")
    edit.update_carrier(db, "JD", cutoff="12:00", mask_privacy=True)
    assert export_catalogue(db) != exported

    path = tmp_path / "快递公司.json"
    path.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    result = import_catalogue_file(db, path)
    assert "JD" in result.replaced and result.added == ()
    assert export_catalogue(db) == exported


def test_an_import_with_one_bad_field_stores_nothing_and_names_the_path(db):
    before = export_catalogue(db)
    data = json.loads(json.dumps(before))
    data["carriers"][0]["name"] = "顺丰速运（合同价）"
    data["carriers"][2]["rates"][0]["first_price"] = "-3"

    with pytest.raises(BadInput) as refused:
        import_catalogue(db, data)
    assert str(refused.value) == "carriers[2].rates[0].first_price：金额 -3 不能为负数"
    assert export_catalogue(db) == before


def test_an_import_can_add_a_carrier_with_contract_prices(db):
    data = {
        "carriers": [
            {
                "code": "KYE",
                "name": "跨越速运",
                "active": True,
                "cutoff": "17:30",
                "rates": [
                    {
                        "zone": 1,
                        "first_weight": "1",
                        "first_price": "9.5",
                        "extra_price_per_kg": 2,
                    }
                ],
                "destinations": [{"province": "浙江", "zone": 1, "transit_days": 1}],
            }
        ]
    }
    assert import_catalogue(db, data).added == ("KYE",)
    detail = edit.carrier_detail(db, "KYE")
    assert detail.rates[0].first_price == Decimal("9.50")
    assert detail.destinations[0].province == "浙江省"
    assert detail.header.active and detail.services[0].is_default


def test_a_window_table_save_names_the_row_and_field(db):
    rows = [
        {"zone": "1", "first_weight": "1", "first_price": "12", "extra_price_per_kg": "2"},
        {"zone": "2", "first_weight": "1", "first_price": "abc", "extra_price_per_kg": "3"},
    ]
    with pytest.raises(BadInput, match=r"^快递公司 SF 价格表第 2 行的首重价：「abc」不是金额$"):
        save_table(db, "SF", "rates", rows)


def test_a_sort_code_row_can_be_removed(db):
    from app.shipping.catalogue_places import set_sort_code

    set_sort_code(db, "ZTO", "浙江省", "杭州市", sort_code="300-A01", hub="杭州中心")
    assert ("浙江省", "杭州市", "300-A01") in [
        (s.province, s.city, s.sort_code) for s in edit.carrier_detail(db, "ZTO").sort_codes
    ]
    detail = places.remove_sort_code(db, "ZTO", "浙江省", "杭州市")
    assert "300-A01" not in [s.sort_code for s in detail.sort_codes]
    with pytest.raises(BadInput, match="快递公司 ZTO 的三段码表中没有 浙江省杭州市"):
        places.remove_sort_code(db, "ZTO", "浙江省", "杭州市")
