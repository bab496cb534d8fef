"""Inbox idempotency, retries, dead-letter parking and replay, against the real broker and databases."""

import json
import uuid

import pika
import pytest
from sqlalchemy import func, select

from crm_chassis import deadletter
from crm_chassis.envelope import parse_envelope
from crm_chassis.handling import HandlerRuntime
from crm_chassis.inbox import Inbox
from crm_chassis.uow import UnitOfWork

from .conftest import INBOX, OUTBOX, THINGS, translate

pytestmark = pytest.mark.integration


def _event_body(factory):
    # Build a real envelope through the unit of work, then read it back from the outbox.
    with UnitOfWork(factory, OUTBOX, "customers", translate) as uow:
        uow.record((str(uuid.uuid4()), 1))
        uow.commit()
    with factory() as s:
        return json.loads(s.execute(select(OUTBOX.c.body).order_by(OUTBOX.c.id.desc())).scalar())


def _count(factory):
    with factory() as s:
        return s.execute(select(func.count()).select_from(THINGS)).scalar()


def _insert_thing(session, envelope):
    session.execute(THINGS.insert().values(id=envelope.event_id, n=1))


def test_same_event_twice_is_applied_once(db, vhost):
    _, factory = db
    runtime = HandlerRuntime("test", Inbox(factory, INBOX), vhost.url, sleep=lambda s: None)
    body = _event_body(factory)
    assert runtime.handle("q", "h", body, _insert_thing) == "applied"
    assert runtime.handle("q", "h", body, _insert_thing) == "duplicate"
    assert _count(factory) == 1
    # Another handler of the same event is a different consumer: it applies too.
    assert Inbox(factory, INBOX).apply_once("test.other", parse_envelope(body), lambda s, e: None) is True


def test_failing_handler_parks_after_retries_and_changes_nothing(db, vhost):
    _, factory = db
    queue = f"evt-test-{uuid.uuid4().hex[:8]}"
    calls = []
    sleeps = []

    def broken(session, envelope):
        session.execute(THINGS.insert().values(id=envelope.event_id, n=1))
        calls.append(1)
        raise RuntimeError("handler bug")

    runtime = HandlerRuntime(
        "test", Inbox(factory, INBOX), vhost.url, max_attempts=3, retry_base_seconds=0.1, sleep=sleeps.append
    )
    body = _event_body(factory)
    assert runtime.handle(queue, "h", body, broken) == "parked"
    assert len(calls) == 3 and sleeps == [0.1, 0.2]
    assert _count(factory) == 0, "a failed attempt must roll back its partial effects"
    parked = deadletter.list_parked(vhost.url, queue)
    assert [(p.event_id, p.attempts) for p in parked] == [(body["event_id"], 3)]
    assert "RuntimeError: handler bug" in parked[0].error
    assert deadletter.count_parked(vhost.url, queue) == 1, "listing must not consume parked messages"

    # Replay sends it back to its own queue only, and removes it from the DLQ.
    connection = pika.BlockingConnection(pika.URLParameters(vhost.url))
    channel = connection.channel()
    channel.queue_declare(queue, durable=True)
    assert deadletter.replay(vhost.url, queue) == 1
    _method, _props, replayed = channel.basic_get(queue, auto_ack=True)
    connection.close()
    assert json.loads(replayed)["event_id"] == body["event_id"]
    assert deadletter.count_parked(vhost.url, queue) == 0
    # Once the handler is fixed the replayed message applies.
    assert runtime.handle(queue, "h", json.loads(replayed), _insert_thing) == "applied"
    assert _count(factory) == 1


def test_malformed_message_is_parked_without_retries(db, vhost):
    _, factory = db
    queue = f"evt-test-{uuid.uuid4().hex[:8]}"
    runtime = HandlerRuntime("test", Inbox(factory, INBOX), vhost.url, sleep=lambda s: pytest.fail("no retry"))
    assert runtime.handle(queue, "h", {"event_id": "only"}, _insert_thing) == "parked"
    [parked] = deadletter.list_parked(vhost.url, queue)
    assert parked.error.startswith("malformed") and parked.attempts == 0
