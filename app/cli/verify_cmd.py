"""`packdesk verify`, `packdesk confirm`, `packdesk outbox` and `packdesk promise`."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.cli import EXIT_BAD_INPUT
from app.cli.args import day_count, whole_number
from app.cli.output import print_json
from app.config import desk_timezone
from app.db.engine import Database
from app.db.types import utcnow
from app.errors import BadInput
from app.outbox.export import export_csv
from app.outbox.listing import list_messages, mark_sent
from app.promise.ship_date import promise_ship_date
from app.promise.terms import DEFAULT_DAYS, read_terms
from app.verification.confirm import Confirmation, confirm_orders
from app.verification.service import verify_orders


def register(subparsers) -> None:
    p = subparsers.add_parser("verify", help="按审单规则检查订单")
    p.add_argument("order_nos", nargs="*", metavar="ORDER_NO")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=handle_verify)

    p = subparsers.add_parser(
        "confirm",
        help="确认审过的订单，并把给客户的消息放入待发送；点名的订单有一单没确认就以状态 3 退出",
    )
    p.add_argument(
        "order_nos",
        nargs="*",
        metavar="ORDER_NO",
        help="要确认的订单号；不填时确认所有已审核的订单",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=handle_confirm)

    p = subparsers.add_parser("outbox", help="给客户的消息：列出、标记已发送或导出")
    p.add_argument("--json", action="store_true")
    p.add_argument("--state", choices=["pending", "sent", "failed", "no_address"])
    p.add_argument("--mark-sent", type=whole_number, metavar="ID", action="append", default=[])
    p.add_argument("--export", metavar="FILE.csv")
    p.set_defaults(handler=handle_outbox)

    p = subparsers.add_parser(
        "promise", help="按付款时间算出最晚发货日期，与现在确认订单时承诺给客户的日期相同"
    )
    p.add_argument("--paid", required=True, metavar='"YYYY-MM-DD HH:MM"', help="付款时间")
    p.add_argument(
        "--days",
        type=day_count,
        help=f"几个工作日内发货；不填时用设置 promise.days（没设时为 {DEFAULT_DAYS}），与确认订单时一样",
    )
    p.add_argument(
        "--at",
        metavar='"YYYY-MM-DD HH:MM"',
        help="按这个时间确认来算，不填为现在：确认得晚，就不会承诺已经过去的日期",
    )
    p.add_argument("--tz", help="时区，如 Asia/Shanghai；不填时用打包台的时区")
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


def _confirmed_words(c: Confirmation) -> str:
    short = "，缺货待补" if c.backordered else ""
    return f"已确认{short}，预计{c.ship_by.month}月{c.ship_by.day}日前发货，消息已放入发件箱"


def handle_confirm(db: Database, args: argparse.Namespace) -> int:
    report = confirm_orders(db, args.order_nos or None)
    if args.json:
        print_json(report)
    else:
        print(f"确认 {len(report.confirmed)} 单，未确认 {len(report.refused)} 单")
        for c in report.confirmed:
            print(f"{c.order_no}\t{_confirmed_words(c)}")
        for r in report.refused:
            print(f"{r.order_no}\t{r.reason}", file=sys.stderr)
    return EXIT_BAD_INPUT if report.refused else 0


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
            f"{m.id}\t{m.order_no}\t{m.channel}\t{m.state}\t{m.recipient or m.error}\t"
            f"{m.body.splitlines()[0] if m.body else ''}"
        )
    return 0


def _desk_time(text: str, option: str, zone: ZoneInfo) -> datetime:
    try:
        return datetime.strptime(text.strip(), "%Y-%m-%d %H:%M").replace(tzinfo=zone)
    except ValueError:
        raise BadInput(f"{option}: 「{text}」不是 YYYY-MM-DD HH:MM") from None


def handle_promise(db: Database, args: argparse.Namespace) -> int:
    """The date `confirm` would promise for this payment: same settings, same late rule."""
    try:
        zone = ZoneInfo(args.tz) if args.tz else desk_timezone()
    except (ZoneInfoNotFoundError, ValueError):
        raise BadInput(f"--tz: 不认识的时区「{args.tz}」") from None
    paid = _desk_time(args.paid, "--paid", zone)
    confirmed_at = _desk_time(args.at, "--at", zone) if args.at else utcnow()
    with db.reading() as session:
        terms = read_terms(session)
    days = terms.days if args.days is None else args.days
    ship_by = promise_ship_date(paid, days, zone, cutoff=terms.cutoff, confirmed_at=confirmed_at)
    print(ship_by.isoformat())
    return 0
