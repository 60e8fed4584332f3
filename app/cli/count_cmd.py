"""`packdesk count …`: cycle counts from the command line (start, scan, show, approve)."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import EXIT_OK
from app.cli.args import whole_number
from app.cli.output import print_json, save
from app.config import current_user
from app.db.engine import Database
from app.stock.counting import (
    CountView,
    approve_count,
    count_view,
    due_bins,
    scan_count,
    start_count,
)


def register(subparsers) -> None:
    count = subparsers.add_parser("count", help="循环盘点：开始、扫描、查看、审批")
    actions = count.add_subparsers(required=True)

    due = actions.add_parser("due", help="按 ABC 分类列出该盘点的库位")
    due.set_defaults(handler=handle_due)

    start = actions.add_parser("start", help="开始盘点一个库位（盘点期间该库位锁定）")
    start.add_argument("bin")
    start.add_argument("--out", type=Path, metavar="FILE.pdf", help="把盘点单写入这个 PDF 文件")
    start.set_defaults(handler=handle_start)

    scan = actions.add_parser("scan", help="录入扫到的条码，每扫一次算一件")
    scan.add_argument("count_id", type=whole_number)
    scan.add_argument("codes", nargs="+", metavar="CODE")
    scan.set_defaults(handler=handle_scan)

    show = actions.add_parser("show", help="每个商品的账面数、实盘数和差异")
    show.add_argument("count_id", type=whole_number)
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=handle_show)

    approve = actions.add_parser("approve", help="主管审批，差异记入库存台账")
    approve.add_argument("count_id", type=whole_number)
    approve.add_argument("--supervisor", required=True)
    approve.add_argument("--reason", required=True)
    approve.set_defaults(handler=handle_approve)


def _print(view: CountView) -> None:
    print(f"盘点单 {view.count_id}  库位 {view.bin}  状态 {view.state}")
    for line in view.lines:
        print(f"{line.sku}\t账面 {line.expected}\t实盘 {line.counted}\t差异 {line.variance:+d}")


def handle_due(db: Database, args: argparse.Namespace) -> int:
    with db.reading() as session:
        for bin_code in due_bins(session):
            print(bin_code)
    return EXIT_OK


def handle_start(db: Database, args: argparse.Namespace) -> int:
    with db.transaction() as session:
        view = start_count(session, args.bin, user=current_user())
    _print(view)
    if args.out:
        from app.documents.count_list import render_count_list

        save(args.out, render_count_list(view))
        print(f"盘点单: {args.out}")
    return EXIT_OK


def handle_scan(db: Database, args: argparse.Namespace) -> int:
    with db.transaction() as session:
        for code in args.codes:
            scan_count(session, args.count_id, code)
        view = count_view(session, args.count_id)
    _print(view)
    return EXIT_OK


def handle_show(db: Database, args: argparse.Namespace) -> int:
    with db.reading() as session:
        view = count_view(session, args.count_id)
    if args.json:
        print_json(view)
    else:
        _print(view)
    return EXIT_OK


def handle_approve(db: Database, args: argparse.Namespace) -> int:
    with db.transaction() as session:
        view = approve_count(
            session, args.count_id, supervisor=args.supervisor, reason=args.reason
        )
    _print(view)
    return EXIT_OK
