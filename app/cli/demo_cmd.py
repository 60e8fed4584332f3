"""`packdesk demo`: fill an empty database with the invented demo shop."""

from __future__ import annotations

import argparse
import logging
import sys

from app import demo
from app.cli import EXIT_BAD_INPUT
from app.db.engine import Database

log = logging.getLogger(__name__)

# Demo orders mixed into a shop's own would be shipped, counted and reported as real ones.
NOT_EMPTY = (
    "packdesk: 数据库里已有订单或商品，演示数据只能写入空的数据库，本次没有写入任何内容。"
    "请用 --db 指定一个新的数据文件再运行；若已有数据时只想跳过，请加 --if-empty。"
)


def register(subparsers) -> None:
    p = subparsers.add_parser("demo", help="向空数据库填入演示数据")
    p.add_argument(
        "--if-empty",
        action="store_true",
        help="数据库里已有数据时什么也不做（也不算出错）",
    )
    p.set_defaults(handler=handle)


def handle(db: Database, args: argparse.Namespace) -> int:
    if not demo.is_empty(db):
        if args.if_empty:
            return 0
        log.info("demo data refused: the database already holds orders or products")
        print(NOT_EMPTY, file=sys.stderr)
        return EXIT_BAD_INPUT
    summary = demo.seed(db)
    print(f"演示数据已写入：{summary.products} 个商品，{summary.orders} 个订单")
    return 0
