"""The receipt slip (入库单) a receiver signs when supplier goods go on the shelf."""

from __future__ import annotations

from app.config import desk_timezone
from app.documents.stock_table import Column, Sheet, render_sheet
from app.stock.receiving import ReceiptView

COLUMNS = (
    Column("商品编码", 40),
    Column("品名", 52),
    Column("数量", 18, "right"),
    Column("单位", 14),
    Column("件数", 18, "right"),
    Column("库位", 18),
    Column("入库后", 20, "right"),
)


def render_receipt_slip(receipts: list[ReceiptView]) -> bytes:
    first = receipts[0]
    when = first.at.astimezone(desk_timezone()).strftime("%Y-%m-%d %H:%M")
    sheet = Sheet(
        title="入库单",
        facts=(
            ("入库单号", f"RK{first.move_id:08d}"),
            ("供应商", first.supplier or "—"),
            ("时间", when),
            ("收货人", first.user),
        ),
        columns=COLUMNS,
        rows=tuple(
            (
                r.sku,
                r.name,
                str(r.quantity),
                r.unit,
                str(r.pieces),
                r.bin or "—",
                str(r.on_hand_after),
            )
            for r in receipts
        ),
        footer="收货人签字: ______________    仓管签字: ______________",
    )
    return render_sheet(sheet)
