"""carrier services: a carrier sells several services (顺丰特快, 顺丰标快), each with its speed

Revision ID: 0004_carrier_services
Revises: 0003_merge

Moves each carrier's single `service`/`speed_class` into one default `carrier_services` row
before the columns go, so a shop's edited catalogue keeps its services.

The columns are dropped with SQLite's own ALTER TABLE DROP COLUMN (recreate="never"), not by
copying the table: with foreign keys on, dropping the old `carriers` table during a copy
would cascade and delete every carrier's rates, destinations and regions.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_carrier_services"
down_revision = "0003_merge"
branch_labels = None
depends_on = None


def upgrade() -> None:
    services = op.create_table(
        "carrier_services",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("carrier_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("speed_class", sa.String(length=16), nullable=False),
        sa.Column("transit_adjust_days", sa.Integer(), nullable=False),
        sa.Column("price_percent", sa.Integer(), nullable=False),
        sa.Column("is_default", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["carrier_id"],
            ["carriers.id"],
            name=op.f("fk_carrier_services_carrier_id_carriers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_carrier_services")),
        sa.UniqueConstraint("carrier_id", "name", name="uq_carrier_service_name"),
    )

    carriers = sa.table(
        "carriers",
        sa.column("id", sa.Integer),
        sa.column("service", sa.String),
        sa.column("speed_class", sa.String),
    )
    rows = op.get_bind().execute(
        sa.select(carriers.c.id, carriers.c.service, carriers.c.speed_class)
    )
    op.bulk_insert(
        services,
        [
            {
                "carrier_id": carrier_id,
                "name": service or "标准快递",
                "speed_class": speed_class or "standard",
                "transit_adjust_days": 0,
                "price_percent": 100,
                "is_default": True,
                "active": True,
            }
            for carrier_id, service, speed_class in rows
        ],
    )

    with op.batch_alter_table("carriers", recreate="never") as batch_op:
        batch_op.drop_column("speed_class")
        batch_op.drop_column("service")

    for table in ("carrier_decisions", "shipments"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(
                sa.Column("service", sa.String(length=40), nullable=False, server_default="")
            )


def downgrade() -> None:
    for table in ("shipments", "carrier_decisions"):
        with op.batch_alter_table(table, recreate="never") as batch_op:
            batch_op.drop_column("service")

    with op.batch_alter_table("carriers") as batch_op:
        batch_op.add_column(
            sa.Column("service", sa.String(length=40), nullable=False, server_default="标准快递")
        )
        batch_op.add_column(
            sa.Column(
                "speed_class", sa.String(length=16), nullable=False, server_default="standard"
            )
        )

    # The default service (else the first one) goes back into the carrier's own columns.
    bind = op.get_bind()
    rows = bind.execute(
        sa.text(
            "SELECT carrier_id, name, speed_class FROM carrier_services "
            "ORDER BY carrier_id, is_default DESC, id"
        )
    ).all()
    restored = set()
    for carrier_id, name, speed_class in rows:
        if carrier_id in restored:
            continue
        restored.add(carrier_id)
        bind.execute(
            sa.text("UPDATE carriers SET service = :name, speed_class = :speed WHERE id = :id"),
            {"name": name, "speed": speed_class, "id": carrier_id},
        )

    op.drop_table("carrier_services")
