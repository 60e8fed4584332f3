"""`packdesk returns …`: register, review, receive, refund and exchange returns (RMA)."""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal, InvalidOperation

from app.cli import EXIT_FAILED, EXIT_OK
from app.cli.output import print_json
from app.db.engine import Database
from app.returns.errors import ReturnInputError
from app.returns.exchange import exchange_return
from app.returns.queries import get_return, list_returns
from app.returns.reasons import REASONS
from app.returns.receiving import GRADE_WORDS, receive_parcel
from app.returns.refund import preview_refund, refund_return
from app.returns.request import create_return, link_return, parse_line_spec
from app.returns.review import review_return
from app.returns.shipping import PAYERS, record_return_shipping
from app.returns.states import ReturnState


def register(subparsers) -> None:
    returns = subparsers.add_parser("returns", help="退货（RMA）：列表、登记、审核、收货…")
    returns.add_argument("--json", action="store_true", help="以 JSON 输出，供程序读取")
    returns.add_argument("--state", choices=[s.value for s in ReturnState])
    returns.set_defaults(handler=handle_list)
    actions = returns.add_subparsers(dest="returns_action", metavar="ACTION")

    new = actions.add_parser("new", help="为订单登记退货")
    new.add_argument("order_no", nargs="?", help="订单号、运单号或电话")
    new.add_argument(
        "--line",
        action="append",
        required=True,
        metavar="SKU:QTY:REASON",
        help="退货原因写代码或中文："
        + "、".join(f"{code}（{words}）" for code, words in REASONS.items())
        + "；后面可再加 :说明",
    )
    new.add_argument(
        "--unannounced",
        action="store_true",
        help="货到了却不知道是哪个订单的；之后用 `returns link` 关联订单",
    )
    new.add_argument("--customer", default="")
    new.add_argument("--phone", default="")
    new.add_argument("--note", default="")
    new.add_argument("--json", action="store_true")
    new.set_defaults(handler=handle_new)

    link = actions.add_parser("link", help="把不知道订单的退货关联到订单")
    link.add_argument("rma_no")
    link.add_argument("order_no")
    link.set_defaults(handler=handle_link)

    review = actions.add_parser("review", help="按退货政策批准或拒绝")
    review.add_argument("rma_no")
    decision = review.add_mutually_exclusive_group(required=True)
    decision.add_argument("--approve", action="store_true")
    decision.add_argument("--reject", action="store_true")
    review.add_argument("--reason", required=True, help="原因（会告诉客户）")
    review.add_argument("--override", action="store_true", help="批准政策不允许的商品（主管用）")
    review.set_defaults(handler=handle_review)

    ship = actions.add_parser("ship", help="登记退货包裹的快递公司和运单号")
    ship.add_argument("rma_no")
    ship.add_argument("--carrier", required=True)
    ship.add_argument("--tracking", required=True)
    ship.add_argument("--payer", choices=sorted(PAYERS), default="buyer")
    ship.add_argument("--postage", default="0", help="客户垫付的退货运费（元）")
    ship.add_argument("--address", default="")
    ship.set_defaults(handler=handle_ship)

    grade_words: dict[str, list[str]] = {}
    for word, code in GRADE_WORDS.items():
        grade_words.setdefault(code, []).append(word)
    receive = actions.add_parser("receive", help="扫描退回的商品并分级")
    receive.add_argument("rma_no", help="退货单号（RMA）或退货运单号")
    receive.add_argument("--scan", action="append", default=[], metavar="CODE")
    receive.add_argument(
        "--grade",
        action="append",
        default=[],
        metavar="SKU:GRADE",
        help="等级写代码或中文："
        + "、".join(f"{code}（{'/'.join(words)}）" for code, words in grade_words.items()),
    )
    receive.set_defaults(handler=handle_receive)

    refund = actions.add_parser("refund", help="为已验货的退货退款，并列出明细")
    refund.add_argument("rma_no")
    refund.add_argument("--preview", action="store_true", help="只算金额，不做任何改动")
    refund.add_argument("--json", action="store_true")
    refund.set_defaults(handler=handle_refund)

    exchange = actions.add_parser("exchange", help="创建换货订单")
    exchange.add_argument("rma_no")
    exchange.add_argument(
        "--line",
        action="append",
        metavar="SKU:QTY",
        help="改发这些商品，而不是退回的同款",
    )
    exchange.set_defaults(handler=handle_exchange)

    show = actions.add_parser("show", help="一笔退货及其每一步")
    show.add_argument("rma_no")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=handle_show)


def handle_list(db: Database, args: argparse.Namespace) -> int:
    rows = list_returns(db, args.state)
    if args.json:
        print_json(rows)
        return EXIT_OK
    for r in rows:
        print(
            f"{r.rma_no}\t{r.order_no or '-'}\t{r.state_label}\t{r.customer}\t"
            f"{r.units_received}/{r.units_requested}\t{r.created_at:%Y-%m-%d %H:%M}"
        )
    return EXIT_OK


