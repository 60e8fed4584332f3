"""`packdesk carriers list|show|add|set|remove|service|rate|transit|region|export|import`.

Editing the carrier catalogue from the command line. Numbers are passed to the services as
typed, so a wrong one is refused with the field's name and exit status 3, like in the window.
`register_catalogue` is called by `app/cli/shipping_cmd.py`, which owns the `carriers` command.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.output import print_json
from app.db.engine import Database
from app.shipping import catalogue_edit as edit
from app.shipping import catalogue_places as places
from app.shipping.catalogue_checks import HOLIDAYS
from app.shipping.catalogue_io import export_catalogue_file, import_catalogue_file
from app.shipping.catalogue_view import CarrierDetail, RateRow, ServiceRow

WEEKDAYS = "一二三四五六日"
HOLIDAY_CHINESE = dict(HOLIDAYS)


def register_catalogue(carrier_cmds) -> None:
    listing = carrier_cmds.add_parser("list", help="列出目录里的全部快递公司")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=handle_list)

    show = carrier_cmds.add_parser("show", help="一家快递公司及其全部服务、价格、时效和地区")
    show.add_argument("code", metavar="CODE")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=handle_show)

    add = carrier_cmds.add_parser(
        "add",
        help="新增快递公司：先是停用的，只有一项服务「标准快递」，还没有价格；填好价格后再启用",
    )
    add.add_argument("code", metavar="CODE")
    add.add_argument("name", metavar="NAME")
    add.set_defaults(handler=handle_add)

    remove = carrier_cmds.add_parser("remove", help="删除还没有包裹用过的快递公司")
    remove.add_argument("code", metavar="CODE")
    remove.set_defaults(handler=handle_remove)

    change = carrier_cmds.add_parser("set", help="修改快递公司的限重、尺寸、揽收日、截单时间等")
    change.add_argument("code", metavar="CODE")
    change.add_argument("--name")
    change.add_argument("--max-weight", metavar="KG")
    change.add_argument("--max-side", metavar="MM", dest="max_side_mm")
    change.add_argument("--max-sum", metavar="MM", dest="max_sum_mm")
    change.add_argument("--divisor", metavar="N", dest="volumetric_divisor")
    change.add_argument(
        "--pickup-days", metavar="1234567", help="哪几天揽收：1 = 星期一 … 7 = 星期日，如 12345"
    )
    change.add_argument("--cutoff", metavar="HH:MM")
    change.add_argument(
        "--holidays",
        dest="closed_holidays",
        metavar="NAMES",
        help="哪些节假日不收件，如 春节;国庆节；'' 表示不休",
    )
    change.add_argument("--large-goods", action=argparse.BooleanOptionalAction)
    change.add_argument("--mask", dest="mask_privacy", action=argparse.BooleanOptionalAction)
    change.add_argument("--active", dest="active", action="store_const", const=True)
    change.add_argument("--inactive", dest="active", action="store_const", const=False)
    change.set_defaults(handler=handle_set)

    service = carrier_cmds.add_parser("service", help="新增、修改或删除快递公司的一项服务")
    service.add_argument("code", metavar="CODE")
    service.add_argument("name", metavar="NAME")
    service.add_argument(
        "--speed",
        dest="speed_class",
        help="时效等级：" + "、".join(f"{code}（{word}）" for code, word in _SPEED_WORDS.items()),
    )
    service.add_argument(
        "--days", dest="transit_adjust_days", metavar="N", help="在线路时效上加减的天数，如 -1"
    )
    service.add_argument(
        "--price-percent", metavar="N", help="按区域价格的百分之几收费：130 = 区域价格的 1.3 倍"
    )
    service.add_argument("--default", dest="is_default", action="store_const", const=True)
    service.add_argument("--active", dest="active", action="store_const", const=True)
    service.add_argument("--inactive", dest="active", action="store_const", const=False)
    service.add_argument("--rename", metavar="NEW_NAME")
    service.add_argument("--remove", action="store_true")
    service.set_defaults(handler=handle_service)

    rate = carrier_cmds.add_parser("rate", help="设置一个区的首重和续重价格")
    rate.add_argument("code", metavar="CODE")
    rate.add_argument("zone", metavar="ZONE")
    rate.add_argument("--first-weight", metavar="KG")
    rate.add_argument("--first-price", metavar="YUAN")
    rate.add_argument("--extra", metavar="YUAN", help="续重价格：每多 1 kg 加收的元数")
    rate.add_argument("--remove", action="store_true")
    rate.set_defaults(handler=handle_rate)

    transit = carrier_cmds.add_parser("transit", help="设置一个省份属于哪个区、运输几天")
    transit.add_argument("code", metavar="CODE")
    transit.add_argument("province", metavar="PROVINCE")
    transit.add_argument("--zone")
    transit.add_argument("--days", metavar="N")
    transit.add_argument("--remove", action="store_true")
    transit.set_defaults(handler=handle_transit)

    region = carrier_cmds.add_parser("region", help="不送达或送达较慢的地区")
    region.add_argument("code", metavar="CODE")
    region.add_argument("province", metavar="PROVINCE")
    region.add_argument("--city", default="")
    region.add_argument(
        "--kind", help="地区类型，不删除时必填：excluded（不送达）或 remote（偏远，多几天）"
    )
    region.add_argument("--extra-days", default="0", metavar="N")
    region.add_argument("--remove", action="store_true")
    region.set_defaults(handler=handle_region)

    unsort = carrier_cmds.add_parser("sort-code-remove", help="删除一条三段码记录")
    unsort.add_argument("carrier", metavar="CARRIER")
    unsort.add_argument("province")
    unsort.add_argument("city", nargs="?", default="")
    unsort.add_argument("district", nargs="?", default="")
    unsort.set_defaults(handler=handle_sort_code_remove)

    export = carrier_cmds.add_parser("export", help="把整个快递公司目录导出为 JSON 文件")
    export.add_argument("file", type=Path, metavar="FILE.json")
    export.set_defaults(handler=handle_export)

    load = carrier_cmds.add_parser(
        "import", help="从 JSON 文件导入快递公司（有一处错就全部不导入）"
    )
    load.add_argument("file", type=Path, metavar="FILE.json")
    load.set_defaults(handler=handle_import)


def _code(code: str) -> str:
    return code.strip().upper()


def _given(args: argparse.Namespace, *names: str) -> dict:
    return {n: getattr(args, n) for n in names if getattr(args, n) is not None}


def handle_list(db: Database, args: argparse.Namespace) -> int:
    rows = edit.carrier_summaries(db)
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        print(f"{row.code}\t{row.name}\t{'启用' if row.active else '停用'}")
    return 0


# The speed classes in the words the window uses.
_SPEED_WORDS = {"express": "特快", "standard": "标准", "economy": "经济", "freight": "大件"}


def _service_line(s: ServiceRow) -> str:
    mark = "（默认）" if s.is_default else ("（停用）" if not s.active else "")
    speed = _SPEED_WORDS.get(s.speed_class, s.speed_class)
    return f"{s.name}{mark} {speed} 时效 {s.transit_adjust_days:+d} 天 价格 {s.price_percent}%"


def _rate_line(r: RateRow) -> str:
    return (
        f"{r.zone} 区 首重 {r.first_weight.normalize():f} kg ¥{r.first_price}，"
        f"续重 ¥{r.extra_price_per_kg}/kg"
    )


def _print_detail(detail: CarrierDetail) -> None:
    h = detail.header
    days = "".join(WEEKDAYS[int(d) - 1] for d in h.pickup_days)
    holidays = "、".join(HOLIDAY_CHINESE.get(n, n) for n in h.closed_holidays) or "无"
    print(f"{h.code} {h.name}（{'启用' if h.active else '停用'}）")
    print(f"  上限 {h.max_weight.normalize():f} kg，", end="")
    print(f"最长边 {h.max_side_mm} mm，三边和 {h.max_sum_mm} mm")
    print(f"  抛比 {h.volumetric_divisor}，大件 {'是' if h.large_goods else '否'}，", end="")
    print(f"隐私面单 {'是' if h.mask_privacy else '否'}")
    print(f"  收件日 周{days}，截单 {h.cutoff}，节假日停运 {holidays}")
    print("  服务：")
    for s in detail.services:
        print(f"    {_service_line(s)}")
    print("  价格：")
    for r in detail.rates:
        print(f"    {_rate_line(r)}")
    print("  时效：")
    for d in detail.destinations:
        print(f"    {d.province} {d.zone} 区 {d.transit_days} 天")
    print("  地区：")
    for g in detail.regions:
        extra = f" 多 {g.extra_days} 天" if g.kind == "remote" else ""
        print(f"    {g.province}{g.city} {'不送达' if g.kind == 'excluded' else '偏远'}{extra}")
    print("  三段码：")
    for c in detail.sort_codes:
        print(f"    {c.province}{c.city}{c.district} {c.sort_code} {c.hub}")


def handle_show(db: Database, args: argparse.Namespace) -> int:
    detail = edit.carrier_detail(db, args.code)
    if args.json:
        print_json(detail)
    else:
        _print_detail(detail)
    return 0


def handle_add(db: Database, args: argparse.Namespace) -> int:
    detail = edit.add_carrier(db, args.code, args.name)
    print(f"已添加 {detail.code} {detail.header.name}（停用；设好价格后用 --active 启用）")
    return 0


def handle_remove(db: Database, args: argparse.Namespace) -> int:
    edit.remove_carrier(db, args.code)
    print(f"已删除 {_code(args.code)}")
    return 0


def handle_set(db: Database, args: argparse.Namespace) -> int:
    changes = _given(
        args,
        "name",
        "max_weight",
        "max_side_mm",
        "max_sum_mm",
        "volumetric_divisor",
        "pickup_days",
        "cutoff",
        "closed_holidays",
        "large_goods",
        "mask_privacy",
        "active",
    )
    detail = edit.update_carrier(db, args.code, **changes)
    _print_detail(detail)
    return 0


def handle_service(db: Database, args: argparse.Namespace) -> int:
    if args.remove:
        edit.remove_service(db, args.code, args.name)
        print(f"{_code(args.code)}: 已删除服务 {args.name}")
        return 0
    fields = _given(
        args, "speed_class", "transit_adjust_days", "price_percent", "is_default", "active"
    )
    detail = edit.save_service(db, args.code, args.name, rename=args.rename, **fields)
    for s in detail.services:
        print(_service_line(s))
    return 0


def handle_rate(db: Database, args: argparse.Namespace) -> int:
    if args.remove:
        edit.remove_rate(db, args.code, args.zone)
        print(f"{_code(args.code)}: 已删除第 {args.zone} 区价格")
        return 0
    # Options not given keep the zone's stored values (read under the service's lock).
    detail = edit.set_rate(
        db,
        args.code,
        args.zone,
        first_weight=args.first_weight,
        first_price=args.first_price,
        extra_price_per_kg=args.extra,
    )
    print(f"{detail.code} 价格表：")
    for r in detail.rates:
        print(f"  {_rate_line(r)}")
    return 0


def handle_transit(db: Database, args: argparse.Namespace) -> int:
    if args.remove:
        places.remove_destination(db, args.code, args.province)
        print(f"{_code(args.code)}: 已从时效表删除 {args.province}")
        return 0
    detail = places.set_destination(
        db, args.code, args.province, zone=args.zone, transit_days=args.days
    )
    row = next(d for d in detail.destinations if d.province.startswith(args.province.strip()))
    print(f"{detail.code} {row.province}：{row.zone} 区，{row.transit_days} 天")
    return 0


def handle_region(db: Database, args: argparse.Namespace) -> int:
    if args.remove:
        places.remove_region(db, args.code, args.province, args.city)
        print(f"{_code(args.code)}: 已删除 {args.province}{args.city} 的地区规则")
        return 0
    detail = places.set_region(
        db, args.code, args.province, args.city, kind=args.kind, extra_days=args.extra_days
    )
    print(f"{detail.code}: 地区规则 {len(detail.regions)} 条")
    for g in detail.regions:
        extra = f" 多 {g.extra_days} 天" if g.kind == "remote" else ""
        print(f"  {g.province}{g.city} {'不送达' if g.kind == 'excluded' else '偏远'}{extra}")
    return 0


def handle_sort_code_remove(db: Database, args: argparse.Namespace) -> int:
    places.remove_sort_code(db, args.carrier, args.province, args.city, args.district)
    print(f"{_code(args.carrier)}: 已删除 {args.province}{args.city}{args.district} 的三段码")
    return 0


def handle_export(db: Database, args: argparse.Namespace) -> int:
    count = export_catalogue_file(db, args.file)
    print(f"已导出 {count} 家快递公司 -> {args.file}")
    return 0


def handle_import(db: Database, args: argparse.Namespace) -> int:
    result = import_catalogue_file(db, args.file)
    print(
        f"已导入 {args.file}：新增 {len(result.added)} 家（{'、'.join(result.added) or '无'}），"
        f"更新 {len(result.replaced)} 家（{'、'.join(result.replaced) or '无'}）"
    )
    return 0
