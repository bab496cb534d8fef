"""Roles and their editable profiles: permissions, data scopes per module, field rules."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from gateway.store.tables import role_field_rules, role_permissions, role_scopes, roles, user_roles
from gateway.store.users import utcnow


@dataclass(frozen=True)
class FieldRule:
    resource: str
    field: str
    access: str


@dataclass(frozen=True)
class RoleRecord:
    name: str
    description: str
    builtin: bool
    version: int
    permissions: tuple[str, ...]
    # module -> scope; "*" is the default for every module not listed
    scopes: dict[str, str]
    field_rules: tuple[FieldRule, ...]


def _load(session: Session, row) -> RoleRecord:  # type: ignore[no-untyped-def]
    perms = session.execute(
        select(role_permissions.c.permission)
        .where(role_permissions.c.role == row.name)
        .order_by(role_permissions.c.permission)
    )
    scopes = session.execute(select(role_scopes.c.module, role_scopes.c.scope).where(role_scopes.c.role == row.name))
    rules = session.execute(
        select(role_field_rules)
        .where(role_field_rules.c.role == row.name)
        .order_by(role_field_rules.c.resource, role_field_rules.c.field)
    )
    return RoleRecord(
        name=row.name,
        description=row.description,
        builtin=bool(row.builtin),
        version=row.version,
        permissions=tuple(p[0] for p in perms),
        scopes={m: s for m, s in scopes},
        field_rules=tuple(FieldRule(r.resource, r.field, r.access) for r in rules),
    )


def get_role(session: Session, name: str) -> RoleRecord | None:
    row = session.execute(select(roles).where(roles.c.name == name)).first()
    return None if row is None else _load(session, row)


def list_roles(session: Session) -> list[RoleRecord]:
    return [_load(session, row) for row in session.execute(select(roles).order_by(roles.c.name))]


def existing_names(session: Session, names: list[str]) -> set[str]:
    if not names:
        return set()
    return {r[0] for r in session.execute(select(roles.c.name).where(roles.c.name.in_(names)))}


def create_role(session: Session, *, name: str, description: str) -> None:
    session.execute(
        insert(roles).values(name=name, description=description, builtin=False, version=1, updated_at=utcnow())
    )


def update_role(
    session: Session,
    name: str,
    *,
    description: str | None = None,
    permissions: list[str] | None = None,
    scopes: dict[str, str] | None = None,
    field_rules: list[FieldRule] | None = None,
    bump_version: bool = True,
) -> None:
    """Replace the given parts of a role's profile (None = keep) and, unless told not to (a role
    being created), bump its version."""
    values: dict[str, object] = {"updated_at": utcnow()}
    if bump_version:
        values["version"] = roles.c.version + 1
    if description is not None:
        values["description"] = description
    session.execute(update(roles).where(roles.c.name == name).values(**values))
    if permissions is not None:
        session.execute(delete(role_permissions).where(role_permissions.c.role == name))
        for permission in sorted(set(permissions)):
            session.execute(insert(role_permissions).values(role=name, permission=permission))
    if scopes is not None:
        session.execute(delete(role_scopes).where(role_scopes.c.role == name))
        for module, scope in sorted(scopes.items()):
            session.execute(insert(role_scopes).values(role=name, module=module, scope=scope))
    if field_rules is not None:
        session.execute(delete(role_field_rules).where(role_field_rules.c.role == name))
        for rule in {(r.resource, r.field): r for r in field_rules}.values():
            session.execute(
                insert(role_field_rules).values(role=name, resource=rule.resource, field=rule.field, access=rule.access)
            )


def holders(session: Session, name: str) -> int:
    """How many users hold the role."""
    rows = session.execute(select(user_roles.c.user_id).where(user_roles.c.role == name))
    return len(rows.all())


def delete_role(session: Session, name: str) -> None:
    """Delete a role and its profile rows (foreign keys cascade only where the database enforces them)."""
    for table in (role_permissions, role_scopes, role_field_rules):
        session.execute(delete(table).where(table.c.role == name))
    session.execute(delete(roles).where(roles.c.name == name))
