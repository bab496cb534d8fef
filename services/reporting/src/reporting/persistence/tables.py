"""The reporting service's read-model tables (its own database only).

Every read model row carries the `version` of its aggregate (applied monotonically); log tables
(owner moves, stage changes, lead statuses, conversions) are keyed by a natural id, so a replay
inserts nothing twice. Dates used for buckets are stored as local (organisation time zone) ISO
dates `YYYY-MM-DD` in `*_day` columns, so bucketing is the same on SQLite and PostgreSQL.
"""

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    false,
)

from crm_chassis.inbox import inbox_table
from crm_chassis.outbox import outbox_table

metadata = MetaData()


def _id(name: str = "id") -> Column:
    return Column(name, String(64), primary_key=True)


def _s(name: str, length: int = 64) -> Column:
    return Column(name, String(length), nullable=False, server_default="")


def _money(name: str) -> Column:
    return Column(name, BigInteger, nullable=False, server_default="0")


def _day(name: str) -> Column:
    return Column(name, String(10), nullable=True)


def _at(name: str) -> Column:
    return Column(name, DateTime(timezone=True), nullable=True)


def _version() -> Column:
    return Column("version", BigInteger, nullable=False)


customer_facts = Table(
    "customer_facts",
    metadata,
    Column("customer_id", String(36), primary_key=True),
    Column("owner_id", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("version", BigInteger, nullable=False),
    Column("event_at", DateTime(timezone=True), nullable=False),
    Column("deleted", Boolean, nullable=False, server_default=false()),
    Column("classification", String(32), nullable=True),
    Column("industry", String(64), nullable=True),
    Column("region", String(64), nullable=True),
    Column("source", String(64), nullable=True),
    Column("level", String(8), nullable=True),
    Column("status", String(32), nullable=True),
    Column("created_day", String(10), nullable=True),
    Column("last_follow_up_at", DateTime(timezone=True), nullable=True),
    Column("pool_id", String(64), nullable=True),
    Index("ix_customer_facts_owner", "owner_id"),
    Index("ix_customer_facts_event_at", "event_at"),
)

# Every consumed event, as received (the envelope with its payload), once per event id.
event_archive = Table(
    "event_archive",
    metadata,
    Column("event_id", String(64), primary_key=True),
    Column("producer", String(32), nullable=False),
    Column("event_type", String(120), nullable=False),
    Column("aggregate_id", String(64), nullable=False),
    Column("aggregate_version", BigInteger, nullable=False),
    Column("occurred_at", DateTime(timezone=True), nullable=False),
    Column("body", Text, nullable=False),
    Index("ix_event_archive_order", "occurred_at", "event_id"),
)

owner_moves = Table(
    "rm_owner_moves",
    metadata,
    _id("event_id"),
    _s("customer_id"),
    _at("at"),
    _day("day"),
    _s("from_owner_id"),
    _s("to_owner_id"),
    _s("reason", 32),
    _s("pool_id"),
    Index("ix_rm_owner_moves_day", "day"),
)

activities = Table(
    "rm_activities",
    metadata,
    _id(),
    _s("customer_id"),
    _s("owner_id"),
    _s("type", 32),
    _at("occurred_at"),
    _day("day"),
    Column("follow_up", Boolean, nullable=False, server_default=false()),
    Index("ix_rm_activities_owner_day", "owner_id", "day"),
)

opportunities = Table(
    "rm_opportunities",
    metadata,
    _id(),
    _version(),
    _s("customer_id"),
    _s("owner_id"),
    _s("stage"),
    _s("status", 16),
    Column("probability", Integer, nullable=False, server_default="0"),
    _money("amount"),
    _s("currency", 8),
    _s("close_month", 7),
    _s("campaign_id"),
    _s("lead_id"),
    _s("lost_reason", 200),
    _at("created_at"),
    _day("created_day"),
    _day("closed_day"),
    Index("ix_rm_opportunities_owner", "owner_id", "status"),
    Index("ix_rm_opportunities_created", "created_day"),
    Index("ix_rm_opportunities_closed", "closed_day"),
    Index("ix_rm_opportunities_campaign", "campaign_id"),
)

stage_changes = Table(
    "rm_stage_changes",
    metadata,
    _id(),
    _s("opportunity_id"),
    _s("owner_id"),
    _at("at"),
    _day("day"),
    _s("from_stage"),
    _s("to_stage"),
    _s("reason", 200),
    Index("ix_rm_stage_changes_opp", "opportunity_id"),
)

quotes = Table(
    "rm_quotes",
    metadata,
    _id(),
    _version(),
    _s("customer_id"),
    _s("opportunity_id"),
    _s("owner_id"),
    _s("status", 32),
    _money("total"),
    _s("currency", 8),
    _day("sent_day"),
    _day("accepted_day"),
)

orders = Table(
    "rm_orders",
    metadata,
    _id(),
    _version(),
    _s("customer_id"),
    _s("owner_id"),
    _s("status", 16),
    _money("total"),
    _s("currency", 8),
    _day("created_day"),
    _day("confirmed_day"),
    Index("ix_rm_orders_confirmed", "confirmed_day"),
)

order_lines = Table(
    "rm_order_lines",
    metadata,
    Column("order_id", String(64), primary_key=True),
    Column("seq", Integer, primary_key=True),
    _s("product_id"),
    _s("sku"),
    _s("product_name", 200),
    _s("category"),
    Column("quantity", String(32), nullable=False, server_default="0"),
    _money("net"),
)

contracts = Table(
    "rm_contracts",
    metadata,
    _id(),
    _version(),
    _s("customer_id"),
    _s("owner_id"),
    _s("credited_owner_id"),
    _s("status", 16),
    _money("value"),
    _s("currency", 8),
    _day("signed_day"),
    _day("activated_day"),
)

payment_plans = Table(
    "rm_payment_plans",
    metadata,
    _id(),
    _version(),
    _s("contract_id"),
    _s("customer_id"),
    _s("owner_id"),
    _money("total"),
)

instalments = Table(
    "rm_instalments",
    metadata,
    _id(),
    _s("plan_id"),
    _s("contract_id"),
    _s("customer_id"),
    _s("owner_id"),
    Column("seq", Integer, nullable=False, server_default="0"),
    _day("due_day"),
    _money("amount"),
    _s("status", 32),
    Index("ix_rm_instalments_plan", "plan_id"),
)

receipts = Table(
    "rm_receipts",
    metadata,
    _id(),
    _version(),
    _s("plan_id"),
    _s("contract_id"),
    _s("customer_id"),
    _s("owner_id"),
    _money("amount"),
    _day("received_day"),
    _s("status", 32),
)

allocations = Table(
    "rm_allocations",
    metadata,
    Column("receipt_id", String(64), primary_key=True),
    Column("instalment_id", String(64), primary_key=True),
    _money("amount"),
    Index("ix_rm_allocations_instalment", "instalment_id"),
)

targets = Table(
    "rm_targets",
    metadata,
    _id(),
    _version(),
    _s("month", 7),
    _s("metric", 32),
    _s("scope_type", 16),
    _s("scope_id"),
    _money("value"),
)

leads = Table(
    "rm_leads",
    metadata,
    _id(),
    _version(),
    _s("owner_id"),
    _s("source"),
    _s("campaign_id"),
    _s("status", 32),
    _at("created_at"),
    _day("created_day"),
    _at("converted_at"),
    Column("in_pool", Boolean, nullable=False, server_default=false()),
    Index("ix_rm_leads_created", "created_day"),
)

lead_statuses = Table(
    "rm_lead_statuses",
    metadata,
    Column("lead_id", String(64), primary_key=True),
    Column("status", String(32), primary_key=True),
    _at("at"),
)

conversions = Table(
    "rm_conversions",
    metadata,
    _id("conversion_id"),
    _s("lead_id"),
    _s("outcome", 16),
    _s("customer_id"),
    _s("owner_id"),
    _s("campaign_id"),
)

campaigns = Table(
    "rm_campaigns",
    metadata,
    _id(),
    _version(),
    _s("name", 200),
    _s("owner_id"),
    _s("type", 32),
    _s("channel", 32),
    _s("status", 32),
    _money("budget"),
    _money("actual_cost"),
    _s("currency", 8),
    _day("start_day"),
)

work_orders = Table(
    "rm_work_orders",
    metadata,
    _id(),
    _version(),
    _s("customer_id"),
    _s("owner_id"),
    _s("assignee_id"),
    _s("type", 32),
    _s("status", 32),
    _s("priority", 16),
    _s("channel", 32),
    _at("created_at"),
    _day("created_day"),
    _at("resolved_at"),
    Column("resolution_minutes", Integer, nullable=True),
    Column("first_response_minutes", Integer, nullable=True),
    Column("responded", Boolean, nullable=False, server_default=false()),
    Column("first_response_breached", Boolean, nullable=False, server_default=false()),
    Column("resolution_breached", Boolean, nullable=False, server_default=false()),
    Column("reopen_count", Integer, nullable=False, server_default="0"),
    Index("ix_rm_work_orders_created", "created_day"),
    Index("ix_rm_work_orders_owner", "owner_id"),
)

visits = Table(
    "rm_visits",
    metadata,
    _id(),
    _version(),
    _s("work_order_id"),
    _s("technician_id"),
    _s("status", 32),
    _day("day"),
    Column("labour_minutes", Integer, nullable=False, server_default="0"),
    _money("charge"),
    Index("ix_rm_visits_wo", "work_order_id"),
)

service_charges = Table(
    "rm_service_charges",
    metadata,
    _id(),
    _version(),
    _s("work_order_id"),
    _s("visit_id"),
    _money("total"),
    _at("created_at"),
)

complaints = Table(
    "rm_complaints",
    metadata,
    _id(),
    _version(),
    _s("owner_id"),
    _s("assignee_id"),
    _s("category", 64),
    _s("severity", 16),
    _s("status", 32),
    _at("created_at"),
    _day("created_day"),
    _at("resolved_at"),
    Column("handling_minutes", Integer, nullable=True),
)

return_visits = Table(
    "rm_return_visits",
    metadata,
    _id(),
    _version(),
    _s("assignee_id"),
    _s("work_order_id"),
    _s("status", 32),
    Column("score", Integer, nullable=True),
    Column("nps", Integer, nullable=True),
    _day("completed_day"),
)

# Pre-aggregated opportunities (kept by the projector with every opportunity change, in the same
# transaction): what the pipeline reports group by, ~1/10 of the rows at a million opportunities.
# Day columns hold "" for none (a key column cannot be NULL); the engine reads them back as NULL.
opp_by_created = Table(
    "rm_opp_by_created",
    metadata,
    Column("owner_id", String(64), primary_key=True),
    Column("status", String(16), primary_key=True),
    Column("stage", String(64), primary_key=True),
    Column("created_day", String(10), primary_key=True),
    Column("close_month", String(7), primary_key=True),
    Column("n", BigInteger, nullable=False),
    Column("amount", BigInteger, nullable=False),
    # amount x probability (percent): the weighted amount x 100, exact in integers.
    Column("weighted_x100", BigInteger, nullable=False),
)

opp_by_closed = Table(
    "rm_opp_by_closed",
    metadata,
    Column("owner_id", String(64), primary_key=True),
    Column("status", String(16), primary_key=True),
    Column("closed_day", String(10), primary_key=True),
    Column("lost_reason", String(200), primary_key=True),
    Column("n", BigInteger, nullable=False),
    Column("amount", BigInteger, nullable=False),
)

# Campaign attribution (campaign ROI): no owner, the campaign's figures count whoever owns the deal.
opp_by_campaign = Table(
    "rm_opp_by_campaign",
    metadata,
    Column("campaign_id", String(64), primary_key=True),
    Column("status", String(16), primary_key=True),
    Column("created_day", String(10), primary_key=True),
    Column("n", BigInteger, nullable=False),
    Column("amount", BigInteger, nullable=False),
)

# Saved custom report definitions and per-user dashboards (owned by reporting).
report_definitions = Table(
    "report_definitions",
    metadata,
    _id(),
    _s("owner_id"),
    Column("name", String(200), nullable=False),
    Column("shared", Boolean, nullable=False, server_default=false()),
    Column("body", Text, nullable=False),
    _version(),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

dashboards = Table(
    "dashboards",
    metadata,
    Column("user_id", String(64), primary_key=True),
    Column("body", Text, nullable=False),
    _version(),
)

# Projections the rebuild empties and refills (everything derived from the archive).
PROJECTIONS = (
    customer_facts,
    owner_moves,
    activities,
    opportunities,
    opp_by_created,
    opp_by_closed,
    opp_by_campaign,
    stage_changes,
    quotes,
    orders,
    order_lines,
    contracts,
    payment_plans,
    instalments,
    receipts,
    allocations,
    targets,
    leads,
    lead_statuses,
    conversions,
    campaigns,
    work_orders,
    visits,
    service_charges,
    complaints,
    return_visits,
)

outbox = outbox_table(metadata)
inbox = inbox_table(metadata)
