"""The purchase request (采购申请单) sent to a supplier for goods an order is waiting on."""

from __future__ import annotations

from app.config import desk_timezone
from app.db.types import utcnow
from app.documents.stock_table import Column, Sheet, render_sheet
from app.stock.shortages import RestockView

COLUMNS = (
    Column("商品编码", 38),
    Column("品名", 60),
    Column("数量", 20, "right"),
    Column("预计到货", 28),
    Column("关联订单", 34),
)


def render_restock_request(requests: list[RestockView]) -> bytes:
    first = requests[0]
    today = utcnow().astimezone(desk_timezone()).date()
    sheet = Sheet(
        title="采购申请单",
        facts=(
            ("申请单号", f"CG{first.request_id:08d}"),
            (
                "供应商",
                f"{first.supplier_name} ({first.supplier_code})"
                if first.supplier_code
                else "未指定",
            ),
            ("申请日期", today.isoformat()),
            ("要求到货", max(r.expected_on for r in requests).isoformat()),
        ),
        columns=COLUMNS,
        rows=tuple(
            (r.sku, r.name, str(r.quantity), r.expected_on.isoformat(), r.order_no)
            for r in requests
        ),
        footer="申请人: ______________    供应商确认: ______________",
    )
    return render_sheet(sheet)
