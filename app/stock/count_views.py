"""Cycle-count calls for the window: each one transaction, each returning a `CountView`."""

from __future__ import annotations

from app.config import current_user
from app.db.engine import Database
from app.documents.count_list import render_count_list
from app.stock import counting
from app.stock.counting import CountView


def open_count(db: Database, bin_code: str) -> CountView:
    with db.transaction() as session:
        return counting.start_count(session, bin_code.strip(), user=current_user())


def scan_into_count(db: Database, count_id: int, code: str) -> CountView:
    """One scan, stored at once, so a crash loses no counted piece."""
    with db.transaction() as session:
        counting.scan_count(session, count_id, code)
        return counting.count_view(session, count_id)


def approve(db: Database, count_id: int, supervisor: str, reason: str) -> CountView:
    with db.transaction() as session:
        return counting.approve_count(session, count_id, supervisor=supervisor, reason=reason)


def abandon(db: Database, count_id: int) -> None:
    with db.transaction() as session:
        counting.cancel_count(session, count_id, user=current_user())


def count_list_pdf(view: CountView) -> bytes:
    return render_count_list(view)


def bins_due(db: Database) -> list[str]:
    with db.reading() as session:
        return counting.due_bins(session)
