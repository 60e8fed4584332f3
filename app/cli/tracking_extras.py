"""`packdesk tracking import` and `packdesk tracking event`, added to the `tracking` command.

The `tracking` command belongs to the waybill step (`app/cli/shipping_cmd.py`); it calls
`register_tracking_extras` so that after-handover commands sit under the same word.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import EXIT_OK
from app.cli.output import print_json
from app.db.engine import Database
from app.tracking.events import add_event
from app.tracking.importer import import_tracking


def register_tracking_extras(tracking_subparsers) -> None:
    imp = tracking_subparsers.add_parser(
        "import", help="从快递公司或物流查询平台导出的文件（CSV/XLSX）导入物流轨迹"
    )
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--carrier", metavar="CODE", help="只收这家快递公司的包裹，别家的行拒收")
    imp.add_argument("--json", action="store_true", help="以 JSON 输出，供程序读取")
    imp.set_defaults(handler=handle_import)

    event = tracking_subparsers.add_parser("event", help="手工记录一条物流轨迹")
    event.add_argument("tracking_no", metavar="TRACKING_NO")
    event.add_argument("status", metavar="STATUS", help="状态，如 已签收、派送中、delivered")
    event.add_argument("--at", metavar="TIME", help="打包台当地时间，如 '2026-12-01 14:30'")
    event.add_argument("--note", default="", metavar="TEXT")
    event.set_defaults(handler=handle_event)


def handle_import(db: Database, args: argparse.Namespace) -> int:
    report = import_tracking(db, args.file, carrier=args.carrier)
    if args.json:
        print_json(report)
        return EXIT_OK
    print(
        f"{report.file} ({report.encoding}): {report.rows} 行，新增 {report.stored} 条，"
        f"已有 {report.unchanged} 条，签收 {report.delivered} 件，"
        f"新异常 {report.exceptions_opened} 个，拒绝 {len(report.refused)} 行"
    )
    for refused in report.refused:
        print(f"  {refused}")
    return EXIT_OK


def handle_event(db: Database, args: argparse.Namespace) -> int:
    view = add_event(db, args.tracking_no, args.status, at=args.at, note=args.note)
    if view is None:
        print(f"{args.tracking_no}: 这条记录已存在，未重复保存")
    else:
        print(f"{args.tracking_no}: {view.status_label}（{view.raw_status}）已记录")
    return EXIT_OK
