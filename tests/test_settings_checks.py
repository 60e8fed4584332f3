"""`packdesk settings set` refuses values PackDesk could not use, and still stores a shop's own.

`settings set printer.dpi 250` and `settings set printer.dpi 300dpi` used to be stored
without a word; the first printed wrong-sized labels, the second crashed `print zpl`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from app.settings_checks import CHECKS, READ_PREFIXES, READ_UNCHECKED
from main import main

APP = Path(__file__).resolve().parents[1] / "app"


def _set(db_url: str, key: str, value: str) -> int:
    return main(["--db", db_url, "settings", "set", key, value])


def _stored(db_url: str, capsys) -> dict:
    capsys.readouterr()
    assert main(["--db", db_url, "settings", "list", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(
    ("key", "value", "allowed"),
    [
        ("printer.dpi", "250", "203 或 300"),
        ("printer.dpi", "300dpi", "203 或 300"),
        ("sender.phone", "12345", "手机号"),
        ("sender.name", '""', "文字"),
        ("sender.address", "  ", "不为空"),
        ("promise.days", "-1", "0 到 30 之间的整数"),
        ("promise.days", "5天", "0 到 30 之间的整数"),
        ("tracking.rules.stalled_hours", "true", "1 到 720 之间的整数"),
        ("packing.weight_tolerance_pct", "abc", "0 到 100 之间的数"),
        ("smtp.port", "70000", "1 到 65535 之间的整数"),
        ("promise.cutoff", "25:00", "时:分"),
    ],
)
def test_an_unusable_value_exits_3_naming_the_key_and_what_is_allowed(
    db_url, capsys, key, value, allowed
) -> None:
    assert _set(db_url, key, value) == 3
    err = capsys.readouterr().err
    assert key in err and allowed in err
    assert key not in _stored(db_url, capsys)


def test_usable_values_are_stored_as_readers_want_them(db_url, capsys) -> None:
    assert _set(db_url, "printer.dpi", "300") == 0
    assert _set(db_url, "sender.phone", "13800138000") == 0
    assert _set(db_url, "packing.weight_tolerance_pct", "7.5") == 0
    assert _set(db_url, "promise.cutoff", "18:30") == 0
    assert capsys.readouterr().err == ""
    assert _stored(db_url, capsys) == {
        "printer.dpi": 300,
        # A phone is text, even when typed as digits only.
        "sender.phone": "13800138000",
        "packing.weight_tolerance_pct": 7.5,
        "promise.cutoff": "18:30",
    }


@pytest.mark.parametrize("phone", ["0571-88886666", "400-820-8820", "+86 139 0000 0001"])
def test_a_landline_a_hotline_and_a_mobile_are_accepted_as_the_sender_phone(db_url, phone) -> None:
    assert _set(db_url, "sender.phone", phone) == 0


def test_a_key_nobody_reads_is_stored_with_a_warning_that_names_the_near_key(
    db_url, capsys
) -> None:
    assert _set(db_url, "printer.dip", "300") == 0
    assert "printer.dpi" in capsys.readouterr().err
    assert _set(db_url, "myshop.note", "周五盘点") == 0
    assert "myshop.note" in capsys.readouterr().err
    assert _set(db_url, "shop.name", "自家店") == 0
    assert capsys.readouterr().err == ""
    stored = _stored(db_url, capsys)
    assert stored["printer.dip"] == 300 and stored["myshop.note"] == "周五盘点"


def test_every_key_the_code_reads_is_known_so_settings_set_does_not_warn_about_it() -> None:
    """A new setting read in app/ without an entry here would make `settings set` call the
    shop's correct key a typo."""
    literal = re.compile(r"settings(?:_checks)?\.(?:get|put|read)\(\s*\w+,\s*f?\"([^\"{]+)")
    constant = re.compile(r"^[A-Z_]*KEY = \"([a-z_.]+)\"", re.MULTILINE)
    read = set()
    for path in APP.rglob("*.py"):
        text = path.read_text("utf-8")
        if "settings." in text or "settings_checks." in text:
            read.update(literal.findall(text))
            read.update(constant.findall(text))
    unknown = {
        key
        for key in read
        if key not in CHECKS and key not in READ_UNCHECKED and not key.startswith(READ_PREFIXES)
    }
    assert len(read) > 30
    assert unknown == set()


