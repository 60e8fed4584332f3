"""The address parser on the cases of our bug log (libraries.md: cpca's faults)."""

from __future__ import annotations

from app.verification.address import parse_address
from app.verification.phone import normalize_phone


def test_dongguan_keeps_dongguan_avenue_whole() -> None:
    p = parse_address("广东省东莞市莞城区东莞大道1号")
    assert (p.province, p.city, p.city_code) == ("广东省", "东莞市", "441900")
    assert "东莞大道1号" in p.detail and p.complete


def test_fake_county_never_becomes_chongqing() -> None:
    p = parse_address("假县人民路1号")
    assert p.province == "" and not p.complete and "找不到省份和城市" in p.problem


def test_placeholders_are_never_a_city() -> None:
    assert parse_address("北京市市辖区朝阳区建国路1号").city == "北京市"
    assert parse_address("重庆市忠县忠州镇1号").city == "重庆市"
    p = parse_address("湖北神农架松柏镇1号")
    assert (p.city, p.city_code, p.complete) == ("神农架林区", "429021", True)


def test_abolished_district_is_mapped_with_a_note() -> None:
    p = parse_address("浙江省杭州市下城区体育场路1号")
    assert (p.district, p.district_code) == ("拱墅区", "330105")
    assert p.notes == ("杭州市下城区已于2021年改为杭州市拱墅区",)


def test_city_alone_gives_province_but_no_district_holds() -> None:
    p = parse_address("广州国际采购中心1401")
    assert (p.province, p.city) == ("广东省", "广州市")
    assert p.problem == "地址缺少区县（已识别广东省广州市）"


def test_short_name_followed_by_a_street_is_not_a_division() -> None:
    assert parse_address("江苏省南京市鼓楼大街1号").district == ""


def test_phone_rules_from_the_issue() -> None:
    assert normalize_phone("19570230456").valid
    assert normalize_phone("+86 195-7023-0456").number == "19570230456"
    virtual = normalize_phone("13900000002-4821")
    assert (virtual.number, virtual.extension, virtual.valid) == ("13900000002", "4821", True)
    assert normalize_phone("010-8888 6666").kind == "landline"
    assert not normalize_phone("1234567890").valid
    assert normalize_phone("19212345678").valid  # a prefix missing from old tables
