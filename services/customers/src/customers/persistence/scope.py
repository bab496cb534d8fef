"""Scope in SQL: which customer rows a caller may read or edit (owner scope or a live share)."""

from __future__ import annotations

from sqlalchemy import and_, exists, or_, true
from sqlalchemy.sql import ColumnElement

from customers.domain.access import Scope
from customers.persistence import tables

t = tables.customers
s = tables.customer_shares


def visible_clause(scope: Scope, *, edit: bool = False) -> ColumnElement[bool]:
    """Rows `scope` may read (or edit): owner within the visible owners, or a live share to the
    caller's user id or department. Expired shares are ignored here, at read time (G4)."""
    if scope.visible_owners is None:
        return true()
    clauses: list[ColumnElement[bool]] = [t.c.owner_id.in_(sorted(scope.visible_owners))]
    grantees = []
    if scope.user_id:
        grantees.append(and_(s.c.grantee_type == "user", s.c.grantee_id == scope.user_id))
    if scope.department_id:
        grantees.append(and_(s.c.grantee_type == "department", s.c.grantee_id == scope.department_id))
    if grantees:
        conditions = [
            s.c.customer_id == t.c.id,
            or_(*grantees),
            or_(s.c.expires_at.is_(None), s.c.expires_at > scope.now),
        ]
        if edit:
            conditions.append(s.c.access == "edit")
        clauses.append(exists().where(*conditions))
    return or_(*clauses)