def test_code_reads_a_checked_key_only_through_the_check() -> None:
    """`settings.get` of a checked key would turn a bad stored value into a traceback."""
    literal = re.compile(r"settings\.get\(\s*\w+,\s*\"([^\"]+)\"")
    by_constant = re.compile(r"settings\.get\(\s*\w+,\s*([A-Z_]+)\b")
    constant = re.compile(r"^([A-Z_]*KEY) = \"([a-z_.]+)\"", re.MULTILINE)
    unchecked_reads = []
    for path in APP.rglob("*.py"):
        text = path.read_text("utf-8")
        names = dict(constant.findall(text))
        keys = literal.findall(text) + [names.get(n, "") for n in by_constant.findall(text)]
        unchecked_reads += [f"{path.name}: {k}" for k in keys if k in CHECKS]
    assert unchecked_reads == []


def test_a_bad_value_stored_before_the_checks_is_named_with_its_fix(db, db_url, tmp_path, capsys):
    from app import settings

    with db.transaction() as session:
        settings.put(session, "shipping.pool_low_threshold", "很多")
    numbers = tmp_path / "sf.txt"
    numbers.write_text("SF1234567890123\n", encoding="utf-8")
    pool = ["--db", db_url, "tracking", "pool", "import", "SF", str(numbers)]

    assert main(pool) == 3
    assert (
        capsys.readouterr()
        .err.strip()
        .endswith(
            "设置 shipping.pool_low_threshold 的已存值「很多」无效，应为 0 到 100000 之间的整数（个）；"
            "请用 packdesk settings set shipping.pool_low_threshold <值> 改正"
        )
    )
    assert _set(db_url, "shipping.pool_low_threshold", "10") == 0
    assert main(pool) == 0


@pytest.mark.parametrize(
    ("key", "value", "allowed"),
    [
        ("waybill.insured_value", "abc", "0 到 1000000 之间的数（元"),
        ("waybill.insured_value", "-5", "0 到 1000000 之间的数（元"),
        ("waybill.insured_value", "5.123", "最多 2 位小数"),
        ("stock.count_interval_days", "5", '{"A": 30, "B": 91, "C": 365}'),
        ("stock.count_interval_days", '{"A": "monthly"}', "天数 1 到 3650"),
        ("stock.count_interval_days", '{"D": 30}', "分类为 A、B、C"),
        ("stock.abc_bands", "[80, 15]", "三个加起来为 100 的整数"),
        ("stock.abc_bands", "[80, 15, 15]", "三个加起来为 100 的整数"),
        ("flow.targets", '"x"', "对象 {步骤: 小时数}"),
        ("flow.targets", '{"packing": "fast"}', "小时数大于 0"),
        ("flow.targets", '{"no-such-step": 2}', "步骤为 intake、"),
        ("tracking.status_words", '["已签收"]', '对象 {"轨迹用语": 状态}'),
        ("tracking.status_words", '{"已放快递柜": "gone"}', "状态为 accepted、"),
        ("verification.supervisors", "5", "文字的列表"),
        ("feedback.supervisors", '{"王": 1}', "文字的列表"),
        ("returns.non_returnable_skus", "[1, 2]", "文字的列表"),
        ("returns.notify_states", '["sent"]', "可含 requested、approved"),
        ("returns.notify_channels", "wechat", "可含 sms、email"),
        ("shipping_notice.channels", "5", "可含 sms、email"),
        ("smtp.starttls", "no", "true 或 false"),
        ("labels.gs1_company_prefix", "69012345678901", "4 到 12 位数字"),
        ("labels.gs1_company_prefix", "69-01", "4 到 12 位数字"),
        ("intake.stop_list", '{"A1": "取消"}', "{订单 id: 原因}"),
        ("intake.title_skus", '{"青瓷杯": "CUP"}', "[[商家编码, 每件数量], …]"),
        ("intake.profiles", "[]", '{"mapping": {字段: 列名}'),
    ],
)
def test_a_list_or_map_setting_of_the_wrong_shape_is_refused(
    db_url, capsys, key, value, allowed
) -> None:
    """These were stored as typed and crashed their readers: `print waybill` with
    decimal.InvalidOperation, `count due` with a TypeError, `print flow` with AttributeError."""
    assert _set(db_url, key, value) == 3
    err = capsys.readouterr().err
    assert f"设置 {key} 的值" in err and allowed in err and "Traceback" not in err
    assert key not in _stored(db_url, capsys)


