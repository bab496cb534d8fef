"""Table definitions; `gateway/migrations` is generated against this metadata."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    UniqueConstraint,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

users = Table(
    "users",
    metadata,
    Column("id", String(36), primary_key=True),
    # Stored lower-cased; logins are case-insensitive.
    Column("username", String(150), nullable=False, unique=True),
    Column("password_hash", String(255), nullable=False),
    Column("display_name", String(200), nullable=False),
    # The department tree lands with the organisation model; until then this is a bare id.
    Column("department_id", String(36), nullable=True),
    Column("active", Boolean, nullable=False, default=True),
    Column("version", Integer, nullable=False, default=1),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

# A join table (not a JSON column) so a `roles` table with editable permissions can later be
# referenced by foreign key without rewriting user rows.
user_roles = Table(
    "user_roles",
    metadata,
    Column("user_id", String(36), ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("role", String(64), primary_key=True),
)

refresh_tokens = Table(
    "refresh_tokens",
    metadata,
    Column("jti", String(36), primary_key=True),
    Column("user_id", String(36), ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    # Every rotation keeps the family; presenting a rotated-out token revokes the whole family.
    Column("family_id", String(36), nullable=False),
    Column("issued_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
    Column("replaced_by", String(36), nullable=True),
    Index("ix_refresh_tokens_user_id", "user_id"),
    Index("ix_refresh_tokens_family_id", "family_id"),
)

# ---------------------------------------------------------------- organisation (migration 0002)

departments = Table(
    "departments",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(200), nullable=False),
    # NULL = a root of the tree; cycles are refused by the admin API.
    Column("parent_id", String(36), ForeignKey("departments.id"), nullable=True),
    Column("version", Integer, nullable=False, default=1),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Index("ix_departments_parent_id", "parent_id"),
)

positions = Table(
    "positions",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

groups = Table(
    "groups",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

user_groups = Table(
    "user_groups",
    metadata,
    Column("user_id", String(36), ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("group_id", String(36), ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True),
)

# Users gain a position in 0002 (a bare id checked by the admin API; SQLite cannot add a foreign key).
user_positions = Table(
    "user_positions",
    metadata,
    Column("user_id", String(36), ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("position_id", String(36), ForeignKey("positions.id", ondelete="CASCADE"), nullable=False),
)

roles = Table(
    "roles",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("description", String(500), nullable=False, default=""),
    Column("builtin", Boolean, nullable=False, default=False),
    Column("version", Integer, nullable=False, default=1),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

# One row per granted `module:action`.
role_permissions = Table(
    "role_permissions",
    metadata,
    Column("role", String(64), ForeignKey("roles.name", ondelete="CASCADE"), primary_key=True),
    Column("permission", String(128), primary_key=True),
)

# Data scope per role and module; module "*" is the role's default for every other module.
role_scopes = Table(
    "role_scopes",
    metadata,
    Column("role", String(64), ForeignKey("roles.name", ondelete="CASCADE"), primary_key=True),
    Column("module", String(64), primary_key=True),
    Column("scope", String(32), nullable=False),
)

# Field access per role, resource and field: hidden | masked | read_only | editable (default editable).
role_field_rules = Table(
    "role_field_rules",
    metadata,
    Column("role", String(64), ForeignKey("roles.name", ondelete="CASCADE"), primary_key=True),
    Column("resource", String(64), primary_key=True),
    Column("field", String(64), primary_key=True),
    Column("access", String(16), nullable=False),
)

# One row; every change to users, roles or the organisation increments it (cache invalidation).
authz_state = Table(
    "authz_state",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("version", Integer, nullable=False),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor_id", String(36), nullable=True),
    Column("action", String(64), nullable=False),
    Column("target_type", String(32), nullable=False),
    Column("target_id", String(128), nullable=True),
    # JSON text: what changed (never passwords or revealed values).
    Column("detail", String(4000), nullable=False, default="{}"),
    Index("ix_audit_log_at", "at"),
)

# The per-user notification inbox (issue 9), filled by the bus consumer from services' events.
notifications = Table(
    "notifications",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("user_id", String(36), nullable=False),
    # The event it came from: one notice per (event, user), so a redelivered event adds nothing.
    Column("event_id", String(64), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("title", String(200), nullable=False),
    Column("body", String(1000), nullable=False),
    Column("link", String(500), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("read_at", DateTime(timezone=True), nullable=True),
    UniqueConstraint("event_id", "user_id"),
    Index("ix_notifications_user_created", "user_id", "created_at"),
)
