"""Alembic environment: uses the connection app.db.migrate hands over, or the URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

import app.db.models  # noqa: F401  (registers every table on the metadata)
from app.db.base import Base

config = context.config
target_metadata = Base.metadata


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _configure(connection)
else:
    with create_engine(config.get_main_option("sqlalchemy.url")).connect() as conn:
        _configure(conn)
        conn.commit()
