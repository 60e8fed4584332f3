"""A database setting that cannot be opened is refused in one Chinese sentence, exit status 3.

Each of these used to end in an English SQLAlchemy traceback and exit status 1: a plain file
path given as `--db`, a folder that does not exist, a garbage value, an unknown database kind,
a PostgreSQL server that does not answer; and the window started from an icon died the same
way, with nothing on screen.
"""

from __future__ import annotations

import os
import re
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.db import engine
from main import main

ROOT = Path(__file__).resolve().parents[1]
CHINESE = re.compile(r"[\u4e00-\u9fff]")


def _refusal(capsys) -> str:
    """The one line on stderr; nothing on stdout."""
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    assert "Traceback" not in lines[0] and CHINESE.search(lines[0])
    return lines[0]


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("{tmp}/x.sqlite3", ["这是文件路径", "--db sqlite:///{tmp}/x.sqlite3"]),
        ("sqlite:////no/such/folder/x.db", ["文件夹 /no/such/folder 不存在"]),
        ("sqlite:///{tmp}", ["是文件夹，不是文件"]),
        ("garbage", ["不是数据库地址", "sqlite:////绝对路径", "postgresql+psycopg://"]),
        ("foo://bar", ["数据库类型「foo」PackDesk 不认识"]),
        ("postgresql+psycopg2://u:p@127.0.0.1:1/x", ["数据库驱动 psycopg2 没有安装"]),
        (
            "postgresql+psycopg://clerk:s3cret@127.0.0.1:1/shop",
            ["clerk:***@127.0.0.1:1/shop", "连不上数据库服务器 127.0.0.1:1"],
        ),
    ],
)
def test_a_bad_db_option_is_one_chinese_sentence_and_exit_3(
    value: str, words: list[str], tmp_path, capsys
) -> None:
    value = value.format(tmp=tmp_path)

    assert main(["--db", value, "orders"]) == 3

    said = _refusal(capsys)
    assert said.startswith("packdesk: --db 的数据库地址")
    for word in words:
        assert word.format(tmp=tmp_path) in said
    assert "s3cret" not in said


def test_a_plain_path_creates_no_file(tmp_path, capsys) -> None:
    """Taken as a SQLite file, a mistyped path would quietly start an empty database."""
    assert main(["--db", str(tmp_path / "shop.sqlite3"), "orders"]) == 3
    assert not (tmp_path / "shop.sqlite3").exists()
    assert f"sqlite:///{tmp_path}/shop.sqlite3" in _refusal(capsys)


def test_the_environment_variable_is_named_and_written_as_it_is_set(
    tmp_path, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("PACKDESK_DB", str(tmp_path / "shop.sqlite3"))
    assert main(["orders"]) == 3
    said = _refusal(capsys)
    assert said.startswith("packdesk: PACKDESK_DB 的数据库地址")
    assert f"PACKDESK_DB=sqlite:///{tmp_path}/shop.sqlite3" in said


def test_a_database_from_a_newer_packdesk_asks_for_an_upgrade(db_url: str, capsys) -> None:
    connection = sqlite3.connect(db_url.removeprefix("sqlite:///"))
    connection.execute("UPDATE alembic_version SET version_num = 'ffff9999'")
    connection.commit()
    connection.close()

    assert main(["--db", db_url, "orders"]) == 3
    assert "更新版本的 PackDesk" in _refusal(capsys)


def test_a_server_that_never_answers_is_given_up_on(monkeypatch, capsys) -> None:
    """A silent server (packets dropped, a hung host) used to keep the desk waiting for minutes."""
    monkeypatch.setattr(engine, "PG_CONNECT_TIMEOUT_S", 2)
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        port = silent.getsockname()[1]
        assert main(["--db", f"postgresql+psycopg://u@127.0.0.1:{port}/x", "orders"]) == 3
    assert f"连不上数据库服务器 127.0.0.1:{port}" in _refusal(capsys)


def test_the_window_shows_the_refusal_in_a_message_box(tmp_path, monkeypatch, capsys) -> None:
    from PySide6.QtWidgets import QMessageBox

    import ui.main_window

    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *args: shown.append(args[1:]))
    monkeypatch.setattr(ui.main_window, "MainWindow", lambda *a: pytest.fail("window opened"))
    monkeypatch.setenv("PACKDESK_DB", "sqlite:////no/such/folder/x.db")

    assert main([]) == 3

    [(title, text)] = shown
    assert title == "PackDesk 无法启动"
    assert text.startswith("PACKDESK_DB 的数据库地址") and "文件夹 /no/such/folder 不存在" in text
    assert text in _refusal(capsys)


def test_the_console_shows_no_traceback_and_the_log_keeps_it(tmp_path) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    env["PACKDESK_DB"] = "postgresql+psycopg://clerk:s3cret@127.0.0.1:1/shop"
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "orders"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
    )

    assert result.returncode == 3
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "PACKDESK_DB" in result.stderr and "s3cret" not in result.stderr
    log = (tmp_path / "PackDesk" / "logs" / "packdesk.log").read_text("utf-8")
    assert "Traceback" in log and "Connection refused" in log and "s3cret" not in log
