"""`packdesk confirm` says, for every order it was given, what happened to it and why."""

from __future__ import annotations

import json

from sqlalchemy import select

from app.db.models import OutboxMessage
from app.verification.service import verify_orders
from main import main


def _confirm(shop, *args: str) -> int:
    return main(["--db", shop.url, "confirm", *args])


def test_a_held_order_and_an_unknown_number_are_named_with_the_reason_and_exit_3(
    make_order, shop, capsys
) -> None:
    """Confirming a held order or a made-up number printed nothing and exited 0, so the clerk
    believed the customer had been told."""
    make_order(order_no="GOODCF")
    make_order(order_no="HELDCF", address_raw="东莞大道1号")
    verify_orders(shop)

    assert _confirm(shop, "GOODCF", "HELDCF", "9999") == 3

    out, err = capsys.readouterr()
    assert "HELDCF\t订单挂起：地址中找不到省份和城市，请人工核对" in err.splitlines()
    assert "9999\t订单 9999 不存在" in err.splitlines()
    [line] = [x for x in out.splitlines() if x.startswith("GOODCF")]
    assert line.startswith("GOODCF\t已确认") and line.endswith("前发货，消息已放入发件箱")
    with shop.reading() as session:
        queued = session.scalars(select(OutboxMessage.channel)).all()
    assert sorted(queued) == ["email", "sms"]


def test_an_unknown_number_alone_exits_3(shop, capsys) -> None:
    assert _confirm(shop, "9999") == 3
    out, err = capsys.readouterr()
    assert "订单 9999 不存在" in err
    assert "确认 0 单，未确认 1 单" in out


def test_a_confirmed_order_says_so_in_chinese_with_the_promised_day(
    make_order, shop, capsys
) -> None:
    """A confirmed order used to print the English word "confirmed" and an ISO date."""
    make_order(order_no="ZHCF")
    verify_orders(shop)

    assert _confirm(shop, "ZHCF") == 0

    out, err = capsys.readouterr()
    assert "confirmed" not in out and err == ""
    [line] = [x for x in out.splitlines() if x.startswith("ZHCF")]
    with shop.reading() as session:
        sms = session.scalars(
            select(OutboxMessage.body).where(OutboxMessage.channel == "sms")
        ).one()
    promised = line.split("预计")[1].split("前发货")[0]
    assert f"预计{promised}前发货" in sms


def test_confirming_twice_tells_the_second_time_it_was_already_confirmed(
    make_order, shop, capsys
) -> None:
    make_order(order_no="TWICE")
    verify_orders(shop)
    assert _confirm(shop, "TWICE") == 0
    capsys.readouterr()

    assert _confirm(shop, "TWICE") == 3

    assert "TWICE\t订单已确认过" in capsys.readouterr().err
    with shop.reading() as session:
        assert len(session.scalars(select(OutboxMessage.id)).all()) == 2


def test_an_order_not_yet_verified_is_refused_with_the_way_on(make_order, shop, capsys) -> None:
    make_order(order_no="FRESH")

    assert _confirm(shop, "FRESH") == 3

    assert "FRESH\t订单还没审核，请先审核（packdesk verify）" in capsys.readouterr().err


def test_json_lists_the_confirmed_and_the_refused(make_order, shop, capsys) -> None:
    make_order(order_no="JSONOK")
    make_order(order_no="JSONHELD", address_raw="东莞大道1号")
    verify_orders(shop)

    assert _confirm(shop, "JSONOK", "JSONHELD", "9999", "--json") == 3

    report = json.loads(capsys.readouterr().out)
    assert [c["order_no"] for c in report["confirmed"]] == ["JSONOK"]
    assert {c["status"] for c in report["confirmed"]} <= {"confirmed", "backordered"}
    assert [(r["order_no"], r["status"]) for r in report["refused"]] == [
        ("JSONHELD", "held"),
        ("9999", ""),
    ]
    assert report["refused"][1]["reason"] == "订单 9999 不存在"
