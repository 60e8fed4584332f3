"""`packdesk verify`, `packdesk confirm`, `packdesk outbox` and `packdesk promise`."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.cli.args import day_count, whole_number
from app.cli.output import print_json
from app.config import DEFAULT_TZ
from app.db.engine import Database
from app.errors import BadInput
from app.outbox.export import export_csv
from app.outbox.listing import list_messages, mark_sent
from app.promise.ship_date import promise_ship_date
from app.verification.confirm import confirm_clean_orders
from app.verification.service import verify_orders


def register(subparsers) -> None:
    p = subparsers.add_parser("verify", help="按审单规则检查订单")
    p.add_argument("order_nos", nargs="*", metavar="ORDER_NO")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=handle_verify)

    p = subparsers.add_parser("confirm", help="确认审过的订单，并把给客户的消息放入待发送")
    p.add_argument("order_nos", nargs="*", metavar="ORDER_NO")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=handle_confirm)

    p = subparsers.add_parser("outbox", help="给客户的消息：列出、标记已发送或导出")
    p.add_argument("--json", action="store_true")
    p.add_argument("--state", choices=["pending", "sent", "failed"])
    p.add_argument("--mark-sent", type=whole_number, metavar="ID", action="append", default=[])
    p.add_argument("--export", metavar="FILE.csv")
    p.set_defaults(handler=handle_outbox)

    p = subparsers.add_parser("promise", help="按付款时间算出最晚发货日期")
    p.add_argument("--paid", required=True, metavar='"YYYY-MM-DD HH:MM"')
    p.add_argument("--days", type=day_count, default=1)
    p.add_argument("--tz", default=DEFAULT_TZ)
    p.set_defaults(handler=handle_promise)


def handle_verify(db: Database, args: argparse.Namespace) -> int:
    report = verify_orders(db, args.order_nos or None)
    if args.json:
        print_json(report)
        return 0
    print(f"审核 {report.checked} 单：通过 {report.verified}，挂起 {report.held}")
    for outcome in report.outcomes:
        if outcome.holds:
            print(f"{outcome.order_no}\t" + "；".join(outcome.holds))
    for order_no in report.skipped:
        print(f"{order_no}\t跳过（不存在或已不在可审核状态）", file=sys.stderr)
    return 0


def handle_confirm(db: Database, args: argparse.Namespace) -> int:
    done = confirm_clean_orders(db, args.order_nos or None)
    if args.json:
        print_json(done)
        return 0
    for c in done:
        print(f"{c.order_no}\t{c.status}\t{c.ship_by.isoformat()}")
    return 0


def handle_outbox(db: Database, args: argparse.Namespace) -> int:
    with db.transaction() as session:
        for message_id in args.mark_sent:
            mark_sent(session, message_id)
    with db.reading() as session:
        if args.export:
            with open(args.export, "wb") as handle:
                handle.write(export_csv(session, args.state))
        messages = list_messages(session, args.state)
    if args.json:
        print_json(messages)
        return 0
    for m in messages:
        print(
            f"{m.id}\t{m.order_no}\t{m.channel}\t{m.state}\t{m.recipient}\t"
            f"{m.body.splitlines()[0] if m.body else ''}"
        )
    return 0


def handle_promise(db: Database, args: argparse.Namespace) -> int:
    try:
        zone = ZoneInfo(args.tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise BadInput(f"--tz: 不认识的时区「{args.tz}」") from None
    try:
        paid = datetime.strptime(args.paid.strip(), "%Y-%m-%d %H:%M").replace(tzinfo=zone)
    except ValueError:
        raise BadInput(f"--paid: 「{args.paid}」不是 YYYY-MM-DD HH:MM") from None
    if args.days < 0:
        raise BadInput("--days 不能为负数")
    print(promise_ship_date(paid, args.days, zone).isoformat())
    return 0
