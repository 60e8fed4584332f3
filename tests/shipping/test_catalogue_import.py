"""A JSON catalogue import: every field type-checked with its path, all or nothing."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from app.errors import BadInput, FileRefused
from app.shipping import catalogue_edit as edit
from app.shipping.catalogue_checks import check_money, check_weight
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
    path = tmp_path / "快递公司.json"
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


def _header_changed(data: dict, change: str) -> object:
    """The export with its header changed as `change` says; the carriers stay as exported."""
    if change == "a list":
        return [data]
    key, _, value = change.partition("=")
    if value == "":
        data.pop(key)
    else:
        data[key] = json.loads(value)
    return data


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ("format=", ('缺少字段 format（应为 "packdesk.carriers"）',)),
        (
            "format=" + '"shopify.products"',
            ('format 是 "shopify.products"', '"packdesk.carriers"'),
        ),
        ("format=null", ("format 是 null", '应为 "packdesk.carriers"')),
        ("version=", ("缺少字段 version（应为 1）",)),
        ("version=2", ("version 是 2，应为 1", "请先升级本程序")),
        ("version=0", ("version 是 0，应为 1",)),
        ('version="1"', ('version 是 "1"，应为 1',)),
        ("version=1.0", ("version 是 1.0，应为 1",)),
        ("version=true", ("version 是 true，应为 1",)),
        ("a list", ('不是 PackDesk 快递公司目录：应为对象 {"format": "packdesk.carriers"',)),
    ],
)
def test_a_file_that_is_not_a_catalogue_of_this_version_is_refused(
    db, db_url, tmp_path, capsys, change, words
):
    """The importer never looked at `format` or `version`, so any JSON with a carriers list,
    or a catalogue from a later PackDesk, was read by today's field names and stored."""
    before = export_catalogue(db)
    data = json.loads(json.dumps(before))
    data["carriers"][0]["cutoff"] = "11:11"
    path = tmp_path / "价格.json"
    path.write_text(json.dumps(_header_changed(data, change), ensure_ascii=False), "utf-8")

    with pytest.raises(FileRefused) as refused:
        import_catalogue_file(db, path)
    assert str(refused.value).startswith(f"{path}: ")
    assert all(w in refused.value.reason for w in words), refused.value.reason
    assert export_catalogue(db) == before

    assert main(["--db", db_url, "carriers", "import", str(path)]) == 3
    err = capsys.readouterr().err
    assert f"{path}: " in err and words[0] in err
    assert export_catalogue(db) == before


def _file_with_price(tmp_path, db, number: str):
    """An export whose first SF price is the JSON number `number`, written as typed."""
    data = export_catalogue(db)
    data["carriers"][0]["rates"][0]["first_price"] = "@price@"
    path = tmp_path / "合同价.json"
    path.write_text(json.dumps(data, ensure_ascii=False).replace('"@price@"', number), "utf-8")
    return path


@pytest.mark.parametrize(
    ("number", "stored"),
    [
        ("12.3", Decimal("12.30")),
        ("0.1", Decimal("0.10")),
        ("7", Decimal("7.00")),
        ("1.2e1", Decimal("12.00")),
    ],
)
def test_a_price_written_as_a_json_number_is_stored_exactly(db, tmp_path, number, stored):
    """The README said money must be text; a JSON number is read as the decimal it spells."""
    import_catalogue_file(db, _file_with_price(tmp_path, db, number))
    price = edit.carrier_detail(db, "SF").rates[0].first_price
    assert isinstance(price, Decimal) and price == stored and str(price) == str(stored)


@pytest.mark.parametrize("number", ["3.200000000000000001", "0.30000000000000004"])
def test_a_json_number_with_more_than_fen_is_refused_not_rounded(db, tmp_path, number):
    """Read as a binary float, 3.200000000000000001 would quietly become 3.2 and be stored."""
    before = export_catalogue(db)
    with pytest.raises(BadInput, match=r"^carriers\[0\]\.rates\[0\]\.first_price：.*最多两位小数"):
        import_catalogue_file(db, _file_with_price(tmp_path, db, number))
    assert export_catalogue(db) == before


def test_a_binary_float_never_becomes_a_price_or_a_weight(db):
    """A float was turned into a Decimal through str(), so a caller that had already rounded
    a number in binary (0.1 + 0.2, or 3.2 read from "3.200000000000000001") had it stored."""
    with pytest.raises(TypeError, match="not float"):
        check_money(12.3, "价格")
    with pytest.raises(TypeError, match="not float"):
        check_weight(0.1 + 0.2, "重量")

    before = export_catalogue(db)
    with pytest.raises(TypeError):
        edit.set_rate(db, "SF", 1, first_price=12.3)
    assert export_catalogue(db) == before


@pytest.mark.parametrize(
    ("field", "constant", "message"),
    [
        ("first_price", "NaN", "carriers[0].rates[0].first_price：「NaN」不是金额"),
        ("first_price", "Infinity", "carriers[0].rates[0].first_price：「Infinity」不是金额"),
        ("first_weight", "-Infinity", "carriers[0].rates[0].first_weight：「-Infinity」不是重量"),
        ("zone", "NaN", "carriers[0].rates[0].zone：「NaN」不是整数"),
    ],
)
def test_nan_and_infinity_in_a_file_are_refused_with_the_field_path(
    db, db_url, tmp_path, capsys, field, constant, message
):
    """Python's json reads NaN and Infinity as floats, which the price check only expects from
    a programming error: the import ended in a TypeError traceback instead of a message."""
    before = export_catalogue(db)
    data = export_catalogue(db)
    data["carriers"][0]["rates"][0][field] = "@value@"
    path = tmp_path / "合同价.json"
    path.write_text(json.dumps(data, ensure_ascii=False).replace('"@value@"', constant), "utf-8")

    with pytest.raises(BadInput) as refused:
        import_catalogue_file(db, path)
    assert str(refused.value) == message
    assert export_catalogue(db) == before

    assert main(["--db", db_url, "carriers", "import", str(path)]) == 3
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
