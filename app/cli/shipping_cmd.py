"""`packdesk carriers …`, `packdesk tracking …` and `packdesk handover …`.

The issue-10 step adds `tracking import` and `tracking event`; it does so through
`app/cli/tracking_extras.py: register_tracking_extras(tracking_subparsers)`, called here when
that module exists, so the `tracking` command has one owner.
"""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path

from app.cli.args import whole_number
from app.cli.catalogue_handlers import register_catalogue
from app.cli.output import print_json, save
from app.db.engine import Database
from app.shipping import handover
from app.shipping.assigning import assign_number
from app.shipping.catalogue_places import set_sort_code
from app.shipping.selection import choose_carrier, rank_order
from app.shipping.tracking_pool import import_pool


def register(subparsers) -> None:
    carriers = subparsers.add_parser("carriers", help="快递公司目录和排名")
    carrier_cmds = carriers.add_subparsers(required=True)
    rank = carrier_cmds.add_parser("rank", help="为订单给快递公司排名，并说明理由")
    rank.add_argument("order_no", metavar="ORDER_NO")
    rank.add_argument("--json", action="store_true")
    rank.set_defaults(handler=handle_rank)
    choose = carrier_cmds.add_parser(
        "choose", help="指定订单的快递公司（不用推荐的须写 --reason）"
    )
    choose.add_argument("order_no", metavar="ORDER_NO")
    choose.add_argument("code", metavar="CODE", nargs="?")
    choose.add_argument("--reason", default="")
    choose.add_argument(
        "--service", default=None, help="服务名称，如 顺丰特快（不填用排名给出的服务）"
    )
    choose.set_defaults(handler=handle_choose)

    sort = carrier_cmds.add_parser("sort-code", help="录入三段码和集包地")
    sort.add_argument("carrier", metavar="CARRIER")
    sort.add_argument("province")
    sort.add_argument("city", nargs="?", default="")
    sort.add_argument("district", nargs="?", default="")
    sort.add_argument("--code", required=True, help="面单上印的大头笔/三段码")
    sort.add_argument("--hub", default="", help="集包地")
    sort.set_defaults(handler=handle_sort_code)
    register_catalogue(carrier_cmds)

    tracking = subparsers.add_parser("tracking", help="运单号与物流轨迹")
    tracking_cmds = tracking.add_subparsers(required=True)
    assign = tracking_cmds.add_parser("assign", help="给订单分配运单号")
    assign.add_argument("order_no", metavar="ORDER_NO")
    assign.add_argument(
        "--carrier", metavar="CODE", help="快递公司代码（不填则用订单已选定的快递公司）"
    )
    assign.add_argument("--reason", default="", help="改用与已选定不同的快递公司时必须写明原因")
    assign.add_argument("--number", metavar="NO", help="手输或扫描的运单号（不填则从运单号池取）")
    assign.add_argument(
        "--parcel",
        type=whole_number,
        default=1,
        metavar="N",
        help="第几个包裹（默认 1，即主包裹）",
    )
    assign.set_defaults(handler=handle_assign)
    pool = tracking_cmds.add_parser("pool", help="预先领取的运单号池")
    pool_cmds = pool.add_subparsers(required=True)
    pool_import = pool_cmds.add_parser("import", help="导入运单号，每行一个")
    pool_import.add_argument("carrier", metavar="CARRIER")
    pool_import.add_argument("file", type=Path, metavar="FILE")
    pool_import.set_defaults(handler=handle_pool_import)
    if importlib.util.find_spec("app.cli.tracking_extras") is not None:
        importlib.import_module("app.cli.tracking_extras").register_tracking_extras(tracking_cmds)

    hand = subparsers.add_parser("handover", help="把包裹交接给快递公司")
    hand_cmds = hand.add_subparsers(required=True)
    start = hand_cmds.add_parser("start", help="为快递公司的一次揽收开始交接")
    start.add_argument("carrier", metavar="CARRIER")
    start.set_defaults(handler=handle_start)
    scan = hand_cmds.add_parser("scan", help="扫描包裹，加入交接单")
    scan.add_argument("handover_id", type=whole_number, metavar="HANDOVER_ID")
    scan.add_argument("code", metavar="CODE")
    scan.set_defaults(handler=handle_scan)
    close = hand_cmds.add_parser("close", help="完成交接：包裹记为已发货，并写出交接单")
    close.add_argument("handover_id", type=whole_number, metavar="HANDOVER_ID")
    close.add_argument("--out", required=True, type=Path, metavar="MANIFEST.pdf")
    close.set_defaults(handler=handle_close)
    manifest = hand_cmds.add_parser(
        "manifest", help="补打已完成交接的交接清单（标明“补打”和打印时间）"
    )
    manifest.add_argument("handover_id", type=whole_number, metavar="HANDOVER_ID")
    manifest.add_argument("--out", required=True, type=Path, metavar="MANIFEST.pdf")
    manifest.set_defaults(handler=handle_manifest)


