"""The customers service's tables (its own database only)."""

from sqlalchemy import BigInteger, Column, DateTime, Index, MetaData, String, Table

from crm_chassis.inbox import inbox_table
from crm_chassis.outbox import outbox_table

metadata = MetaData()

customers = Table(
    "customers",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("owner_id", String(64), nullable=False),
    Column("level", String(1), nullable=False, default=""),
    Column("industry", String(100), nullable=False, default=""),
    Column("phone", String(40), nullable=False, default=""),
    Column("email", String(254), nullable=False, default=""),
    Column("version", BigInteger, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("created_by", String(64), nullable=False, default=""),
    Index("ix_customers_created", "created_at", "id"),
    Index("ix_customers_owner_created", "owner_id", "created_at", "id"),
)

outbox = outbox_table(metadata)
inbox = inbox_table(metadata)
