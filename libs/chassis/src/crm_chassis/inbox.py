"""The inbox: a consumer applies each event at most once.

The event id is recorded in the same transaction as the handler's effects, so a redelivered
or duplicated event finds its id and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Column, DateTime, MetaData, PrimaryKeyConstraint, String, Table, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from crm_chassis.db import conflict_insert, read_transaction, transaction
from crm_chassis.envelope import Envelope

Effect = Callable[[Session, Envelope], None]


def inbox_table(metadata: MetaData) -> Table:
    """The `inbox` table definition inside `metadata`."""
    return Table(
        "inbox",
        metadata,
        Column("event_id", String(36), nullable=False),
        Column("handler", String(200), nullable=False),
        Column("event_type", String(120), nullable=False),
        Column("processed_at", DateTime(timezone=True), nullable=False),
        PrimaryKeyConstraint("event_id", "handler"),
    )


class Inbox:
    """Applies handler effects exactly once per (event id, handler)."""

    def __init__(self, session_factory: sessionmaker[Session], table: Table) -> None:
        self.session_factory = session_factory
        self.table = table

    def _seen(self, session: Session, event_id: str, handler: str) -> bool:
        t = self.table
        return (
            session.execute(select(t.c.event_id).where(t.c.event_id == event_id, t.c.handler == handler)).first()
            is not None
        )

    def _claim(self, session: Session, handler: str, envelope: Envelope) -> bool:
        """Insert the inbox row unless it exists; True if this transaction owns the event now."""
        values = {
            "event_id": envelope.event_id,
            "handler": handler,
            "event_type": envelope.event_type,
            "processed_at": datetime.now(UTC),
        }
        stmt = conflict_insert(session, self.table).values(**values).on_conflict_do_nothing()
        return session.execute(stmt).rowcount == 1

    def apply_once(self, handler: str, envelope: Envelope, effect: Effect) -> bool:
        """Run `effect` and record the event in one transaction; False if it was already applied."""
        try:
            with transaction(self.session_factory) as session:
                # One statement both checks and records; a concurrent duplicate waits on the row
                # lock (PostgreSQL) or the write lock (SQLite) and then finds it taken.
                if not self._claim(session, handler, envelope):
                    return False
                effect(session, envelope)
        except IntegrityError:
            # A concurrent delivery of the same event committed first.
            with read_transaction(self.session_factory) as session:
                if self._seen(session, envelope.event_id, handler):
                    return False
            raise
        return True
