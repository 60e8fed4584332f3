"""`packdesk import` and `packdesk catalog import`: order exports and product lists."""

from __future__ import annotations

import argparse

from app.cli.output import print_json
from app.db.engine import Database
from app.intake.catalog import FORMATS, import_catalog
from app.intake.report_csv import write_report_csv
from app.intake.service import PLATFORMS, import_files


def register(subparsers) -> None:
    p = subparsers.add_parser("import", help="导入平台导出的订单文件（CSV/XLSX）")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--platform", choices=PLATFORMS, default="auto")
    p.add_argument("--profile", metavar="NAME", help="已保存的列对应方案的名称")
    p.add_argument("--report", metavar="REPORT.csv", help="把逐行的导入结果写入这个文件")
    p.add_argument("--json", action="store_true", help="以 JSON 输出，供程序读取")
    p.set_defaults(handler=handle_import)

    catalog = subparsers.add_parser("catalog", help="商品目录")
    catalog_sub = catalog.add_subparsers(required=True)
    c = catalog_sub.add_parser("import", help="从 CSV/XLSX 文件导入商品")
    c.add_argument("file", metavar="FILE")
    c.add_argument("--format", choices=FORMATS, default="auto")
    c.add_argument("--json", action="store_true", help="以 JSON 输出，供程序读取")
    c.set_defaults(handler=handle_catalog_import)


def handle_import(db: Database, args: argparse.Namespace) -> int:
    report = import_files(db, args.files, platform=args.platform, profile=args.profile)
    if args.report:
        write_report_csv(report, args.report)
    if args.json:
        print_json(
            {
                "files": report.files,
                "platform": report.platform,
                "encoding": report.encoding,
                "encodings": report.encodings,
                "stored": report.stored,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "held_cancelled": report.cancelled_held,
                "stopped": report.stopped,
                "refused": [
                    {"file": r.file, "row": r.row, "column": r.column, "reason": r.reason}
                    for r in report.refused
                ],
            }
        )
        return 0
    print(f"编码 {', '.join(f'{f}: {e}' for f, e in report.encodings.items())}")
    print(
        f"新订单 {report.stored}，已更新 {report.updated}，无变化 {report.unchanged}，"
        f"拒绝 {len(report.refused)} 行"
    )
    for refused in report.refused:
        print(f"  {refused}")
    return 0


def handle_catalog_import(db: Database, args: argparse.Namespace) -> int:
    report = import_catalog(db, args.file, fmt=args.format)
    if args.json:
        print_json(report)
        return 0
    print(
        f"{report.file}（{report.format}，{report.encoding}）：新增 {report.added}，"
        f"更新 {report.updated}，无变化 {report.unchanged}，拒绝 {len(report.refused)} 行"
    )
    for refused in report.refused:
        print(f"  {refused}")
    return 0
