"""The outbox and relay against a real broker and both databases."""

import json
import uuid

import pytest
from sqlalchemy import select

from crm_chassis import identity
from crm_chassis.relay import Relay
from crm_chassis.uow import UnitOfWork
from crm_testkit.wait import eventually

from .conftest import OUTBOX, THINGS, bind_queue, drain, translate

pytestmark = pytest.mark.integration


def _write(factory, n, commit=True):
    ids = []
    for i in range(n):
        cid = str(uuid.uuid4())
        with UnitOfWork(factory, OUTBOX, "customers", translate) as uow:
            uow.session.execute(THINGS.insert().values(id=cid, n=i))
            uow.record((cid, i + 1))
            if commit:
                uow.commit()
        ids.append(cid)
    return ids


def test_committed_events_are_published_once_and_marked(db, vhost, channel):
    engine, factory = db
    queue = f"q-{uuid.uuid4().hex[:8]}"
    bind_queue(channel, queue)
    token = identity.set_current(identity.Caller(user_id="u7", correlation_id="corr-1", request_id="req-1"))
    try:
        ids = _write(factory, 5)
    finally:
        identity.reset(token)
    relay = Relay(engine, factory, OUTBOX, vhost.url)
    assert relay.publish_pending() == 5
    assert relay.publish_pending() == 0, "published rows must not be sent again"
    relay.close()
    messages = eventually(lambda: drain(channel, queue), what="5 messages")
    bodies = [json.loads(b) for _, b in messages]
    assert [b["aggregate_id"] for b in bodies] == ids
    first_props, _ = messages[0]
    assert first_props.delivery_mode == 2 and first_props.content_type == "application/json"
    assert bodies[0]["actor_user_id"] == "u7" and bodies[0]["correlation_id"] == "corr-1"
    assert bodies[0]["schema"] == "crm.customers.v1.CustomerCreated"
    with factory() as s:
        assert s.execute(select(OUTBOX.c.published_at).where(OUTBOX.c.published_at.is_(None))).all() == []


def test_rolled_back_work_leaves_no_event(db, vhost):
    engine, factory = db
    _write(factory, 2, commit=False)
    relay = Relay(engine, factory, OUTBOX, vhost.url)
    assert relay.publish_pending() == 0
    relay.close()


def test_unroutable_event_stays_in_outbox_until_a_queue_exists(db, vhost, channel):
    engine, factory = db
    channel.exchange_declare("customers.events", exchange_type="topic", durable=True)
    orphan = f"customer_orphaned_{uuid.uuid4().hex[:6]}"
    # Nothing bound for this routing key: mandatory publishing must notice.
    with UnitOfWork(factory, OUTBOX, "customers", lambda e: (orphan, *translate(e)[1:])) as uow:
        uow.record(("c-x", 1))
        uow.commit()
    relay = Relay(engine, factory, OUTBOX, vhost.url)
    assert relay.publish_pending() == 0
    with factory() as s:
        row = s.execute(select(OUTBOX)).one()
    assert row.published_at is None and row.attempts == 1 and "unroutable" in row.last_error
    queue = f"q-{uuid.uuid4().hex[:8]}"
    bind_queue(channel, queue, routing_key=orphan)
    with factory.begin() as s:
        s.execute(OUTBOX.update().values(next_attempt_at=None))
    assert relay.publish_pending() == 1
    relay.close()
    assert len(eventually(lambda: drain(channel, queue), what="the retried event")) == 1


def test_a_joined_unit_of_work_commits_and_rolls_back_with_its_host_transaction(db):
    from crm_chassis.db import transaction

    _, factory = db
    kept, dropped = str(uuid.uuid4()), str(uuid.uuid4())
    with transaction(factory) as session:
        with UnitOfWork(lambda: session, OUTBOX, "customers", translate) as uow:
            uow.session.execute(THINGS.insert().values(id=kept, n=1))
            uow.record((kept, 1))
            uow.commit()
        assert session.in_transaction(), "joining must not end the host's transaction"
    try:
        with transaction(factory) as session:
            with UnitOfWork(lambda: session, OUTBOX, "customers", translate) as uow:
                uow.session.execute(THINGS.insert().values(id=dropped, n=2))
                uow.record((dropped, 1))
                uow.commit()
            raise RuntimeError("the handler fails after the unit of work")
    except RuntimeError:
        pass
    with factory() as s:
        ids = {row.id for row in s.execute(select(THINGS.c.id))}
        events = {json.loads(row.body)["aggregate_id"] for row in s.execute(select(OUTBOX.c.body))}
    assert kept in ids and kept in events
    assert dropped not in ids and dropped not in events
