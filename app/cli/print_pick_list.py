"""`packdesk print pick-list ORDER_NO … --out FILE.pdf`: the batch's pick list in bin order."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import EXIT_OK
from app.cli.output import save
from app.db.engine import Database
from app.documents.pick_list import render_pick_list
from app.stock.picking import pick_list


def register(documents) -> None:
    p = documents.add_parser("pick-list", help="一批订单的拣货单，按库位排列")
    p.add_argument("order_nos", nargs="+", metavar="ORDER_NO")
    p.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    p.set_defaults(handler=handle)


def handle(db: Database, args: argparse.Namespace) -> int:
    with db.reading() as session:
        picks = pick_list(session, args.order_nos)
    save(args.out, render_pick_list(picks))
    print(f"拣货单: {args.out}（{len(picks.rows)} 行）")
    for order_no in picks.skipped_cancelled:
        print(f"订单 {order_no} 已取消，未列入")
    return EXIT_OK
