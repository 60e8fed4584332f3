"""`packdesk stock …`, `packdesk reserve` and `packdesk cancel`: the stock ledger by hand."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli import EXIT_FAILED, EXIT_OK
from app.cli.args import whole_number
from app.cli.output import print_json, save
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
    stock = subparsers.add_parser("stock", help="库存：查看、核对、入库、调整")
    stock.add_argument("--json", action="store_true", help="以 JSON 输出，供程序读取")
    stock.add_argument("--filter", default="", help="只显示 SKU、名称或库位包含这些字的商品")
    stock.set_defaults(handler=handle_list)
    actions = stock.add_subparsers(dest="stock_action", metavar="ACTION")

    check = actions.add_parser("check", help="按库存台账重新计算并核对")
    check.set_defaults(handler=handle_check)

    receive = actions.add_parser("receive", help="供应商到货入库")
    receive.add_argument("sku")
    receive.add_argument("quantity", type=whole_number)
    receive.add_argument("--bin", help="货架位置，同时设为该商品的库位")
    receive.add_argument("--unit", help="quantity 的包装单位，如 打 或 8只装")
    receive.add_argument("--slip", type=Path, metavar="FILE.pdf", help="把入库单写入这个 PDF 文件")
    receive.set_defaults(handler=handle_receive)

    adjust = actions.add_parser("adjust", help="按正负数量修正现有库存（须写原因）")
    adjust.add_argument("sku")
    adjust.add_argument("quantity", type=whole_number)
    adjust.add_argument("--reason", required=True)
    adjust.set_defaults(handler=handle_adjust)

    propose = actions.add_parser("propose", help="为一个供应商生成补货建议")
    propose.add_argument("supplier")
    propose.add_argument("--out", type=Path, required=True, metavar="FILE.csv|FILE.xlsx")
    propose.set_defaults(handler=handle_propose)

    refresh = actions.add_parser("refresh", help="重新计算 ABC 分类和销量预测")
    refresh.set_defaults(handler=handle_refresh)

    reserve = subparsers.add_parser("reserve", help="为订单的商品预留库存")
    reserve.add_argument("order_no")
    reserve.add_argument("--json", action="store_true", help="以 JSON 输出，供程序读取")
    reserve.add_argument(
        "--restock-pdf",
        type=Path,
        metavar="FILE.pdf",
        help="把缺货部分的采购申请写入这个 PDF 文件",
    )
    reserve.set_defaults(handler=handle_reserve)

    cancel = subparsers.add_parser("cancel", help="取消订单，释放它预留的库存")
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

        save(args.slip, render_receipt_slip([receipt]), stored="入库已记录")
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

        save(args.restock_pdf, render_restock_request(list(shortage.requests)))
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
