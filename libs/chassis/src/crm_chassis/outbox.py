"""The transactional outbox: events are rows written in the same transaction as the change.

The relay (crm_chassis.relay) publishes committed rows. A service adds the table to its own
metadata with ``outbox_table(metadata)`` so its migrations create it.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import BigInteger, Column, DateTime, Index, Integer, MetaData, String, Table, Text
from sqlalchemy.orm import Session

from crm_chassis.envelope import Envelope


def outbox_table(metadata: MetaData) -> Table:
    """The `outbox` table definition inside `metadata`."""
    return Table(
        "outbox",
        metadata,
        Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
        Column("event_id", String(36), nullable=False, unique=True),
        Column("event_type", String(120), nullable=False),
        Column("exchange", String(120), nullable=False),
        Column("routing_key", String(120), nullable=False),
        Column("body", Text, nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False),
        Column("published_at", DateTime(timezone=True), nullable=True),
        Column("attempts", Integer, nullable=False, default=0),
        Column("next_attempt_at", DateTime(timezone=True), nullable=True),
        Column("last_error", Text, nullable=True),
        Index("ix_outbox_unpublished", "published_at", "id"),
    )


def exchange_for(producer: str) -> str:
    """The topic exchange a producer publishes to."""
    return f"{producer}.events"


def add_to_outbox(session: Session, table: Table, envelope: Envelope) -> None:
    """Stage `envelope` for publishing; it becomes visible to the relay only if the transaction commits."""
    session.execute(
        table.insert().values(
            event_id=envelope.event_id,
            event_type=envelope.event_type,
            exchange=exchange_for(envelope.producer),
            routing_key=envelope.event_type,
            body=envelope.to_json(),
            created_at=datetime.now(UTC),
            attempts=0,
        )
    )
