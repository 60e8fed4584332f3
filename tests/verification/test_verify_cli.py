"""The verification commands: verify, orders --json fields, outbox, promise."""

from __future__ import annotations

import json

from main import main


def test_promise_prints_the_ship_by_date_in_the_desk_zone(db_url, capsys) -> None:
    paid = ["--paid", "2026-08-27 07:00", "--at", "2026-08-27 09:00"]
    assert main(["--db", db_url, "promise", *paid, "--days", "1"]) == 0
    assert capsys.readouterr().out.strip() == "2026-08-28"


def test_promise_with_a_bad_time_exits_3(db_url, capsys) -> None:
    assert main(["--db", db_url, "promise", "--paid", "27.08.2026"]) == 3
    assert "--paid" in capsys.readouterr().err


def test_verify_then_orders_json_gives_address_codes_phone_and_findings(
    make_order, shop, capsys
) -> None:
    make_order(order_no="CLI1", phone="+86 139-0000-0002-4821")
    make_order(order_no="CLI2", address_raw="东莞大道1号")
    url = shop.url
    assert main(["--db", url, "verify", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["verified"], report["held"]) == (1, 1)

    assert main(["--db", url, "orders", "--json"]) == 0
    orders = {o["order_no"]: o for o in json.loads(capsys.readouterr().out)}
    good = orders["CLI1"]
    assert (good["province"], good["city"], good["district"]) == ("浙江省", "杭州市", "西湖区")
    assert (good["province_code"], good["city_code"], good["district_code"]) == (
        "330000",
        "330100",
        "330106",
    )
    assert good["address_detail"] == "文三路100号"
    assert (good["phone"], good["phone_ext"]) == ("13900000002", "4821")
    held = orders["CLI2"]
    assert {
        "rule": "address",
        "field": "address",
        "reason": "地址中找不到省份和城市，请人工核对",
    }.items() <= held["findings"][-1].items()


def test_verify_named_order_and_outbox_json(make_order, shop, capsys) -> None:
    make_order(order_no="CLI3")
    assert main(["--db", shop.url, "verify", "CLI3", "NOPE"]) == 0
    captured = capsys.readouterr()
    assert "通过 1" in captured.out and "NOPE" in captured.err
    assert main(["--db", shop.url, "confirm"]) == 0
    capsys.readouterr()
    assert main(["--db", shop.url, "outbox", "--json"]) == 0
    messages = json.loads(capsys.readouterr().out)
    assert [m["channel"] for m in messages] == ["sms", "email"]
    assert all(m["order_no"] == "CLI3" for m in messages)
    # The order has no e-mail address: its e-mail is kept, but not as waiting to be sent.
    assert [m["state"] for m in messages] == ["pending", "no_address"]
    assert main(["--db", shop.url, "outbox", "--mark-sent", str(messages[0]["id"])]) == 0
    capsys.readouterr()
    assert main(["--db", shop.url, "outbox", "--mark-sent", str(messages[0]["id"])]) == 3


def test_the_orders_list_names_the_platform_in_chinese(make_order, shop, capsys) -> None:
    make_order(order_no="CLI3")
    assert main(["--db", shop.url, "orders"]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if "CLI3" in x)
    assert line.split("\t")[0] == "淘宝/天猫"
