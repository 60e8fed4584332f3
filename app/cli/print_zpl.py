"""`packdesk print zpl ORDER_NO --out FILE.zpl`: waybills as ZPL for a thermal printer."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.output import save
from app.cli.print_waybill import REPRINT
from app.db.engine import Database
from app.documents.waybill import SIZES, render_waybills_zpl


def register(documents) -> None:
    p = documents.add_parser("zpl", help="输出 ZPL 面单，给斑马（Zebra）兼容的打印机用")
    p.add_argument("order_nos", nargs="+", metavar="ORDER_NO")
    p.add_argument("--out", required=True, type=Path, metavar="FILE.zpl")
    p.add_argument("--tracking", metavar="NO")
    p.add_argument("--carrier", metavar="CODE")
    p.add_argument("--size", choices=SIZES, default="100x180")
    p.add_argument("--mask", action="store_true")
    p.add_argument("--reason", default="", help="重打面单的原因")
    p.add_argument(
        "--printer-font",
        metavar="NAME",
        help="打印机里已存的中文字体（如 E:WQY.TTF）；不填则文字以图像发送，"
        "任何 ZPL 打印机都能打印",
    )
    p.set_defaults(handler=handle)


def handle(db: Database, args: argparse.Namespace) -> int:
    zpl = render_waybills_zpl(
        db,
        args.order_nos,
        tracking=args.tracking,
        size=args.size,
        mask=args.mask,
        carrier=args.carrier,
        reason=args.reason,
        printer_font=args.printer_font,
    )
    save(args.out, zpl, stored=REPRINT.format(kind="zpl"))
    print(f"{len(args.order_nos)} 张面单 (ZPL) -> {args.out}")
    return 0
