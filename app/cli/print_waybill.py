"""`packdesk print waybill ORDER_NO [...] --out FILE.pdf`: label packed orders."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.args import whole_number
from app.db.engine import Database
from app.documents.waybill import SIZES, render_waybills


def register(documents) -> None:
    p = documents.add_parser("waybill", help="print waybills of packed orders to a PDF")
    p.add_argument("order_nos", nargs="+", metavar="ORDER_NO")
    p.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    p.add_argument(
        "--tracking",
        metavar="NO",
        action="append",
        help="tracking number (one order only); repeat once per parcel, main number first",
    )
    p.add_argument(
        "--parcel", type=whole_number, metavar="N", help="print only this parcel of the order"
    )
    p.add_argument("--carrier", metavar="CODE", help="carrier code, e.g. SF (default: ranked)")
    p.add_argument("--size", choices=SIZES, default="100x180")
    p.add_argument("--mask", action="store_true", help="mask the recipient's name and phone")
    p.add_argument("--reason", default="", help="why a waybill is printed again")
    p.set_defaults(handler=handle)


def handle(db: Database, args: argparse.Namespace) -> int:
    pdf = render_waybills(
        db,
        args.order_nos,
        tracking=args.tracking,
        size=args.size,
        mask=args.mask,
        carrier=args.carrier,
        reason=args.reason,
        parcel_no=args.parcel,
    )
    args.out.write_bytes(pdf)
    print(f"{len(args.order_nos)} 个订单的面单（每个包裹一张） -> {args.out}")
    return 0
