"""The notification inbox in the gateway's database."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import UTC, datetime

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.orm import Session

from crm_chassis.db import conflict_insert
from crm_chassis.paging import decode_cursor, encode_cursor
from gateway.notifications.rules import Notice
from gateway.store.tables import notifications as t


@dataclasses.dataclass(frozen=True)
class StoredNotice:
    id: str
    user_id: str
    kind: str
    title: str
    body: str
    link: str
    created_at: datetime
    read_at: datetime | None

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "body": self.body,
            "link": self.link,
            "created_at": self.created_at.isoformat().replace("+00:00", "Z"),
            "read": self.read_at is not None,
        }


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _row(r) -> StoredNotice:  # type: ignore[no-untyped-def]
    return StoredNotice(r.id, r.user_id, r.kind, r.title, r.body, r.link, _utc(r.created_at), _utc(r.read_at))  # type: ignore[arg-type]


def add(session: Session, event_id: str, notices: list[Notice], at: datetime) -> list[StoredNotice]:
    """Store the event's notices; those stored already (a redelivery) are skipped. Returns the new ones."""
    added = []
    for n in notices:
        row = StoredNotice(str(uuid.uuid4()), n.user_id, n.kind, n.title[:200], n.body[:1000], n.link[:500], at, None)
        stmt = conflict_insert(session, t).values(
            id=row.id,
            user_id=row.user_id,
            event_id=event_id,
            kind=row.kind,
            title=row.title,
            body=row.body,
            link=row.link,
            created_at=at,
            read_at=None,
        )
        if session.execute(stmt.on_conflict_do_nothing()).rowcount == 1:
            added.append(row)
    return added


def page(
    session: Session, user_id: str, *, unread_only: bool, limit: int, cursor: str
) -> tuple[list[StoredNotice], str]:
    """The user's notices, newest first, one keyset page; the next cursor ('' at the end)."""
    stmt = select(t).where(t.c.user_id == user_id)
    if unread_only:
        stmt = stmt.where(t.c.read_at.is_(None))
    if cursor:
        at, last_id = decode_cursor(cursor)  # InvalidArgument for a cursor it did not make
        stmt = stmt.where(or_(t.c.created_at < at, and_(t.c.created_at == at, t.c.id < last_id)))
    rows = session.execute(stmt.order_by(t.c.created_at.desc(), t.c.id.desc()).limit(limit + 1)).all()
    items = [_row(r) for r in rows[:limit]]
    more = len(rows) > limit
    return items, encode_cursor(items[-1].created_at, items[-1].id) if more and items else ""


def unread_count(session: Session, user_id: str) -> int:
    return int(
        session.execute(
            select(func.count()).select_from(t).where(t.c.user_id == user_id, t.c.read_at.is_(None))
        ).scalar_one()
    )


def mark_read(session: Session, user_id: str, notice_id: str | None, at: datetime) -> int:
    """Mark one of the user's notices (or all, `notice_id` None) read; how many changed."""
    stmt = update(t).where(t.c.user_id == user_id, t.c.read_at.is_(None))
    if notice_id is not None:
        stmt = stmt.where(t.c.id == notice_id)
    return int(session.execute(stmt.values(read_at=at)).rowcount)


def exists(session: Session, user_id: str, notice_id: str) -> bool:
    return session.execute(select(t.c.id).where(t.c.id == notice_id, t.c.user_id == user_id)).first() is not None
