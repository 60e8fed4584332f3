"""`packdesk print daily-report --date YYYY-MM-DD --out FILE.pdf`: the after-handover day."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from app.cli import EXIT_OK
from app.cli.output import save
from app.db.engine import Database
from app.documents.daily_report import render_daily_report
from app.errors import BadInput


class BadReportDate(BadInput):
    def __init__(self, text: str) -> None:
        super().__init__(f"--date：日期应写成 YYYY-MM-DD，而不是「{text}」")
        self.text = text


def register(print_subparsers) -> None:
    p = print_subparsers.add_parser("daily-report", help="交接后的每日报告（PDF）")
    p.add_argument(
        "--date", required=True, metavar="YYYY-MM-DD", help="哪一天（按打包台的当地日期）"
    )
    p.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    p.set_defaults(handler=handle_daily_report)


def handle_daily_report(db: Database, args: argparse.Namespace) -> int:
    try:
        day = date.fromisoformat(args.date)
    except ValueError:
        raise BadReportDate(args.date) from None
    save(args.out, render_daily_report(db, day))
    print(f"日报已写入 {args.out}")
    return EXIT_OK