def handle_new(db: Database, args: argparse.Namespace) -> int:
    if bool(args.order_no) == bool(args.unannounced):
        raise ReturnInputError("ORDER_NO", "给出订单号，或用 --unannounced 登记未预约到货")
    lines = [parse_line_spec(spec) for spec in args.line]
    detail = create_return(
        db, args.order_no, lines, note=args.note, customer=args.customer, phone=args.phone
    )
    if args.json:
        print_json(detail)
    else:
        print(f"{detail.rma_no}\t{detail.order_no or '未关联'}\t{detail.state_label}")
    return EXIT_OK


def handle_link(db: Database, args: argparse.Namespace) -> int:
    detail = link_return(db, args.rma_no, args.order_no)
    print(f"{detail.rma_no}\t关联订单 {detail.order_no}")
    return EXIT_OK


def handle_review(db: Database, args: argparse.Namespace) -> int:
    detail = review_return(
        db, args.rma_no, approve=args.approve, reason=args.reason, override=args.override
    )
    for e in detail.eligibility:
        print(f"{e.sku}\t×{e.quantity}\t{'可退' if e.eligible else '不可退'}\t{e.why}")
    print(f"{detail.rma_no}\t{detail.state_label}\t{detail.decision_reason}")
    return EXIT_OK


def handle_ship(db: Database, args: argparse.Namespace) -> int:
    try:
        postage = Decimal(args.postage)
    except InvalidOperation:
        raise ReturnInputError("--postage", f"「{args.postage}」不是金额") from None
    detail = record_return_shipping(
        db,
        args.rma_no,
        carrier=args.carrier,
        tracking_no=args.tracking,
        payer=args.payer,
        postage=postage,
        address=args.address,
    )
    print(
        f"{detail.rma_no}\t{detail.state_label}\t{detail.return_carrier} "
        f"{detail.return_tracking_no}"
    )
    return EXIT_OK


def handle_receive(db: Database, args: argparse.Namespace) -> int:
    result = receive_parcel(db, args.rma_no, args.scan, args.grade)
    for code, scan in zip(args.scan, result.scans, strict=True):
        print(f"{'✓' if scan.accepted else '✗'}\t{code}\t{scan.message}")
    for sku, grade in result.grades:
        print(f"{sku}\t{grade}\t{result.detail.state_label}")
    unexpected = sum(not scan.accepted for scan in result.scans)
    if unexpected:
        print(f"packdesk: {unexpected} 件意外物品已登记，未入库，请主管处理", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def handle_refund(db: Database, args: argparse.Namespace) -> int:
    breakdown = preview_refund(db, args.rma_no) if args.preview else refund_return(db, args.rma_no)
    if args.json:
        print_json(breakdown)
        return EXIT_OK
    for ln in breakdown.lines:
        print(
            f"{ln.sku}\t{ln.units}/{ln.ordered} 件\t单价 {ln.unit_price}\t小计 {ln.gross}\t"
            f"分摊优惠 -{ln.discount_share}\t实付 {ln.paid}\t退 {ln.refund}"
        )
    print(f"商品\t{breakdown.goods}")
    print(f"运费\t{breakdown.postage}\t（{breakdown.postage_rule}）")
    print(f"退回运费\t{breakdown.return_postage}")
    print(f"合计\t{breakdown.total}")
    return EXIT_OK


def _swap(spec: str) -> tuple[str, int]:
    sku, _, qty = spec.rpartition(":")
    if not sku or not qty.isdigit():
        raise ReturnInputError(f"--line {spec}", "应写成 SKU:数量")
    return sku, int(qty)


def handle_exchange(db: Database, args: argparse.Namespace) -> int:
    swaps = [_swap(s) for s in args.line] if args.line else None
    result = exchange_return(db, args.rma_no, lines=swaps)
    lines = "，".join(f"{sku}×{qty}" for sku, qty in result.lines)
    print(f"{result.rma_no}\t换货订单 {result.order_no}\t{result.status}\t{lines}")
    return EXIT_OK


def handle_show(db: Database, args: argparse.Namespace) -> int:
    detail = get_return(db, args.rma_no)
    if args.json:
        print_json(detail)
        return EXIT_OK
    print(f"{detail.rma_no}\t{detail.order_no or '未关联'}\t{detail.state_label}")
    for ln in detail.lines:
        print(f"  {ln.sku}\t×{ln.quantity}\t{ln.reason_label}\t已收 {ln.received}")
    for u in detail.units:
        print(f"  件 {u.id}\t{u.sku or u.code}\t{u.grade_label or u.problem or '待判定'}")
    for s in detail.steps:
        print(f"  {s.at:%Y-%m-%d %H:%M}\t{s.user}\t{s.action}\t{s.note}")
    return EXIT_OK
