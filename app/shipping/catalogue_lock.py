"""The write lock every catalogue edit takes before it reads anything.

An edit reads the carrier, checks its rules across tables (one default service, a price for
every zone a province is in) and writes. Two desks doing that at once each checked a catalogue
the other was changing: three desks switching the default service left 0, 2 or 3 defaults, and
moving 北京 to zone 6 while another desk removed zone 6's price left 北京 unpriced. Like
`app.packing.service.lock_order`, a no-op UPDATE of the carrier row as the transaction's first
statement makes SQLite take its write lock at once (waiting out the busy timeout) and
PostgreSQL lock the row, so the second edit reads only after the first has committed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from sqlalchemy import update
from sqlalchemy.orm import Session

from app.db.models.carriers import Carrier

log = logging.getLogger(__name__)


def normal_code(code: object) -> str:
    """Codes are stored upper case; "sf " and "SF" name the same carrier."""
    return str(code if code is not None else "").strip().upper()


def lock_carriers(session: Session, codes: Iterable[str]) -> None:
    """Lock these carriers' rows, one by one in code order so two imports never deadlock.

    Must be the first statement of the transaction. A code with no row yet (a carrier being
    added) still takes SQLite's write lock; on PostgreSQL the unique code guards the insert.
    """
    wanted = sorted({normal_code(c) for c in codes}) or [""]
    for code in wanted:
        session.execute(
            update(Carrier)
            .where(Carrier.code == code)
            .values(name=Carrier.name)
            .execution_options(synchronize_session=False)
        )


def lock_carrier(session: Session, code: str) -> None:
    lock_carriers(session, [code])
