"""A tracking number belongs to one parcel; pools hand out numbers and warn when low."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app import settings
from app.db.models import Shipment
from app.shipping.tracking import (
    BadTrackingNumber,
    OrderNotNumberable,
    TrackingNumberTaken,
    assign_tracking_number,
)
from app.shipping.tracking_pool import import_pool, pool_status
from main import main


def test_a_number_used_on_order_a_is_refused_on_order_b(shop):
    shop("6601001")
    shop("6601002")
    assign_tracking_number(shop.db, "6601001", "SF", "SF1234567890123")
    with pytest.raises(TrackingNumberTaken, match="已被订单 6601001 使用"):
        assign_tracking_number(shop.db, "6601002", "SF", "sf 1234567890123")


def test_saving_the_same_number_again_changes_nothing(shop):
    shop("6602001")
    first = assign_tracking_number(shop.db, "6602001", "SF", "SF1234567890123")
    again = assign_tracking_number(shop.db, "6602001", "SF", "SF1234567890123")
    assert first.changed and not again.changed
    with shop.db.reading() as session:
        numbers = session.scalars(select(Shipment.tracking_no)).all()
        assert numbers == ["SF1234567890123"]


def test_wrong_format_is_refused_with_the_expected_format(shop):
    shop("6603001")
    with pytest.raises(BadTrackingNumber, match="DPK 加 12 位数字"):
        assign_tracking_number(shop.db, "6603001", "DBL", "DP12345")


def test_pool_import_skips_known_numbers_and_warns_when_low(shop, tmp_path):
    file = tmp_path / "zto.txt"
    file.write_text("# 中通 2026-12\n73100000000001\n73100000000002\n\n", "utf-8")
    report = import_pool(shop.db, "ZTO", file)
    assert (report.added, report.already_known, report.left, report.low) == (2, 0, 2, True)
    assert import_pool(shop.db, "ZTO", file).added == 0

    shop("6604001")
    result = assign_tracking_number(shop.db, "6604001", "ZTO")
    assert (result.tracking_no, result.from_pool, result.pool_left) == ("73100000000001", True, 1)
    with shop.db.transaction() as session:
        settings.put(session, "shipping.pool_low_threshold", 1)
    assert [(p.carrier, p.left, p.low) for p in pool_status(shop.db)] == [("ZTO", 1, False)]


@pytest.mark.parametrize(
    ("status", "words"),
    [
        ("cancelled", "状态为「已取消」，不能分配运单号：已取消的订单不发货"),
        ("held", "状态为「挂起」，不能分配运单号：请先处理挂起原因"),
        ("new", "状态为「新订单」，不能分配运单号：请先审核订单"),
    ],
)
def test_an_order_that_must_not_ship_gets_no_number(shop, db_url, tmp_path, capsys, status, words):
    """`tracking assign` on a cancelled or held order drew a pool number, retired for good."""
    file = tmp_path / "sf.txt"
    file.write_text("SF1000000000001\n", "utf-8")
    import_pool(shop.db, "SF", file)
    shop("6605001", status=status)

    for typed in ([], ["--number", "SF1234567890123"]):
        command = ["--db", db_url, "tracking", "assign", "6605001", "--carrier", "SF", *typed]
        assert main(command) == 3
        assert f"订单 6605001 {words}" in capsys.readouterr().err
    with pytest.raises(OrderNotNumberable):
        assign_tracking_number(shop.db, "6605001", "SF")

    assert [(p.carrier, p.left) for p in pool_status(shop.db)] == [("SF", 1)]
    with shop.db.reading() as session:
        assert session.scalars(select(Shipment.tracking_no)).all() in ([], [None])


def test_a_verified_order_may_get_its_number_before_packing(shop):
    shop("6606001", status="verified")
    result = assign_tracking_number(shop.db, "6606001", "SF", "SF1234567890123")
    assert result.changed


def test_a_full_width_typed_number_is_read_as_plain_letters(shop):
    """ＳＦ１２３… (input method in full-width mode) was refused as a format error."""
    shop("6607001")
    result = assign_tracking_number(shop.db, "6607001", "SF", "ＳＦ　１２３４５６７８９０１２３")
    assert result.tracking_no == "SF1234567890123"


def test_no_low_pool_warning_for_a_carrier_without_a_pool(shop, db_url, tmp_path, capsys):
    """Typing a number for a carrier that never had a pool printed 号池只剩 0 个运单号."""
    shop("6608001")
    command = ["--db", db_url, "tracking", "assign", "6608001", "--carrier", "SF"]
    assert main([*command, "--number", "SF1234567890123"]) == 0
    assert "号池" not in capsys.readouterr().out

    file = tmp_path / "sf.txt"
    file.write_text("SF1000000000001\n", "utf-8")
    import_pool(shop.db, "SF", file)
    shop("6608002")
    typed = ["--db", db_url, "tracking", "assign", "6608002", "--carrier", "SF"]
    assert main([*typed, "--number", "SF1234567890124"]) == 0
    assert "注意：SF 号池只剩 1 个运单号" in capsys.readouterr().out


def test_assign_keeps_the_chosen_carrier_unless_told_why(shop, db_url, capsys):
    from sqlalchemy import select

    from app.db.models import Shipment
    from app.db.models.carriers import CarrierDecision
    from app.shipping.selection import choose_carrier
    from main import main

    shop("6609001")
    command = ["--db", db_url, "tracking", "assign", "6609001"]
    assert main(command) == 3
    assert "还没有选定快递公司，请用 --carrier 指定" in capsys.readouterr().err

    choose_carrier(shop.db, "6609001", "SF", reason="买家加急", service="顺丰特快")
    assert main([*command, "--carrier", "ZTO", "--number", "73100000000081"]) == 3
    assert "已定为顺丰速运，改用中通快递请写明原因（--reason）" in capsys.readouterr().err
    with shop.db.reading() as session:
        parcel = session.scalar(select(Shipment))
        assert (parcel.carrier, parcel.service, parcel.tracking_no) == ("SF", "顺丰特快", None)

    # No carrier named: the chosen one, with its service.
    assert main([*command, "--number", "SF1234567890145"]) == 0
    assert "SF SF1234567890145" in capsys.readouterr().out
    with shop.db.reading() as session:
        assert session.scalar(select(Shipment)).service == "顺丰特快"

    shop("6609002")
    choose_carrier(shop.db, "6609002", "SF", reason="买家加急", service="顺丰特快")
    moved = ["--db", db_url, "tracking", "assign", "6609002", "--carrier", "zto"]
    assert main([*moved, "--number", "73100000000082", "--reason", "顺丰今天不来取件"]) == 0
    with shop.db.reading() as session:
        decisions = session.scalars(select(CarrierDecision).order_by(CarrierDecision.id)).all()
        assert (decisions[-1].carrier_code, decisions[-1].reason) == ("ZTO", "顺丰今天不来取件")
