"""finance: a built-in role for the second step of contract approval, receipts and invoices (the
sales flows name role `finance`); created only if no role of that name exists yet, so an
organisation that made its own keeps it

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24 20:10:00
"""

from __future__ import annotations

from alembic import op

from gateway.store.grants import add_builtin_role, grant, remove_builtin_role

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

PERMISSIONS = [
    *grant(("contracts", "payments", "invoices"), ("view", "approve")),
    *grant(("payments", "invoices"), ("create", "edit", "export")),
    "orders:view",
    "customers:view",
    "reports:view",
]


def upgrade() -> None:
    add_builtin_role(
        op.get_bind(),
        "finance",
        "Finance: contract approval (second step), receipts and invoices, across the organisation",
        PERMISSIONS,
        {"*": "all"},
    )


def downgrade() -> None:
    remove_builtin_role(op.get_bind(), "finance")
