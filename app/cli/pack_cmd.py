"""`packdesk pack ORDER_NO --scan CODE …` and `packdesk scan-parse CODE`.

`pack` runs the same services as the packing window: each scan is stored as it is made, so a
batch with a wrong code still keeps the good scans before and after it. `--box` and
`--weight` then choose the packaging and record the parcel's weight; both are checked before
the first scan is stored, so a typo in them never leaves the order packed behind an error.

When any scan of the batch is refused, box and weight are not recorded: the parcel on the
scale is not what the batch said it would be (an item too many or the wrong one), so a weight
judged against it would pass or block the wrong parcel. The clerk is told they were left out.

A weight outside the tolerance is stored, blocked, and exits 3 like a refused scan: the order
is packed, but the parcel may not get a label until it is weighed again or a supervisor lets
it go on in the packing window (F10), which is where the supervisor's name and reason are
taken.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass

from app.cli import EXIT_BAD_INPUT
from app.cli.output import print_json
from app.db.engine import Database
from app.db.models import Order
from app.packing import boxes
from app.packing.boxes import PackagingRefused, list_packaging
from app.packing.scan_codes import parse_scan
from app.packing.service import open_for_packing, packing_view, scan
from app.packing.station import ParcelView, choose_packaging
from app.packing.views import PackingView, products_of
from app.packing.weighing import WEIGHT_STATE_LABELS, parse_weight, record_weight


def register(subparsers) -> None:
    p = subparsers.add_parser("pack", help="扫描商品，为订单打包")
    p.add_argument("order_no", metavar="ORDER_NO", help="订单号或拣货单上的条码")
    p.add_argument(
        "--scan",
        dest="scans",
        metavar="CODE",
        action="append",
        default=[],
        required=True,
        help="扫到的条码；每扫一次写一个 --scan（3*CODE 表示 3 件）",
    )
    p.add_argument("--box", metavar="CODE", help="包装箱代码（不填则用建议的箱子）")
    p.add_argument("--box-reason", default="", help="不用建议箱子的原因")
    p.add_argument("--weight", metavar="KG", help="包裹实际称得的重量（kg）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出，供程序读取")
    p.set_defaults(handler=handle_pack)

    s = subparsers.add_parser("scan-parse", help="显示扫码枪读到的原始内容是什么意思")
    s.add_argument("code", metavar="CODE")
    s.add_argument("--json", action="store_true", help="以 JSON 输出，供程序读取")
    s.set_defaults(handler=handle_scan_parse)


@dataclass(frozen=True)
class ScanOutcome:
    code: str
    accepted: bool
    reason: str
    line_no: int | None
    quantity: int


@dataclass(frozen=True)
class PackOutcome:
    order_no: str
    status: str
    status_label: str
    units_expected: int
    units_scanned: int
    scans: list[ScanOutcome]
    box: str | None = None
    filling: str | None = None
    weight: str | None = None
    expected_weight: str | None = None
    volumetric_weight: str | None = None
    weight_state: str | None = None


def handle_pack(db: Database, args: argparse.Namespace) -> int:
    view = open_for_packing(db, args.order_no)
    check_options(db, view.order_id, args)
    outcomes = []
    for code in args.scans:
        result = scan(db, view.order_id, code)
        outcomes.append(
            ScanOutcome(code, result.accepted, result.reason, result.line_no, result.quantity)
        )
    refused = sum(not o.accepted for o in outcomes)

    parcel = None
    if not refused and (args.box is not None or args.weight is not None):
        parcel = choose_packaging(db, view.order_id, box_code=args.box, reason=args.box_reason)
    if not refused and args.weight is not None:
        parcel = record_weight(db, view.order_id, args.weight, source="cli")

    final = packing_view(db, view.order_id)
    outcome = PackOutcome(
        order_no=final.order_no,
        status=final.status,
        status_label=final.status_label,
        units_expected=final.units_expected,
        units_scanned=final.units_scanned,
        scans=outcomes,
        box=parcel.box_code if parcel else None,
        filling=parcel.filling_code if parcel else None,
        weight=_text(parcel.weight) if parcel else None,
        expected_weight=_text(parcel.expected_weight) if parcel else None,
        volumetric_weight=_text(parcel.volumetric_weight) if parcel else None,
        weight_state=parcel.weight_state if parcel else None,
    )
    if args.json:
        print_json(outcome)
    else:
        for o in outcomes:
            print(f"{'已收' if o.accepted else '拒收'}\t{o.code}\t{o.reason}")
        print(
            f"{final.order_no}\t{final.status_label}\t{final.units_scanned}/{final.units_expected}"
        )
        if parcel:
            print(_parcel_line(db, parcel))

    if refused:
        print(f"packdesk: {refused} 次扫描被拒绝，订单未因这些扫描改变", file=sys.stderr)
        if args.box is not None or args.weight is not None:
            print(_not_stored(args, final), file=sys.stderr)
        return EXIT_BAD_INPUT
    if parcel is not None and parcel.weight_state == "blocked":
        print(_blocked(final.order_no, parcel), file=sys.stderr)
        return EXIT_BAD_INPUT
    return 0


def _parcel_line(db: Database, parcel: ParcelView) -> str:
    """Box by code and name, filling by name: the clerk picks both off a shelf by its label."""
    names = {p.code: p.name for p in list_packaging(db)}
    box = f"{parcel.box_code} {names.get(parcel.box_code, '')}".strip() or "无"
    filling = names.get(parcel.filling_code, parcel.filling_code) or "无"
    weight = "未称重" if parcel.weight is None else f"{parcel.weight} kg"
    state = (
        ""
        if parcel.weight is None
        else WEIGHT_STATE_LABELS.get(parcel.weight_state, parcel.weight_state)
    )
    return (
        f"箱子 {box}  填充 {filling}  重量 {weight}（应为 {parcel.expected_weight or '—'} kg，"
        f"体积重 {parcel.volumetric_weight or '—'} kg）{state}"
    )


def _not_stored(args: argparse.Namespace, final: PackingView) -> str:
    given = "、".join(
        f"{option} {value}"
        for option, value in (("--box", args.box), ("--weight", args.weight))
        if value is not None
    )
    if final.complete:
        todo = f"订单已扫完，请在打包窗口打开订单 {final.order_no}，核对包裹后选箱并称重"
    elif final.blocked_reason:
        todo = final.blocked_reason
    else:
        todo = f"请核对包裹；补扫其余商品时，在同一条命令里再给出 {given}"
    return f"packdesk: 因有扫描被拒绝，{given} 没有记录；{todo}"


def _blocked(order_no: str, parcel: ParcelView) -> str:
    return (
        f"packdesk: 订单 {order_no} 包裹 {parcel.parcel_no} 称得 {parcel.weight} kg，"
        f"应为 {parcel.expected_weight} kg，超出允许误差，包裹不能发出（不能打印面单）。"
        f"请检查包裹里的商品和填充物后重新称重：在打包窗口打开订单 {order_no}，"
        "输入重量（如 1.25kg）或按 F8 读秤；如重量确实无误，请主管在打包窗口按 F10 放行。"
    )


def check_options(db: Database, order_id: int, args: argparse.Namespace) -> None:
    """Refuse a bad `--weight` or `--box` before any scan is stored.

    The box needs a reason unless it is the one proposed for the whole order, which is what
    the parcel holds once this batch has scanned every unit.
    """
    if args.weight is not None:
        parse_weight(args.weight)
    if args.box is None:
        return

    known = {p.code: p for p in list_packaging(db)}
    box = known.get(args.box)
    if box is None or box.kind not in boxes.BOX_KINDS:
        raise PackagingRefused(f"--box {args.box}：包装目录中没有这个箱子")
    if box.stock <= 0:
        raise PackagingRefused(f"--box {args.box}：{box.name} 已无库存")
    if args.box_reason.strip():
        return
    proposed = _proposed_box(db, order_id)
    if args.box != proposed:
        raise PackagingRefused(
            f"--box {args.box}：建议用 {proposed or '—'}；改用其他箱子需要 --box-reason"
        )


def _proposed_box(db: Database, order_id: int) -> str:
    # TODO: a batch that scans only part of the order is checked against the whole order's
    # box; the station still refuses afterwards if the parcel's own proposal differs.
    with db.reading() as session:
        order = session.get(Order, order_id)
        products = products_of(session, order)
        items = [
            (products[ln.product_id], ln.quantity)
            for ln in order.lines
            if ln.product_id in products
        ]
        proposal = boxes.propose(session, boxes.Goods.of(items))
        return proposal.box.code if proposal.box else ""


def _text(value) -> str | None:
    return None if value is None else str(value)


def handle_scan_parse(db: Database, args: argparse.Namespace) -> int:
    parsed = parse_scan(args.code)
    if args.json:
        print_json({**_parsed_dict(parsed)})
        return 0 if parsed.ok else EXIT_BAD_INPUT
    print(f"原始        {parsed.raw!r}")
    print(f"码制前缀    {parsed.symbology or '-'} {parsed.symbology_name}")
    print(f"数据        {parsed.data}")
    print(f"类型        {parsed.kind}")
    if parsed.quantity != 1:
        print(f"数量        {parsed.quantity}")
    if parsed.check_digit_ok is not None:
        state = "正确" if parsed.check_digit_ok else "错误"
        print(
            f"校验位      {state}"
            + (f"（应为 {parsed.expected_check_digit}）" if parsed.expected_check_digit else "")
        )
    for e in parsed.elements:
        check = "" if e.check_ok is None else ("  校验位正确" if e.check_ok else "  校验位错误")
        print(f"({e.ai}) {e.title:<24} {e.value}{check}")
    if parsed.error:
        print(f"错误        {parsed.error}")
    return 0 if parsed.ok else EXIT_BAD_INPUT


def _parsed_dict(parsed) -> dict:
    return {
        "raw": parsed.raw,
        "symbology": parsed.symbology,
        "symbology_name": parsed.symbology_name,
        "data": parsed.data,
        "kind": parsed.kind,
        "check_digit_ok": parsed.check_digit_ok,
        "expected_check_digit": parsed.expected_check_digit,
        "quantity": parsed.quantity,
        "elements": [
            {"ai": e.ai, "title": e.title, "value": e.value, "check_ok": e.check_ok}
            for e in parsed.elements
        ],
        "lookup_codes": list(parsed.lookup_codes),
        "ok": parsed.ok,
        "error": parsed.error,
    }
