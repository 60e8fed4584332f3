"""The count list PDF: every product of the bin with its barcode and a blank to write in.

The expected figure is left off on purpose (a blind count), so counters count what is there
rather than confirm what the system says.
"""

from __future__ import annotations

from app.documents.stock_table import Column, Sheet, render_sheet
from app.stock.counting import CountView

COLUMNS = (
    Column("商品编码", 34),
    Column("品名", 56),
    Column("条码", 56),
    Column("实盘数量", 24, "right"),
    Column("备注", 10),
)


def render_count_list(count: CountView) -> bytes:
    sheet = Sheet(
        title="盘点单",
        facts=(
            ("盘点单号", f"PD{count.count_id:06d}"),
            ("库位", count.bin),
            ("盘点人", count.created_by),
            ("商品数", str(len(count.lines))),
        ),
        columns=COLUMNS,
        rows=tuple(
            (line.sku, line.name, line.barcode or line.sku, "", "") for line in count.lines
        ),
        barcode_column=2,
        footer="盘点期间本库位暂停出入库。盘点人: __________  主管: __________",
    )
    return render_sheet(sheet)
