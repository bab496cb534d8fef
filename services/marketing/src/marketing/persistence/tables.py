"""The marketing service's tables (its own database only).

Money columns hold whole minor units (BigInteger) with their currency. Phones, emails, UTM
parameters, form fields and the approval history are value lists stored with their record (JSON);
the match keys a lead is deduplicated by have their own indexed rows.
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
)

from crm_chassis.inbox import inbox_table
from crm_chassis.outbox import outbox_table

metadata = MetaData()

outbox = outbox_table(metadata)
inbox = inbox_table(metadata)


def _audit() -> list[Column]:
    return [
        Column("version", BigInteger, nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False),
        Column("updated_at", DateTime(timezone=True), nullable=False),
    ]


campaigns = Table(
    "campaigns",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("type", String(20), nullable=False),
    Column("channel", String(100), nullable=False, default=""),
    Column("start_date", Date, nullable=True),
    Column("end_date", Date, nullable=True),
    Column("owner_id", String(64), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("budget", BigInteger, nullable=False),
    Column("expected_revenue", BigInteger, nullable=False),
    Column("actual_cost", BigInteger, nullable=False),
    Column("status", String(20), nullable=False),
    Column("needs_approval", Boolean, nullable=False, default=False),
    Column("approval_status", String(30), nullable=False, default=""),
    Column("approval", JSON, nullable=True),
    Column("description", Text, nullable=False, default=""),
    Column("member_count", Integer, nullable=False, default=0),
    *_audit(),
    Column("created_by", String(64), nullable=False, default=""),
    Index("ix_campaigns_status", "status"),
    Index("ix_campaigns_owner", "owner_id"),
)

campaign_costs = Table(
    "campaign_costs",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("campaign_id", String(36), nullable=False),
    Column("currency", String(3), nullable=False),
    Column("amount", BigInteger, nullable=False),
    Column("incurred_on", Date, nullable=False),
    Column("description", String(500), nullable=False, default=""),
    Column("recorded_by", String(64), nullable=False, default=""),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
    Index("ix_campaign_costs_campaign", "campaign_id", "recorded_at"),
)

campaign_members = Table(
    "campaign_members",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("campaign_id", String(36), nullable=False),
    Column("member_type", String(10), nullable=False),
    Column("lead_id", String(36), nullable=False, default=""),
    Column("customer_id", String(36), nullable=False, default=""),
    Column("name", String(200), nullable=False, default=""),
    Column("response_status", String(20), nullable=False),
    Column("added_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("version", BigInteger, nullable=False),
    Index("ix_campaign_members_campaign", "campaign_id"),
    Index("ix_campaign_members_customer", "customer_id"),
)

leads = Table(
    "leads",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("company", String(200), nullable=False, default=""),
    Column("contact_name", String(100), nullable=False, default=""),
    Column("title", String(100), nullable=False, default=""),
    Column("phones", JSON, nullable=False),
    Column("emails", JSON, nullable=False),
    Column("region", String(100), nullable=False, default=""),
    Column("industry", String(100), nullable=False, default=""),
    Column("source", String(50), nullable=False, default=""),
    Column("campaign_id", String(36), nullable=False, default=""),
    Column("product_interest", String(200), nullable=False, default=""),
    Column("budget_currency", String(3), nullable=False, default=""),
    Column("estimated_budget", BigInteger, nullable=True),
    Column("notes", Text, nullable=False, default=""),
    Column("utm", JSON, nullable=False),
    Column("owner_id", String(64), nullable=False, default=""),
    Column("status", String(20), nullable=False),
    Column("in_pool", Boolean, nullable=False, default=False),
    Column("disqualify_reason", String(500), nullable=False, default=""),
    Column("pool_entered_at", DateTime(timezone=True), nullable=True),
    Column("assigned_at", DateTime(timezone=True), nullable=True),
    Column("contacted_at", DateTime(timezone=True), nullable=True),
    Column("reminded_at", DateTime(timezone=True), nullable=True),
    Column("previous_owner_id", String(64), nullable=False, default=""),
    Column("assignment_rule_id", String(36), nullable=False, default=""),
    Column("touch_count", Integer, nullable=False, default=1),
    Column("last_touch_at", DateTime(timezone=True), nullable=False),
    Column("form_id", String(36), nullable=False, default=""),
    Column("conversion", JSON, nullable=True),
    Column("conversion_state", String(20), nullable=False, default=""),
    Column("converted_customer_id", String(36), nullable=False, default=""),
    *_audit(),
    Column("created_by", String(64), nullable=False, default=""),
    Index("ix_leads_owner_status", "owner_id", "status"),
    Index("ix_leads_pool", "in_pool", "created_at"),
    Index("ix_leads_uncontacted", "status", "assigned_at"),
    Index("ix_leads_converted_customer", "converted_customer_id"),
)

# Normalised phone/email keys of each lead (dedupe within the window).
lead_keys = Table(
    "lead_keys",
    metadata,
    Column("key_type", String(10), nullable=False),
    Column("key_value", String(255), nullable=False),
    Column("lead_id", String(36), nullable=False),
    Column("seen_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("key_type", "key_value", "lead_id"),
    Index("ix_lead_keys_lookup", "key_type", "key_value", "seen_at"),
)

lead_touches = Table(
    "lead_touches",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("lead_id", String(36), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("source", String(50), nullable=False, default=""),
    Column("campaign_id", String(36), nullable=False, default=""),
    Column("form_id", String(36), nullable=False, default=""),
    Column("submission_id", String(100), nullable=True, unique=True),
    Column("utm", JSON, nullable=False),
    Column("detail", String(200), nullable=False, default=""),
    Index("ix_lead_touches_lead", "lead_id", "at"),
)

assignment_rules = Table(
    "assignment_rules",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("position", Integer, nullable=False),
    Column("active", Boolean, nullable=False),
    Column("conditions", JSON, nullable=False),
    Column("target", String(20), nullable=False),
    Column("user_id", String(64), nullable=False, default=""),
    Column("member_ids", JSON, nullable=False),
    Column("daily_capacity", Integer, nullable=False, default=0),
    # The rule's turn counter: incremented under the row lock for every intake it evaluates (M3).
    Column("turn", BigInteger, nullable=False, default=0),
    *_audit(),
)

# Each member's standing in a rule (M3): the turn they last got, and today's count.
assignment_state = Table(
    "assignment_state",
    metadata,
    Column("rule_id", String(36), nullable=False),
    Column("member_id", String(64), nullable=False),
    Column("last_assigned_at", DateTime(timezone=True), nullable=True),
    Column("sequence", BigInteger, nullable=False),
    Column("day", String(10), nullable=False),
    Column("day_count", Integer, nullable=False),
    PrimaryKeyConstraint("rule_id", "member_id"),
)

# Successful pool grabs per user and local day (the claim limit, C12).
pool_claims = Table(
    "pool_claims",
    metadata,
    Column("user_id", String(64), nullable=False),
    Column("day", String(10), nullable=False),
    Column("count", Integer, nullable=False),
    PrimaryKeyConstraint("user_id", "day"),
)

forms = Table(
    "forms",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("key", String(63), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("campaign_id", String(36), nullable=False, default=""),
    Column("fields", JSON, nullable=False),
    Column("mapping", JSON, nullable=False),
    Column("thank_you_message", Text, nullable=False, default=""),
    Column("honeypot_field", String(63), nullable=False, default=""),
    Column("active", Boolean, nullable=False),
    Column("auto_assign", Boolean, nullable=False),
    *_audit(),
    Column("created_by", String(64), nullable=False, default=""),
)

# The local copy of customers (from customers events): conversion may link to one by id.
customer_refs = Table(
    "customer_refs",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(200), nullable=False, default=""),
    Column("owner_id", String(64), nullable=False, default=""),
    Column("merged_into_id", String(36), nullable=False, default=""),
    Column("version", BigInteger, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
