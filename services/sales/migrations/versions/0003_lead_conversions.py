"""lead conversions: opportunities remember the lead they came from (attribution), and a table
joins marketing's conversion request with the customers service's resolution, which arrive as
separate events in either order

Revision ID: 7d1e0c3a9b42
Revises: 611ca2d2ee0f
Create Date: 2026-11-24 19:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "7d1e0c3a9b42"
down_revision: str | None = "611ca2d2ee0f"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("opportunities") as batch:
        batch.add_column(sa.Column("lead_id", sa.String(length=36), nullable=False, server_default=""))
    op.create_table(
        "lead_conversions",
        sa.Column("conversion_id", sa.String(length=36), nullable=False),
        sa.Column("lead_id", sa.String(length=36), nullable=False),
        sa.Column("request", sa.JSON(), nullable=True),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("opportunity_id", sa.String(length=36), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("conversion_id"),
    )


def downgrade() -> None:
    op.drop_table("lead_conversions")
    with op.batch_alter_table("opportunities") as batch:
        batch.drop_column("lead_id")
