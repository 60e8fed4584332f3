"""`packdesk print packing-slip ORDER_NO --out FILE.pdf`: the slip that goes into the parcel."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import EXIT_OK
from app.cli.output import save
from app.db.engine import Database
from app.documents.packing_slip import render_packing_slip


def register(print_subparsers) -> None:
    p = print_subparsers.add_parser("packing-slip", help="订单的装箱单（A5 PDF）")
    p.add_argument("order_no", metavar="ORDER_NO")
    p.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    p.set_defaults(handler=handle)


def handle(db: Database, args: argparse.Namespace) -> int:
    save(args.out, render_packing_slip(db, args.order_no))
    print(args.out)
    return EXIT_OK
