"""The sales service's tables (its own database only).

Money columns hold whole minor units (BigInteger); rates and quantities that need decimals travel as
decimal text inside JSON or String columns, so both SQLite and PostgreSQL keep them exact. Lines,
competitors, coverage and price tiers are value objects stored with their record (JSON); instalments
and receipt allocations have their own rows because overdue and received amounts are queried.
"""

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from crm_chassis.inbox import inbox_table
from crm_chassis.outbox import outbox_table

metadata = MetaData()


def _id() -> Column:
    return Column("id", String(36), primary_key=True)


def _audit(*, created_by: bool = True) -> list[Column]:
    cols = [
        Column("version", BigInteger, nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False),
        Column("updated_at", DateTime(timezone=True), nullable=False),
    ]
    if created_by:
        cols.append(Column("created_by", String(64), nullable=False, default=""))
    return cols


# The local copy of customers (from customers events).
customer_refs = Table(
    "customer_refs",
    metadata,
    _id(),
    Column("name", String(200), nullable=False),
    Column("owner_id", String(64), nullable=False, default=""),
    Column("classification", String(20), nullable=False, default=""),
    Column("region", String(100), nullable=False, default=""),
    Column("deleted", Boolean, nullable=False, default=False),
    Column("merged_into_id", String(36), nullable=False, default=""),
    Column("version", BigInteger, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_customer_refs_owner", "owner_id"),
)

# Lead conversions waiting to become an opportunity: the marketing request (lead_converted) and the
# customers service's resolution (lead_conversion_resolved) may arrive in either order.
lead_conversions = Table(
    "lead_conversions",
    metadata,
    Column("conversion_id", String(36), primary_key=True),
    Column("lead_id", String(36), nullable=False),
    Column("request", JSON, nullable=True),
    Column("customer_id", String(36), nullable=False, default=""),
    Column("outcome", String(20), nullable=False, default=""),
    Column("opportunity_id", String(36), nullable=False, default=""),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

products = Table(
    "products",
    metadata,
    _id(),
    Column("sku", String(64), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("category", String(100), nullable=False, default=""),
    Column("unit", String(20), nullable=False),
    Column("list_price", BigInteger, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("warranty_months", Integer, nullable=False),
    Column("active", Boolean, nullable=False),
    *_audit(created_by=False),
    Index("ix_products_created", "created_at", "id"),
)

price_lists = Table(
    "price_lists",
    metadata,
    _id(),
    Column("name", String(200), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("customer_classification", String(20), nullable=False, default=""),
    Column("region", String(100), nullable=False, default=""),
    Column("effective_from", Date, nullable=False),
    Column("effective_to", Date, nullable=True),
    Column("active", Boolean, nullable=False),
    # [{"product_id", "min_quantity" (decimal text), "unit_price" (minor units)}]
    Column("tiers", JSON, nullable=False),
    *_audit(created_by=False),
    Index("ix_price_lists_effective", "currency", "effective_from"),
)

opportunities = Table(
    "opportunities",
    metadata,
    _id(),
    Column("customer_id", String(36), nullable=False),
    Column("contact_id", String(36), nullable=False, default=""),
    Column("name", String(200), nullable=False),
    Column("amount", BigInteger, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("stage", String(40), nullable=False),
    Column("status", String(10), nullable=False),
    Column("probability", Integer, nullable=False),
    Column("expected_close_date", Date, nullable=True),
    Column("source_campaign_id", String(36), nullable=False, default=""),
    Column("owner_id", String(64), nullable=False),
    Column("competitors", JSON, nullable=False),
    Column("lead_id", String(36), nullable=False, default="", server_default=""),
    Column("next_step", String(500), nullable=False, default=""),
    Column("lost_reason", String(500), nullable=False, default=""),
    Column("closed_at", DateTime(timezone=True), nullable=True),
    *_audit(),
    Index("ix_opportunities_owner", "owner_id", "created_at"),
    Index("ix_opportunities_customer", "customer_id"),
    Index("ix_opportunities_created", "created_at", "id"),
)

opportunity_stage_history = Table(
    "opportunity_stage_history",
    metadata,
    _id(),
    Column("opportunity_id", String(36), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor_id", String(64), nullable=False),
    Column("from_stage", String(40), nullable=False),
    Column("to_stage", String(40), nullable=False),
    Column("reason", String(600), nullable=False),
    Column("probability", Integer, nullable=False),
    Index("ix_stage_history_opportunity", "opportunity_id", "at"),
)

quotes = Table(
    "quotes",
    metadata,
    _id(),
    Column("number", String(20), nullable=False, unique=True),
    Column("title", String(200), nullable=False, default=""),
    Column("customer_id", String(36), nullable=False),
    Column("opportunity_id", String(36), nullable=False, default=""),
    Column("owner_id", String(64), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("lines", JSON, nullable=False),
    Column("tax_rate", String(16), nullable=False),
    # Denormalised from the lines for lists and filters.
    Column("total", BigInteger, nullable=False),
    Column("valid_until", Date, nullable=False),
    Column("terms", Text, nullable=False, default=""),
    Column("status", String(20), nullable=False),
    Column("revision", Integer, nullable=False),
    Column("order_id", String(36), nullable=False, default=""),
    Column("sent_at", DateTime(timezone=True), nullable=True),
    Column("accepted_at", DateTime(timezone=True), nullable=True),
    *_audit(),
    Index("ix_quotes_owner", "owner_id", "created_at"),
    Index("ix_quotes_created", "created_at", "id"),
)

quote_revisions = Table(
    "quote_revisions",
    metadata,
    Column("quote_id", String(36), nullable=False),
    Column("revision", Integer, nullable=False),
    Column("snapshot", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("quote_id", "revision"),
)

orders = Table(
    "orders",
    metadata,
    _id(),
    Column("number", String(20), nullable=False, unique=True),
    Column("customer_id", String(36), nullable=False),
    Column("owner_id", String(64), nullable=False),
    Column("opportunity_id", String(36), nullable=False, default=""),
    Column("quote_id", String(36), nullable=False, default=""),
    Column("currency", String(3), nullable=False),
    Column("lines", JSON, nullable=False),
    Column("tax_rate", String(16), nullable=False),
    Column("total", BigInteger, nullable=False),
    Column("notes", Text, nullable=False, default=""),
    Column("status", String(20), nullable=False),
    Column("cancel_reason", String(500), nullable=False, default=""),
    Column("confirmed_at", DateTime(timezone=True), nullable=True),
    Column("fulfilled_at", DateTime(timezone=True), nullable=True),
    Column("cancelled_at", DateTime(timezone=True), nullable=True),
    *_audit(),
    Index("ix_orders_owner", "owner_id", "created_at"),
    Index("ix_orders_created", "created_at", "id"),
)

contracts = Table(
    "contracts",
    metadata,
    _id(),
    Column("number", String(20), nullable=False, unique=True),
    Column("title", String(200), nullable=False, default=""),
    Column("customer_id", String(36), nullable=False),
    Column("owner_id", String(64), nullable=False),
    Column("order_ids", JSON, nullable=False),
    Column("value", BigInteger, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("start_date", Date, nullable=False),
    Column("end_date", Date, nullable=False),
    Column("terms", Text, nullable=False, default=""),
    Column("coverage", JSON, nullable=False),
    Column("status", String(20), nullable=False),
    Column("signed_on", Date, nullable=True),
    Column("credited_owner_id", String(64), nullable=False, default=""),
    Column("activated_at", DateTime(timezone=True), nullable=True),
    Column("ended_at", DateTime(timezone=True), nullable=True),
    Column("termination_reason", String(500), nullable=False, default=""),
    *_audit(),
    Index("ix_contracts_owner", "owner_id", "created_at"),
    Index("ix_contracts_status_dates", "status", "start_date", "end_date"),
    Index("ix_contracts_created", "created_at", "id"),
)

payment_plans = Table(
    "payment_plans",
    metadata,
    _id(),
    # Exactly one of contract_id / order_id is set (NULL, not "", so each stays unique).
    Column("contract_id", String(36), nullable=True, unique=True),
    Column("order_id", String(36), nullable=True, unique=True),
    Column("customer_id", String(36), nullable=False),
    Column("owner_id", String(64), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("total", BigInteger, nullable=False),
    *_audit(),
    Index("ix_payment_plans_created", "created_at", "id"),
)

instalments = Table(
    "instalments",
    metadata,
    _id(),
    Column("plan_id", String(36), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("due_date", Date, nullable=False),
    Column("amount", BigInteger, nullable=False),
    Column("note", String(200), nullable=False, default=""),
    Index("ix_instalments_plan", "plan_id", "seq"),
    Index("ix_instalments_due", "due_date"),
)

receipts = Table(
    "receipts",
    metadata,
    _id(),
    Column("contract_id", String(36), nullable=False),
    Column("order_id", String(36), nullable=False, default="", server_default=""),
    Column("plan_id", String(36), nullable=False),
    Column("customer_id", String(36), nullable=False),
    Column("owner_id", String(64), nullable=False),
    Column("amount", BigInteger, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("received_on", Date, nullable=False),
    Column("method", String(40), nullable=False),
    Column("reference", String(100), nullable=False, default=""),
    Column("note", String(1000), nullable=False, default=""),
    Column("status", String(30), nullable=False),
    Column("approved_at", DateTime(timezone=True), nullable=True),
    *_audit(),
    Index("ix_receipts_plan", "plan_id"),
    Index("ix_receipts_created", "created_at", "id"),
)

receipt_allocations = Table(
    "receipt_allocations",
    metadata,
    Column("receipt_id", String(36), nullable=False),
    Column("instalment_id", String(36), nullable=False),
    Column("amount", BigInteger, nullable=False),
    PrimaryKeyConstraint("receipt_id", "instalment_id"),
    Index("ix_allocations_instalment", "instalment_id"),
)

invoices = Table(
    "invoices",
    metadata,
    _id(),
    Column("contract_id", String(36), nullable=False),
    Column("order_id", String(36), nullable=False, default=""),
    Column("receipt_id", String(36), nullable=False, default=""),
    Column("customer_id", String(36), nullable=False),
    Column("owner_id", String(64), nullable=False),
    Column("amount", BigInteger, nullable=False),
    Column("currency", String(3), nullable=False),
    Column("tax_rate", String(16), nullable=False),
    Column("billing_title", String(200), nullable=False),
    Column("billing_tax_id", String(64), nullable=False, default=""),
    Column("billing_bank", String(200), nullable=False, default=""),
    Column("billing_address", String(300), nullable=False, default=""),
    Column("note", String(1000), nullable=False, default=""),
    Column("status", String(20), nullable=False),
    Column("invoice_number", String(64), nullable=False, default=""),
    Column("issued_on", Date, nullable=True),
    Column("void_reason", String(500), nullable=False, default=""),
    *_audit(),
    Index("ix_invoices_contract", "contract_id"),
    Index("ix_invoices_created", "created_at", "id"),
)

targets = Table(
    "targets",
    metadata,
    _id(),
    Column("month", String(7), nullable=False),
    Column("metric", String(30), nullable=False),
    Column("scope_type", String(20), nullable=False),
    Column("scope_id", String(64), nullable=False, default=""),
    Column("value", BigInteger, nullable=False),
    Column("currency", String(3), nullable=False, default=""),
    Column("version", BigInteger, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("updated_by", String(64), nullable=False, default=""),
    UniqueConstraint("month", "metric", "scope_type", "scope_id", name="uq_targets_key"),
    Index("ix_targets_created", "created_at", "id"),
)

approvals = Table(
    "approvals",
    metadata,
    _id(),
    Column("record_type", String(20), nullable=False),
    Column("record_id", String(36), nullable=False),
    Column("flow_key", String(40), nullable=False),
    Column("flow_version", Integer, nullable=False),
    Column("steps", JSON, nullable=False),
    Column("status", String(30), nullable=False),
    Column("round", Integer, nullable=False),
    Column("current_step", Integer, nullable=True),
    # Who decides the current step, for the approver's inbox query: its role and ",a,b," approvers.
    Column("current_role", String(64), nullable=False, default=""),
    Column("current_approvers", String(1000), nullable=False, default=""),
    Column("submitted_by", String(64), nullable=False),
    Column("submitted_at", DateTime(timezone=True), nullable=False),
    Column("decided_at", DateTime(timezone=True), nullable=True),
    Column("history", JSON, nullable=False),
    Column("owner_id", String(64), nullable=False),
    Column("summary", String(300), nullable=False, default=""),
    Column("version", BigInteger, nullable=False),
    UniqueConstraint("record_type", "record_id", name="uq_approvals_record"),
    Index("ix_approvals_open", "status", "current_role", "submitted_at"),
)

sales_settings = Table(
    "sales_settings",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("data", JSON, nullable=False),
    Column("version", BigInteger, nullable=False),
)

number_sequences = Table(
    "number_sequences",
    metadata,
    Column("series", String(20), primary_key=True),
    Column("value", BigInteger, nullable=False),
)

# Sent-once keys of reminders and overdue flags: (record, kind, local date).
notices = Table(
    "notices",
    metadata,
    Column("key", String(36), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("day", Date, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("key", "kind", "day"),
)

outbox = outbox_table(metadata)
inbox = inbox_table(metadata)
