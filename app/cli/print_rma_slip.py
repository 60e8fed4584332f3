"""`packdesk print rma-slip RMA_NO --out FILE.pdf`: the slip that goes into a returned parcel."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import EXIT_OK
from app.cli.output import save
from app.db.engine import Database
from app.documents.rma_slip import render_rma_slip


def register(print_subparsers) -> None:
    p = print_subparsers.add_parser("rma-slip", help="退货的退货单（RMA，A5 PDF）")
    p.add_argument("rma_no")
    p.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    p.set_defaults(handler=handle)


def handle(db: Database, args: argparse.Namespace) -> int:
    save(args.out, render_rma_slip(db, args.rma_no))
    print(args.out)
    return EXIT_OK
