"""`packdesk print waybill ORDER_NO [...] --out FILE.pdf`: label packed orders."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.args import whole_number
from app.cli.output import save
from app.db.engine import Database
from app.documents.waybill import SIZES, render_waybills

# Said when the file fails after the waybill was recorded as printed.
REPRINT = (
    "面单已记为已打印；解决后请用 packdesk print {kind} 订单号 --reason 补打 --out 文件 重新输出"
)


def register(documents) -> None:
    p = documents.add_parser("waybill", help="把已打包订单的面单输出为 PDF")
    p.add_argument("order_nos", nargs="+", metavar="ORDER_NO")
    p.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    p.add_argument(
        "--tracking",
        metavar="NO",
        action="append",
        help="运单号（只限一个订单）；每个包裹写一次，主单号写在最前",
    )
    p.add_argument("--parcel", type=whole_number, metavar="N", help="只打印订单的第 N 个包裹")
    p.add_argument("--carrier", metavar="CODE", help="快递公司代码，如 SF（不填用排名第一的）")
    p.add_argument("--size", choices=SIZES, default="100x180")
    p.add_argument("--mask", action="store_true", help="遮住收件人姓名和电话的一部分")
    p.add_argument("--reason", default="", help="重打面单的原因")
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
    save(args.out, pdf, stored=REPRINT.format(kind="waybill"))
    print(f"{len(args.order_nos)} 个订单的面单（每个包裹一张） -> {args.out}")
    return 0
