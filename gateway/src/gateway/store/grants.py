"""Adding permissions to the built-in roles from a migration, without undoing an admin's edits:
only missing rows are added, each changed role's version and the authz version are bumped so
running gateways reload (G7), and a downgrade removes only what the migration added."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection


def grant(modules: Sequence[str], actions: Sequence[str]) -> list[str]:
    """`<module>:<action>` for every pair."""
    return [f"{m}:{a}" for m in modules for a in actions]


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


def add_grants(conn: Connection, grants: Mapping[str, Sequence[str]]) -> None:
    """Give each existing role the permissions it lacks (a role an admin deleted stays deleted)."""
    roles, permissions, state = _tables()
    existing_roles = {row[0] for row in conn.execute(sa.select(roles.c.name))}
    changed: set[str] = set()
    for role, granted in grants.items():
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


def remove_grants(
    conn: Connection, grants: Mapping[str, Sequence[str]], kept: Mapping[str, Sequence[str]] | None = None
) -> None:
    """Undo add_grants, keeping per role what earlier migrations had granted already (`kept`)."""
    _, permissions, state = _tables()
    for role, granted in grants.items():
        keep = set((kept or {}).get(role, ()))
        removed = [p for p in granted if p not in keep]
        conn.execute(permissions.delete().where(permissions.c.role == role, permissions.c.permission.in_(removed)))
    conn.execute(state.update().values(version=state.c.version + 1))


def add_builtin_role(
    conn: Connection, name: str, description: str, permissions: Sequence[str], scopes: Mapping[str, str]
) -> bool:
    """Create a built-in role unless a role of that name exists (an admin's own role of the same
    name is kept as it is); True if created. Bumps the authz version."""
    roles, permission_rows, state = _tables()
    if conn.execute(sa.select(roles.c.name).where(roles.c.name == name)).first() is not None:
        return False
    meta = sa.MetaData()
    full_roles = sa.Table(
        "roles",
        meta,
        sa.Column("name", sa.String(64)),
        sa.Column("description", sa.String(500)),
        sa.Column("builtin", sa.Boolean),
        sa.Column("version", sa.Integer),
        sa.Column("updated_at", sa.DateTime(timezone=True)),
    )
    role_scopes = sa.Table(
        "role_scopes",
        meta,
        sa.Column("role", sa.String(64)),
        sa.Column("module", sa.String(64)),
        sa.Column("scope", sa.String(32)),
    )
    conn.execute(
        full_roles.insert().values(
            name=name, description=description, builtin=True, version=1, updated_at=datetime.now(UTC)
        )
    )
    for permission in permissions:
        conn.execute(permission_rows.insert().values(role=name, permission=permission))
    for module, scope in scopes.items():
        conn.execute(role_scopes.insert().values(role=name, module=module, scope=scope))
    conn.execute(state.update().values(version=state.c.version + 1))
    return True


def remove_builtin_role(conn: Connection, name: str) -> None:
    """Undo add_builtin_role (permissions and scopes go with the role: ON DELETE CASCADE, and
    explicitly, for SQLite without foreign keys)."""
    meta = sa.MetaData()
    for table in ("role_permissions", "role_scopes", "role_field_rules"):
        t = sa.Table(table, meta, sa.Column("role", sa.String(64)))
        conn.execute(t.delete().where(t.c.role == name))
    roles = sa.Table("roles", meta, sa.Column("name", sa.String(64)), sa.Column("builtin", sa.Boolean))
    conn.execute(roles.delete().where(roles.c.name == name, roles.c.builtin.is_(True)))
    _, _, state = _tables()
    conn.execute(state.update().values(version=state.c.version + 1))
