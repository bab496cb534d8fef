"""The bus consumer of the gateway (pika, in a daemon thread of each gateway replica): events that
concern a user become notices in that user's inbox and are announced on the user's Redis channel,
which every replica's SSE streams listen to. Replicas share the queues (competing consumers), so
each event is handled once; a redelivered event adds nothing (one notice per event and user); a
message that is no envelope is parked in the queue's dead-letter queue, never dropped."""

from __future__ import annotations

import contextlib
import json
import logging
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime

import pika
import pika.exceptions
from sqlalchemy.orm import Session, sessionmaker

from crm_chassis.db import transaction
from crm_chassis.deadletter import park
from crm_chassis.envelope import EnvelopeError, parse_envelope
from crm_chassis.topology import BusRegistry, Consumes, declare
from gateway.notifications import store
from gateway.notifications.rules import RULES, notices_for

log = logging.getLogger("gateway.notifications")

# Every event a rule knows, consumed through one queue each (+ its dead-letter queue).
REGISTRY = BusRegistry(
    service="gateway",
    consumes=tuple(Consumes(producer, event, "", "notify") for producer, event in sorted(RULES)),
)
PREFETCH = 50
RETRY_SECONDS = 2.0

Announce = Callable[[str, dict[str, object]], None]


def channel_name(prefix: str, user_id: str) -> str:
    """The Redis pub/sub channel of one user's live notices."""
    return f"{prefix}:gateway:notify:{user_id}"


class NotificationConsumer:
    def __init__(self, amqp_url: str, sessions: sessionmaker[Session], announce: Announce) -> None:
        self.amqp_url = amqp_url
        self.sessions = sessions
        self.announce = announce
        self._stop = threading.Event()
        self._connection: pika.BlockingConnection | None = None
        self._thread: threading.Thread | None = None
        self.ready = threading.Event()  # set once the queues are declared and consumed

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="notification-consumer", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        connection = self._connection
        if connection is not None and connection.is_open:
            with contextlib.suppress(Exception):  # already closing
                connection.add_callback_threadsafe(connection.close)
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self._consume()
            except (pika.exceptions.AMQPError, OSError) as exc:
                self.ready.clear()
                if self._stop.is_set():
                    return
                log.warning("notification consumer: broker unreachable (%s); retrying in %.0fs", exc, RETRY_SECONDS)
                self._stop.wait(RETRY_SECONDS)

    def _consume(self) -> None:
        params = pika.URLParameters(self.amqp_url)
        params.heartbeat = 30
        self._connection = pika.BlockingConnection(params)
        try:
            channel = self._connection.channel()
            declare(channel, REGISTRY)
            channel.basic_qos(prefetch_count=PREFETCH)
            for queue in REGISTRY.queues():
                channel.basic_consume(queue, self._handler(queue))
            self.ready.set()
            log.info("notification consumer: listening on %d queues", len(REGISTRY.queues()))
            channel.start_consuming()
        finally:
            if self._connection.is_open:
                self._connection.close()

    def _handler(self, queue: str):  # type: ignore[no-untyped-def]
        def on_message(channel, method, properties, body: bytes) -> None:  # type: ignore[no-untyped-def]
            self.handle(channel, method.delivery_tag, queue, body)

        return on_message

    def handle(self, channel, delivery_tag: int, queue: str, body: bytes) -> None:  # type: ignore[no-untyped-def]
        """Store the event's notices and announce them, then ack; park a poison message."""
        try:
            envelope = parse_envelope(body)
        except EnvelopeError as exc:
            park(self.amqp_url, queue, body, error=f"not an envelope: {exc}", attempts=1)
            channel.basic_ack(delivery_tag)
            log.error("notification consumer: parked a malformed message from %s: %s", queue, exc)
            return
        notices = notices_for(envelope.producer, envelope.event_type, envelope.data)
        try:
            with transaction(self.sessions) as session:
                added = store.add(session, envelope.event_id, notices, datetime.now(UTC))
        except Exception:
            log.exception("notification consumer: storing %s failed; it comes back", envelope.event_id)
            channel.basic_nack(delivery_tag, requeue=True)
            time.sleep(0.5)  # a database outage must not spin the loop
            return
        for notice in added:
            try:
                self.announce(notice.user_id, notice.to_json())
            except Exception:  # the inbox holds it; only the live push is missed
                log.warning("notification consumer: announcing %s failed (in the inbox anyway)", notice.id)
        channel.basic_ack(delivery_tag)


def redis_announcer(redis_url: str, prefix: str) -> Announce:
    """Publish a notice on its user's channel (a synchronous client: the consumer is a thread)."""
    import redis

    client = redis.Redis.from_url(redis_url, socket_timeout=2)

    def announce(user_id: str, notice: dict[str, object]) -> None:
        client.publish(channel_name(prefix, user_id), json.dumps(notice))

    return announce
