"""`packdesk packaging list|add|seed` and `packdesk scan-stats`: the packing desk's shelf of
boxes and filling, and the supervisor's review of wrong scans."""

from __future__ import annotations

import argparse
from datetime import datetime
from decimal import Decimal, InvalidOperation

from app.cli.args import whole_number
from app.cli.output import print_json
from app.config import desk_timezone
from app.db.engine import Database
from app.errors import BadInput
from app.packing.boxes import add_packaging, list_packaging, seed_packaging
from app.packing.service import clerk_stats


def register(subparsers) -> None:
    p = subparsers.add_parser("packaging", help="打包台的箱子和填充物")
    actions = p.add_subparsers(required=True)
    show = actions.add_parser("list", help="列出全部箱子和填充物及其库存")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=handle_list)
    add = actions.add_parser("add", help="新增或修改一种箱子或填充物")
    add.add_argument("code")
    add.add_argument("name")
    add.add_argument(
        "--kind", default="carton", choices=["carton", "strong", "crate", "bag", "filling"]
    )
    add.add_argument("--inner", default="0x0x0", metavar="LxWxH", help="内尺寸，长x宽x高（毫米）")
    add.add_argument("--max-weight", default="0", metavar="KG")
    add.add_argument("--tare", default="0", metavar="KG")
    add.add_argument("--protective", action="store_true", help="防护用的泡沫或气泡膜")
    add.add_argument("--stock", type=whole_number, default=0)
    add.set_defaults(handler=handle_add)
    seed = actions.add_parser("seed", help="包装目录为空时，填入一套常用的箱子和填充物")
    seed.set_defaults(handler=handle_seed)

    s = subparsers.add_parser("scan-stats", help="每位打包员的扫描次数和扫错次数")
    s.add_argument("--since", metavar="YYYY-MM-DD", help="从这一天起统计（不填为今天）")
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=handle_stats)


def handle_list(db: Database, args: argparse.Namespace) -> int:
    rows = list_packaging(db)
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        size = "×".join(str(v) for v in r.inner_mm)
        print(f"{r.code}\t{r.name}\t{r.kind}\t{size} mm\t{r.tare} kg\t库存 {r.stock}")
    return 0


def _decimal(text: str, field: str) -> Decimal:
    try:
        return Decimal(text)
    except InvalidOperation as exc:
        raise BadInput(f"{field}：「{text}」不是数字") from exc


def handle_add(db: Database, args: argparse.Namespace) -> int:
    try:
        inner = tuple(int(v) for v in args.inner.lower().split("x"))
    except ValueError as exc:
        raise BadInput(f"--inner：「{args.inner}」应为 长x宽x高（毫米）") from exc
    if len(inner) != 3:
        raise BadInput(f"--inner：「{args.inner}」应为 长x宽x高（毫米）")
    row = add_packaging(
        db,
        args.code,
        args.name,
        kind=args.kind,
        inner_mm=inner,
        max_weight=_decimal(args.max_weight, "--max-weight"),
        tare=_decimal(args.tare, "--tare"),
        protective=args.protective,
        stock=args.stock,
    )
    print(f"{row.code}\t{row.name}\t库存 {row.stock}")
    return 0


def handle_seed(db: Database, args: argparse.Namespace) -> int:
    print(f"{seed_packaging(db)} 种包装已加入")
    return 0


def handle_stats(db: Database, args: argparse.Namespace) -> int:
    since = None
    if args.since:
        try:
            day = datetime.strptime(args.since, "%Y-%m-%d")
        except ValueError as exc:
            raise BadInput(f"--since：「{args.since}」应为 YYYY-MM-DD") from exc
        since = day.replace(tzinfo=desk_timezone())
    rows = clerk_stats(db, since)
    if args.json:
        print_json([{**r.__dict__, "wrong_scan_rate": round(r.wrong_scan_rate, 4)} for r in rows])
        return 0
    for r in rows:
        print(
            f"{r.user}\t扫描 {r.accepted_scans}\t错扫 {r.refused_scans}"
            f"（{r.wrong_scan_rate:.1%}）\t件数 {r.units}\t打包 {r.orders_packed} 单"
        )
    return 0
