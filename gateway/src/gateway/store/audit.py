"""The audit log and the authorization version (bumped by every change to users, roles, the organisation)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from gateway.store.tables import audit_log, authz_state
from gateway.store.users import as_utc, utcnow


def authz_version(session: Session) -> int:
    """The current authorization version (0 before migration 0002 seeded it)."""
    value = session.execute(select(authz_state.c.version).where(authz_state.c.id == 1)).scalar()
    return int(value or 0)


def bump_authz(session: Session) -> None:
    """Increment the authorization version in the caller's transaction, so every gateway process
    reloads users, roles and departments on its next request."""
    session.execute(update(authz_state).where(authz_state.c.id == 1).values(version=authz_state.c.version + 1))


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    actor_id: str | None
    action: str
    target_type: str
    target_id: str | None
    detail: dict[str, Any]


def record(
    session: Session,
    *,
    actor_id: str | None,
    action: str,
    target_type: str,
    target_id: str | None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Append one audit entry (never pass secrets or revealed values in `detail`)."""
    text = json.dumps(detail or {}, sort_keys=True, ensure_ascii=False, default=str)
    if len(text) > 4000:  # keep the column valid JSON: name what changed, drop the values
        text = json.dumps({"truncated": True, "keys": sorted(detail or {})}, ensure_ascii=False)[:4000]
    session.execute(
        insert(audit_log).values(
            at=utcnow(), actor_id=actor_id, action=action, target_type=target_type, target_id=target_id, detail=text
        )
    )


def entries(
    session: Session,
    *,
    limit: int,
    before_id: int | None = None,
    action: str | None = None,
    actor_id: str | None = None,
    target_id: str | None = None,
) -> list[AuditEntry]:
    """Newest first; `before_id` pages on (the cursor is the last id seen)."""
    query = select(audit_log).order_by(audit_log.c.id.desc()).limit(limit)
    if before_id is not None:
        query = query.where(audit_log.c.id < before_id)
    if action is not None:
        query = query.where(audit_log.c.action == action)
    if actor_id is not None:
        query = query.where(audit_log.c.actor_id == actor_id)
    if target_id is not None:
        query = query.where(audit_log.c.target_id == target_id)
    return [
        AuditEntry(
            id=row.id,
            at=as_utc(row.at),
            actor_id=row.actor_id,
            action=row.action,
            target_type=row.target_type,
            target_id=row.target_id,
            detail=json.loads(row.detail or "{}"),
        )
        for row in session.execute(query)
    ]


def record_authz_change(session: Session, **entry: Any) -> None:
    """Audit a change to users, roles or departments and make every gateway process reload them."""
    record(session, **entry)
    bump_authz(session)
