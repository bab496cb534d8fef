"""sales permissions: the modules products, opportunities, quotes, orders, contracts, payments,
invoices and targets for the built-in roles (issue 6); adds only missing rows, bumps the version
of each role it changes and the authz version so running gateways reload

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 17:00:00
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_MODULES = ("products", "opportunities", "quotes", "orders", "contracts", "payments", "invoices", "targets")
_ACTIONS = ("view", "create", "edit", "delete", "approve")
_REP_MODULES = ("opportunities", "quotes", "orders", "contracts", "payments", "invoices")


def _grant(modules: tuple[str, ...], actions: tuple[str, ...]) -> list[str]:
    return [f"{m}:{a}" for m in modules for a in actions]


# role -> permissions; admin has `*` already. The data scopes come from each role's `*` scope
# (0002): sales_manager department_and_below, sales_rep own, marketer department,
# callcenter_agent all, service_manager department_and_below, service_agent department.
GRANTS: dict[str, list[str]] = {
    "sales_manager": _grant(_MODULES, _ACTIONS),
    "sales_rep": [*_grant(_REP_MODULES, ("view", "create", "edit")), "products:view", "targets:view"],
    "marketer": ["products:view", "opportunities:view"],
    "callcenter_agent": ["opportunities:view", "orders:view", "contracts:view"],
    "service_manager": ["contracts:view", "orders:view", "products:view"],
    "service_agent": ["contracts:view", "orders:view", "products:view"],
}


# What 0002 granted already on these modules (kept by the downgrade).
_BEFORE = {
    "sales_manager": _grant(("opportunities", "contracts"), _ACTIONS),
    "sales_rep": _grant(("opportunities", "contracts"), ("view", "create", "edit")),
}


def _tables() -> tuple[sa.Table, sa.Table, sa.Table]:
    meta = sa.MetaData()
    roles = sa.Table(
        "roles",
        meta,
        sa.Column("name", sa.String(64)),
        sa.Column("version", sa.Integer),
        sa.Column("updated_at", sa.DateTime(timezone=True)),
    )
    permissions = sa.Table(
        "role_permissions", meta, sa.Column("role", sa.String(64)), sa.Column("permission", sa.String(128))
    )
    state = sa.Table("authz_state", meta, sa.Column("id", sa.Integer), sa.Column("version", sa.Integer))
    return roles, permissions, state


def upgrade() -> None:
    roles, permissions, state = _tables()
    conn = op.get_bind()
    existing_roles = {row[0] for row in conn.execute(sa.select(roles.c.name))}
    changed: set[str] = set()
    for role, granted in GRANTS.items():
        # An admin may have deleted or already configured this; only add what is missing.
        if role not in existing_roles:
            continue
        held = {row[0] for row in conn.execute(sa.select(permissions.c.permission).where(permissions.c.role == role))}
        for permission in granted:
            if permission not in held:
                conn.execute(permissions.insert().values(role=role, permission=permission))
                changed.add(role)
    if changed:
        conn.execute(
            roles.update()
            .where(roles.c.name.in_(sorted(changed)))
            .values(version=roles.c.version + 1, updated_at=datetime.now(UTC))
        )
    conn.execute(state.update().values(version=state.c.version + 1))


def downgrade() -> None:
    _, permissions, state = _tables()
    for role, granted in GRANTS.items():
        # 0002 already granted some of these (opportunities, contracts): keep those.
        kept = set(_BEFORE.get(role, ()))
        removed = [p for p in granted if p not in kept]
        op.execute(permissions.delete().where(permissions.c.role == role, permissions.c.permission.in_(removed)))
    op.execute(state.update().values(version=state.c.version + 1))
