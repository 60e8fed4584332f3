"""`packdesk demo`: fill an empty database with the invented demo shop."""

from __future__ import annotations

import argparse
import sys

from app import demo
from app.db.engine import Database


def register(subparsers) -> None:
    p = subparsers.add_parser("demo", help="fill an empty database with demo data")
    p.add_argument(
        "--if-empty",
        action="store_true",
        help="do nothing (and succeed) when the database already holds data",
    )
    p.set_defaults(handler=handle)


def handle(db: Database, args: argparse.Namespace) -> int:
    if not demo.is_empty(db):
        if args.if_empty:
            return 0
        print(
            "packdesk: the database already holds orders or products; demo data goes only "
            "into an empty one",
            file=sys.stderr,
        )
        return 3
    summary = demo.seed(db)
    print(f"演示数据已写入：{summary.products} 个商品，{summary.orders} 个订单")
    return 0
