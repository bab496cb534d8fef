"""saved customer views and CSV import jobs (report rows, dry-run keys)

Revision ID: 0004
Revises: 0003_customer_pool
Create Date: 2026-11-24 16:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003_customer_pool"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "customer_views",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("owner_id", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("filter", sa.Text(), nullable=False),
        sa.Column("order_by", sa.String(length=200), nullable=False),
        sa.Column("columns", sa.JSON(), nullable=False),
        sa.Column("shared", sa.Boolean(), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_customer_views_owner", "customer_views", ["owner_id", "name"])
    op.create_index("ix_customer_views_shared", "customer_views", ["shared", "name"])
    op.create_table(
        "customer_import_jobs",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("mode", sa.String(length=24), nullable=False),
        sa.Column("dry_run", sa.Boolean(), nullable=False),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("caller", sa.JSON(), nullable=False),
        sa.Column("column_map", sa.JSON(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=True),
        sa.Column("total_rows", sa.Integer(), nullable=False),
        sa.Column("processed_rows", sa.Integer(), nullable=False),
        sa.Column("created", sa.Integer(), nullable=False),
        sa.Column("updated", sa.Integer(), nullable=False),
        sa.Column("skipped", sa.Integer(), nullable=False),
        sa.Column("duplicates", sa.Integer(), nullable=False),
        sa.Column("invalid", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_customer_import_jobs_creator", "customer_import_jobs", ["created_by", "created_at", "id"])
    op.create_index("ix_customer_import_jobs_status", "customer_import_jobs", ["status", "created_at"])
    op.create_table(
        "customer_import_rows",
        sa.Column("job_id", sa.String(length=36), nullable=False),
        sa.Column("row_no", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("customer_id", sa.String(length=36), nullable=True),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("field", sa.String(length=80), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("job_id", "row_no"),
    )
    op.create_table(
        "customer_import_keys",
        sa.Column("job_id", sa.String(length=36), nullable=False),
        sa.Column("key_type", sa.String(length=32), nullable=False),
        sa.Column("key_value", sa.String(length=255), nullable=False),
        sa.Column("row_no", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("job_id", "key_type", "key_value"),
    )


def downgrade() -> None:
    op.drop_table("customer_import_keys")
    op.drop_table("customer_import_rows")
    op.drop_index("ix_customer_import_jobs_status", table_name="customer_import_jobs")
    op.drop_index("ix_customer_import_jobs_creator", table_name="customer_import_jobs")
    op.drop_table("customer_import_jobs")
    op.drop_index("ix_customer_views_shared", table_name="customer_views")
    op.drop_index("ix_customer_views_owner", table_name="customer_views")
    op.drop_table("customer_views")
