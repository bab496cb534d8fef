"""contact field rules: the call-center agent sees contacts' phones and emails masked, as it does
customers'; bumps the authz version so running gateways reload

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 16:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_RULES = [
    ("callcenter_agent", "contacts", "phones", "masked"),
    ("callcenter_agent", "contacts", "emails", "masked"),
]


def _tables() -> tuple[sa.Table, sa.Table]:
    meta = sa.MetaData()
    rules = sa.Table(
        "role_field_rules",
        meta,
        sa.Column("role", sa.String(64)),
        sa.Column("resource", sa.String(64)),
        sa.Column("field", sa.String(64)),
        sa.Column("access", sa.String(16)),
    )
    state = sa.Table("authz_state", meta, sa.Column("id", sa.Integer), sa.Column("version", sa.Integer))
    return rules, state


def upgrade() -> None:
    rules, state = _tables()
    conn = op.get_bind()
    existing_roles = {row[0] for row in conn.execute(sa.text("SELECT name FROM roles"))}
    for role, resource, field, access in _RULES:
        # An admin may have deleted or already configured this; only add what is missing.
        if role not in existing_roles:
            continue
        found = conn.execute(
            sa.select(rules.c.access).where(rules.c.role == role, rules.c.resource == resource, rules.c.field == field)
        ).first()
        if found is None:
            conn.execute(rules.insert().values(role=role, resource=resource, field=field, access=access))
    conn.execute(state.update().values(version=state.c.version + 1))


def downgrade() -> None:
    rules, _ = _tables()
    for role, resource, field, _access in _RULES:
        op.execute(rules.delete().where(rules.c.role == role, rules.c.resource == resource, rules.c.field == field))
