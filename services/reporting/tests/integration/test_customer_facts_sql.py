"""The SQL read model keeps the monotonic-version rule of the domain, on SQLite and PostgreSQL."""

from datetime import UTC, datetime

import pytest

from crm_chassis.db import make_engine, make_session_factory, transaction
from crm_chassis.migrations import upgrade
from reporting.config import SPEC
from reporting.domain.customer_summary import CustomerFact
from reporting.persistence.customer_facts import SqlCustomerFacts

pytestmark = pytest.mark.integration

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def test_only_newer_versions_replace_a_fact(database_url):
    upgrade(database_url, SPEC.migrations_dir, echo=lambda *_: None)
    engine = make_engine(database_url)
    factory = make_session_factory(engine)

    def put(owner: str, version: int) -> bool:
        with transaction(factory) as session:
            return SqlCustomerFacts(session).put_if_newer(CustomerFact("c1", owner, T0, version, T0))

    assert put("u1", 2) is True
    assert put("u-old", 1) is False
    assert put("u-same", 2) is False
    assert put("u3", 3) is True
    with transaction(factory) as session:
        facts = SqlCustomerFacts(session)
        assert facts.get("c1").owner_id == "u3"
        assert facts.counts_by_owner(None) == {"u3": 1}
        assert facts.counts_by_owner(frozenset({"u1"})) == {}
    engine.dispose()
