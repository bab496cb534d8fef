"""The migrations end exactly at tables.py, and 0002 carries existing 0001 rows over (both databases)."""

from datetime import UTC, datetime

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from crm_chassis.db import make_engine
from crm_chassis.migrations import alembic_config, upgrade
from customers.config import SPEC, load_customers_settings
from customers.crypto import FieldCrypto
from customers.domain import keys as k
from customers.persistence.codec import customer_context, open_list
from customers.persistence.tables import metadata

pytestmark = pytest.mark.integration

FIRST = "cd641744a670"


def test_migrated_schema_equals_the_table_definitions(database_url):
    upgrade(database_url, SPEC.migrations_dir, echo=lambda *_: None)
    engine = make_engine(database_url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            diff = compare_metadata(context, metadata)
    finally:
        engine.dispose()
    assert diff == []


def test_0002_carries_existing_customers_over_and_downgrades(database_url):
    cfg = alembic_config(database_url, SPEC.migrations_dir)
    command.upgrade(cfg, FIRST)
    engine = create_engine(database_url)
    created = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
    try:
        with engine.begin() as conn:
            for cid, name, phone in (("c1", "Acme Ltd", "138 1234 5678"), ("c2", "ACME LTD.", ""), ("c3", "Beta", "")):
                conn.execute(
                    text(
                        "INSERT INTO customers (id, name, owner_id, level, industry, phone, email, version,"
                        " created_at, updated_at, created_by) VALUES (:id, :name, 'u1', '', '', :phone,"
                        " 'a@b.co', 1, :at, :at, 'u1')"
                    ),
                    {"id": cid, "name": name, "phone": phone, "at": created},
                )
        command.upgrade(cfg, "head")
        crypto = FieldCrypto(load_customers_settings().field_key)
        with engine.connect() as conn:
            row = conn.execute(text("SELECT phones_enc, emails_enc, owner_since FROM customers WHERE id='c1'")).one()
            assert "1234" not in row.phones_enc
            assert open_list(crypto, row.phones_enc, customer_context("c1", "phones")) == ("138 1234 5678",)
            assert open_list(crypto, row.emails_enc, customer_context("c1", "emails")) == ("a@b.co",)
            assert row.owner_since is not None
            names = conn.execute(
                text("SELECT customer_id FROM customer_keys WHERE key_type=:t AND deleted_at IS NULL"),
                {"t": k.COMPANY_NAME},
            ).all()
            # "ACME LTD." collides with the older "Acme Ltd": the first registrant keeps the key.
            assert sorted(r.customer_id for r in names) == ["c1", "c3"]
            assert conn.execute(text("SELECT count(*) FROM owner_history")).scalar() == 3
        command.downgrade(cfg, FIRST)
        assert "customer_keys" not in set(inspect(engine).get_table_names())
        with engine.connect() as conn:
            assert conn.execute(text("SELECT phone, email FROM customers WHERE id='c1'")).one() == (
                "138 1234 5678",
                "a@b.co",
            )
        command.upgrade(cfg, "head")
    finally:
        engine.dispose()
