"""customer pool: pools, versioned pool rules, claim counters, reminder records, rule grace

Creates the default pool ("Public pool", visible to everyone) with rule version 1: 30 days
without follow-up, reminders 7/3/1 days before, reclaim cooldown 7 days, daily claim limit 20,
owned cap 500.

Revision ID: 0003_customer_pool
Revises: 112cfdae8340
Create Date: 2026-11-24 16:20:00
"""

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = '0003_customer_pool'
down_revision: str | None = '112cfdae8340'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DEFAULT_POOL_ID = '00000000-0000-4000-8000-000000000001'
RELEASE_REASONS = ['no_interest', 'unreachable', 'not_a_fit', 'handover', 'other']


def upgrade() -> None:
    pools = op.create_table('customer_pools',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('department_ids', sa.JSON(), nullable=False),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('release_reasons', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    rules = op.create_table('pool_rules',
    sa.Column('pool_id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('no_follow_up_days', sa.Integer(), nullable=True),
    sa.Column('no_deal_days', sa.Integer(), nullable=True),
    sa.Column('remind_days', sa.JSON(), nullable=False),
    sa.Column('reclaim_cooldown_days', sa.Integer(), nullable=False),
    sa.Column('claimable_after_days', sa.Integer(), nullable=False),
    sa.Column('owned_cap', sa.Integer(), nullable=True),
    sa.Column('owned_cap_by_level', sa.JSON(), nullable=False),
    sa.Column('daily_claim_limit', sa.Integer(), nullable=True),
    sa.Column('exempt_levels', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('pool_id', 'version')
    )
    op.create_table('claim_counters',
    sa.Column('user_id', sa.String(length=64), nullable=False),
    sa.Column('pool_id', sa.String(length=36), nullable=False),
    sa.Column('local_date', sa.Date(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('user_id', 'pool_id', 'local_date')
    )
    op.create_table('pool_reminders_sent',
    sa.Column('customer_id', sa.String(length=36), nullable=False),
    sa.Column('tier', sa.Integer(), nullable=False),
    sa.Column('local_date', sa.Date(), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('customer_id', 'tier', 'local_date')
    )
    op.create_table('follow_up_reminders_sent',
    sa.Column('activity_id', sa.String(length=36), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('activity_id')
    )
    op.create_table('pool_grace',
    sa.Column('customer_id', sa.String(length=36), nullable=False),
    sa.Column('pool_id', sa.String(length=36), nullable=False),
    sa.Column('rule_version', sa.Integer(), nullable=False),
    sa.Column('grace_until', sa.Date(), nullable=False),
    sa.PrimaryKeyConstraint('customer_id')
    )
    now = datetime.now(UTC)
    op.bulk_insert(pools, [{
        'id': DEFAULT_POOL_ID, 'name': 'Public pool', 'department_ids': [], 'priority': 0, 'active': True,
        'release_reasons': RELEASE_REASONS, 'created_at': now,
    }])
    op.bulk_insert(rules, [{
        'pool_id': DEFAULT_POOL_ID, 'version': 1, 'no_follow_up_days': 30, 'no_deal_days': None,
        'remind_days': [7, 3, 1], 'reclaim_cooldown_days': 7, 'claimable_after_days': 0, 'owned_cap': 500,
        'owned_cap_by_level': [], 'daily_claim_limit': 20, 'exempt_levels': [], 'created_at': now,
        'created_by': 'migration',
    }])
    # Customers already sitting in a pool without one recorded go to the default pool.
    op.execute(sa.text(
        "UPDATE customers SET pool_id = :pool, pool_entered_at = COALESCE(pool_entered_at, created_at) "
        "WHERE owner_id IS NULL AND pool_id IS NULL"
    ).bindparams(pool=DEFAULT_POOL_ID))


def downgrade() -> None:
    op.drop_table('pool_grace')
    op.drop_table('follow_up_reminders_sent')
    op.drop_table('pool_reminders_sent')
    op.drop_table('claim_counters')
    op.drop_table('pool_rules')
    op.drop_table('customer_pools')
