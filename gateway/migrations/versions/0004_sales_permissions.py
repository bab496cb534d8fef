"""sales permissions: the modules products, opportunities, quotes, orders, contracts, payments,
invoices and targets for the built-in roles (issue 6); adds only missing rows, bumps the version
of each role it changes and the authz version so running gateways reload

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 17:00:00
"""

from __future__ import annotations

from alembic import op

from gateway.store.grants import add_grants, grant, remove_grants

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_MODULES = ("products", "opportunities", "quotes", "orders", "contracts", "payments", "invoices", "targets")
_ACTIONS = ("view", "create", "edit", "delete", "approve")
_REP_MODULES = ("opportunities", "quotes", "orders", "contracts", "payments", "invoices")


# role -> permissions; admin has `*` already. The data scopes come from each role's `*` scope
# (0002): sales_manager department_and_below, sales_rep own, marketer department,
# callcenter_agent all, service_manager department_and_below, service_agent department.
GRANTS: dict[str, list[str]] = {
    "sales_manager": grant(_MODULES, _ACTIONS),
    "sales_rep": [*grant(_REP_MODULES, ("view", "create", "edit")), "products:view", "targets:view"],
    "marketer": ["products:view", "opportunities:view"],
    "callcenter_agent": ["opportunities:view", "orders:view", "contracts:view"],
    "service_manager": ["contracts:view", "orders:view", "products:view"],
    "service_agent": ["contracts:view", "orders:view", "products:view"],
}


# What 0002 granted already on these modules (kept by the downgrade).
_BEFORE = {
    "sales_manager": grant(("opportunities", "contracts"), _ACTIONS),
    "sales_rep": grant(("opportunities", "contracts"), ("view", "create", "edit")),
}


def upgrade() -> None:
    add_grants(op.get_bind(), GRANTS)


def downgrade() -> None:
    # 0002 already granted some of these (opportunities, contracts): keep those.
    remove_grants(op.get_bind(), GRANTS, kept=_BEFORE)
