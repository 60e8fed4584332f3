"""`packdesk exceptions` (the tracking exception queue) and `packdesk feedback add`."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import EXIT_OK
from app.cli.output import print_json
from app.config import desk_timezone
from app.db.engine import Database
from app.tracking.exception_queue import refresh_exceptions
from app.tracking.feedback import CATEGORIES, add_feedback


def register(subparsers) -> None:
    exc = subparsers.add_parser("exceptions", help="按物流跟踪规则检查，列出异常包裹")
    exc.add_argument("--json", action="store_true", help="以 JSON 输出，供程序读取")
    exc.set_defaults(handler=handle_exceptions)

    fb = subparsers.add_parser("feedback", help="客户反馈")
    fb_cmds = fb.add_subparsers(required=True)
    add = fb_cmds.add_parser("add", help="记录客户对一个订单的反馈")
    add.add_argument("order_no", metavar="ORDER_NO")
    add.add_argument(
        "--category",
        required=True,
        metavar="CAT",
        help="反馈类别：" + "、".join(f"{code}（{label}）" for code, label in CATEGORIES.items()),
    )
    add.add_argument("--text", required=True, metavar="TEXT")
    add.add_argument("--photo", type=Path, metavar="FILE", help="客户发来的照片")
    add.add_argument(
        "--tracking", metavar="TRACKING_NO", help="哪个包裹的运单号（不填为第一个包裹）"
    )
    add.set_defaults(handler=handle_feedback_add)


def handle_exceptions(db: Database, args: argparse.Namespace) -> int:
    rows = refresh_exceptions(db)
    if args.json:
        print_json(rows)
        return EXIT_OK
    zone = desk_timezone()
    for r in rows:
        print(
            f"{r.id}\t{r.rule_label}\t{r.age_hours}小时\t{r.order_no}\t{r.customer}\t"
            f"{r.carrier} {r.tracking_no}\t{r.opened_at.astimezone(zone):%m-%d %H:%M}\t{r.detail}"
        )
    if not rows:
        print("没有未处理的物流异常")
    return EXIT_OK


def handle_feedback_add(db: Database, args: argparse.Namespace) -> int:
    fb = add_feedback(
        db, args.order_no, args.category, args.text, photo=args.photo, tracking_no=args.tracking
    )
    clerk = f"，打包人 {fb.packed_by}" if fb.packed_by else ""
    print(f"反馈 {fb.id} 已记录：订单 {fb.order_no} {fb.category_label}{clerk}")
    return EXIT_OK
