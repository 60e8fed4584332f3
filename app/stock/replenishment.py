"""Replenishment proposals per supplier, exported for the supplier (vendor-managed stock).

A proposal lists every product of the supplier at or below its reorder point or safety stock,
with the suggested quantity from `app.stock.alerts` (at least the supplier's MOQ). The export
is CSV (UTF-8 with a BOM, so Excel in Chinese Windows opens it correctly) or XLSX.
"""

from __future__ import annotations

import csv
import logging
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.config import desk_timezone
from app.db.models.stock_control import Supplier
from app.db.types import utcnow
from app.errors import BadInput
from app.stock.alerts import ALERT_LABELS
from app.stock.listing import list_stock

log = logging.getLogger(__name__)

HEADERS = (
    "供应商",
    "商品编码",
    "品名",
    "可用",
    "补货点",
    "安全库存",
    "周预测",
    "建议采购",
    "预计到货",
)


@dataclass(frozen=True)
class ProposalLine:
    supplier_code: str
    sku: str
    name: str
    available: int
    reorder_point: int
    safety_stock: int
    forecast_next_week: int
    suggested: int
    expected_on: date
    alert: str


def proposal_for_supplier(session: Session, supplier_code: str) -> list[ProposalLine]:
    supplier = session.scalar(select(Supplier).where(Supplier.code == supplier_code))
    if supplier is None:
        raise BadInput(f"供应商 {supplier_code} 不存在")
    expected = utcnow().astimezone(desk_timezone()).date() + timedelta(
        days=supplier.lead_time_days
    )
    return [
        ProposalLine(
            supplier.code,
            r.sku,
            r.name,
            r.available,
            r.reorder_point,
            r.safety_stock,
            r.forecast_next_week,
            r.suggested,
            expected,
            ALERT_LABELS[r.alert],
        )
        for r in list_stock(session, alerts_only=True)
        if r.supplier_code == supplier.code
    ]


def _values(line: ProposalLine) -> tuple:
    return (
        line.supplier_code,
        line.sku,
        line.name,
        line.available,
        line.reorder_point,
        line.safety_stock,
        line.forecast_next_week,
        line.suggested,
        line.expected_on.isoformat(),
    )


def export_proposal(lines: list[ProposalLine], path: Path) -> Path:
    """Write the proposal as .csv or .xlsx, chosen by the file's suffix."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(HEADERS)
            writer.writerows(_values(line) for line in lines)
    elif suffix == ".xlsx":
        book = Workbook()
        sheet = book.active
        sheet.title = "补货建议"
        sheet.append(HEADERS)
        for line in lines:
            sheet.append(_values(line))
        for cell in sheet["B"]:
            cell.number_format = "@"
        book.save(path)
    else:
        raise BadInput(f"{path}: 只能导出 .csv 或 .xlsx")
    log.info("replenishment proposal with %d line(s) written to %s", len(lines), path)
    return path
