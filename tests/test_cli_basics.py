"""Exit statuses and `python main.py` behaving like `packdesk`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from main import main

ROOT = Path(__file__).resolve().parents[1]


def test_usage_error_exits_2(db_url: str) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--db", db_url, "orders", "--status", "no-such-state"])
    assert caught.value.code == 2


def test_orders_json_on_empty_database(db_url: str, capsys) -> None:
    assert main(["--db", db_url, "orders", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_main_py_runs_like_the_console_script(db_url: str) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", db_url, "orders", "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []


def test_packdesk_db_environment_variable_is_used(tmp_path, monkeypatch, capsys) -> None:
    path = tmp_path / "from-env.sqlite3"
    monkeypatch.setenv("PACKDESK_DB", f"sqlite:///{path}")
    assert main(["orders"]) == 0
    assert path.exists()


def test_settings_can_be_set_and_read_back(db_url: str, capsys) -> None:
    assert main(["--db", db_url, "settings", "set", "sender.name", "青禾小铺"]) == 0
    assert main(["--db", db_url, "settings", "set", "packing.weight_tolerance_pct", "5"]) == 0
    capsys.readouterr()
    assert main(["--db", db_url, "settings", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "packing.weight_tolerance_pct": 5,
        "sender.name": "青禾小铺",
    }


def test_output_into_a_closed_pipe_is_not_an_error(db_url: str) -> None:
    """`packdesk orders | head` used to end in a BrokenPipeError traceback."""
    main(["--db", db_url, "demo"])
    result = subprocess.run(
        f"'{sys.executable}' '{ROOT / 'main.py'}' --db '{db_url}' orders --json | head -1",
        shell=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.stdout.strip() == "["
    assert "Traceback" not in result.stderr


def test_orders_json_shows_each_parcels_carrier_and_tracking_number(db_url: str, capsys) -> None:
    main(["--db", db_url, "demo"])
    capsys.readouterr()
    assert main(["--db", db_url, "orders", "--status", "shipped", "--json"]) == 0
    shipped = json.loads(capsys.readouterr().out)
    parcels = [p for order in shipped for p in order["parcels"]]
    assert len(parcels) >= len(shipped) > 0
    assert all(p["carrier"] and p["tracking_no"] and p["shipped_at"] for p in parcels)


def test_a_bad_output_path_is_refused_before_anything_changes(db_url: str, tmp_path, capsys):
    """Printing into a missing folder used to label the order, use up its tracking number,
    and only then fail on the file with a traceback."""
    main(["--db", db_url, "demo"])
    capsys.readouterr()
    main(["--db", db_url, "orders", "--status", "packed", "--json"])
    packed = json.loads(capsys.readouterr().out)[0]["order_no"]

    for out in (tmp_path / "missing" / "w.pdf", tmp_path):
        assert main(["--db", db_url, "print", "waybill", packed, "--out", str(out)]) == 3
        assert "--out" in capsys.readouterr().err
    main(["--db", db_url, "orders", "--status", "packed", "--json"])
    assert packed in [o["order_no"] for o in json.loads(capsys.readouterr().out)]


@pytest.mark.parametrize(
    "argv",
    [
        ["promise", "--paid", "2026-12-01 10:00", "--days", "999999999"],
        ["stock", "adjust", "OIL-5L", "99999999999999999999999", "--reason", "盘点"],
        ["stock", "receive", "OIL-5L", "abc"],
    ],
)
def test_absurd_numbers_are_usage_errors_not_tracebacks(db_url: str, argv, capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--db", db_url, *argv])
    assert caught.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_a_database_held_by_another_desk_is_a_message_not_a_traceback(
    db_url, tmp_path, monkeypatch, capsys
) -> None:
    import sqlite3

    from app.db import engine

    assert main(["--db", db_url, "settings", "set", "promise.days", "2"]) == 0
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 200)
    other_desk = sqlite3.connect(db_url.removeprefix("sqlite:///"))
    other_desk.execute("BEGIN IMMEDIATE")
    try:
        code = main(["--db", db_url, "settings", "set", "promise.days", "3"])
    finally:
        other_desk.rollback()
        other_desk.close()

    err = capsys.readouterr().err
    assert code == 3 and "数据库正被另一台打包台或另一个命令占用" in err
    assert "Traceback" not in err and "locked" not in err
    assert main(["--db", db_url, "settings", "get", "promise.days"]) == 0
    assert capsys.readouterr().out.strip() == "2"
