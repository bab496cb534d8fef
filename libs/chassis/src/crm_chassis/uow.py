"""Unit of work: one database transaction whose events land in the outbox with the change.

A service subclasses it to expose its repositories, and gives it a translator that turns
its domain events into (event_type, proto payload, aggregate id, aggregate version).

A unit of work can also join a transaction that is already open (an event handler's, which
claims the inbox row in it): give it a session factory returning that session. It then neither
begins, commits nor closes; its changes and events are committed, or rolled back, with the
handler's transaction, so an event is applied and its consequences published exactly once.
"""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Any

from google.protobuf.message import Message
from sqlalchemy import Table
from sqlalchemy.orm import Session, sessionmaker

from crm_chassis import identity
from crm_chassis.db import READ_ONLY_OPTION
from crm_chassis.envelope import new_envelope
from crm_chassis.outbox import add_to_outbox

# domain event -> (event_type, payload, aggregate_id, aggregate_version)
EventTranslator = Callable[[Any], tuple[str, Message, str, int]]


class UnitOfWork:
    """Use as a context manager; nothing is written unless commit() is called."""

    def __init__(
        self,
        session_factory: sessionmaker[Session],
        outbox: Table,
        producer: str,
        translate: EventTranslator,
        *,
        read_only: bool = False,
    ) -> None:
        self._factory = session_factory
        self._read_only = read_only
        self._outbox = outbox
        self._producer = producer
        self._translate = translate
        self.session: Session
        self._joined = False

    def __enter__(self) -> UnitOfWork:
        self.session = self._factory()
        self._joined = self.session.in_transaction()
        if self._joined:
            return self
        self.session.begin()
        if self._read_only:
            # On SQLite a read-only unit takes no write lock (see crm_chassis.db).
            self.session.connection(execution_options={READ_ONLY_OPTION: True})
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._joined:
            return  # the transaction belongs to the caller, who commits or rolls it back
        if self.session.in_transaction():
            self.session.rollback()
        self.session.close()

    def record(self, event: Any) -> None:
        """Stage a domain event for publishing with this transaction."""
        event_type, payload, aggregate_id, version = self._translate(event)
        caller = identity.current()
        envelope = new_envelope(
            producer=self._producer,
            event_type=event_type,
            payload=payload,
            aggregate_id=aggregate_id,
            aggregate_version=version,
            correlation_id=caller.correlation_id,
            causation_id=caller.request_id,
            actor_user_id=caller.user_id,
        )
        add_to_outbox(self.session, self._outbox, envelope)

    def commit(self) -> None:
        if self._read_only:
            raise RuntimeError("a read-only unit of work cannot commit")
        if self._joined:
            self.session.flush()
            return
        self.session.commit()
