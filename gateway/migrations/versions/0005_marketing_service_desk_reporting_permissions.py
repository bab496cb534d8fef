"""marketing, service-desk and reporting permissions for the built-in roles (issues 5, 7, 8):
campaigns, leads, the lead pool, forms and assignment rules; work orders, visits, complaints,
return visits, SLA policies, technicians and the knowledge base; saved reports and dashboards.
Adds only missing rows and bumps versions so running gateways reload.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24 20:00:00
"""

from __future__ import annotations

from alembic import op

from gateway.store.grants import add_grants, grant, remove_grants

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_CRUD = ("view", "create", "edit", "delete")
_SERVICE_MODULES = ("visits", "return_visits", "sla_policies", "technicians", "knowledge_base")
_AFTER_SALES = ("work_orders", "complaints", "return_visits")

# role -> permissions (admin has `*`). Campaign approval (`campaigns:approve`) is a manager's, not
# the marketer's: whoever submits a campaign over the budget threshold does not approve it.
GRANTS: dict[str, list[str]] = {
    "marketer": [
        *grant(("lead_pool",), ("view", "edit")),
        *grant(("forms", "assignment_rules"), _CRUD),
        "leads:transfer",
        "reports:create",
        "reports:edit",
    ],
    "sales_manager": [
        "campaigns:view",
        "campaigns:approve",
        *grant(("lead_pool",), ("view", "edit", "transfer")),
        *grant(("assignment_rules",), _CRUD),
        "forms:view",
        "reports:create",
        "reports:edit",
        *grant(_AFTER_SALES, ("view",)),
    ],
    # Reps and their managers see the after-sales side of their customers (the customer 360 view).
    "sales_rep": ["campaigns:view", *grant(("lead_pool",), ("view", "edit")), *grant(_AFTER_SALES, ("view",))],
    "callcenter_agent": ["leads:view", "campaigns:view", "work_orders:view", "complaints:view", "knowledge_base:view"],
    "service_manager": [*grant(_SERVICE_MODULES, (*_CRUD, "export")), "reports:create", "reports:edit"],
    "service_agent": [
        *grant(("visits", "return_visits", "knowledge_base"), ("view", "create", "edit")),
        "technicians:view",
        "sla_policies:view",
    ],
    "technician": ["visits:view", "visits:edit", "knowledge_base:view", "technicians:view", "technicians:edit"],
}

def upgrade() -> None:
    add_grants(op.get_bind(), GRANTS)


def downgrade() -> None:
    remove_grants(op.get_bind(), GRANTS)
