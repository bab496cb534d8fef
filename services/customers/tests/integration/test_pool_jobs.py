"""The worker's pool timer body (no nameko): each job under its own Redis lock, so a second
replica skips at once (O2), and the jobs act once for the same as_of (O1)."""

from __future__ import annotations

import functools
from datetime import UTC, datetime

import pytest
import redis as redis_lib
from sqlalchemy import select, text

from crm_chassis.db import make_engine, make_session_factory
from crm_chassis.identity import Caller
from crm_chassis.migrations import upgrade
from customers.config import SPEC, load_customers_settings
from customers.crypto import FieldCrypto
from customers.domain.commands import create_customer
from customers.domain.customer import NewCustomer
from customers.events.pool_jobs import job_lock, lock_key, run_pool_jobs
from customers.persistence import tables
from customers.persistence.uow import SqlCustomersUnitOfWork

pytestmark = pytest.mark.integration


@pytest.fixture
def setup(database_url, redis_url, redis_prefix):
    upgrade(database_url, SPEC.migrations_dir, echo=lambda *_: None)
    engine = make_engine(database_url)
    factory = make_session_factory(engine)
    settings = load_customers_settings({})
    uow = functools.partial(SqlCustomersUnitOfWork, factory, crypto=FieldCrypto(settings.field_key))
    client = redis_lib.Redis.from_url(redis_url)
    yield uow, factory, settings, client, redis_prefix
    client.close()
    engine.dispose()


def test_lock_is_exclusive_and_released_only_by_its_holder(setup):
    _, _, _, client, prefix = setup
    with job_lock(client, prefix, "sweep", ttl_ms=10_000) as first:
        with job_lock(client, prefix, "sweep", ttl_ms=10_000) as second:
            assert (first, second) == (True, False)
        assert client.get(lock_key(prefix, "sweep")) is not None  # the loser did not delete it
    assert client.get(lock_key(prefix, "sweep")) is None


def test_jobs_run_under_their_locks_and_act_once(setup):
    uow, factory, settings, client, prefix = setup
    saved = create_customer(uow, Caller(user_id="admin"), NewCustomer(name="Acme", owner_id="a"))
    with factory() as s:
        s.execute(
            text("UPDATE customers SET owner_since = :m WHERE id = :id"),
            {"m": datetime(2026, 1, 1, 4, tzinfo=UTC), "id": saved.customer.id},
        )
        s.commit()
    # Another replica holds the sweep: this one skips it and still runs the others.
    client.set(lock_key(prefix, "sweep"), "someone-else", px=10_000)
    results = run_pool_jobs(uow, settings, client, prefix, as_of=datetime(2026, 2, 1, 4, tzinfo=UTC))
    assert results["sweep"] is None and results["reminders"] is not None and results["purge"] is not None
    client.delete(lock_key(prefix, "sweep"))
    first = run_pool_jobs(uow, settings, client, prefix, as_of=datetime(2026, 2, 1, 4, tzinfo=UTC))
    assert first["sweep"].acted == 1
    again = run_pool_jobs(uow, settings, client, prefix, as_of=datetime(2026, 2, 1, 4, tzinfo=UTC))
    assert again["sweep"].acted == 0
    with factory() as s:
        owner = s.execute(select(tables.customers.c.owner_id).where(tables.customers.c.id == saved.customer.id))
        assert owner.scalar() is None
    assert not client.keys(f"{prefix}:customers:lock:*")
