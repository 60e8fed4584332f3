"""The pick list PDF: one row per product, in bin order, with a barcode to scan at the shelf.

Under the products, one row per order with its pick-slip barcode (`PS` + the order id): the
goods of an order travel to the packing desk with that row, and scanning it there opens the
order, so the clerk never types an order number.
"""

from __future__ import annotations

from app.config import desk_timezone
from app.db.types import utcnow
from app.documents.stock_table import Column, Section, Sheet, render_sheet
from app.packing.service import pick_slip_code
from app.stock.picking import PickList

COLUMNS = (
    Column("库位", 22),
    Column("商品编码", 30),
    Column("品名", 46),
    Column("数量", 14, "right"),
    Column("条码", 48),
    Column("订单", 20),
)
SLIP_COLUMNS = (
    Column("序号", 12),
    Column("订单号", 52),
    Column("收件人", 34),
    Column("件数", 14, "right"),
    Column("拣货单条码（打包台扫描开单）", 68),
)


def render_pick_list(picks: PickList) -> bytes:
    now = utcnow().astimezone(desk_timezone()).strftime("%Y-%m-%d %H:%M")
    facts = [
        ("打印时间", now),
        ("订单数", str(len(picks.order_nos))),
        ("件数合计", str(sum(r.quantity for r in picks.rows))),
    ]
    if picks.skipped_cancelled:
        facts.append(("已取消不拣", "、".join(picks.skipped_cancelled)))
    sheet = Sheet(
        title="拣货单",
        facts=tuple(facts),
        columns=COLUMNS,
        rows=tuple(
            (
                r.bin or "—",
                r.sku,
                r.name,
                str(r.quantity),
                r.barcode or r.sku,
                f"{len(r.order_nos)} 单",
            )
            for r in picks.rows
        ),
        barcode_column=4,
        footer="拣货人: ______________",
        sections=(
            Section(
                "按订单分拣（打包台扫描条码开单）",
                SLIP_COLUMNS,
                tuple(
                    (
                        str(n),
                        o.order_no,
                        o.recipient or "—",
                        str(o.pieces),
                        pick_slip_code(o.order_id),
                    )
                    for n, o in enumerate(picks.orders, start=1)
                ),
                barcode_column=4,
            ),
        )
        if picks.orders
        else (),
    )
    return render_sheet(sheet)
