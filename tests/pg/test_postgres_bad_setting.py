"""A running PostgreSQL server that refuses the setting: the reason is said in Chinese.

A mistyped database name or user used to end in psycopg's English traceback.
"""

from __future__ import annotations

from main import main


def test_a_database_missing_on_the_server_is_named(postgres_url: str, capsys) -> None:
    url = postgres_url.rsplit("/", 1)[0] + "/no_such_shop"
    assert main(["--db", url, "orders"]) == 3
    said = capsys.readouterr().err
    assert "服务器上没有数据库「no_such_shop」" in said and "Traceback" not in said


def test_an_unknown_user_is_told_to_correct_the_login(postgres_url: str, capsys) -> None:
    url = postgres_url.replace("packdesk@", "nobody:s3cret@")
    assert main(["--db", url, "orders"]) == 3
    said = capsys.readouterr().err
    assert "用户名或密码不对" in said and "nobody:***@" in said and "s3cret" not in said
