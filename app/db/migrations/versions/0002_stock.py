"""stock control tables

Revision ID: 0002_stock
Revises: 0001_skeleton
Create Date: 2026-12-03 16:48:46.689234
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import app.db.types

revision = "0002_stock"
down_revision = "0001_skeleton"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "bins",
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("blocked_by_count_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_bins")),
    )
    op.create_table(
        "cycle_counts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bin", sa.String(length=32), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("created_at", app.db.types.UTCDateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=60), nullable=False),
        sa.Column("approved_at", app.db.types.UTCDateTime(), nullable=True),
        sa.Column("approved_by", sa.String(length=60), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cycle_counts")),
    )
    op.create_table(
        "suppliers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("contact", sa.String(length=120), nullable=False),
        sa.Column("email", sa.String(length=200), nullable=False),
        sa.Column("lead_time_days", sa.Integer(), nullable=False),
        sa.Column("moq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suppliers")),
        sa.UniqueConstraint("code", name=op.f("uq_suppliers_code")),
    )
    op.create_table(
        "cycle_count_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("count_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("expected", sa.Integer(), nullable=False),
        sa.Column("counted", sa.Integer(), nullable=False),
        sa.Column("scanned", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["count_id"],
            ["cycle_counts.id"],
            name=op.f("fk_cycle_count_lines_count_id_cycle_counts"),
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_cycle_count_lines_product_id_products")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cycle_count_lines")),
        sa.UniqueConstraint("count_id", "product_id", name="uq_count_lines_product"),
    )
    with op.batch_alter_table("cycle_count_lines", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_cycle_count_lines_count_id"), ["count_id"], unique=False
        )
    op.create_table(
        "pack_units",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("sku", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_pack_units_product_id_products")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pack_units")),
        sa.UniqueConstraint("product_id", "name", name="uq_pack_units_product_name"),
        sa.UniqueConstraint("sku", name=op.f("uq_pack_units_sku")),
    )
    with op.batch_alter_table("pack_units", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pack_units_product_id"), ["product_id"], unique=False)
    op.create_table(
        "restock_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=True),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("expected_on", sa.Date(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=True),
        sa.Column("created_at", app.db.types.UTCDateTime(), nullable=False),
        sa.Column("user", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(
            ["order_id"], ["orders.id"], name=op.f("fk_restock_requests_order_id_orders")
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_restock_requests_product_id_products")
        ),
        sa.ForeignKeyConstraint(
            ["supplier_id"],
            ["suppliers.id"],
            name=op.f("fk_restock_requests_supplier_id_suppliers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_restock_requests")),
    )
    op.create_table(
        "stock_levels",
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("on_hand", sa.Integer(), nullable=False),
        sa.Column("reserved", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_stock_levels_product_id_products")
        ),
        sa.PrimaryKeyConstraint("product_id", name=op.f("pk_stock_levels")),
    )
    op.create_table(
        "stock_plans",
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=60), nullable=False),
        sa.Column("reorder_point", sa.Integer(), nullable=False),
        sa.Column("safety_stock", sa.Integer(), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=True),
        sa.Column("abc_class", sa.String(length=1), nullable=False),
        sa.Column("forecast_next_week", sa.Integer(), nullable=False),
        sa.Column("last_counted_at", app.db.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_stock_plans_product_id_products")
        ),
        sa.ForeignKeyConstraint(
            ["supplier_id"], ["suppliers.id"], name=op.f("fk_stock_plans_supplier_id_suppliers")
        ),
        sa.PrimaryKeyConstraint("product_id", name=op.f("pk_stock_plans")),
    )
    op.create_table(
        "substitutions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_line_id", sa.Integer(), nullable=False),
        sa.Column("original_product_id", sa.Integer(), nullable=False),
        sa.Column("substitute_product_id", sa.Integer(), nullable=False),
        sa.Column("proposed_at", app.db.types.UTCDateTime(), nullable=False),
        sa.Column("accepted_at", app.db.types.UTCDateTime(), nullable=True),
        sa.Column("accepted_by", sa.String(length=60), nullable=False),
        sa.Column("acceptance_note", sa.Text(), nullable=False),
        sa.Column("applied_at", app.db.types.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["order_line_id"],
            ["order_lines.id"],
            name=op.f("fk_substitutions_order_line_id_order_lines"),
        ),
        sa.ForeignKeyConstraint(
            ["original_product_id"],
            ["products.id"],
            name=op.f("fk_substitutions_original_product_id_products"),
        ),
        sa.ForeignKeyConstraint(
            ["substitute_product_id"],
            ["products.id"],
            name=op.f("fk_substitutions_substitute_product_id_products"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_substitutions")),
    )
    with op.batch_alter_table("substitutions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_substitutions_order_line_id"), ["order_line_id"], unique=False
        )
    with op.batch_alter_table("stock_moves", schema=None) as batch_op:
        batch_op.create_index("ix_stock_moves_order_line", ["order_line_id"], unique=False)
    _backfill_levels()


def _backfill_levels() -> None:
    """Start the running totals from whatever the ledger already holds."""
    op.execute(
        "INSERT INTO stock_levels (product_id, on_hand, reserved) "
        "SELECT product_id, SUM(on_hand_delta), SUM(reserved_delta) FROM stock_moves "
        "GROUP BY product_id"
    )


def downgrade() -> None:
    with op.batch_alter_table("stock_moves", schema=None) as batch_op:
        batch_op.drop_index("ix_stock_moves_order_line")
    with op.batch_alter_table("substitutions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_substitutions_order_line_id"))
    op.drop_table("substitutions")
    op.drop_table("stock_plans")
    op.drop_table("stock_levels")
    op.drop_table("restock_requests")
    with op.batch_alter_table("pack_units", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pack_units_product_id"))
    op.drop_table("pack_units")
    with op.batch_alter_table("cycle_count_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cycle_count_lines_count_id"))
    op.drop_table("cycle_count_lines")
    op.drop_table("suppliers")
    op.drop_table("cycle_counts")
    op.drop_table("bins")
