"""`packdesk orders`: list orders with their state and why they are held."""

from __future__ import annotations

import argparse

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.cli.output import print_json
from app.db.engine import Database
from app.db.models import Order
from app.orders.platforms import platform_label
from app.orders.queries import detail_of
from app.orders.status import Status


def register(subparsers) -> None:
    p = subparsers.add_parser("orders", help="列出订单")
    p.add_argument("--status", choices=[s.value for s in Status])
    p.add_argument("--json", action="store_true", help="以 JSON 输出，供程序读取")
    p.set_defaults(handler=handle)


def handle(db: Database, args: argparse.Namespace) -> int:
    with db.reading() as session:
        query = select(Order).options(
            selectinload(Order.lines),
            selectinload(Order.findings),
            selectinload(Order.events),
            selectinload(Order.shipments),
        )
        if args.status:
            query = query.where(Order.status == args.status)
        orders = [detail_of(o) for o in session.scalars(query.order_by(Order.id))]

    if args.json:
        print_json(orders)
        return 0
    for o in orders:
        reasons = "; ".join(f.reason for f in o.findings if f.severity == "hold")
        print(
            f"{platform_label(o.platform)}\t{o.order_no}\t{o.status_label}\t{o.recipient}"
            f"\t{o.paid_total}\t{reasons}"
        )
    return 0