def handle_rank(db: Database, args: argparse.Namespace) -> int:
    ranks = rank_order(db, args.order_no)
    if args.json:
        print_json(
            [
                {
                    "rank": r.rank,
                    "carrier": r.code,
                    "name": r.name,
                    "service": r.service,
                    "eligible": r.eligible,
                    "price": r.price,
                    "expected_delivery": r.expected_delivery,
                    "transit_days": r.transit_days,
                    "reasons": list(r.reasons),
                    "services": [
                        {
                            "name": o.name,
                            "speed_class": o.speed_class,
                            "price": o.price,
                            "expected_delivery": o.expected_delivery,
                            "keeps_promise": o.keeps_promise,
                            "default": o.is_default,
                        }
                        for o in r.services
                    ],
                }
                for r in ranks
            ]
        )
        return 0
    for r in ranks:
        mark = "" if r.eligible else "✗ "
        print(f"{r.rank}. {mark}{r.summary}")
    return 0


def handle_choose(db: Database, args: argparse.Namespace) -> int:
    choice = choose_carrier(db, args.order_no, args.code, args.reason, service=args.service)
    suggested = f"{choice.suggested} {choice.suggested_service}".strip()
    extra = f"（推荐 {suggested}，原因：{choice.reason}）" if choice.overridden else ""
    print(f"{choice.order_no}: {choice.carrier} {choice.service}{extra}")
    return 0


def handle_sort_code(db: Database, args: argparse.Namespace) -> int:
    detail = set_sort_code(
        db,
        args.carrier,
        args.province,
        args.city,
        args.district,
        sort_code=args.code,
        hub=args.hub,
    )
    # The row as stored: the province by its full name ("广东" is 广东省), as waybills read it.
    row = next(
        c
        for c in detail.sort_codes
        if c.province.startswith(args.province.strip())
        and (c.city, c.district) == (args.city.strip(), args.district.strip())
    )
    place = f"{row.province}{row.city}{row.district}"
    print(f"{detail.code} {place}: {row.sort_code} {row.hub}".rstrip())
    return 0


def handle_assign(db: Database, args: argparse.Namespace) -> int:
    result = assign_number(
        db, args.order_no, args.carrier, args.number, args.parcel, reason=args.reason
    )
    source = "号池" if result.from_pool else "手工"
    parcel = f" 第 {result.parcel_no} 个包裹" if result.parcel_no > 1 else ""
    print(f"{result.order_no}{parcel}: {result.carrier} {result.tracking_no}（{source}）")
    if result.pool_low:
        print(f"注意：{result.carrier} 号池只剩 {result.pool_left} 个运单号")
    return 0


def handle_pool_import(db: Database, args: argparse.Namespace) -> int:
    """A file with any bad line raises `PoolFileRefused` (exit 3, every bad line listed)."""
    report = import_pool(db, args.carrier, args.file)
    print(
        f"{report.carrier}: 新增 {report.added}，已有 {report.already_known}，剩余 {report.left}"
    )
    if report.low:
        print(f"注意：{report.carrier} 号池只剩 {report.left} 个运单号")
    return 0


def handle_start(db: Database, args: argparse.Namespace) -> int:
    view = handover.start_handover(db, args.carrier)
    if view.resumed:
        print(
            f"交接单 {view.id}: {view.carrier_name} 的交接单尚未完成，继续这一张；"
            f"已扫 {len(view.scanned)} 件，待交接 {view.expected} 件"
        )
        return 0
    print(f"交接单 {view.id}: {view.carrier_name}，待交接 {view.expected} 件")
    return 0


def handle_scan(db: Database, args: argparse.Namespace) -> int:
    result = handover.scan_parcel(db, args.handover_id, args.code)
    print(f"{result.tracking_no} 订单 {result.order_no}: 已扫 {result.scanned}/{result.expected}")
    return 0


def handle_close(db: Database, args: argparse.Namespace) -> int:
    result = handover.close_handover(db, args.handover_id)
    reprint = (
        f"交接已完成；请用 packdesk handover manifest {result.id} --out 文件.pdf 补打交接清单"
    )
    save(args.out, result.manifest_pdf, stored=reprint)
    print(
        f"交接单 {result.id}: 发出 {len(result.shipped)} 件，未扫 {len(result.missing)} 件 "
        f"-> {args.out}"
    )
    for missing in result.missing:
        print(f"  未扫：{missing.tracking_no} 订单 {missing.order_no}")
    for taken_off in result.refused:
        why = taken_off.stopped or "面单已作废"
        print(
            f"  已从清单拿掉，请从快递员处取回：{taken_off.tracking_no} 订单 {taken_off.order_no}（{why}）"
        )
    return 0


def handle_manifest(db: Database, args: argparse.Namespace) -> int:
    save(args.out, handover.reprint_manifest(db, args.handover_id))
    print(f"交接单 {args.handover_id}: 已补打交接清单 -> {args.out}")
    return 0
