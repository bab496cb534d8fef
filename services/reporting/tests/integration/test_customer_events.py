"""Reporting's handlers for the customers events, through the reliable-handler runtime (inbox),
on SQLite and PostgreSQL: owner counts follow deletes, restores, merges and purges; contact and
activity events are consumed as recorded no-ops; a redelivery changes nothing."""

from __future__ import annotations

import types
from datetime import UTC, datetime

import pytest
from google.protobuf.timestamp_pb2 import Timestamp
from sqlalchemy import func, select

from crm.customers.v1 import customers_events_pb2 as ev
from crm.customers.v1 import customers_service_pb2 as pb
from crm_chassis.db import make_engine, make_session_factory, transaction
from crm_chassis.envelope import new_envelope
from crm_chassis.handling import HandlerRuntime
from crm_chassis.identity import Caller
from crm_chassis.inbox import Inbox
from crm_chassis.migrations import upgrade
from reporting.config import SPEC
from reporting.domain.projections import customer_summary
from reporting.events.worker import ReportingWorker
from reporting.persistence.customer_facts import SqlCustomerFacts
from reporting.persistence.tables import inbox

pytestmark = pytest.mark.integration

T0 = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


def _ts(value: datetime) -> Timestamp:
    ts = Timestamp()
    ts.FromDatetime(value)
    return ts


def customer(cid: str, owner: str, version: int, *, deleted: bool = False) -> pb.Customer:
    c = pb.Customer(id=cid, name=cid, owner_id=owner, version=version, created_at=_ts(T0))
    if deleted:
        c.deleted_at.CopyFrom(_ts(T0))
    return c


class Harness:
    def __init__(self, factory):
        self.factory = factory

        def no_parking(_seconds):  # a handler failure would park over AMQP: fail the test instead
            raise AssertionError("a handler failed and its message would be parked")

        runtime = HandlerRuntime("reporting", Inbox(factory, inbox), "amqp://unused", max_attempts=1, sleep=no_parking)
        self.worker = types.SimpleNamespace(name="reporting", runtime=runtime)

    def deliver(self, event_type: str, payload, aggregate_id: str, version: int, *, body=None):
        body = (
            body
            or new_envelope(
                producer="customers",
                event_type=event_type,
                payload=payload,
                aggregate_id=aggregate_id,
                aggregate_version=version,
            ).to_dict()
        )
        outcome = getattr(ReportingWorker, f"on_{event_type}")(self.worker, body)
        return outcome, body

    def counts(self) -> dict[str, int]:
        with transaction(self.factory) as session:
            summary = customer_summary(SqlCustomerFacts(session), Caller())
        return {o.owner_id: o.count for o in summary.by_owner}

    def inbox_rows(self) -> int:
        with transaction(self.factory) as session:
            return session.execute(select(func.count()).select_from(inbox)).scalar()


@pytest.fixture
def harness(database_url):
    upgrade(database_url, SPEC.migrations_dir, echo=lambda *_: None)
    engine = make_engine(database_url)
    yield Harness(make_session_factory(engine))
    engine.dispose()


def test_owner_counts_follow_the_customer_lifecycle(harness):
    h = harness
    h.deliver("customer_created", ev.CustomerCreated(customer=customer("c1", "a", 1)), "c1", 1)
    h.deliver("customer_created", ev.CustomerCreated(customer=customer("c2", "a", 1)), "c2", 1)
    h.deliver("customer_created", ev.CustomerCreated(customer=customer("c3", "b", 1)), "c3", 1)
    assert h.counts() == {"a": 2, "b": 1}

    h.deliver("customer_updated", ev.CustomerUpdated(customer=customer("c3", "b", 2)), "c3", 2)
    h.deliver("customer_locked", ev.CustomerLocked(customer=customer("c3", "b", 3), locked=True), "c3", 3)
    outcome, deleted = h.deliver(
        "customer_deleted", ev.CustomerDeleted(customer=customer("c1", "a", 2, deleted=True)), "c1", 2
    )
    assert outcome == "applied" and h.counts() == {"a": 1, "b": 1}
    # A redelivered event is a duplicate: nothing changes.
    assert h.deliver("customer_deleted", None, "c1", 2, body=deleted)[0] == "duplicate"
    # A late, older update does not resurrect the deleted customer.
    h.deliver("customer_updated", ev.CustomerUpdated(customer=customer("c1", "a", 1)), "c1", 1)
    assert h.counts() == {"a": 1, "b": 1}

    h.deliver("customer_restored", ev.CustomerRestored(customer=customer("c1", "a", 3)), "c1", 3)
    assert h.counts() == {"a": 2, "b": 1}

    merged = ev.CustomerMerged(survivor=customer("c3", "b", 4), victim=customer("c2", "a", 2, deleted=True))
    h.deliver("customer_merged", merged, "c3", 4)
    assert h.counts() == {"a": 1, "b": 1}

    h.deliver("customer_purged", ev.CustomerPurged(customer_id="c2"), "c2", 3)
    with transaction(h.factory) as session:
        assert SqlCustomerFacts(session).get("c2") is None
        assert SqlCustomerFacts(session).get("c3").version == 4


def test_contact_and_activity_events_are_consumed_and_recorded(harness):
    h = harness
    before = h.counts()
    for event_type, payload in (
        ("contact_created", ev.ContactCreated(contact=pb.Contact(id="k1", customer_id="c1"))),
        ("contact_updated", ev.ContactUpdated(contact=pb.Contact(id="k1", customer_id="c1"))),
        ("activity_logged", ev.ActivityLogged(activity=pb.Activity(id="a1", customer_id="c1", type="call"))),
    ):
        outcome, body = h.deliver(event_type, payload, "c1", 1)
        assert outcome == "applied"
        assert h.deliver(event_type, None, "c1", 1, body=body)[0] == "duplicate"
    assert h.inbox_rows() == 3 and h.counts() == before
