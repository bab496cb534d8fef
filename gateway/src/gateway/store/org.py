"""Departments (a tree), positions and groups. Functions take a Session inside a transaction."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from gateway.store.tables import departments, groups, positions, user_groups, user_positions, users
from gateway.store.users import utcnow


@dataclass(frozen=True)
class Department:
    id: str
    name: str
    parent_id: str | None
    version: int


@dataclass(frozen=True)
class Named:
    """A position or a group."""

    id: str
    name: str


def _department(row) -> Department:  # type: ignore[no-untyped-def]
    return Department(row.id, row.name, row.parent_id, row.version)


def get_department(session: Session, department_id: str) -> Department | None:
    row = session.execute(select(departments).where(departments.c.id == department_id)).first()
    return None if row is None else _department(row)


def list_departments(session: Session, *, limit: int, after_id: str | None = None) -> list[Department]:
    """Ordered by id; `after_id` pages on."""
    query = select(departments).order_by(departments.c.id).limit(limit)
    if after_id is not None:
        query = query.where(departments.c.id > after_id)
    return [_department(row) for row in session.execute(query)]


def find_department_by_name(session: Session, name: str, parent_id: str | None) -> Department | None:
    query = select(departments).where(departments.c.name == name)
    query = query.where(
        departments.c.parent_id.is_(None) if parent_id is None else departments.c.parent_id == parent_id
    )
    row = session.execute(query).first()
    return None if row is None else _department(row)


def create_department(session: Session, *, name: str, parent_id: str | None) -> Department:
    now = utcnow()
    new_id = str(uuid.uuid4())
    session.execute(
        insert(departments).values(id=new_id, name=name, parent_id=parent_id, version=1, created_at=now, updated_at=now)
    )
    return Department(new_id, name, parent_id, 1)


def ancestors(session: Session, department_id: str) -> list[str]:
    """`department_id` and every department above it (stops at a root or a cycle)."""
    chain: list[str] = []
    current: str | None = department_id
    while current is not None and current not in chain:
        chain.append(current)
        current = session.execute(select(departments.c.parent_id).where(departments.c.id == current)).scalar()
    return chain


def update_department(session: Session, department_id: str, *, values: dict[str, object]) -> Department | None:
    """Apply `values` (name, parent_id) and bump the version; None when there is no such department."""
    result = session.execute(
        update(departments)
        .where(departments.c.id == department_id)
        .values(**values, version=departments.c.version + 1, updated_at=utcnow())
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        return None
    return get_department(session, department_id)


def create_named(session: Session, kind: str, name: str) -> Named:
    """A new position (`kind="position"`) or group (`kind="group"`)."""
    table = positions if kind == "position" else groups
    new_id = str(uuid.uuid4())
    session.execute(insert(table).values(id=new_id, name=name, created_at=utcnow()))
    return Named(new_id, name)


def find_named(session: Session, kind: str, *, name: str | None = None, named_id: str | None = None) -> Named | None:
    table = positions if kind == "position" else groups
    query = select(table.c.id, table.c.name)
    query = query.where(table.c.name == name) if name is not None else query.where(table.c.id == named_id)
    row = session.execute(query).first()
    return None if row is None else Named(row.id, row.name)


def list_named(session: Session, kind: str) -> list[Named]:
    table = positions if kind == "position" else groups
    return [Named(row.id, row.name) for row in session.execute(select(table.c.id, table.c.name).order_by(table.c.name))]


def position_of(session: Session, user_id: str) -> str | None:
    return session.execute(select(user_positions.c.position_id).where(user_positions.c.user_id == user_id)).scalar()


def set_position(session: Session, user_id: str, position_id: str | None) -> None:
    session.execute(delete(user_positions).where(user_positions.c.user_id == user_id))
    if position_id is not None:
        session.execute(insert(user_positions).values(user_id=user_id, position_id=position_id))


def groups_of(session: Session, user_id: str) -> list[str]:
    rows = session.execute(
        select(user_groups.c.group_id).where(user_groups.c.user_id == user_id).order_by(user_groups.c.group_id)
    )
    return [r[0] for r in rows]


def set_groups(session: Session, user_id: str, group_ids: list[str]) -> None:
    session.execute(delete(user_groups).where(user_groups.c.user_id == user_id))
    for group_id in sorted(set(group_ids)):
        session.execute(insert(user_groups).values(user_id=user_id, group_id=group_id))


def department_in_use(session: Session, department_id: str) -> str | None:
    """Why a department cannot be deleted ("sub-departments", "users") or None when it can."""
    if session.execute(select(departments.c.id).where(departments.c.parent_id == department_id).limit(1)).first():
        return "sub-departments"
    if session.execute(select(users.c.id).where(users.c.department_id == department_id).limit(1)).first():
        return "users"
    return None


def delete_department(session: Session, department_id: str) -> None:
    session.execute(delete(departments).where(departments.c.id == department_id))


def rename_named(session: Session, kind: str, named_id: str, name: str) -> bool:
    """Rename a position or group; False when there is no such row."""
    table = positions if kind == "position" else groups
    result = session.execute(update(table).where(table.c.id == named_id).values(name=name))
    return result.rowcount == 1  # type: ignore[attr-defined]
