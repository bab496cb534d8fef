"""The customers service's tables (its own database only).

Phones and emails are stored encrypted (`*_enc`, AES-GCM); their duplicate keys are a keyed
hash (blind index) in `customer_keys`. Every migration under migrations/ must end at exactly
these definitions (a test compares them).
"""

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    false,
    text,
)

from crm_chassis.inbox import inbox_table
from crm_chassis.outbox import outbox_table

metadata = MetaData()

_ID = 36
_USER = 64

customers = Table(
    "customers",
    metadata,
    Column("id", String(_ID), primary_key=True),
    Column("name", String(200), nullable=False),
    # NULL while the customer sits in a pool.
    Column("owner_id", String(_USER), nullable=True),
    Column("level", String(1), nullable=False, default=""),
    Column("industry", String(100), nullable=False, default=""),
    Column("version", BigInteger, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("created_by", String(_USER), nullable=False, default=""),
    Column("kind", String(16), nullable=False, server_default="company"),
    Column("classification", String(16), nullable=False, server_default="potential"),
    Column("status", String(16), nullable=False, server_default="prospect"),
    Column("region", String(100), nullable=False, server_default=""),
    Column("source", String(100), nullable=False, server_default=""),
    Column("address", String(500), nullable=False, server_default=""),
    Column("latitude", Float, nullable=True),
    Column("longitude", Float, nullable=True),
    Column("phones_enc", Text, nullable=True),
    Column("emails_enc", Text, nullable=True),
    Column("website", String(253), nullable=False, server_default=""),
    Column("tags", JSON, nullable=True),
    Column("uscc", String(18), nullable=False, server_default=""),
    Column("custom", JSON, nullable=True),
    # DOMAIN_RULES C1: the pool clocks, each its own column.
    Column("owner_since", DateTime(timezone=True), nullable=True),
    Column("last_follow_up_at", DateTime(timezone=True), nullable=True),
    Column("deal_at", DateTime(timezone=True), nullable=True),
    Column("pool_id", String(_ID), nullable=True),
    Column("pool_entered_at", DateTime(timezone=True), nullable=True),
    Column("previous_owner_id", String(_USER), nullable=True),
    Column("exemption_ended_at", DateTime(timezone=True), nullable=True),
    # C4: an active contract (from sales events) pauses both pool timers.
    Column("contract_paused", Boolean, nullable=False, server_default=false()),
    Column("locked", Boolean, nullable=False, server_default=false()),
    Column("deleted_at", DateTime(timezone=True), nullable=True),
    Column("deletion_batch_id", String(_ID), nullable=True),
    Column("merged_into_id", String(_ID), nullable=True),
    Index("ix_customers_created", "created_at", "id"),
    Index("ix_customers_owner_created", "owner_id", "created_at", "id"),
    Index("ix_customers_deleted", "deleted_at", "id"),
    Index("ix_customers_name", "name", "id"),
    Index("ix_customers_pool", "pool_id", "pool_entered_at"),
)

# Duplicate keys (C24). Hard keys are unique among live rows; sensitive values are HMACs.
customer_keys = Table(
    "customer_keys",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("key_type", String(32), nullable=False),
    Column("key_value", String(255), nullable=False),
    Column("customer_id", String(_ID), nullable=False),
    # Set when the key belongs to one of the customer's contacts.
    Column("contact_id", String(_ID), nullable=True),
    Column("hard", Boolean, nullable=False),
    Column("normaliser_version", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("deleted_at", DateTime(timezone=True), nullable=True),
    Index(
        "uq_customer_keys_hard_live",
        "key_type",
        "key_value",
        unique=True,
        sqlite_where=text("hard = 1 AND deleted_at IS NULL"),
        postgresql_where=text("hard AND deleted_at IS NULL"),
    ),
    Index("ix_customer_keys_lookup", "key_type", "key_value"),
    Index("ix_customer_keys_customer", "customer_id", "contact_id"),
)

contacts = Table(
    "contacts",
    metadata,
    Column("id", String(_ID), primary_key=True),
    Column("customer_id", String(_ID), nullable=False),
    Column("name", String(100), nullable=False),
    Column("title", String(100), nullable=False, server_default=""),
    Column("phones_enc", Text, nullable=True),
    Column("emails_enc", Text, nullable=True),
    Column("is_primary", Boolean, nullable=False, server_default=false()),
    Column("custom", JSON, nullable=True),
    Column("version", BigInteger, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("created_by", String(_USER), nullable=False, server_default=""),
    Column("deleted_at", DateTime(timezone=True), nullable=True),
    Column("deletion_batch_id", String(_ID), nullable=True),
    Index("ix_contacts_customer", "customer_id", "created_at", "id"),
    # One primary contact per customer among live contacts.
    Index(
        "uq_contacts_primary",
        "customer_id",
        unique=True,
        sqlite_where=text("is_primary = 1 AND deleted_at IS NULL"),
        postgresql_where=text("is_primary AND deleted_at IS NULL"),
    ),
)

activities = Table(
    "activities",
    metadata,
    Column("id", String(_ID), primary_key=True),
    Column("customer_id", String(_ID), nullable=False),
    Column("contact_id", String(_ID), nullable=True),
    Column("type", String(16), nullable=False),
    Column("occurred_at", DateTime(timezone=True), nullable=False),
    Column("actor_id", String(_USER), nullable=False),
    Column("content", Text, nullable=False),
    Column("opportunity_id", String(64), nullable=True),
    Column("work_order_id", String(64), nullable=True),
    Column("next_follow_up_at", DateTime(timezone=True), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("deleted_at", DateTime(timezone=True), nullable=True),
    Column("deletion_batch_id", String(_ID), nullable=True),
    Index("ix_activities_customer", "customer_id", "occurred_at", "id"),
    Index("ix_activities_next_follow_up", "next_follow_up_at"),
)

# Audit history: one row per changed field (ARCHITECTURE §5.8). Sensitive values encrypted.
customer_history = Table(
    "customer_history",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("customer_id", String(_ID), nullable=False),
    Column("entity_type", String(16), nullable=False),
    Column("entity_id", String(_ID), nullable=False),
    Column("change_id", String(_ID), nullable=False),
    Column("field", String(120), nullable=False),
    Column("old_value", Text, nullable=True),
    Column("new_value", Text, nullable=True),
    Column("actor_id", String(_USER), nullable=False),
    Column("changed_at", DateTime(timezone=True), nullable=False),
    Column("reason", String(32), nullable=False),
    Column("version", BigInteger, nullable=False),
    Index("ix_customer_history_customer", "customer_id", "id"),
)

# DOMAIN_RULES C16: append-only periods of ownership.
owner_history = Table(
    "owner_history",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("customer_id", String(_ID), nullable=False),
    Column("from_owner", String(_USER), nullable=True),
    Column("to_owner", String(_USER), nullable=True),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("ended_at", DateTime(timezone=True), nullable=True),
    Column("reason_code", String(32), nullable=False),
    Column("rule_id", String(64), nullable=True),
    Column("rule_version", Integer, nullable=True),
    Column("actor", String(_USER), nullable=False),
    Index("ix_owner_history_customer", "customer_id", "started_at"),
    Index("ix_owner_history_from_owner", "from_owner", "ended_at"),
)

customer_shares = Table(
    "customer_shares",
    metadata,
    Column("customer_id", String(_ID), primary_key=True),
    Column("grantee_type", String(16), primary_key=True),
    Column("grantee_id", String(_USER), primary_key=True),
    Column("access", String(8), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("created_by", String(_USER), nullable=False),
    Index("ix_customer_shares_grantee", "grantee_type", "grantee_id"),
)

custom_field_definitions = Table(
    "custom_field_definitions",
    metadata,
    Column("entity", String(16), primary_key=True),
    Column("key", String(40), primary_key=True),
    Column("label", String(100), nullable=False),
    Column("type", String(16), nullable=False),
    Column("required", Boolean, nullable=False),
    Column("options", JSON, nullable=False),
    Column("version", BigInteger, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

# The customer pool (C5, C12, C15, O1).
customer_pools = Table(
    "customer_pools",
    metadata,
    Column("id", String(_ID), primary_key=True),
    Column("name", String(100), nullable=False),
    # Departments whose members see the pool; empty = everyone.
    Column("department_ids", JSON, nullable=False),
    Column("priority", Integer, nullable=False),
    Column("active", Boolean, nullable=False),
    # The reasons a manual release may give (C15).
    Column("release_reasons", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# Versioned rule sets per pool (C5): the current rule is the highest version.
pool_rules = Table(
    "pool_rules",
    metadata,
    Column("pool_id", String(_ID), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column("no_follow_up_days", Integer, nullable=True),
    Column("no_deal_days", Integer, nullable=True),
    Column("remind_days", JSON, nullable=False),
    Column("reclaim_cooldown_days", Integer, nullable=False),
    Column("claimable_after_days", Integer, nullable=False),
    Column("owned_cap", Integer, nullable=True),
    Column("owned_cap_by_level", JSON, nullable=False),
    Column("daily_claim_limit", Integer, nullable=True),
    Column("exempt_levels", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("created_by", String(_USER), nullable=False),
)

# Successful claims per user, pool and local date (C12), locked in the claim transaction.
claim_counters = Table(
    "claim_counters",
    metadata,
    Column("user_id", String(_USER), primary_key=True),
    Column("pool_id", String(_ID), primary_key=True),
    Column("local_date", Date, primary_key=True),
    Column("count", Integer, nullable=False),
)

# Each recycle warning is sent once per customer, tier and local date (O1).
pool_reminders_sent = Table(
    "pool_reminders_sent",
    metadata,
    Column("customer_id", String(_ID), primary_key=True),
    Column("tier", Integer, primary_key=True),
    Column("local_date", Date, primary_key=True),
    Column("sent_at", DateTime(timezone=True), nullable=False),
)

# Each follow-up reminder (an activity's next_follow_up_at) is sent once.
follow_up_reminders_sent = Table(
    "follow_up_reminders_sent",
    metadata,
    Column("activity_id", String(_ID), primary_key=True),
    Column("sent_at", DateTime(timezone=True), nullable=False),
)

# C5: customers a new rule made due at once are not recycled before `grace_until` (local date).
pool_grace = Table(
    "pool_grace",
    metadata,
    Column("customer_id", String(_ID), primary_key=True),
    Column("pool_id", String(_ID), nullable=False),
    Column("rule_version", Integer, nullable=False),
    Column("grace_until", Date, nullable=False),
)

outbox = outbox_table(metadata)
inbox = inbox_table(metadata)

# Saved list views (C30): private to their owner or shared with everyone.
# The customer's contracts as sales reports them (C4): whether each is active, and when it ended.
customer_contracts = Table(
    "customer_contracts",
    metadata,
    Column("contract_id", String(_ID), primary_key=True),
    Column("customer_id", String(_ID), nullable=False),
    Column("active", Boolean, nullable=False),
    Column("ended_at", DateTime(timezone=True), nullable=True),
    Column("version", BigInteger, nullable=False),
    Index("ix_customer_contracts_customer", "customer_id"),
)

# Marketing lead conversions handled here: one row per conversion id, so a repeated request answers
# the same resolution instead of creating a second customer (M6).
lead_conversions = Table(
    "lead_conversions",
    metadata,
    Column("conversion_id", String(36), primary_key=True),
    Column("lead_id", String(36), nullable=False),
    Column("outcome", String(20), nullable=False),
    Column("customer_id", String(36), nullable=False),
    Column("contact_id", String(36), nullable=False),
    Column("conflict_owner_id", String(64), nullable=False),
    Column("detail", String(500), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Index("ix_lead_conversions_customer", "customer_id"),
)

customer_views = Table(
    "customer_views",
    metadata,
    Column("id", String(_ID), primary_key=True),
    Column("owner_id", String(_USER), nullable=False),
    Column("name", String(100), nullable=False),
    Column("filter", Text, nullable=False),
    Column("order_by", String(200), nullable=False),
    Column("columns", JSON, nullable=False),
    Column("shared", Boolean, nullable=False),
    Column("version", BigInteger, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_customer_views_owner", "owner_id", "name"),
    Index("ix_customer_views_shared", "shared", "name"),
)

# CSV import jobs (C26): the file (encrypted, cleared when done), the importer's identity, and the
# last committed row, so a restarted import continues where it stopped.
customer_import_jobs = Table(
    "customer_import_jobs",
    metadata,
    Column("id", String(_ID), primary_key=True),
    Column("status", String(16), nullable=False),
    Column("mode", String(24), nullable=False),
    Column("dry_run", Boolean, nullable=False),
    Column("file_name", String(200), nullable=False),
    Column("created_by", String(_USER), nullable=False),
    # user_id, department_id, visible_owners (null = all), roles, correlation_id.
    Column("caller", JSON, nullable=False),
    Column("column_map", JSON, nullable=False),
    Column("payload", Text, nullable=True),
    Column("total_rows", Integer, nullable=False),
    Column("processed_rows", Integer, nullable=False),
    Column("created", Integer, nullable=False),
    Column("updated", Integer, nullable=False),
    Column("skipped", Integer, nullable=False),
    Column("duplicates", Integer, nullable=False),
    Column("invalid", Integer, nullable=False),
    Column("error", Text, nullable=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True), nullable=True),
    Index("ix_customer_import_jobs_creator", "created_by", "created_at", "id"),
    Index("ix_customer_import_jobs_status", "status", "created_at"),
)

# Per-row results of an import job (the report).
customer_import_rows = Table(
    "customer_import_rows",
    metadata,
    Column("job_id", String(_ID), primary_key=True),
    Column("row_no", Integer, primary_key=True),
    Column("outcome", String(16), nullable=False),
    Column("customer_id", String(_ID), nullable=True),
    Column("code", String(64), nullable=False),
    Column("field", String(80), nullable=False),
    Column("reason", Text, nullable=False),
)

# The hard keys a dry run would have created, so a later row of the same file is reported as a
# duplicate of it (a real run finds those in customer_keys).
customer_import_keys = Table(
    "customer_import_keys",
    metadata,
    Column("job_id", String(_ID), primary_key=True),
    Column("key_type", String(32), primary_key=True),
    Column("key_value", String(255), primary_key=True),
    Column("row_no", Integer, nullable=False),
)