@pytest.mark.parametrize(("typed", "shown"), [("true", "「true」"), ("null", "「null」")])
def test_a_refused_value_is_shown_as_typed_not_as_python_writes_it(
    db_url, capsys, typed, shown
) -> None:
    """`settings set printer.dpi true` said 「True」, and null said 「None」."""
    assert _set(db_url, "printer.dpi", typed) == 3
    assert shown in capsys.readouterr().err


def test_list_and_map_settings_are_stored_as_readers_want_them(db_url, capsys) -> None:
    assert _set(db_url, "verification.supervisors", "王主管，李主管") == 0
    assert _set(db_url, "stock.count_interval_days", '{"A": 14}') == 0
    assert _set(db_url, "flow.targets", '{"packing": 2, "handover": null}') == 0
    assert _set(db_url, "waybill.insured_value", "500") == 0
    assert _set(db_url, "labels.gs1_company_prefix", "6901234") == 0
    assert capsys.readouterr().err == ""
    assert _stored(db_url, capsys) == {
        "verification.supervisors": ["王主管", "李主管"],
        "stock.count_interval_days": {"A": 14},
        "flow.targets": {"packing": 2.0, "handover": None},
        "waybill.insured_value": 500,
        "labels.gs1_company_prefix": "6901234",
    }


@pytest.mark.parametrize(
    ("key", "stored", "argv"),
    [
        ("stock.count_interval_days", 5, ["count", "due"]),
        ("flow.targets", "x", ["print", "flow", "--out", "flow.pdf"]),
        ("stock.abc_bands", [80, 20], ["stock", "refresh"]),
    ],
)
def test_a_bad_list_or_map_stored_before_the_checks_is_named_with_its_fix(
    db, db_url, tmp_path, monkeypatch, capsys, key, stored, argv
) -> None:
    from app import settings

    monkeypatch.chdir(tmp_path)
    with db.transaction() as session:
        settings.put(session, key, stored)

    assert main(["--db", db_url, *argv]) == 3
    err = capsys.readouterr().err
    assert f"设置 {key} 的已存值" in err and f"packdesk settings set {key} <值> 改正" in err


def test_a_bad_insured_value_stored_before_the_checks_stops_the_waybill(db, sender) -> None:
    from app import settings
    from app.documents.waybill_data import WaybillContext
    from app.settings_checks import BadSetting

    with db.transaction() as session:
        settings.put(session, "waybill.insured_value", "abc")
    with db.reading() as session, pytest.raises(BadSetting, match="waybill.insured_value"):
        WaybillContext(session, [])

    with db.transaction() as session:
        settings.put(session, "waybill.insured_value", 0)
    with db.reading() as session:
        assert WaybillContext(session, []).insured is None


def test_supervisors_stored_as_one_text_are_names_not_letters(db) -> None:
    """A text where the list belongs let "王" pass as a supervisor, by substring."""
    from app import settings
    from app.verification.edits import is_supervisor

    with db.transaction() as session:
        settings.put(session, "verification.supervisors", "王主管")
    with db.reading() as session:
        assert is_supervisor(session, "王主管")
        assert not is_supervisor(session, "王")
