"""A tracking number belongs to one parcel; pools hand out numbers and warn when low."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app import settings
from app.db.models import Shipment
from app.shipping.tracking import (
    BadTrackingNumber,
    TrackingNumberTaken,
    assign_tracking_number,
    import_pool,
    pool_status,
)


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


def test_pool_import_skips_known_numbers_names_bad_lines_and_warns_when_low(shop, tmp_path):
    file = tmp_path / "zto.txt"
    file.write_text("# 中通 2026-12\n73100000000001\n73100000000002\n\nSF123\n", "utf-8")
    report = import_pool(shop.db, "ZTO", file)
    assert (report.added, report.already_known, report.left, report.low) == (2, 0, 2, True)
    assert report.refused[0][:2] == (5, "SF123")
    assert import_pool(shop.db, "ZTO", file).added == 0

    shop("6604001")
    result = assign_tracking_number(shop.db, "6604001", "ZTO")
    assert (result.tracking_no, result.from_pool, result.pool_left) == ("73100000000001", True, 1)
    with shop.db.transaction() as session:
        settings.put(session, "shipping.pool_low_threshold", 1)
    assert [(p.carrier, p.left, p.low) for p in pool_status(shop.db)] == [("ZTO", 1, False)]


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
