"""Migration 0002 on a database that already holds 0001 data, and its downgrade (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic import command
from sqlalchemy import create_engine, inspect, text

from crm_chassis.db import make_session_factory, transaction
from crm_chassis.migrations import alembic_config
from gateway.config import DEFAULT_MIGRATIONS_DIR
from gateway.identity.org_policy import load_snapshot, resolve


def test_0002_upgrades_an_existing_database_and_downgrades(database_url):
    cfg = alembic_config(database_url, DEFAULT_MIGRATIONS_DIR)  # type: ignore[arg-type]
    command.upgrade(cfg, "0001")
    engine = create_engine(database_url)
    try:
        now = datetime.now(UTC)
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO users (id, username, password_hash, display_name, active, version, created_at,"
                    " updated_at) VALUES ('u1', 'old', 'h', 'Old', :active, 1, :now, :now)"
                ),
                {"active": True, "now": now},
            )
            conn.execute(text("INSERT INTO user_roles (user_id, role) VALUES ('u1', 'sales_rep')"))
        command.upgrade(cfg, "head")
        with transaction(make_session_factory(engine)) as session:
            snap = load_snapshot(session)
        # Each data migration after 0002 bumps the authz version (running gateways reload).
        # Eight built-in roles from 0002, `finance` from 0006.
        assert snap.version >= 1 and len(snap.profiles) == 9
        access = resolve(snap, "u1")
        assert access.allows("customers:create") and not access.allows("customers:export")
        assert access.owners_for("customers:view") == {"u1"}
        assert resolve(snap, "nobody").active is False
        command.downgrade(cfg, "0001")
        tables = set(inspect(engine).get_table_names())
        assert "roles" not in tables and "audit_log" not in tables and "users" in tables
        command.upgrade(cfg, "head")
        assert {"roles", "departments", "audit_log"} <= set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
