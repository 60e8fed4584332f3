"""`packdesk carriers list|show|add|set|service|rate|transit|region|export|import`."""

from __future__ import annotations

import json

from main import main


def _run(db_url, *args):
    return main(["--db", db_url, "carriers", *args])


def test_list_and_show_as_json(db_url, capsys):
    assert _run(db_url, "list", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert {"code": "DBL", "name": "德邦快递", "active": True} in listed

    assert _run(db_url, "show", "SF", "--json") == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["header"]["cutoff"] == "18:00"
    assert {"zone": 1, "first_weight": "1.000", "first_price": "12.00"}.items() <= shown["rates"][
        0
    ].items()


def test_edits_from_the_command_line_show_in_the_carrier(db_url, capsys):
    assert _run(db_url, "set", "ZTO", "--cutoff", "15:45", "--pickup-days", "123456") == 0
    assert _run(db_url, "set", "ZTO", "--holidays", "春节;国庆节", "--mask") == 0
    assert _run(db_url, "rate", "ZTO", "3", "--first-price", "5.50", "--extra", "2.2") == 0
    assert _run(db_url, "transit", "ZTO", "新疆", "--days", "7") == 0
    assert _run(db_url, "region", "ZTO", "广东", "--city", "深圳市", "--kind", "excluded") == 0
    assert _run(db_url, "service", "ZTO", "中通特快", "--speed", "express", "--days", "-1") == 0
    capsys.readouterr()

    assert _run(db_url, "show", "ZTO") == 0
    shown = capsys.readouterr().out
    assert "收件日 周一二三四五六，截单 15:45，节假日停运 春节、国庆节" in shown
    assert "隐私面单 是" in shown
    assert "3 区 首重 1 kg ¥5.50，续重 ¥2.20/kg" in shown
    assert "新疆维吾尔自治区 5 区 7 天" in shown
    assert "广东省深圳市 不送达" in shown
    assert "中通特快 特快 时效 -1 天 价格 100%" in shown


def test_bad_input_exits_3_with_the_field_and_no_traceback(db_url, capsys):
    assert _run(db_url, "set", "SF", "--cutoff", "25:00") == 3
    err = capsys.readouterr().err
    assert err.strip() == (
        "packdesk: 快递公司 SF 的截单时间：「25:00」不是有效的时间，应为 时:分，如 16:30"
    )

    assert _run(db_url, "rate", "SF", "2", "--first-price", "abc") == 3
    assert "快递公司 SF 第 2 区的首重价：「abc」不是金额" in capsys.readouterr().err
    assert _run(db_url, "add", "KYE", "跨越速运") == 0
    assert _run(db_url, "set", "KYE", "--active") == 3
    assert "没有任何价格，不能启用" in capsys.readouterr().err
    assert _run(db_url, "show", "NOPE") == 3
    assert "Traceback" not in capsys.readouterr().err


def test_export_and_import_a_file(db_url, tmp_path, capsys):
    path = tmp_path / "catalogue.json"
    assert _run(db_url, "export", str(path)) == 0
    data = json.loads(path.read_text("utf-8"))
    assert [c["code"] for c in data["carriers"]][:3] == ["SF", "JD", "DBL"]

    data["carriers"][1]["rates"][0]["first_price"] = "10.80"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    assert _run(db_url, "import", str(path)) == 0
    assert "更新 9 家" in capsys.readouterr().out
    assert _run(db_url, "show", "JD", "--json") == 0
    assert json.loads(capsys.readouterr().out)["rates"][0]["first_price"] == "10.80"

    data["carriers"][1]["destinations"][0]["zone"] = "一"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    assert _run(db_url, "import", str(path)) == 3
    assert "carriers[1].destinations[0].zone：「一」不是整数" in capsys.readouterr().err


def _service_names(db_url, capsys, code="SF"):
    capsys.readouterr()
    assert _run(db_url, "show", code, "--json") == 0
    return [s["name"] for s in json.loads(capsys.readouterr().out)["services"]]


def test_a_service_can_be_renamed_but_not_one_parcels_use(shop, db_url, capsys):
    before = _service_names(db_url, capsys)
    assert _run(db_url, "service", "SF", "顺丰电商标快", "--rename", "顺丰电商") == 0
    renamed = ["顺丰电商" if n == "顺丰电商标快" else n for n in before]
    assert _service_names(db_url, capsys) == renamed

    from app.shipping.selection import choose_carrier

    shop("7721001")
    choose_carrier(shop.db, "7721001", "SF", "客户要求电商件", service="顺丰电商")
    capsys.readouterr()
    assert _run(db_url, "service", "SF", "顺丰电商", "--rename", "顺丰电商件") == 3
    assert "已有包裹使用这个名称，不能改名" in capsys.readouterr().err
    assert "顺丰电商" in _service_names(db_url, capsys)


def test_a_rename_of_a_missing_service_or_to_nothing_is_refused(db_url, capsys):
    before = _service_names(db_url, capsys)
    assert _run(db_url, "service", "SF", "顺丰次晨", "--rename", "顺丰次晨达") == 3
    assert "快递公司 SF：没有服务「顺丰次晨」，不能改名" in capsys.readouterr().err
    assert _run(db_url, "service", "SF", "顺丰电商标快", "--rename", "") == 3
    assert "服务名称：不能为空" in capsys.readouterr().err
    assert _service_names(db_url, capsys) == before


def test_codes_are_upper_case_and_a_rate_keeps_what_is_not_given(db_url, capsys):
    assert _run(db_url, "add", " kye ", "跨越速运") == 0
    assert "已添加 KYE 跨越速运" in capsys.readouterr().out
    assert _run(db_url, "show", "kye") == 0
    assert _run(db_url, "service", "kye", "跨越次日达", "--speed", "express") == 0

    # Zone "01" is zone 1; the extra-kg price stays as stored.
    assert _run(db_url, "rate", "SF", "01", "--first-price", "9") == 0
    capsys.readouterr()
    assert _run(db_url, "show", "SF") == 0
    assert "1 区 首重 1 kg ¥9.00，续重 ¥2.00/kg" in capsys.readouterr().out
    assert _run(db_url, "rate", "SF", "7", "--first-price", "9") == 3
    assert "快递公司 SF 第 7 区的续重价（每 kg）：必须填写" in capsys.readouterr().err


def test_a_sort_code_is_removed_by_the_short_province_name(db_url, capsys):
    from app.db.engine import Database
    from app.shipping.catalogue_places import set_sort_code

    db = Database(db_url, migrate=False)
    set_sort_code(db, "ZTO", "新疆维吾尔自治区", "乌鲁木齐市", sort_code="991-A1")
    db.dispose()
    assert _run(db_url, "sort-code-remove", "zto", "新疆", "乌鲁木齐市") == 0
    assert "ZTO: 已删除" in capsys.readouterr().out
    assert _run(db_url, "show", "ZTO", "--json") == 0
    rows = json.loads(capsys.readouterr().out)["sort_codes"]
    assert "991-A1" not in [r["sort_code"] for r in rows] and rows
