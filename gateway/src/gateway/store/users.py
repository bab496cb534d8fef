"""Queries on users, roles and refresh tokens. Functions take a Session inside a transaction."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import and_, delete, insert, select, update
from sqlalchemy.orm import Session

from gateway.store.tables import refresh_tokens, user_roles, users


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything the gateway stores is UTC."""
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def normalize_username(username: str) -> str:
    return username.strip().lower()


@dataclass(frozen=True)
class UserRecord:
    id: str
    username: str
    password_hash: str
    display_name: str
    roles: tuple[str, ...]
    department_id: str | None
    active: bool
    version: int


@dataclass(frozen=True)
class RefreshTokenRecord:
    jti: str
    user_id: str
    family_id: str
    expires_at: datetime
    revoked_at: datetime | None


def _roles_of(session: Session, user_id: str) -> tuple[str, ...]:
    rows = session.execute(select(user_roles.c.role).where(user_roles.c.user_id == user_id).order_by(user_roles.c.role))
    return tuple(r[0] for r in rows)


def _record(session: Session, row) -> UserRecord:  # type: ignore[no-untyped-def]
    return UserRecord(
        id=row.id,
        username=row.username,
        password_hash=row.password_hash,
        display_name=row.display_name,
        roles=_roles_of(session, row.id),
        department_id=row.department_id,
        active=bool(row.active),
        version=row.version,
    )


def find_by_username(session: Session, username: str) -> UserRecord | None:
    row = session.execute(select(users).where(users.c.username == normalize_username(username))).first()
    return None if row is None else _record(session, row)


def find_by_id(session: Session, user_id: str) -> UserRecord | None:
    row = session.execute(select(users).where(users.c.id == user_id)).first()
    return None if row is None else _record(session, row)


def create_user(
    session: Session,
    *,
    username: str,
    password_hash: str,
    display_name: str,
    roles: Sequence[str],
    department_id: str | None = None,
    user_id: str | None = None,
) -> UserRecord:
    now = utcnow()
    new_id = user_id or str(uuid.uuid4())
    session.execute(
        insert(users).values(
            id=new_id,
            username=normalize_username(username),
            password_hash=password_hash,
            display_name=display_name,
            department_id=department_id,
            active=True,
            version=1,
            created_at=now,
            updated_at=now,
        )
    )
    for role in sorted(set(roles)):
        session.execute(insert(user_roles).values(user_id=new_id, role=role))
    record = find_by_id(session, new_id)
    assert record is not None
    return record


def set_password_hash(session: Session, user_id: str, password_hash: str) -> None:
    session.execute(
        update(users)
        .where(users.c.id == user_id)
        .values(password_hash=password_hash, version=users.c.version + 1, updated_at=utcnow())
    )


def set_roles(session: Session, user_id: str, roles: Sequence[str]) -> None:
    session.execute(delete(user_roles).where(user_roles.c.user_id == user_id))
    for role in sorted(set(roles)):
        session.execute(insert(user_roles).values(user_id=user_id, role=role))
    session.execute(update(users).where(users.c.id == user_id).values(version=users.c.version + 1, updated_at=utcnow()))


def add_refresh_token(
    session: Session, *, jti: str, user_id: str, family_id: str, issued_at: datetime, expires_at: datetime
) -> None:
    session.execute(
        insert(refresh_tokens).values(
            jti=jti, user_id=user_id, family_id=family_id, issued_at=issued_at, expires_at=expires_at
        )
    )


def find_refresh_token(session: Session, jti: str) -> RefreshTokenRecord | None:
    row = session.execute(select(refresh_tokens).where(refresh_tokens.c.jti == jti)).first()
    if row is None:
        return None
    return RefreshTokenRecord(
        jti=row.jti,
        user_id=row.user_id,
        family_id=row.family_id,
        expires_at=as_utc(row.expires_at),
        revoked_at=None if row.revoked_at is None else as_utc(row.revoked_at),
    )


def consume_refresh_token(session: Session, jti: str, *, replaced_by: str | None, now: datetime) -> bool:
    """Mark a live token used; False when it was already used or revoked (a concurrent refresh lost)."""
    result = session.execute(
        update(refresh_tokens)
        .where(and_(refresh_tokens.c.jti == jti, refresh_tokens.c.revoked_at.is_(None)))
        .values(revoked_at=now, replaced_by=replaced_by)
    )
    return result.rowcount == 1  # type: ignore[attr-defined]


def revoke_family(session: Session, family_id: str, *, now: datetime) -> None:
    session.execute(
        update(refresh_tokens)
        .where(and_(refresh_tokens.c.family_id == family_id, refresh_tokens.c.revoked_at.is_(None)))
        .values(revoked_at=now)
    )


def purge_expired_tokens(session: Session, user_id: str, *, now: datetime) -> None:
    session.execute(
        delete(refresh_tokens).where(and_(refresh_tokens.c.user_id == user_id, refresh_tokens.c.expires_at < now))
    )


def list_users(session: Session, *, limit: int, after_id: str | None = None) -> list[UserRecord]:
    """Ordered by id; `after_id` pages on."""
    query = select(users).order_by(users.c.id).limit(limit)
    if after_id is not None:
        query = query.where(users.c.id > after_id)
    return [_record(session, row) for row in session.execute(query).all()]


def update_user(session: Session, user_id: str, **values: object) -> None:
    """Set columns of `users` (display_name, department_id, active) and bump the version."""
    session.execute(
        update(users).where(users.c.id == user_id).values(**values, version=users.c.version + 1, updated_at=utcnow())
    )


def revoke_all_refresh_tokens(session: Session, user_id: str, *, now: datetime) -> None:
    """End every live refresh token of a user (disabled account, changed password)."""
    session.execute(
        update(refresh_tokens)
        .where(and_(refresh_tokens.c.user_id == user_id, refresh_tokens.c.revoked_at.is_(None)))
        .values(revoked_at=now)
    )
