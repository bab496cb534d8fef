"""Deals from sales move the customer's last deal time forward and make it active, once; inside
the event handler's transaction (a joined unit of work), so a failed handler leaves nothing."""

from __future__ import annotations

import functools
import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from crm_chassis.db import make_engine, make_session_factory, transaction
from crm_chassis.identity import Caller
from crm_chassis.migrations import upgrade
from customers.config import SPEC, load_customers_settings
from customers.crypto import FieldCrypto
from customers.domain.commands import create_customer, get_customer
from customers.domain.customer import NewCustomer
from customers.domain.deals import record_deal
from customers.persistence import tables
from customers.persistence.uow import SqlCustomersUnitOfWork

pytestmark = pytest.mark.integration
ADMIN = Caller(user_id="admin")


@pytest.fixture
def setup(database_url):
    upgrade(database_url, SPEC.migrations_dir, echo=lambda *_: None)
    engine = make_engine(database_url)
    factory = make_session_factory(engine)
    crypto = FieldCrypto(load_customers_settings({}).field_key)
    uow = functools.partial(SqlCustomersUnitOfWork, factory, crypto=crypto)
    yield uow, factory, crypto
    engine.dispose()


def _deal(factory, crypto, customer_id: str, at: datetime, source: str = "order_confirmed") -> bool:
    """What the worker's handler does: a unit of work joining the handler's transaction."""
    with transaction(factory) as session, SqlCustomersUnitOfWork(lambda: session, crypto=crypto) as uow:
        changed = record_deal(uow, customer_id, at=at, source=source)
        uow.commit()
    return changed


def _events(factory, customer_id: str) -> list[str]:
    with factory() as s:
        rows = s.execute(select(tables.outbox.c.event_type, tables.outbox.c.body).order_by(tables.outbox.c.id)).all()
    return [r.event_type for r in rows if json.loads(r.body)["aggregate_id"] == customer_id]


def test_a_deal_sets_deal_time_and_status_once(setup):
    uow, factory, crypto = setup
    customer = create_customer(uow, ADMIN, NewCustomer(name="Deal Co", owner_id="rep")).customer
    assert customer.status == "prospect" and customer.deal_at is None
    first = datetime(2026, 3, 1, 9, tzinfo=UTC)
    assert _deal(factory, crypto, customer.id, first, "opportunity_won") is True
    after = get_customer(uow, ADMIN, customer.id)
    assert after.deal_at == first and after.status == "active" and after.version == customer.version + 1
    # The same deal again, or an older one, changes nothing (at-least-once delivery is safe).
    assert _deal(factory, crypto, customer.id, first) is False
    assert _deal(factory, crypto, customer.id, datetime(2026, 2, 1, tzinfo=UTC)) is False
    later = datetime(2026, 4, 1, 9, tzinfo=UTC)
    assert _deal(factory, crypto, customer.id, later) is True
    final = get_customer(uow, ADMIN, customer.id)
    assert final.deal_at == later and final.version == customer.version + 2
    assert _events(factory, customer.id) == ["customer_created", "customer_updated", "customer_updated"]


def test_unknown_customers_are_ignored_and_a_failing_handler_leaves_nothing(setup):
    uow, factory, crypto = setup
    assert _deal(factory, crypto, "no-such-customer", datetime(2026, 3, 1, tzinfo=UTC)) is False
    customer = create_customer(uow, ADMIN, NewCustomer(name="Rollback Co", owner_id="rep")).customer
    with pytest.raises(RuntimeError), transaction(factory) as session:
        with SqlCustomersUnitOfWork(lambda: session, crypto=crypto) as joined:
            record_deal(joined, customer.id, at=datetime(2026, 3, 1, tzinfo=UTC), source="order_confirmed")
            joined.commit()
        raise RuntimeError("the handler fails afterwards")
    unchanged = get_customer(uow, ADMIN, customer.id)
    assert unchanged.deal_at is None and unchanged.version == customer.version
    assert _events(factory, customer.id) == ["customer_created"]
