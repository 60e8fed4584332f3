"""`packdesk print flow` and `packdesk print order-flow`: the flow sheet, for a range or one order.

Dates are desk-zone days (YYYY-MM-DD), both ends included; without them the sheet covers the
last seven days up to today.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from app.cli import EXIT_OK
from app.cli.output import save
from app.db.engine import Database
from app.documents.flow_sheet import SIZES, flow_sheet_pdf, order_flow_pdf
from app.errors import BadInput


class BadDate(BadInput):
    def __init__(self, option: str, text: str) -> None:
        super().__init__(f"{option}：日期应写成 YYYY-MM-DD，而不是「{text}」")
        self.option = option
        self.text = text


def register(print_subparsers) -> None:
    p = print_subparsers.add_parser("flow", help="带数字的发货流程图（PDF）")
    p.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    p.add_argument("--from", dest="first", metavar="DATE", help="第一天（YYYY-MM-DD）")
    p.add_argument("--to", dest="last", metavar="DATE", help="最后一天（包括这一天）")
    p.add_argument("--size", choices=sorted(SIZES), default="a4", help="纸张大小（横向）")
    p.set_defaults(handler=handle_flow)

    o = print_subparsers.add_parser("order-flow", help="一个订单在发货流程中走过的路（PDF）")
    o.add_argument("order_no")
    o.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    o.add_argument("--size", choices=sorted(SIZES), default="a4", help="纸张大小（横向）")
    o.set_defaults(handler=handle_order_flow)


def _day(option: str, text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise BadDate(option, text) from None


def handle_flow(db: Database, args: argparse.Namespace) -> int:
    first, last = _day("--from", args.first), _day("--to", args.last)
    if first and last and first > last:
        raise BadInput(f"--from {first} 晚于 --to {last}")
    save(args.out, flow_sheet_pdf(db, first, last, args.size))
    print(args.out)
    return EXIT_OK


def handle_order_flow(db: Database, args: argparse.Namespace) -> int:
    save(args.out, order_flow_pdf(db, args.order_no, args.size))
    print(args.out)
    return EXIT_OK
