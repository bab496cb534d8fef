"""C4 through the worker's contract handlers' code: an active contract pauses the pool timers of a
customer long overdue; when the contract ends, the timers restart from the end plus the grace
days; facts arrive in any order and more than once; a user's edit never writes the exemption or
an older follow-up time back."""

from __future__ import annotations

import functools
from datetime import UTC, datetime, timedelta

import pytest
import redis as redis_lib
from sqlalchemy import text

from crm_chassis.db import make_engine, make_session_factory, transaction
from crm_chassis.identity import Caller
from crm_chassis.migrations import upgrade
from customers.config import SPEC, load_customers_settings
from customers.crypto import FieldCrypto
from customers.domain.commands import create_customer, get_customer, update_customer
from customers.domain.customer import NewCustomer
from customers.domain.exemptions import ContractFact, Exemption, apply_contract, exemption_of
from customers.events.pool_jobs import run_pool_jobs
from customers.persistence.uow import SqlCustomersUnitOfWork

pytestmark = pytest.mark.integration
ADMIN = Caller(user_id="admin")
GRACE = 30
START = datetime(2026, 1, 1, 4, tzinfo=UTC)


@pytest.fixture
def setup(database_url, redis_url, redis_prefix):
    upgrade(database_url, SPEC.migrations_dir, echo=lambda *_: None)
    engine = make_engine(database_url)
    factory = make_session_factory(engine)
    settings = load_customers_settings({})
    crypto = FieldCrypto(settings.field_key)
    uow = functools.partial(SqlCustomersUnitOfWork, factory, crypto=crypto)
    client = redis_lib.Redis.from_url(redis_url)
    yield uow, factory, crypto, settings, client, redis_prefix
    client.close()
    engine.dispose()


def _owned_since(factory, customer_id: str, moment: datetime) -> None:
    with factory() as s:
        s.execute(text("UPDATE customers SET owner_since = :m WHERE id = :id"), {"m": moment, "id": customer_id})
        s.commit()


def _fact(factory, crypto, fact: ContractFact) -> bool:
    """What the worker's handler does: a unit of work joining the handler's transaction."""
    with transaction(factory) as session, SqlCustomersUnitOfWork(lambda: session, crypto=crypto) as uow:
        changed = apply_contract(uow, fact, grace_days=GRACE)
        uow.commit()
    return changed


def _sweep(uow, settings, client, prefix, as_of: datetime) -> int:
    return run_pool_jobs(uow, settings, client, prefix, as_of=as_of)["sweep"].acted


def test_an_active_contract_pauses_the_timers_and_its_end_restarts_them_after_the_grace(setup):
    uow, factory, crypto, settings, client, prefix = setup
    customer = create_customer(uow, ADMIN, NewCustomer(name="Contracted Co", owner_id="rep")).customer
    _owned_since(factory, customer.id, START)  # long overdue under the default rule
    assert _fact(factory, crypto, ContractFact("k1", customer.id, True, None, 5)) is True
    assert get_customer(uow, ADMIN, customer.id).contract_paused is True
    assert _sweep(uow, settings, client, prefix, START + timedelta(days=200)) == 0

    ended = START + timedelta(days=210)
    assert _fact(factory, crypto, ContractFact("k1", customer.id, False, ended, 6)) is True
    after = get_customer(uow, ADMIN, customer.id)
    assert (after.contract_paused, after.exemption_ended_at) == (False, ended + timedelta(days=GRACE))
    # Within a full period from the exemption's end nothing is due; long after it, the sweep acts.
    assert _sweep(uow, settings, client, prefix, ended + timedelta(days=GRACE + 1)) == 0
    assert _sweep(uow, settings, client, prefix, ended + timedelta(days=GRACE + 400)) == 1


def test_facts_apply_once_and_in_version_order_and_any_active_contract_pauses(setup):
    uow, factory, crypto, *_ = setup
    customer = create_customer(uow, ADMIN, NewCustomer(name="Two Contracts Co", owner_id="rep")).customer
    ended = START + timedelta(days=10)
    assert _fact(factory, crypto, ContractFact("a", customer.id, False, ended, 7)) is True  # the end came first
    assert _fact(factory, crypto, ContractFact("a", customer.id, True, None, 6)) is False  # its older activation
    assert _fact(factory, crypto, ContractFact("a", customer.id, False, ended, 7)) is False  # redelivered
    assert _fact(factory, crypto, ContractFact("b", customer.id, True, None, 3)) is True
    assert get_customer(uow, ADMIN, customer.id).contract_paused is True
    # A customer the file does not know yet keeps its facts without failing.
    assert _fact(factory, crypto, ContractFact("c", "no-such-customer", True, None, 1)) is False


def test_exemption_state_from_facts():
    ended = [START, START + timedelta(days=5)]
    facts = [ContractFact("x", "c", False, ended[0], 1), ContractFact("y", "c", False, ended[1], 1)]
    assert exemption_of(facts, grace_days=3) == Exemption(False, ended[1] + timedelta(days=3))
    assert exemption_of([*facts, ContractFact("z", "c", True, None, 1)], grace_days=3).paused is True
    assert exemption_of([], grace_days=3) == Exemption(False, None)


def test_an_edit_from_an_older_copy_writes_back_neither_the_exemption_nor_an_older_follow_up(setup):
    uow, factory, crypto, *_ = setup
    customer = create_customer(uow, ADMIN, NewCustomer(name="Race Co", owner_id="rep")).customer
    later = datetime(2026, 5, 1, tzinfo=UTC)
    _fact(factory, crypto, ContractFact("k", customer.id, True, None, 1))
    with transaction(factory) as session, SqlCustomersUnitOfWork(lambda: session, crypto=crypto) as joined:
        joined.customers.advance_follow_up(customer.id, later)
        joined.commit()
    # The edit carries the version read before both facts (they bump no version).
    update_customer(
        uow, ADMIN, customer.id, expected_version=customer.version, patch={"industry": "steel"}, paths=["industry"]
    )
    after = get_customer(uow, ADMIN, customer.id)
    assert (after.industry, after.contract_paused, after.last_follow_up_at) == ("steel", True, later)
