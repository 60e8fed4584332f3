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
    assert heads == ["0004_carrier_services"]


def test_carrier_services_upgrade_keeps_each_carriers_service_and_tables(tmp_path) -> None:
    """Carriers had one service column; 0004 moves it into carrier_services. The columns must
    not be dropped by copying the table: with foreign keys on, that deleted every rate and
    destination through ON DELETE CASCADE."""
    from alembic import command
    from sqlalchemy import text

    from app.db.engine import make_engine
    from app.db.migrate import alembic_config

    engine = make_engine(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    config = alembic_config(engine)

    def migrate(target: str, down: bool = False) -> None:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            (command.downgrade if down else command.upgrade)(config, target)

    migrate("0003_merge")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO carriers (id, code, name, service, speed_class, max_weight,"
                " max_side_mm, max_sum_mm, large_goods, volumetric_divisor, pickup_days,"
                " cutoff, closed_holidays, mask_privacy, active) VALUES (7, 'SF', '顺丰速运',"
                " '顺丰标快', 'express', 50, 1500, 3000, 0, 6000, '1234567', '18:00', '', 0, 1)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO carrier_destinations (carrier_id, province, zone, transit_days)"
                " VALUES (7, '新疆维吾尔自治区', 5, 3)"
            )
        )

    migrate("heads")
    with engine.connect() as connection:
        services = connection.execute(
            text("SELECT carrier_id, name, speed_class, is_default FROM carrier_services")
        ).all()
        destinations = connection.execute(text("SELECT count(*) FROM carrier_destinations"))
        assert services == [(7, "顺丰标快", "express", 1)]
        assert destinations.scalar() == 1

    migrate("0003_merge", down=True)
    with engine.connect() as connection:
        row = connection.execute(text("SELECT service, speed_class FROM carriers")).one()
        assert tuple(row) == ("顺丰标快", "express")
    engine.dispose()
