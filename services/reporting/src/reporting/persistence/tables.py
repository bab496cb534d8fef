"""The reporting service's read-model tables (its own database only)."""

from sqlalchemy import BigInteger, Boolean, Column, DateTime, Index, MetaData, String, Table, false

from crm_chassis.inbox import inbox_table
from crm_chassis.outbox import outbox_table

metadata = MetaData()

customer_facts = Table(
    "customer_facts",
    metadata,
    Column("customer_id", String(36), primary_key=True),
    Column("owner_id", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("version", BigInteger, nullable=False),
    Column("event_at", DateTime(timezone=True), nullable=False),
    Column("deleted", Boolean, nullable=False, server_default=false()),
    Index("ix_customer_facts_owner", "owner_id"),
    Index("ix_customer_facts_event_at", "event_at"),
)

outbox = outbox_table(metadata)
inbox = inbox_table(metadata)
