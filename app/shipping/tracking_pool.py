"""The carriers' pools of pre-issued tracking numbers: importing a file of them, and how many
each carrier has left. Drawing a number from the pool is part of assigning one
(`tracking.assign`).

A pool holds only numbers nobody has used: a number already on a parcel, or retired by a voided
waybill (the carrier may already have it in its system), is refused at import.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from app.db.engine import Database
from app.db.models import Order, Shipment
from app.db.models.carriers import TrackingPoolNumber, WaybillPrint
from app.errors import FileRefused
from app.file_access import read_text, refusal
from app.intake.tables import detect_encoding
from app.shipping.carriers import get_carrier
from app.shipping.tracking import pool_is_low, pool_left, taken_words
from app.shipping.tracking_numbers import check_tracking_number, normalise

log = logging.getLogger(__name__)


class PoolFileRefused(FileRefused):
    """Lines of a pool file that cannot go into the pool; none of the file was stored."""

    def __init__(self, file: str, lines: list[tuple[int, str, str]]) -> None:
        listed = "\n".join(f"  {file} 第 {n} 行 {number}: {why}" for n, number, why in lines)
        super().__init__(
            file, f"有 {len(lines)} 行不能导入，整个文件都没有导入，请改正后重新导入：\n{listed}"
        )
        # (line number, number as written, reason)
        self.lines = tuple(lines)


@dataclass(frozen=True)
class PoolImportReport:
    carrier: str
    file: str
    added: int
    already_known: int
    left: int
    low: bool
    # "utf-8", "utf-8-sig", "gb18030" ...: what the file was read as.
    encoding: str = "utf-8"


def import_pool(db: Database, carrier_code: str, path: Path | str) -> PoolImportReport:
    """Add pre-issued numbers (one per line; blank lines and # comments skipped).

    The file goes in whole or not at all: a line in the wrong format, a number already on a
    parcel, voided, or in another carrier's pool refuses the file, naming every such line. A
    number this carrier's pool already has is counted and skipped, so importing the same
    file twice adds nothing.
    """
    path = Path(path)
    text, encoding = _read_pool_file(path)
    lines = _pool_lines(text)
    if not lines:
        raise FileRefused(str(path), "文件里没有运单号（只有空行或 # 注释），没有导入任何号码")

    with db.transaction() as session:
        carrier = get_carrier(session, carrier_code)
        pooled = dict(
            session.execute(
                select(TrackingPoolNumber.number, TrackingPoolNumber.carrier_code)
            ).all()
        )
        refused: list[tuple[int, str, str]] = []
        new: dict[str, tuple[int, str]] = {}
        already = 0
        for line_no, cell in lines:
            number = normalise(cell)
            problem = check_tracking_number(carrier.code, number)
            if problem:
                refused.append((line_no, cell, problem))
            elif pooled.get(number, carrier.code) != carrier.code:
                refused.append((line_no, cell, f"已在 {pooled[number]} 的运单号池中"))
            elif number in pooled or number in new:
                already += 1
            else:
                new[number] = (line_no, cell)
        spent = _spent_numbers(session, list(new))
        refused += [(*new[n], why) for n, why in spent.items()]
        if refused:
            log.info(
                "pool import %s for %s refused: %d bad lines", path, carrier.code, len(refused)
            )
            raise PoolFileRefused(str(path), sorted(refused))

        session.add_all(
            TrackingPoolNumber(carrier_code=carrier.code, number=n, source_file=path.name)
            for n in new
        )
        session.flush()
        left = pool_left(session, carrier.code)
        low = pool_is_low(session, left)

    log.info(
        "pool import %s (%s) for %s: %d added, %d known, %d left",
        path,
        encoding,
        carrier.code,
        len(new),
        already,
        left,
    )
    return PoolImportReport(carrier.code, str(path), len(new), already, left, low, encoding)


def _read_pool_file(path: Path) -> tuple[str, str]:
    """The file's text and encoding: UTF-8 (with or without BOM), UTF-16 with a BOM, or
    GBK/GB18030, which is what Notepad and spreadsheets on a Chinese Windows save."""
    try:
        with path.open("rb") as fh:
            head = fh.read(8192)
    except OSError as exc:
        raise refusal(path, exc) from None
    encoding = detect_encoding(path, head)
    return read_text(path, encoding), encoding


def _pool_lines(text: str) -> list[tuple[int, str]]:
    """(line number, first cell) of each line with a number: a spreadsheet saved as CSV or
    copied out has more columns, split by comma (also the full-width ，) or tab."""
    lines = []
    for line_no, raw in enumerate(text.splitlines(), start=1):
        cell = re.split(r"[,，\t]", raw, maxsplit=1)[0].strip()
        if cell and not cell.startswith(("#", "＃")):
            lines.append((line_no, cell))
    return lines


def _spent_numbers(session: Session, numbers: list[str]) -> dict[str, str]:
    """{number: why} for the numbers already on a parcel or retired by a voided waybill."""
    spent: dict[str, str] = {}
    for start in range(0, len(numbers), 500):
        chunk = numbers[start : start + 500]
        voided = session.execute(
            select(WaybillPrint.tracking_no, Order.order_no)
            .join(Order, Order.id == WaybillPrint.order_id)
            .where(WaybillPrint.tracking_no.in_(chunk), WaybillPrint.action == "void")
        )
        for number, order_no in voided:
            spent[number] = taken_words(order_no, voided=True)
        used = session.execute(
            select(Shipment.tracking_no, Order.order_no)
            .join(Order, Order.id == Shipment.order_id)
            .where(Shipment.tracking_no.in_(chunk))
        )
        for number, order_no in used:
            spent[number] = taken_words(order_no)
    return spent


@dataclass(frozen=True)
class PoolStatus:
    carrier: str
    left: int
    low: bool


def pool_status(db: Database) -> list[PoolStatus]:
    """How many pre-issued numbers each carrier with a pool has left, and whether that is
    running low; a carrier whose pool is used up shows 0 rather than dropping off the list."""
    unused = func.sum(case((TrackingPoolNumber.used_at.is_(None), 1), else_=0))
    with db.reading() as session:
        counts = dict(
            session.execute(
                select(TrackingPoolNumber.carrier_code, unused).group_by(
                    TrackingPoolNumber.carrier_code
                )
            ).all()
        )
        return [PoolStatus(code, n, pool_is_low(session, n)) for code, n in sorted(counts.items())]
