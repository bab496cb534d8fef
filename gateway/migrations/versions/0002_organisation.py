"""organisation: departments, positions, groups, roles with permissions, scopes and field rules,
authz version, audit log; the built-in roles with their default profiles

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 00:00:00
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# The default profiles of the built-in roles (issue 3), frozen here as data: later edits happen
# through the admin API, and later migrations add rows of their own.
_ALL_ACTIONS = ("view", "create", "edit", "delete", "export", "import", "transfer", "lock", "approve", "reveal-sensitive")
_SALES = ("customers", "leads", "opportunities", "contracts", "activities")
_SERVICE = ("work_orders", "complaints", "activities")


def _grant(modules: tuple[str, ...], actions: tuple[str, ...]) -> list[str]:
    return [f"{m}:{a}" for m in modules for a in actions]


BUILTIN = {
    "admin": (
        "Everything, every record",
        ["*"],
        {"*": "all"},
        {},
    ),
    "sales_manager": (
        "Sales and customer modules, department and below, approves",
        [*_grant(_SALES, _ALL_ACTIONS), "reports:view", "reports:export"],
        {"*": "department_and_below"},
        {},
    ),
    "sales_rep": (
        "Own customers and deals; no export",
        [
            *_grant(("customers",), ("view", "create", "edit", "transfer")),
            *_grant(("leads", "opportunities", "contracts", "activities"), ("view", "create", "edit")),
            "reports:view",
        ],
        {"*": "own"},
        {},
    ),
    "marketer": (
        "Campaigns and leads (all records); customers read-only within the department",
        [
            *_grant(("campaigns", "leads"), ("view", "create", "edit", "delete", "export", "import")),
            "customers:view",
            "reports:view",
        ],
        {"*": "department", "campaigns": "all", "leads": "all"},
        {},
    ),
    "service_manager": (
        "Service desk, department and below",
        [*_grant(_SERVICE, ("view", "create", "edit", "delete", "export", "transfer", "approve")), "customers:view", "reports:view"],
        {"*": "department_and_below"},
        {},
    ),
    "service_agent": (
        "Service desk, own department",
        [*_grant(_SERVICE, ("view", "create", "edit", "transfer")), "customers:view"],
        {"*": "department"},
        {},
    ),
    "technician": (
        "Own work orders",
        ["work_orders:view", "work_orders:edit", "activities:view", "activities:create", "customers:view"],
        {"*": "own"},
        {},
    ),
    "callcenter_agent": (
        "Reads every customer with phones and emails masked; creates activities, work orders, complaints, leads",
        [
            "customers:view",
            "activities:view",
            "activities:create",
            "work_orders:create",
            "complaints:create",
            "leads:create",
        ],
        {"*": "all"},
        {("customers", "phone"): "masked", ("customers", "email"): "masked"},
    ),
}


def upgrade() -> None:
    op.create_table(
        "departments",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("parent_id", sa.String(36), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["parent_id"], ["departments.id"], name="fk_departments_parent_id_departments"),
        sa.PrimaryKeyConstraint("id", name="pk_departments"),
    )
    op.create_index("ix_departments_parent_id", "departments", ["parent_id"])
    op.create_table(
        "positions",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_positions"),
        sa.UniqueConstraint("name", name="uq_positions_name"),
    )
    op.create_table(
        "groups",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_groups"),
        sa.UniqueConstraint("name", name="uq_groups_name"),
    )
    op.create_table(
        "user_groups",
        sa.Column("user_id", sa.String(36), nullable=False),
        sa.Column("group_id", sa.String(36), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name="fk_user_groups_user_id_users", ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["group_id"], ["groups.id"], name="fk_user_groups_group_id_groups", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("user_id", "group_id", name="pk_user_groups"),
    )
    op.create_table(
        "user_positions",
        sa.Column("user_id", sa.String(36), nullable=False),
        sa.Column("position_id", sa.String(36), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_user_positions_user_id_users", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["position_id"], ["positions.id"], name="fk_user_positions_position_id_positions", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", name="pk_user_positions"),
    )
    roles = op.create_table(
        "roles",
        sa.Column("name", sa.String(64), nullable=False),
        sa.Column("description", sa.String(500), nullable=False),
        sa.Column("builtin", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_roles"),
    )
    permissions = op.create_table(
        "role_permissions",
        sa.Column("role", sa.String(64), nullable=False),
        sa.Column("permission", sa.String(128), nullable=False),
        sa.ForeignKeyConstraint(["role"], ["roles.name"], name="fk_role_permissions_role_roles", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("role", "permission", name="pk_role_permissions"),
    )
    scopes = op.create_table(
        "role_scopes",
        sa.Column("role", sa.String(64), nullable=False),
        sa.Column("module", sa.String(64), nullable=False),
        sa.Column("scope", sa.String(32), nullable=False),
        sa.ForeignKeyConstraint(["role"], ["roles.name"], name="fk_role_scopes_role_roles", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("role", "module", name="pk_role_scopes"),
    )
    field_rules = op.create_table(
        "role_field_rules",
        sa.Column("role", sa.String(64), nullable=False),
        sa.Column("resource", sa.String(64), nullable=False),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("access", sa.String(16), nullable=False),
        sa.ForeignKeyConstraint(
            ["role"], ["roles.name"], name="fk_role_field_rules_role_roles", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("role", "resource", "field", name="pk_role_field_rules"),
    )
    state = op.create_table(
        "authz_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_authz_state"),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.String(36), nullable=True),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("target_type", sa.String(32), nullable=False),
        sa.Column("target_id", sa.String(128), nullable=True),
        sa.Column("detail", sa.String(4000), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit_log"),
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at"])

    now = datetime.now(UTC)
    op.bulk_insert(state, [{"id": 1, "version": 1}])
    op.bulk_insert(
        roles,
        [
            {"name": name, "description": desc, "builtin": True, "version": 1, "updated_at": now}
            for name, (desc, _, _, _) in BUILTIN.items()
        ],
    )
    op.bulk_insert(
        permissions,
        [{"role": name, "permission": p} for name, (_, perms, _, _) in BUILTIN.items() for p in sorted(set(perms))],
    )
    op.bulk_insert(
        scopes,
        [{"role": name, "module": m, "scope": s} for name, (_, _, sc, _) in BUILTIN.items() for m, s in sc.items()],
    )
    op.bulk_insert(
        field_rules,
        [
            {"role": name, "resource": res, "field": fld, "access": acc}
            for name, (_, _, _, rules) in BUILTIN.items()
            for (res, fld), acc in rules.items()
        ],
    )


def downgrade() -> None:
    op.drop_index("ix_audit_log_at", table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_table("authz_state")
    op.drop_table("role_field_rules")
    op.drop_table("role_scopes")
    op.drop_table("role_permissions")
    op.drop_table("roles")
    op.drop_table("user_positions")
    op.drop_table("user_groups")
    op.drop_table("groups")
    op.drop_table("positions")
    op.drop_index("ix_departments_parent_id", table_name="departments")
    op.drop_table("departments")
