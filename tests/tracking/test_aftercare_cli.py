"""The after-handover commands: tracking import/event, exceptions, feedback, daily report."""

from __future__ import annotations

import json
from pathlib import Path

from aftercare_data import shipped_parcel
from pypdf import PdfReader

from app.cli.aftercare_cmd import handle_exceptions
from app.cli.tracking_extras import handle_event, handle_import
from app.db.engine import Database
from main import main

FIXTURES = Path(__file__).parent / "fixtures"


def _parcels(db_url: str) -> Database:
    db = Database(db_url)
    with db.transaction() as session:
        shipped_parcel(session)
        shipped_parcel(session, "T1003", "YT8800000000001", carrier="YTO")
    return db


def test_tracking_import_json_lists_refused_rows(db_url: str, capsys) -> None:
    _parcels(db_url).dispose()
    code = main(
        [
            "--db",
            db_url,
            "tracking",
            "import",
            str(FIXTURES / "kuaidi_summary_gb18030.csv"),
            "--json",
        ]
    )
    assert code == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["stored"], report["delivered"]) == (2, 1)
    assert {"file", "row", "column", "reason"} <= set(report["refused"][0])


def test_tracking_event_then_exceptions_json(db_url: str, capsys) -> None:
    _parcels(db_url).dispose()
    assert (
        main(
            [
                "--db",
                db_url,
                "tracking",
                "event",
                "YT8800000000001",
                "拒收",
                "--at",
                "2026-12-02 10:00",
                "--note",
                "客户说没买过",
            ]
        )
        == 0
    )
    assert "拒收" in capsys.readouterr().out

    assert main(["--db", db_url, "exceptions", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    refused = [r for r in rows if r["rule"] == "refused"]
    assert refused[0]["order_no"] == "T1003" and refused[0]["customer"] == "林小雨"


def test_bad_status_exits_3_with_the_reason(db_url: str, capsys) -> None:
    _parcels(db_url).dispose()
    assert main(["--db", db_url, "tracking", "event", "YT8800000000001", "在路上吧"]) == 3
    assert "在路上吧" in capsys.readouterr().err


def test_feedback_add_names_the_packer(db_url: str, capsys) -> None:
    _parcels(db_url).dispose()
    assert (
        main(
            [
                "--db",
                db_url,
                "feedback",
                "add",
                "T1001",
                "--category",
                "damage",
                "--text",
                "盒子压扁了",
            ]
        )
        == 0
    )
    assert "打包人 王打包" in capsys.readouterr().out
    assert (
        main(["--db", db_url, "feedback", "add", "T1001", "--category", "坏了", "--text", "x"])
        == 3
    )


def test_print_daily_report_writes_a_pdf(db_url: str, tmp_path: Path, capsys) -> None:
    _parcels(db_url).dispose()
    out = tmp_path / "daily.pdf"
    assert (
        main(["--db", db_url, "print", "daily-report", "--date", "2026-12-01", "--out", str(out)])
        == 0
    )
    assert "发货件数" in PdfReader(out).pages[0].extract_text()
    assert (
        main(["--db", db_url, "print", "daily-report", "--date", "12/01", "--out", str(out)]) == 3
    )


def test_handlers_run_without_the_parser(db, capsys) -> None:
    """The tracking handlers are plain functions, callable with a namespace of options."""
    from argparse import Namespace

    with db.transaction() as session:
        shipped_parcel(session)
    assert (
        handle_event(
            db, Namespace(tracking_no="SF1234567890123", status="派送中", at=None, note="")
        )
        == 0
    )
    assert (
        handle_import(
            db, Namespace(file=FIXTURES / "kuaidi_summary_gb18030.csv", carrier="SF", json=False)
        )
        == 0
    )
    assert handle_exceptions(db, Namespace(json=False)) == 0
    out = capsys.readouterr().out
    assert "派送中" in out and "拒绝" in out
