"""`packdesk stock …`, `packdesk reserve` and `packdesk cancel`: the stock ledger by hand."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli import EXIT_FAILED, EXIT_OK
from app.cli.args import whole_number
from app.cli.output import print_json
from app.config import current_user
from app.db.engine import Database
from app.orders.lookup import find_order
from app.stock.cancel import cancel_order
from app.stock.check import check_stock
from app.stock.listing import list_stock
from app.stock.planning import refresh_planning
from app.stock.receiving import adjust_stock, receive_goods
from app.stock.replenishment import export_proposal, proposal_for_supplier
from app.stock.reservation import STATE_LABELS, reserve_order
from app.stock.shortages import handle_shortage


def register(subparsers) -> None:
    stock = subparsers.add_parser("stock", help="stock figures, check, receive, adjust")
    stock.add_argument("--json", action="store_true", help="machine-readable output")
    stock.add_argument("--filter", default="", help="only SKUs/names/bins containing this")
    stock.set_defaults(handler=handle_list)
    actions = stock.add_subparsers(dest="stock_action", metavar="ACTION")

    check = actions.add_parser("check", help="recompute figures from the ledger and compare")
    check.set_defaults(handler=handle_check)

    receive = actions.add_parser("receive", help="goods in from a supplier")
    receive.add_argument("sku")
    receive.add_argument("quantity", type=whole_number)
    receive.add_argument("--bin", help="shelf place; becomes the product's bin")
    receive.add_argument("--unit", help="pack unit of QUANTITY, e.g. 打 or 8只装")
    receive.add_argument("--slip", type=Path, metavar="FILE.pdf", help="write a receipt slip")
    receive.set_defaults(handler=handle_receive)

    adjust = actions.add_parser("adjust", help="correct on hand by +/-QTY with a reason")
    adjust.add_argument("sku")
    adjust.add_argument("quantity", type=whole_number)
    adjust.add_argument("--reason", required=True)
    adjust.set_defaults(handler=handle_adjust)

    propose = actions.add_parser("propose", help="replenishment proposal for one supplier")
    propose.add_argument("supplier")
    propose.add_argument("--out", type=Path, required=True, metavar="FILE.csv|FILE.xlsx")
    propose.set_defaults(handler=handle_propose)

    refresh = actions.add_parser("refresh", help="recompute ABC classes and forecasts")
    refresh.set_defaults(handler=handle_refresh)

    reserve = subparsers.add_parser("reserve", help="reserve stock for an order's lines")
    reserve.add_argument("order_no")
    reserve.add_argument("--json", action="store_true", help="machine-readable output")
    reserve.add_argument(
        "--restock-pdf",
        type=Path,
        metavar="FILE.pdf",
        help="write the purchase request for what is short",
    )
    reserve.set_defaults(handler=handle_reserve)

    cancel = subparsers.add_parser("cancel", help="cancel an order and release its stock")
    cancel.add_argument("order_no")
    cancel.set_defaults(handler=handle_cancel)


def handle_list(db: Database, args: argparse.Namespace) -> int:
    with db.reading() as session:
        rows = list_stock(session, args.filter)
    if args.json:
        print_json(
            [
                {
                    "sku": r.sku,
                    "name": r.name,
                    "bin": r.bin,
                    "on_hand": r.on_hand,
                    "reserved": r.reserved,
                    "available": r.available,
                    "reorder_point": r.reorder_point,
                    "safety_stock": r.safety_stock,
                    "abc_class": r.abc_class,
                    "forecast_next_week": r.forecast_next_week,
                    "alert": r.alert,
                    "suggested": r.suggested,
                }
                for r in rows
            ]
        )
        return EXIT_OK
    print("SKU\t在库\t预留\t可用\t补货点\tABC\t品名")
    for r in rows:
        print(
            f"{r.sku}\t{r.on_hand}\t{r.reserved}\t{r.available}\t{r.reorder_point}\t"
            f"{r.abc_class or '-'}\t{r.name}"
        )
    return EXIT_OK


def handle_check(db: Database, args: argparse.Namespace) -> int:
    with db.reading() as session:
        report = check_stock(session)
    for d in report.differences:
        print(
            f"{d.sku}: 台账 在库 {d.ledger.on_hand} 预留 {d.ledger.reserved}，"
            f"存储 在库 {d.stored.on_hand} 预留 {d.stored.reserved}",
            file=sys.stderr,
        )
    for sku in report.negative:
        print(f"{sku}: 台账在库为负数", file=sys.stderr)
    if not report.ok:
        return EXIT_FAILED
    print(f"库存核对一致: {report.products_checked} 个商品")
    return EXIT_OK


def handle_receive(db: Database, args: argparse.Namespace) -> int:
    with db.transaction() as session:
        receipt = receive_goods(
            session, args.sku, args.quantity, unit=args.unit, bin=args.bin, user=current_user()
        )
    print(
        f"{receipt.sku} 入库 {receipt.pieces} 件 → 库位 {receipt.bin or '-'}，"
        f"在库 {receipt.on_hand_after}"
    )
    if args.slip:
        from app.documents.receipt_slip import render_receipt_slip

        args.slip.write_bytes(render_receipt_slip([receipt]))
        print(f"入库单: {args.slip}")
    return EXIT_OK


def handle_adjust(db: Database, args: argparse.Namespace) -> int:
    with db.transaction() as session:
        done = adjust_stock(
            session, args.sku, args.quantity, reason=args.reason, user=current_user()
        )
    print(f"{done.sku} 调整 {done.delta:+d}，在库 {done.on_hand_after}（{done.reason}）")
    return EXIT_OK


def handle_propose(db: Database, args: argparse.Namespace) -> int:
    with db.reading() as session:
        lines = proposal_for_supplier(session, args.supplier)
    export_proposal(lines, args.out)
    print(f"补货建议 {args.supplier}: {len(lines)} 个商品 → {args.out}")
    return EXIT_OK


def handle_refresh(db: Database, args: argparse.Namespace) -> int:
    with db.transaction() as session:
        count = refresh_planning(session)
    print(f"已重算 {count} 个商品的 ABC 分类与需求预测")
    return EXIT_OK


def handle_reserve(db: Database, args: argparse.Namespace) -> int:
    """Reserve, and for what is short ask the supplier and tell the customer (once)."""
    with db.transaction() as session:
        order = find_order(session, args.order_no)
        result = reserve_order(session, order, current_user())
        shortage = (
            None if result.complete else handle_shortage(session, order, result, current_user())
        )
    if args.restock_pdf and shortage and shortage.requests:
        from app.documents.restock_request import render_restock_request

        args.restock_pdf.write_bytes(render_restock_request(list(shortage.requests)))
    if args.json:
        print_json(
            {
                "order_no": result.order_no,
                "complete": result.complete,
                "lines": list(result.lines),
                "restock": list(shortage.requests) if shortage else [],
            }
        )
        return EXIT_OK
    for line in result.lines:
        print(
            f"{line.line_no}\t{line.sku}\t{STATE_LABELS[line.state]}\t订购 {line.ordered}"
            f"\t预留 {line.reserved}\t缺货 {line.backordered}"
        )
    for request in shortage.requests if shortage else ():
        print(f"采购申请 {request.sku} × {request.quantity}，预计 {request.expected_on} 到货")
    return EXIT_OK


def handle_cancel(db: Database, args: argparse.Namespace) -> int:
    with db.transaction() as session:
        released = cancel_order(session, find_order(session, args.order_no), current_user())
    print(f"订单 {args.order_no} 已取消，释放 {sum(r.quantity for r in released)} 件")
    return EXIT_OK
