"""payment plans on orders: a plan (and its receipts) may belong to an order instead of a contract;
payment_plans.contract_id becomes nullable (NULL for an order's plan, so it stays unique); an
index on the local customers' owners for G4 reads

Revision ID: 8b2f4c6d1e07
Revises: 7d1e0c3a9b42
Create Date: 2026-11-24 20:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "8b2f4c6d1e07"
down_revision: str | None = "7d1e0c3a9b42"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("payment_plans") as batch:
        batch.alter_column("contract_id", existing_type=sa.String(length=36), nullable=True)
        batch.add_column(sa.Column("order_id", sa.String(length=36), nullable=True))
        batch.create_unique_constraint("uq_payment_plans_order_id", ["order_id"])
    with op.batch_alter_table("receipts") as batch:
        batch.add_column(sa.Column("order_id", sa.String(length=36), nullable=False, server_default=""))
    # G4 reads: the customers a scope's owners hold.
    op.create_index("ix_customer_refs_owner", "customer_refs", ["owner_id"])


def downgrade() -> None:
    op.drop_index("ix_customer_refs_owner", table_name="customer_refs")
    with op.batch_alter_table("receipts") as batch:
        batch.drop_column("order_id")
    op.execute("DELETE FROM payment_plans WHERE contract_id IS NULL")
    with op.batch_alter_table("payment_plans") as batch:
        batch.drop_constraint("uq_payment_plans_order_id", type_="unique")
        batch.drop_column("order_id")
        batch.alter_column("contract_id", existing_type=sa.String(length=36), nullable=False)
