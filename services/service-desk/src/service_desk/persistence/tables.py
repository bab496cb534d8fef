"""The service-desk service's tables (its own database only).

Value objects that are read with their record (entitlement, SLA state, dispatch decision with its
candidates, status history, attachments, parts, complaint steps) are stored as JSON on the record;
the columns that lists filter and sort on, and that the sweeps query, are real columns.
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
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
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


# The local copy of customers (from customers events).
customer_refs = Table(
    "customer_refs",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("owner_id", String(64), nullable=False, default=""),
    Column("classification", String(20), nullable=False, default=""),
    Column("latitude", Float, nullable=True),
    Column("longitude", Float, nullable=True),
    Column("deleted", Boolean, nullable=False, default=False),
    Column("merged_into_id", String(36), nullable=False, default=""),
    Column("version", BigInteger, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

# The local copy of fulfilled orders (from order_fulfilled) and their lines' products and warranty.
fulfilled_orders = Table(
    "fulfilled_orders",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("customer_id", String(36), nullable=False, index=True),
    Column("owner_id", String(64), nullable=False, default=""),
    Column("fulfilled_on", Date, nullable=False),
    Column("version", BigInteger, nullable=False),
)

owned_products = Table(
    "owned_products",
    metadata,
    Column("order_id", String(36), nullable=False),
    Column("line_no", Integer, nullable=False),
    Column("customer_id", String(36), nullable=False, index=True),
    Column("product_id", String(36), nullable=False),
    Column("warranty_months", Integer, nullable=False, default=0),
    Column("fulfilled_on", Date, nullable=False),
    Column("serial_number", String(100), nullable=False, default=""),
    PrimaryKeyConstraint("order_id", "line_no"),
)

# The local copy of contracts (from contract_activated / _expired / _terminated).
contract_copies = Table(
    "contract_copies",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("customer_id", String(36), nullable=False, index=True),
    Column("status", String(20), nullable=False),
    Column("start_date", Date, nullable=True),
    Column("end_date", Date, nullable=True),
    Column("order_ids", JSON, nullable=False),
    Column("coverage", JSON, nullable=False),
    Column("version", BigInteger, nullable=False),
)

sla_policies = Table(
    "sla_policies",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(200), nullable=False),
    Column("priority", String(10), nullable=False),
    Column("classification", String(64), nullable=False, default=""),
    Column("first_response_minutes", Integer, nullable=False),
    Column("resolution_minutes", Integer, nullable=False),
    Column("at_risk_percent", Integer, nullable=False),
    Column("round_the_clock", Boolean, nullable=False, default=False),
    Column("active", Boolean, nullable=False, default=True),
    *_audit(),
)

technicians = Table(
    "technicians",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("user_id", String(64), nullable=False, default=""),
    Column("name", String(200), nullable=False),
    Column("team", String(64), nullable=False),
    Column("skills", JSON, nullable=False),
    Column("capacity", Integer, nullable=False),
    Column("working_days", JSON, nullable=False),
    Column("latitude", Float, nullable=True),
    Column("longitude", Float, nullable=True),
    Column("location_updated_at", DateTime(timezone=True), nullable=True),
    Column("active", Boolean, nullable=False, default=True),
    Column("manager_id", String(64), nullable=False, default=""),
    Column("last_assigned_at", DateTime(timezone=True), nullable=True),
    *_audit(),
    Index("ix_technicians_user", "user_id"),
)

work_orders = Table(
    "work_orders",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("number", String(20), nullable=False, unique=True),
    Column("type", String(20), nullable=False),
    Column("channel", String(20), nullable=False),
    Column("customer_id", String(36), nullable=False, index=True),
    Column("customer_name", String(200), nullable=False, default=""),
    Column("contact_id", String(64), nullable=False, default=""),
    Column("product_id", String(64), nullable=False, default=""),
    Column("serial_number", String(100), nullable=False, default=""),
    Column("order_id", String(64), nullable=False, default=""),
    Column("contract_id", String(64), nullable=False, default=""),
    Column("priority", String(10), nullable=False),
    Column("description", Text, nullable=False, default=""),
    Column("attachments", JSON, nullable=False),
    Column("status", String(24), nullable=False),
    Column("entitlement_decision", String(24), nullable=False),
    Column("entitlement", JSON, nullable=False),
    Column("sla", JSON, nullable=False),
    Column("sla_breached", Boolean, nullable=False, default=False),
    Column("team", String(64), nullable=False, default=""),
    Column("assignee_id", String(36), nullable=False, default=""),
    Column("owner_id", String(64), nullable=False, default=""),
    Column("dispatch", JSON, nullable=True),
    Column("resolution", Text, nullable=False, default=""),
    Column("reopen_count", Integer, nullable=False, default=0),
    Column("article_ids", JSON, nullable=False),
    Column("history", JSON, nullable=False),
    Column("resolved_at", DateTime(timezone=True), nullable=True),
    Column("closed_at", DateTime(timezone=True), nullable=True),
    Column("created_by", String(64), nullable=False, default=""),
    *_audit(),
    Index("ix_work_orders_status", "status", "id"),
    Index("ix_work_orders_queue", "team", "status", "created_at"),
    Index("ix_work_orders_assignee", "assignee_id", "status"),
)

visits = Table(
    "visits",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("work_order_id", String(36), nullable=False, index=True),
    Column("customer_id", String(36), nullable=False),
    Column("owner_id", String(64), nullable=False, default=""),
    Column("technician_id", String(36), nullable=False),
    Column("window_start", DateTime(timezone=True), nullable=False),
    Column("window_end", DateTime(timezone=True), nullable=False),
    Column("status", String(20), nullable=False),
    Column("checked_in_at", DateTime(timezone=True), nullable=True),
    Column("check_in_location", JSON, nullable=True),
    Column("checked_out_at", DateTime(timezone=True), nullable=True),
    Column("check_out_location", JSON, nullable=True),
    Column("work_done", Text, nullable=False, default=""),
    Column("parts", JSON, nullable=False),
    Column("labour_minutes", Integer, nullable=False, default=0),
    Column("charge_minor", BigInteger, nullable=False, default=0),
    Column("currency", String(3), nullable=False),
    Column("service_charge_id", String(36), nullable=False, default=""),
    *_audit(),
)

service_charges = Table(
    "service_charges",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("work_order_id", String(36), nullable=False, index=True),
    Column("visit_id", String(36), nullable=False, unique=True),
    Column("customer_id", String(36), nullable=False),
    Column("owner_id", String(64), nullable=False, default=""),
    Column("currency", String(3), nullable=False),
    Column("parts_minor", BigInteger, nullable=False),
    Column("labour_minor", BigInteger, nullable=False),
    Column("total_minor", BigInteger, nullable=False),
    Column("reason", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("version", BigInteger, nullable=False),
)

complaints = Table(
    "complaints",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("number", String(20), nullable=False, unique=True),
    Column("customer_id", String(36), nullable=False, index=True),
    Column("work_order_id", String(36), nullable=False, default=""),
    Column("order_id", String(64), nullable=False, default=""),
    Column("contract_id", String(64), nullable=False, default=""),
    Column("return_visit_id", String(36), nullable=False, default=""),
    Column("category", String(32), nullable=False),
    Column("severity", String(10), nullable=False),
    Column("description", Text, nullable=False),
    Column("responsible_department_id", String(64), nullable=False, default=""),
    Column("assignee_id", String(64), nullable=False, default=""),
    Column("owner_id", String(64), nullable=False, default=""),
    Column("status", String(20), nullable=False),
    Column("deadline_at", DateTime(timezone=True), nullable=False),
    Column("steps", JSON, nullable=False),
    Column("root_cause", Text, nullable=False, default=""),
    Column("resolution", Text, nullable=False, default=""),
    Column("customer_confirmed", Boolean, nullable=False, default=False),
    Column("escalation_level", Integer, nullable=False, default=0),
    Column("resolved_at", DateTime(timezone=True), nullable=True),
    Column("created_by", String(64), nullable=False, default=""),
    Column("subject_user_id", String(64), nullable=False, default=""),
    *_audit(),
    Index("ix_complaints_open_deadline", "status", "deadline_at"),
)

return_visits = Table(
    "return_visits",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("rule", String(24), nullable=False),
    Column("source_kind", String(16), nullable=False),
    Column("source_id", String(36), nullable=False),
    Column("customer_id", String(36), nullable=False, index=True),
    Column("owner_id", String(64), nullable=False, default=""),
    Column("work_order_id", String(36), nullable=False, default=""),
    Column("order_id", String(64), nullable=False, default=""),
    Column("due_on", Date, nullable=False),
    Column("assignee_id", String(64), nullable=False, default=""),
    Column("status", String(16), nullable=False),
    Column("outcome", Text, nullable=False, default=""),
    Column("score", Integer, nullable=False, default=0),
    Column("nps", Integer, nullable=True),
    Column("follow_up", String(24), nullable=False, default="none"),
    Column("complaint_id", String(36), nullable=False, default=""),
    Column("completed_at", DateTime(timezone=True), nullable=True),
    # "" for manual visits, else the rule: one automatic return visit per (rule, source) (D5).
    Column("once_key", String(80), nullable=True, unique=True),
    *_audit(),
)

articles = Table(
    "kb_articles",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("title", String(200), nullable=False),
    Column("category", String(64), nullable=False),
    Column("problem", Text, nullable=False),
    Column("solution", Text, nullable=False),
    Column("tags", JSON, nullable=False),
    Column("status", String(16), nullable=False),
    # ' word word ... ': searched with LIKE '% word%' per query word (same on SQLite and PostgreSQL).
    Column("search_text", Text, nullable=False),
    Column("created_by", String(64), nullable=False, default=""),
    *_audit(),
)

number_sequences = Table(
    "number_sequences",
    metadata,
    Column("series", String(20), primary_key=True),
    Column("value", BigInteger, nullable=False),
)

# One row per action a timer took: (job, entity, threshold). Written in the action's transaction, so
# a second replica or a rerun cannot take the same action again.
job_marks = Table(
    "job_marks",
    metadata,
    Column("job", String(40), nullable=False),
    Column("entity_id", String(36), nullable=False),
    Column("threshold", String(80), nullable=False),
    Column("acted_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("job", "entity_id", "threshold"),
)

__all__ = ["UniqueConstraint", "metadata"]
