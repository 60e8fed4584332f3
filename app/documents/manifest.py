"""The handover manifest (交接清单): what the courier took, what was missing, both signatures.

A reprint (补打) of a lost manifest says so on every page, with the time it was printed, so it
is never taken for the sheet signed at the pickup.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime

from reportlab.pdfgen.canvas import Canvas

from app.config import desk_timezone
from app.documents.fonts import register_cjk_font
from app.documents.page import A4, mm

_ROW = mm(6)


@dataclass(frozen=True)
class ManifestLine:
    tracking_no: str
    order_no: str
    destination: str
    # "2/3" for the second of an order's three parcels; "" for an order in one parcel.
    piece: str = ""


def render_manifest(
    handover_id: int,
    carrier_name: str,
    started_at: datetime,
    closed_at: datetime,
    expected: int | None,
    shipped: list[ManifestLine],
    missing: list[ManifestLine],
    *,
    reprinted_at: datetime | None = None,
) -> bytes:
    """A4 pages: the shipped parcels numbered, the missing listed, signature lines at the end.

    `expected` is None when the count expected at the pickup is not known (a reprint); the
    heading then gives only the parcels handed over.
    """
    font = register_cjk_font()
    out = io.BytesIO()
    c = Canvas(out, pagesize=A4.size_pt)
    c.setTitle(f"交接清单 {handover_id}")
    width, height = A4.size_pt
    left, right = mm(15), width - mm(15)
    tz = desk_timezone()

    if expected is None:
        counts = f"已交接 {len(shipped)} 件（补打单不列交接时未扫的包裹）"
    else:
        counts = f"应交 {expected} 件，实扫 {len(shipped)} 件，未扫 {len(missing)} 件"

    def heading() -> float:
        c.setFont(font, 16)
        c.drawString(left, height - mm(20), f"交接清单  #{handover_id}  {carrier_name}")
        if reprinted_at is not None:
            c.setFont(font, 12)
            c.drawRightString(
                right, height - mm(20), f"补打  {reprinted_at.astimezone(tz):%Y-%m-%d %H:%M}"
            )
        c.setFont(font, 9)
        c.drawString(
            left,
            height - mm(27),
            f"开始 {started_at.astimezone(tz):%Y-%m-%d %H:%M}    "
            f"交接 {closed_at.astimezone(tz):%Y-%m-%d %H:%M}    {counts}",
        )
        return height - mm(36)

    def section(title: str, rows: list[ManifestLine], y: float) -> float:
        c.setFont(font, 11)
        c.drawString(left, y, title)
        y -= _ROW
        c.setFont(font, 9)
        for column, x in (
            ("序号", 0),
            ("运单号", 12),
            ("订单号", 62),
            ("件", 112),
            ("目的地", 127),
        ):
            c.drawString(left + mm(x), y, column)
        c.line(left, y - mm(1.5), right, y - mm(1.5))
        y -= _ROW
        for number, row in enumerate(rows, start=1):
            if y < mm(45):
                c.showPage()
                y = heading()
                c.setFont(font, 9)
            c.drawString(left, y, str(number))
            c.drawString(left + mm(12), y, row.tracking_no)
            c.drawString(left + mm(62), y, row.order_no)
            c.drawString(left + mm(112), y, row.piece or "1")
            c.drawString(left + mm(127), y, row.destination[:20])
            y -= _ROW
        return y - _ROW

    y = heading()
    y = section("已交接包裹", shipped, y)
    if missing:
        y = section("未扫描（未交接）包裹", missing, y)
    if y < mm(45):
        c.showPage()
        heading()
    c.setFont(font, 10)
    for x, who in ((left, "仓库交接人签字"), (width / 2 + mm(5), "快递员签字")):
        c.drawString(x, mm(30), f"{who}：")
        c.line(x + mm(28), mm(29), x + mm(80), mm(29))
        c.drawString(x, mm(20), "日期：")
        c.line(x + mm(28), mm(19), x + mm(80), mm(19))
    c.showPage()
    c.save()
    return out.getvalue()
