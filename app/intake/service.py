"""`import_files`: the one entry point for order exports, used by the CLI and the import dialog.

Every file is opened and its columns matched before anything is stored, so a file refused as
a whole (encoding, missing columns, not a table) stores nothing. Then all files are stored in
one transaction, in batches, with progress after each batch; Cancel rolls it all back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.config import current_user
from app.db.engine import Database
from app.errors import BadInput, FileRefused
from app.intake import profiles, taobao
from app.intake.columns import Column, resolve
from app.intake.errors import ImportCancelled
from app.intake.formats import ROWWISE, RowwiseFormat
from app.intake.records import ImportReport, ParsedOrder, RefusedRow, RowOutcome
from app.intake.rowwise import group_orders
from app.intake.store import StoreTally, store_orders
from app.intake.tables import Sheet, open_sheet

log = logging.getLogger(__name__)

PLATFORMS = ("auto", "taobao", "pdd", "jd", "shopify", "generic")
BATCH = 5000


@dataclass
class _Plan:
    platform: str
    taobao_orders: list[tuple[Sheet, list[Column]]] = field(default_factory=list)
    taobao_items: list[tuple[Sheet, list[Column]]] = field(default_factory=list)
    rowwise: list[tuple[Sheet, RowwiseFormat, list[Column]]] = field(default_factory=list)


def import_files(
    db: Database,
    paths: Sequence[Path | str],
    platform: str = "auto",
    profile: str | profiles.Profile | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> ImportReport:
    """Store the orders of `paths`; raise `FileRefused` (nothing stored) or `ImportCancelled`."""
    if platform not in PLATFORMS:
        raise BadInput(f"未知平台 {platform}，可选：{'、'.join(PLATFORMS)}")
    if not paths:
        raise BadInput("没有选择要导入的文件")
    sheets: list[Sheet] = []
    try:
        for path in paths:
            sheets.append(open_sheet(path))
        plan = _plan(db, sheets, platform, profile)
        refused: list[RefusedRow] = []
        tally = StoreTally(user=current_user())
        _store_all(db, plan, refused, tally, on_progress, should_cancel)
    finally:
        for sheet in sheets:
            sheet.close()

    report = _report(sheets, plan.platform, tally, refused)
    log.info(
        "import of %s (%s): %d stored, %d updated, %d unchanged, %d refused rows",
        ", ".join(report.files),
        report.platform,
        report.stored,
        report.updated,
        report.unchanged,
        len(report.refused),
    )
    return report


def _store_all(
    db: Database,
    plan: _Plan,
    refused: list[RefusedRow],
    tally: StoreTally,
    on_progress: Callable[[int, int], None] | None,
    should_cancel: Callable[[], bool] | None,
) -> None:
    """Every file in one transaction; Cancel between batches rolls all of it back."""
    total = sum(_estimate_rows(s) for s, *_ in plan.taobao_orders + plan.rowwise) or 1
    done = 0
    with db.transaction() as session:
        titles = taobao.load_titles(session)
        for batch in _batches(plan, refused, titles):
            if should_cancel is not None and should_cancel():
                raise ImportCancelled()
            store_orders(session, batch, tally)
            done += len(batch)
            if on_progress is not None:
                on_progress(min(done, total), total)
        if should_cancel is not None and should_cancel():
            raise ImportCancelled()


def _plan(
    db: Database, sheets: list[Sheet], platform: str, profile: str | profiles.Profile | None
) -> _Plan:
    """Decide how each file is read; refuse any file we cannot recognise."""
    plan = _Plan(platform)
    for sheet in sheets:
        kind = kind_of(db, sheet, platform, profile)
        if kind == "taobao_items":
            plan.taobao_items.append((sheet, taobao.item_columns(sheet)))
        elif kind == "taobao_orders":
            plan.taobao_orders.append((sheet, taobao.order_columns(sheet)))
        else:
            fmt = kind
            columns = resolve(sheet.header, sheet.raw_header, fmt.fields, sheet.file)
            plan.rowwise.append((sheet, fmt, columns))
    if plan.taobao_items and not plan.taobao_orders:
        names = "、".join(s.file for s, _ in plan.taobao_items)
        raise FileRefused(names, "只有宝贝报表，缺少与之配对的订单报表")
    found = {"taobao"} if plan.taobao_orders else set()
    found |= {fmt.platform for _, fmt, _ in plan.rowwise}
    plan.platform = found.pop() if len(found) == 1 else "mixed"
    return plan


def kind_of(
    db: Database, sheet: Sheet, platform: str, profile: str | profiles.Profile | None
) -> str | RowwiseFormat:
    """How `sheet` is read: a Taobao report kind or a row-wise format; refuse the unknown."""
    if profile is not None or platform == "generic":
        return _generic_format(db, sheet, profile)
    if platform in ("auto", "taobao"):
        if taobao.is_item_report(sheet.header):
            return "taobao_items"
        if taobao.is_order_report(sheet.header) or platform == "taobao":
            return "taobao_orders"
    if platform in ROWWISE:
        return ROWWISE[platform]
    for fmt in ROWWISE.values():
        if fmt.recognises(sheet.header):
            return fmt
    saved = profiles.profile_for_header(db, sheet.raw_header)
    if saved is not None:
        return profiles.format_of(saved)
    shown = "、".join(h for h in sheet.raw_header[:8] if h)
    raise FileRefused(
        sheet.file,
        f"无法识别的表格：不是淘宝、拼多多、京东或 Shopify 的导出，"
        f"也没有保存过匹配的列映射方案（表头：{shown}…）",
    )


def _generic_format(
    db: Database, sheet: Sheet, profile: str | profiles.Profile | None
) -> RowwiseFormat:
    if isinstance(profile, str):
        profile = profiles.get_profile(db, profile)
    if profile is None:
        profile = profiles.profile_for_header(db, sheet.raw_header)
    if profile is None:
        raise FileRefused(sheet.file, "通用表格需要先在导入向导中建立列映射方案")
    return profiles.format_of(profile)


def _batches(plan: _Plan, refused: list[RefusedRow], titles: dict) -> Iterator[list[ParsedOrder]]:
    """Parsed orders in batches of one platform each, streaming the large Taobao reports."""
    items = None
    if plan.taobao_items:
        items = {}
        for sheet, columns in plan.taobao_items:
            for order_no, entry in taobao.read_items(sheet, columns, refused).items():
                if order_no in items:
                    items[order_no].lines.extend(entry.lines)
                else:
                    items[order_no] = entry
    for sheet, columns in plan.taobao_orders:
        yield from _chunked(taobao.read_orders(sheet, columns, refused, items, titles))
    if items:
        item_file = plan.taobao_items[0][0].file
        already = {r.order_no for r in refused if r.order_no}
        for order_no, entry in items.items():
            if order_no in already:
                continue
            refused.append(
                RefusedRow(item_file, entry.row, "订单编号", f"订单 {order_no} 不在订单报表中")
            )

    for sheet, fmt, columns in plan.rowwise:
        orders = group_orders(sheet, columns, fmt.platform, refused)
        for order in orders.values():
            fmt.finish(order)
        yield from _chunked(iter(orders.values()))


def _chunked(orders: Iterator[ParsedOrder]) -> Iterator[list[ParsedOrder]]:
    batch: list[ParsedOrder] = []
    for order in orders:
        batch.append(order)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _estimate_rows(sheet: Sheet) -> int:
    """Rows of a file for the progress bar; line breaks inside cells make it a little high."""
    if sheet.encoding == "xlsx":
        return 0
    with sheet.path.open("rb") as fh:
        return sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))


def _report(
    sheets: list[Sheet], platform: str, tally: StoreTally, refused: list[RefusedRow]
) -> ImportReport:
    rows = tally.rows + [
        RowOutcome(r.file, r.row, r.order_no, "refused", r.column, r.reason) for r in refused
    ]
    rows.sort(key=lambda r: (r.file, r.row))
    return ImportReport(
        files=tuple(s.file for s in sheets),
        encodings={s.file: s.encoding for s in sheets},
        platform=platform,
        stored=tally.stored,
        updated=tally.updated,
        unchanged=tally.unchanged,
        refused=sorted(refused, key=lambda r: (r.file, r.row)),
        rows=rows,
        cancelled_held=tally.held,
        stopped=tally.stopped,
    )
