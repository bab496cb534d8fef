"""contract exemption (C4): an active contract pauses a customer's pool timers; the customer's
contracts as sales reports them

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24 20:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("customers") as batch:
        batch.add_column(sa.Column("contract_paused", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_table(
        "customer_contracts",
        sa.Column("contract_id", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("ended_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("contract_id"),
    )
    op.create_index("ix_customer_contracts_customer", "customer_contracts", ["customer_id"])


def downgrade() -> None:
    op.drop_index("ix_customer_contracts_customer", table_name="customer_contracts")
    op.drop_table("customer_contracts")
    with op.batch_alter_table("customers") as batch:
        batch.drop_column("contract_paused")
