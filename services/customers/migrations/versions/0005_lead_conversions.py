"""lead conversions: how each marketing lead conversion was resolved (created, linked, conflict,
invalid), one row per conversion id so a repeated request creates nothing twice

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24 19:55:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "lead_conversions",
        sa.Column("conversion_id", sa.String(length=36), nullable=False),
        sa.Column("lead_id", sa.String(length=36), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("contact_id", sa.String(length=36), nullable=False),
        sa.Column("conflict_owner_id", sa.String(length=64), nullable=False),
        sa.Column("detail", sa.String(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("conversion_id"),
    )
    op.create_index("ix_lead_conversions_customer", "lead_conversions", ["customer_id"])


def downgrade() -> None:
    op.drop_index("ix_lead_conversions_customer", table_name="lead_conversions")
    op.drop_table("lead_conversions")
