"""A JSON catalogue import: every field type-checked with its path, all or nothing."""

from __future__ import annotations

import json

import pytest

from app.errors import BadInput, FileRefused
from app.shipping import catalogue_edit as edit
from app.shipping.catalogue_io import export_catalogue, import_catalogue, import_catalogue_file
from app.shipping.selection import choose_carrier
from main import main


def _changed(db, where, value):
    """The current catalogue with one value changed; `where(data)` gives (dict, key)."""
    data = export_catalogue(db)
    target, key = where(data)
    target[key] = value
    return data


def _third(key):
    return lambda data: (data["carriers"][2], key)


@pytest.mark.parametrize(
    ("where", "value", "message"),
    [
        (_third("closed_holidays"), 5, "carriers[2].closed_holidays：应为节假日名称列表"),
        (_third("closed_holidays"), None, "carriers[2].closed_holidays：应为节假日名称列表"),
        (
            _third("closed_holidays"),
            {"Spring Festival": 1},
            "carriers[2].closed_holidays：应为节假日名称列表",
        ),
        (_third("closed_holidays"), [1], "carriers[2].closed_holidays：应为节假日名称列表"),
        (_third("name"), ["x"], "carriers[2].name：应为文字（而不是列表）"),
        (_third("name"), 123, "carriers[2].name：应为文字（而不是数字）"),
        (_third("pickup_days"), 12345, "carriers[2].pickup_days：应为文字"),
        (_third("cutoff"), 1700, "carriers[2].cutoff：应为文字"),
        (_third("max_side_mm"), [1500], "carriers[2].max_side_mm：应为整数（而不是列表）"),
        (_third("code"), 123, "carriers[2].code：应为文字（而不是数字）"),
        (
            lambda d: (d["carriers"][2]["rates"][0], "first_price"),
            {"a": 1},
            "carriers[2].rates[0].first_price：应为金额（而不是对象）",
        ),
        (
            lambda d: (d["carriers"][2]["services"][0], "speed_class"),
            ["express"],
            "carriers[2].services[0].speed_class：应为文字（而不是列表）",
        ),
        (
            lambda d: (d["carriers"][2]["destinations"][0], "province"),
            7,
            "carriers[2].destinations[0].province：应为文字（而不是数字）",
        ),
    ],
)
def test_a_value_of_the_wrong_type_is_refused_with_its_path(db, where, value, message):
    before = export_catalogue(db)
    with pytest.raises(BadInput) as refused:
        import_catalogue(db, _changed(db, where, value))
    assert str(refused.value).startswith(message)
    assert export_catalogue(db) == before


def test_holidays_as_a_list_of_names_still_load(db):
    data = _changed(db, _third("closed_holidays"), ["春节", "National Day"])
    import_catalogue(db, data)
    code = data["carriers"][2]["code"]
    assert edit.carrier_detail(db, code).header.closed_holidays == (
        "Spring Festival",
        "National Day",
    )


def test_an_import_never_drops_a_service_parcels_use(shop, db):
    shop("7711001")
    choose_carrier(db, "7711001", "SF", "客户要求电商标快", service="顺丰电商标快")
    before = export_catalogue(db)
    data = json.loads(json.dumps(before))
    data["carriers"][0]["services"] = [
        {"name": "顺丰标快", "speed_class": "express", "is_default": True}
    ]

    with pytest.raises(BadInput) as refused:
        import_catalogue(db, data)
    assert str(refused.value) == (
        "carriers[0].services：已有包裹使用服务「顺丰电商标快」，不能删除或改名，请改为停用"
    )
    assert export_catalogue(db) == before

    # Switched off is fine: the parcel keeps its service.
    data["carriers"][0]["services"] = [
        {"name": "顺丰标快", "speed_class": "express", "is_default": True},
        {"name": "顺丰电商标快", "speed_class": "standard", "active": False},
    ]
    assert import_catalogue(db, data).replaced[0] == "SF"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"carriers": [{"code": "SF", "max_side_mm": ' + "9" * 5000 + "}]}", "位数过多的数字"),
        ('{"carriers": ' + "[" * 100000 + "]" * 100000 + "}", "嵌套太深"),
    ],
)
def test_a_malformed_file_is_refused_with_its_name(db, db_url, tmp_path, capsys, text, reason):
    path = tmp_path / "承运商.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FileRefused) as refused:
        import_catalogue_file(db, path)
    assert str(refused.value).startswith(f"{path}: ") and reason in str(refused.value)

    assert main(["--db", db_url, "carriers", "import", str(path)]) == 3
    err = capsys.readouterr().err
    assert reason in err and "Traceback" not in err


def test_a_new_carrier_from_a_file_starts_inactive_unless_it_says_active(db):
    assert import_catalogue(db, {"carriers": [{"code": "KYE", "name": "跨越速运"}]}).added == (
        "KYE",
    )
    detail = edit.carrier_detail(db, "KYE")
    assert not detail.header.active
    assert [s.name for s in detail.services] == ["标准快递"]

    switched_on = {"carriers": [{"code": "ANE", "name": "安能物流", "active": True}]}
    with pytest.raises(BadInput, match=r"^carriers\[0\]：没有任何价格，不能启用"):
        import_catalogue(db, switched_on)
    assert "ANE" not in [s.code for s in edit.carrier_summaries(db)]


def test_codes_in_a_file_are_read_upper_case(db):
    data = export_catalogue(db)
    data["carriers"][0]["code"] = " sf "
    data["carriers"][0]["cutoff"] = "16:00"
    assert import_catalogue(db, data).replaced[0] == "SF"
    assert edit.carrier_detail(db, "SF").header.cutoff == "16:00"
    assert "sf" not in [s.code for s in edit.carrier_summaries(db)]
