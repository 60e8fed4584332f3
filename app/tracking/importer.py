"""Importing tracking events from carrier and aggregator exports (CSV or XLSX).

Exports differ in their headers, so columns are found by the names carriers use: the
aggregator's one-line-per-parcel summary (快递单号, 物流状态, 最新时间, 最新物流信息) and the
carrier's route detail (运单号, 路由时间, 路由节点, 操作描述). Some exports put a title line
above the header, so the header is looked for in the first few rows. Rows are checked one by
one: a bad row is refused with its row and column and the rest are stored, because a carrier
export is a report of facts, not an all-or-nothing order batch. Reading the same file again
stores nothing twice.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from pathlib import Path

from sqlalchemy import func, select

from app.config import current_user
from app.db.engine import Database
from app.db.models.tracking import TrackingException
from app.errors import FileRefused
from app.intake.cells import CellError, identifier, normalize_header, timestamp, unwrap
from app.intake.records import RefusedRow
from app.intake.tables import open_sheet
from app.tracking.events import record_event
from app.tracking.parcels import ParcelNotFound, find_parcel
from app.tracking.rules import detect_exceptions
from app.tracking.statuses import classify, shop_phrases

log = logging.getLogger(__name__)

ALIASES: dict[str, tuple[str, ...]] = {
    "tracking_no": (
        "运单号",
        "快递单号",
        "物流单号",
        "运单编号",
        "单号",
        "trackingnumber",
        "waybillno",
    ),
    "at": ("路由时间", "操作时间", "扫描时间", "最新时间", "更新时间", "物流时间", "时间", "time"),
    "status": ("物流状态", "路由节点", "扫描类型", "操作类型", "状态", "节点", "status"),
    "detail": (
        "最新物流信息",
        "物流信息",
        "操作描述",
        "路由信息",
        "描述",
        "详情",
        "备注",
        "detail",
    ),
    "location": ("所在城市", "所在地", "城市", "地点", "网点", "location"),
    "carrier": ("快递公司", "承运商", "carrier"),
}
HEADER_SEARCH_ROWS = 5


@dataclass(frozen=True)
class TrackingImportReport:
    file: str
    encoding: str
    rows: int
    stored: int
    unchanged: int
    delivered: int
    exceptions_opened: int
    refused: list[RefusedRow] = field(default_factory=list)


def _columns(header: list[str]) -> dict[str, int]:
    lowered = [h.lower() for h in header]
    found: dict[str, int] = {}
    for key, names in ALIASES.items():
        for name in names:
            if name in lowered:
                found[key] = lowered.index(name)
                break
    return found


def _find_header(sheet) -> tuple[list[str], dict[str, int], list[tuple[int, list[str]]]]:
    """The real header: the file's first line, or one of the next few under a title line."""
    columns = _columns(sheet.header)
    if "tracking_no" in columns:
        return sheet.raw_header, columns, []
    skipped = list(islice(sheet.rows, HEADER_SEARCH_ROWS))
    for i, (_, cells) in enumerate(skipped):
        columns = _columns([normalize_header(c) for c in cells])
        if "tracking_no" in columns:
            return [c.strip() for c in cells], columns, skipped[i + 1 :]
    raise FileRefused(sheet.file, "找不到运单号列（运单号/快递单号/物流单号）")


def import_tracking(
    db: Database,
    path: Path | str,
    carrier: str | None = None,
    user: str | None = None,
    now: datetime | None = None,
) -> TrackingImportReport:
    """Store the events of one export; refused rows are listed with their row and column."""
    sheet = open_sheet(path)
    raw_header, columns, head_rows = _find_header(sheet)
    for needed, words in (("at", "时间"), ("status", "状态或描述")):
        if needed not in columns and not (needed == "status" and "detail" in columns):
            raise FileRefused(sheet.file, f"找不到{words}列")

    who = user or current_user()
    stored = unchanged = delivered = rows = 0
    refused: list[RefusedRow] = []

    def name(key: str) -> str:
        return raw_header[columns[key]] if key in columns else ""

    def cell(cells: list[str], key: str) -> str:
        return unwrap(cells[columns[key]]) if key in columns else ""

    with db.transaction() as session:
        extra = shop_phrases(session)
        before = session.scalar(select(func.count(TrackingException.id))) or 0
        for row_no, cells in [*head_rows, *sheet.rows]:
            rows += 1
            try:
                number = identifier(cells[columns["tracking_no"]])
                shipment = find_parcel(session, number)
            except (CellError, ParcelNotFound) as exc:
                refused.append(RefusedRow(sheet.file, row_no, name("tracking_no"), str(exc)))
                continue
            if carrier and shipment.carrier.upper() != carrier.upper():
                reason = f"运单 {number} 属于 {shipment.carrier}，不是 {carrier}"
                refused.append(RefusedRow(sheet.file, row_no, name("tracking_no"), reason))
                continue

            try:
                at = timestamp(cell(cells, "at"))
            except CellError as exc:
                refused.append(RefusedRow(sheet.file, row_no, name("at"), str(exc)))
                continue
            if at is None:
                refused.append(RefusedRow(sheet.file, row_no, name("at"), "时间为空"))
                continue

            status_text, detail = cell(cells, "status"), cell(cells, "detail")
            status = classify(status_text, extra) or classify(detail, extra)
            if status is None:
                column = name("status") or name("detail")
                reason = f"物流状态「{status_text or detail}」无法识别"
                refused.append(RefusedRow(sheet.file, row_no, column, reason))
                continue

            event = record_event(
                session,
                shipment,
                status,
                at,
                raw_status=detail or status_text,
                location=cell(cells, "location"),
                source="import",
                source_file=sheet.file,
                user=who,
            )
            if event is None:
                unchanged += 1
                continue
            stored += 1
            delivered += status.value == "delivered"

        detect_exceptions(session, now)
        session.flush()
        opened = (session.scalar(select(func.count(TrackingException.id))) or 0) - before

    log.info(
        "tracking import %s: %d rows, %d stored, %d unchanged, %d refused",
        sheet.file,
        rows,
        stored,
        unchanged,
        len(refused),
    )
    return TrackingImportReport(
        sheet.file, sheet.encoding, rows, stored, unchanged, delivered, opened, refused
    )
