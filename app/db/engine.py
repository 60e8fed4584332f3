"""Opening the database: one engine per process, migrated to the newest schema on open.

SQLite gets WAL (readers never block the scanning desk), foreign keys and a busy timeout, set
on every new connection. Any other SQLAlchemy URL, such as PostgreSQL for several desks, is
used as it is.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.orm import Session, sessionmaker

from app.db.migrate import upgrade_to_head

log = logging.getLogger(__name__)

# Seconds to wait for a PostgreSQL server to answer. Without a limit a server that drops packets
# keeps the desk starting for minutes with nothing on screen. A URL may set its own
# (`?connect_timeout=30`).
PG_CONNECT_TIMEOUT_S = 10

# How long a SQLite write waits for another desk's write to finish before giving up.
BUSY_TIMEOUT_MS = 10_000


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    options = {}
    if parsed.get_backend_name() == "postgresql" and "connect_timeout" not in parsed.query:
        options["connect_args"] = {"connect_timeout": PG_CONNECT_TIMEOUT_S}
    engine = create_engine(parsed, **options)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


class Database:
    """The engine plus a session factory; services take one of these."""

    def __init__(self, url: str, *, migrate: bool = True) -> None:
        self.url = url
        self.engine = make_engine(url)
        if migrate:
            upgrade_to_head(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed together at the end, or not at all."""
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for queries; nothing it does is committed."""
        with self._sessions() as session:
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def is_busy(exc: Exception) -> bool:
    """Did the statement give up waiting for another desk's write lock (SQLite's busy
    timeout, or PostgreSQL's lock timeout)?"""
    text = str(getattr(exc, "orig", exc)).lower()
    return "database is locked" in text or "lock timeout" in text or "database is busy" in text
