"""Duplicate delivery is applied once; a handler that keeps failing parks its message, the rest flow,
and `crm dlq replay` redelivers it once the cause is fixed."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pika
import pytest
from sqlalchemy import create_engine, text

from crm_chassis.deadletter import count_parked, list_parked
from crm_testkit.wait import eventually

pytestmark = [pytest.mark.fault, pytest.mark.integration]

QUEUE = "evt-customers-customer_created--reporting.on_customer_created"


def _capture_event(s, name: str, owner: str) -> bytes:
    """The body customers published for a new customer, read from its outbox."""
    cid = s.create(name, owner=owner)
    engine = create_engine(s.cluster.config.database_urls["customers"])
    with engine.connect() as conn:
        body = conn.execute(
            text("SELECT body FROM outbox WHERE event_id IN (SELECT event_id FROM outbox) ORDER BY id DESC LIMIT 1")
        ).scalar()
    engine.dispose()
    assert json.loads(body)["aggregate_id"] == cid
    return body.encode()


def _publish(amqp_url: str, body: bytes) -> None:
    conn = pika.BlockingConnection(pika.URLParameters(amqp_url))
    ch = conn.channel()
    ch.confirm_delivery()
    ch.basic_publish(
        "customers.events",
        "customer_created",
        body,
        pika.BasicProperties(content_type="application/json", delivery_mode=2),
        mandatory=True,
    )
    conn.close()


def _crm(cluster, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, CRM_AMQP_URL=cluster.config.amqp_url, CRM_VAR_DIR=str(cluster.config.var_dir))
    crm = Path(sys.executable).parent / "crm"
    return subprocess.run([str(crm), *args], env=env, capture_output=True, text=True, timeout=60)


def test_the_same_event_delivered_twice_is_applied_once(slice_factory):
    s = slice_factory()
    body = _capture_event(s, "Twice Ltd", "u-dup")
    eventually(lambda: s.summary().total == 1, what="first delivery applied")
    _publish(s.amqp_url, body)
    _publish(s.amqp_url, body)
    s.create("Marker Ltd", owner="u-marker")  # arrives after the duplicates on the same queue
    eventually(lambda: s.summary().total == 2, what="the marker event")
    assert {(o.owner_id, o.count) for o in s.summary().by_owner} == {("u-dup", 1), ("u-marker", 1)}


def test_failing_handler_parks_then_replay_applies_after_the_fix(slice_factory):
    s = slice_factory()
    reporting_db = create_engine(s.cluster.config.database_urls["reporting"])
    # The "bug": the read model refuses one owner (a real database error inside the handler).
    with reporting_db.begin() as conn:
        if reporting_db.dialect.name == "sqlite":
            conn.execute(
                text(
                    "CREATE TRIGGER refuse_poison BEFORE INSERT ON customer_facts "
                    "WHEN NEW.owner_id = 'u-poison' BEGIN SELECT RAISE(ABORT, 'poison owner'); END"
                )
            )
        else:
            conn.execute(text("ALTER TABLE customer_facts ADD CONSTRAINT refuse_poison CHECK (owner_id <> 'u-poison')"))
    poison_id = s.create("Poison Ltd", owner="u-poison")
    eventually(lambda: count_parked(s.amqp_url, QUEUE) == 1, timeout=30, what="the message to be parked")
    [parked] = list_parked(s.amqp_url, QUEUE)
    assert json.loads(parked.body)["aggregate_id"] == poison_id and parked.attempts == 3

    # The queue keeps flowing behind the parked message.
    for i in range(5):
        s.create(f"Healthy {i}", owner="u-ok")
    eventually(lambda: s.summary().total == 5, what="later events applied")

    listing = _crm(s.cluster, "dlq", "list")
    assert listing.returncode == 0, listing.stderr
    assert parked.event_id in listing.stdout and "1 parked message(s)" in listing.stdout

    # Fix the cause, replay with the real command: applied once, DLQ empty.
    with reporting_db.begin() as conn:
        if reporting_db.dialect.name == "sqlite":
            conn.execute(text("DROP TRIGGER refuse_poison"))
        else:
            conn.execute(text("ALTER TABLE customer_facts DROP CONSTRAINT refuse_poison"))
    reporting_db.dispose()
    replay = _crm(s.cluster, "dlq", "replay")
    assert replay.returncode == 0 and "replayed 1 message(s)" in replay.stdout, replay.stdout + replay.stderr
    eventually(lambda: s.summary().total == 6, what="the replayed event applied")
    assert dict((o.owner_id, o.count) for o in s.summary().by_owner) == {"u-ok": 5, "u-poison": 1}
    assert count_parked(s.amqp_url, QUEUE) == 0


def test_undecodable_message_is_parked_and_does_not_stop_the_worker(slice_factory):
    s = slice_factory()
    conn = pika.BlockingConnection(pika.URLParameters(s.amqp_url))
    ch = conn.channel()
    ch.basic_publish(
        "customers.events",
        "customer_created",
        b"{definitely not json",
        pika.BasicProperties(content_type="application/json"),
    )
    ch.basic_publish(
        "customers.events", "customer_created", b"\x00\x01", pika.BasicProperties(content_type="application/x-unknown")
    )
    conn.close()
    eventually(lambda: count_parked(s.amqp_url, QUEUE) == 2, what="both poison messages parked")
    s.create("After Poison Ltd")
    eventually(lambda: s.summary().total == 1, what="the worker still consuming")
    assert s.cluster.supervisor.alive("reporting-worker") and s.cluster.restarts("reporting-worker") == 0
