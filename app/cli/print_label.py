"""`packdesk print label sscc|product … --out FILE.pdf`: A4 sheets of labels."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.args import whole_number
from app.cli.output import save
from app.db.engine import Database
from app.documents.labels import next_sscc, render_product_labels, render_sscc_labels
from app.errors import BadInput


def register(documents) -> None:
    p = documents.add_parser("label", help="商品标签（EAN-13）或箱标（SSCC）")
    p.add_argument("kind", choices=["sscc", "product"])
    p.add_argument(
        "codes",
        nargs="*",
        metavar="CODE",
        help="商品的 SKU 或条码，或者 SSCC（只写 17 位时自动补上校验位）",
    )
    p.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    p.add_argument("--copies", type=whole_number, default=1, help="每个商品打几张")
    p.add_argument("--new", type=whole_number, default=0, metavar="N", help="新生成 N 个 SSCC")
    p.add_argument("--offset", type=whole_number, default=0, help="第一张标签纸上已经用掉几张")
    p.set_defaults(handler=handle)


def handle(db: Database, args: argparse.Namespace) -> int:
    if args.kind == "product":
        if not args.codes:
            raise BadInput("请给出商品编码或条码")
        pdf = render_product_labels(db, args.codes, args.copies, args.offset)
        count = len(args.codes) * args.copies
    else:
        numbers = list(args.codes) + (next_sscc(db, args.new) if args.new else [])
        if not numbers:
            raise BadInput("请给出 SSCC 或用 --new N 生成")
        pdf = render_sscc_labels(numbers, args.offset)
        count = len(numbers)
    save(args.out, pdf)
    print(f"{count} 张标签 -> {args.out}")
    return 0
