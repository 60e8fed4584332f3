"""`packdesk stock`, `stock check`, `receive`, `adjust`, `reserve` and `cancel` end to end."""

from __future__ import annotations

import argparse
import json

from app.cli import count_cmd, print_pick_list, run, stock_cmd


def _run(db_url, *argv):
    """The stock commands through the same `run` as `packdesk` (other steps' commands are
    left out, so this test does not depend on their state)."""
    parser = argparse.ArgumentParser(prog="packdesk")
    parser.add_argument("--db")
    commands = parser.add_subparsers(dest="command")
    stock_cmd.register(commands)
    count_cmd.register(commands)
    print_pick_list.register(commands.add_parser("print").add_subparsers(dest="document"))
    args = parser.parse_args(["--db", db_url, *argv])
    return run(args, args.handler)


def test_receive_reserve_cancel_and_check(db, db_url, shop, capsys, tmp_path):
    shop.product("CUP", name="白瓷杯")
    order_id = shop.order(("CUP", 15))
    from app.db.models import Order

    with db.reading() as session:
        order_no = session.get(Order, order_id).order_no

    slip = tmp_path / "slip.pdf"
    assert _run(db_url, "stock", "receive", "CUP", "10", "--bin", "B-02", "--slip", str(slip)) == 0
    assert slip.read_bytes().startswith(b"%PDF")
    capsys.readouterr()

    restock = tmp_path / "restock.pdf"
    assert _run(db_url, "reserve", order_no, "--json", "--restock-pdf", str(restock)) == 0
    reserved = json.loads(capsys.readouterr().out)
    line = reserved["lines"][0]
    assert (line["state"], line["reserved"], line["backordered"]) == ("partly_reserved", 10, 5)
    assert reserved["restock"][0]["quantity"] == 5
    assert restock.read_bytes().startswith(b"%PDF")

    assert _run(db_url, "reserve", order_no, "--json") == 0
    assert json.loads(capsys.readouterr().out)["restock"] == []
    from app.db.models import OutboxMessage

    with db.reading() as session:
        assert session.query(OutboxMessage).filter_by(kind="delay").count() == 1

    assert _run(db_url, "stock", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["sku"] == "CUP"
    assert (rows[0]["on_hand"], rows[0]["reserved"], rows[0]["available"]) == (10, 10, 0)
    assert {"reorder_point", "abc_class"} <= set(rows[0])

    assert _run(db_url, "cancel", order_no) == 0
    assert _run(db_url, "stock", "check") == 0
    assert "一致" in capsys.readouterr().out


def test_stock_check_exits_non_zero_naming_the_product(db, db_url, shop, capsys):
    pid = shop.product("CUP", on_hand=3)
    with db.engine.begin() as connection:
        connection.exec_driver_sql(f"UPDATE stock_levels SET reserved = 2 WHERE product_id={pid}")

    assert _run(db_url, "stock", "check") == 1
    assert "CUP" in capsys.readouterr().err


def test_adjust_without_reason_is_a_usage_error_and_unknown_sku_is_bad_input(db_url, shop):
    shop.product("CUP", on_hand=3)
    import pytest

    with pytest.raises(SystemExit) as usage:
        _run(db_url, "stock", "adjust", "CUP", "-1")
    assert usage.value.code == 2
    assert _run(db_url, "stock", "adjust", "NOPE", "1", "--reason", "测试") == 3


def test_count_by_scanning_and_approval_from_the_command_line(db, db_url, shop, capsys, tmp_path):
    shop.product("CUP", on_hand=5, bin="A-01")
    out = tmp_path / "count.pdf"
    assert _run(db_url, "count", "start", "A-01", "--out", str(out)) == 0
    assert out.read_bytes().startswith(b"%PDF")
    assert _run(db_url, "stock", "adjust", "CUP", "-1", "--reason", "破损") == 1

    assert _run(db_url, "count", "scan", "1", "CUP", "CUP", "CUP", "CUP") == 0
    assert (
        _run(db_url, "count", "approve", "1", "--supervisor", "主管老周", "--reason", "月度盘点")
        == 0
    )
    assert "差异 -1" in capsys.readouterr().out
    assert _run(db_url, "stock", "--json") == 0
    assert json.loads(capsys.readouterr().out)[0]["on_hand"] == 4


def test_print_pick_list_and_supplier_proposal(db, db_url, shop, tmp_path):
    shop.product("CUP", on_hand=5, bin="A-01")
    order_id = shop.order(("CUP", 2))
    from app.db.models import Order
    from app.stock.planning import save_supplier, set_plan

    with db.transaction() as session:
        order_no = session.get(Order, order_id).order_no
        save_supplier(session, "JDZ", "景德镇瓷厂", lead_time_days=9, moq=20)
        set_plan(session, "CUP", reorder_point=10, supplier_code="JDZ")

    assert _run(db_url, "reserve", order_no) == 0
    assert _run(db_url, "print", "pick-list", order_no, "--out", str(tmp_path / "p.pdf")) == 0
    assert (tmp_path / "p.pdf").read_bytes().startswith(b"%PDF")
    assert _run(db_url, "stock", "propose", "JDZ", "--out", str(tmp_path / "jdz.xlsx")) == 0
    assert (tmp_path / "jdz.xlsx").stat().st_size > 0
