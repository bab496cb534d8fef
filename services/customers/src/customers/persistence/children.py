"""SQL storage of a customer's children: contacts and activities."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from sqlalchemy import and_, delete, insert, or_, select, update
from sqlalchemy.orm import Session

from crm_chassis.paging import decode_cursor, encode_cursor
from customers.crypto import FieldCrypto
from customers.domain.access import Scope
from customers.domain.activity import Activity
from customers.domain.contact import Contact
from customers.domain.ports import Page
from customers.persistence import tables
from customers.persistence.codec import activity_from_row, activity_values, contact_from_row, contact_values
from customers.persistence.scope import visible_clause

c = tables.contacts
a = tables.activities


class SqlContacts:
    def __init__(self, session: Session, crypto: FieldCrypto) -> None:
        self.session = session
        self.crypto = crypto

    def _all(self, stmt) -> list[Contact]:  # type: ignore[no-untyped-def]
        return [contact_from_row(r, self.crypto) for r in self.session.execute(stmt).all()]

    def add(self, contact: Contact) -> None:
        self.session.execute(insert(c).values(**contact_values(contact, self.crypto)))

    def get(self, contact_id: str) -> Contact | None:
        found = self._all(select(c).where(c.c.id == contact_id))
        return found[0] if found else None

    def update(self, contact: Contact, *, expected_version: int) -> bool:
        values = contact_values(contact, self.crypto)
        for name in ("id", "customer_id", "created_at"):
            values.pop(name)
        stmt = update(c).where(c.c.id == contact.id, c.c.version == expected_version).values(**values)
        return self.session.execute(stmt).rowcount == 1

    def page(self, customer_id: str, *, limit: int, cursor: str) -> Page[Contact]:
        """Live contacts in the order they were added."""
        stmt = select(c).where(c.c.customer_id == customer_id, c.c.deleted_at.is_(None))
        if cursor:
            created_at, row_id = decode_cursor(cursor)
            stmt = stmt.where(or_(c.c.created_at > created_at, and_(c.c.created_at == created_at, c.c.id > row_id)))
        items = self._all(stmt.order_by(c.c.created_at, c.c.id).limit(limit + 1))
        next_cursor = encode_cursor(items[limit - 1].created_at, items[limit - 1].id) if len(items) > limit else ""
        return Page(items[:limit], next_cursor)

    def live(self, customer_id: str) -> list[Contact]:
        return self._all(
            select(c).where(c.c.customer_id == customer_id, c.c.deleted_at.is_(None)).order_by(c.c.created_at, c.c.id)
        )

    def in_batch(self, customer_id: str, batch_id: str) -> list[Contact]:
        return self._all(select(c).where(c.c.customer_id == customer_id, c.c.deletion_batch_id == batch_id))

    def find(self, contact_ids: list[str]) -> list[Contact]:
        if not contact_ids:
            return []
        return self._all(select(c).where(c.c.id.in_(contact_ids)).order_by(c.c.created_at, c.c.id))

    def unset_primary(self, customer_id: str, *, except_id: str, now: datetime) -> list[Contact]:
        others = [x for x in self.live(customer_id) if x.primary and x.id != except_id]
        changed = []
        for other in others:
            after = dataclasses.replace(other, primary=False, version=other.version + 1, updated_at=now)
            self.session.execute(
                update(c).where(c.c.id == other.id).values(is_primary=False, version=after.version, updated_at=now)
            )
            changed.append(after)
        return changed

    def soft_delete_live(self, customer_id: str, *, batch_id: str, at: datetime) -> list[str]:
        ids = [x.id for x in self.live(customer_id)]
        if ids:
            self.session.execute(update(c).where(c.c.id.in_(ids)).values(deleted_at=at, deletion_batch_id=batch_id))
        return ids

    def restore_batch(self, customer_id: str, batch_id: str) -> list[str]:
        ids = [x.id for x in self.in_batch(customer_id, batch_id)] if batch_id else []
        if ids:
            self.session.execute(update(c).where(c.c.id.in_(ids)).values(deleted_at=None, deletion_batch_id=None))
        return ids

    def purge_deleted(self, *, deleted_before: datetime, scope: Scope) -> int:
        """Remove contacts deleted one by one (not with their customer) before `deleted_before`,
        of customers `scope` may see, with their keys; returns how many went."""
        customers = tables.customers
        ids = [
            r.id
            for r in self.session.execute(
                select(c.c.id)
                .join(customers, customers.c.id == c.c.customer_id)
                .where(
                    c.c.deleted_at.is_not(None),
                    c.c.deleted_at < deleted_before,
                    c.c.deletion_batch_id.is_(None),
                    visible_clause(scope),
                )
            ).all()
        ]
        if ids:
            keys = tables.customer_keys
            self.session.execute(delete(keys).where(keys.c.contact_id.in_(ids)))
            self.session.execute(delete(c).where(c.c.id.in_(ids)))
        return len(ids)

    def move(self, from_customer: str, to_customer: str, *, keep_primary: bool) -> list[str]:
        moving = self.live(from_customer)
        for contact in moving:
            self.session.execute(
                update(c)
                .where(c.c.id == contact.id)
                .values(
                    customer_id=to_customer,
                    is_primary=contact.primary and keep_primary,
                    version=contact.version + 1,
                )
            )
        return [x.id for x in moving]


class SqlActivities:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, activity: Activity) -> None:
        self.session.execute(insert(a).values(**activity_values(activity)))

    def page(self, customer_id: str, *, limit: int, cursor: str) -> Page[Activity]:
        """Live activities, newest first (by when they happened)."""
        stmt = select(a).where(a.c.customer_id == customer_id, a.c.deleted_at.is_(None))
        if cursor:
            occurred_at, row_id = decode_cursor(cursor)
            stmt = stmt.where(or_(a.c.occurred_at < occurred_at, and_(a.c.occurred_at == occurred_at, a.c.id < row_id)))
        rows = self.session.execute(stmt.order_by(a.c.occurred_at.desc(), a.c.id.desc()).limit(limit + 1)).all()
        items = [activity_from_row(r) for r in rows]
        next_cursor = encode_cursor(items[limit - 1].occurred_at, items[limit - 1].id) if len(items) > limit else ""
        return Page(items[:limit], next_cursor)

    def _live_ids(self, customer_id: str) -> list[str]:
        stmt = select(a.c.id).where(a.c.customer_id == customer_id, a.c.deleted_at.is_(None)).order_by(a.c.id)
        return [r.id for r in self.session.execute(stmt).all()]

    def soft_delete_live(self, customer_id: str, *, batch_id: str, at: datetime) -> list[str]:
        ids = self._live_ids(customer_id)
        if ids:
            self.session.execute(update(a).where(a.c.id.in_(ids)).values(deleted_at=at, deletion_batch_id=batch_id))
        return ids

    def restore_batch(self, customer_id: str, batch_id: str) -> list[str]:
        if not batch_id:
            return []
        stmt = select(a.c.id).where(a.c.customer_id == customer_id, a.c.deletion_batch_id == batch_id)
        ids = [r.id for r in self.session.execute(stmt.order_by(a.c.id)).all()]
        if ids:
            self.session.execute(update(a).where(a.c.id.in_(ids)).values(deleted_at=None, deletion_batch_id=None))
        return ids

    def move(self, from_customer: str, to_customer: str) -> list[str]:
        ids = self._live_ids(from_customer)
        if ids:
            self.session.execute(update(a).where(a.c.id.in_(ids)).values(customer_id=to_customer))
        return ids
