"""Migrations build the schema the models describe, and upgrading never loses data."""

from __future__ import annotations

import sqlite3

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from app.db.base import Base
from app.db.engine import Database


def test_migrations_match_the_models(db: Database) -> None:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_opening_again_keeps_existing_rows(tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'keep.sqlite3'}"
    first = Database(url)
    with first.transaction() as session:
        from app.db.models import Product

        session.add(Product(sku="KEEP-1", name="保留的商品"))
    first.dispose()

    second = Database(url)
    with second.reading() as session:
        from app.db.models import Product

        assert session.query(Product).one().sku == "KEEP-1"
    second.dispose()


def test_sqlite_file_uses_wal_and_foreign_keys(db: Database) -> None:
    with db.engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    path = db.engine.url.database
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_the_migrations_have_one_head() -> None:
    """Features built side by side each branched from the skeleton; a merge joins them, so
    `scripts/new_migration.py` has one revision to build on."""
    from alembic.script import ScriptDirectory
    from sqlalchemy import create_engine

    from app.db.migrate import alembic_config

    heads = ScriptDirectory.from_config(alembic_config(create_engine("sqlite://"))).get_heads()
    assert heads == ["0003_merge"]
