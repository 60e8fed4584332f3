"""Join the branches the first release's steps were built on, so new work has one head.

Revision ID: 0003_merge
Revises: 0002_packing, 0002_returns, 0002_shipping, 0002_stock, 0002_tracking,
    0002_verification
Create Date: 2026-12-03 18:51:24
"""

from __future__ import annotations

revision = "0003_merge"
down_revision = (
    "0002_packing",
    "0002_returns",
    "0002_shipping",
    "0002_stock",
    "0002_tracking",
    "0002_verification",
)
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
