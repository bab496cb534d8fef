"""Dead-letter parking: a message its handler cannot process is kept, visible and replayable.

Parked messages sit in ``<queue>.dlq`` with headers saying where they came from and why they
failed. ``replay`` sends them back to their own consumer queue only (not to every subscriber).
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import pika
from pika.adapters.blocking_connection import BlockingChannel

from crm_chassis.topology import dead_letter_queue

H_QUEUE = "x-crm-original-queue"
H_ERROR = "x-crm-error"
H_ATTEMPTS = "x-crm-attempts"
H_PARKED_AT = "x-crm-parked-at"
H_REPLAYS = "x-crm-replays"


@dataclasses.dataclass(frozen=True)
class ParkedMessage:
    queue: str
    event_id: str | None
    event_type: str | None
    error: str
    attempts: int
    parked_at: str
    replays: int
    body: bytes


@contextmanager
def _channel(amqp_url: str) -> Iterator[BlockingChannel]:
    params = pika.URLParameters(amqp_url)
    params.connection_attempts = 1
    connection = pika.BlockingConnection(params)
    try:
        channel = connection.channel()
        channel.confirm_delivery()
        yield channel
    finally:
        if connection.is_open:
            connection.close()


def park(
    amqp_url: str,
    queue: str,
    body: bytes,
    *,
    error: str,
    attempts: int,
    content_type: str | None = "application/json",
    replays: int = 0,
) -> None:
    """Put `body` into `queue`'s DLQ (confirmed, persistent). Raises if the broker is unreachable."""
    with _channel(amqp_url) as channel:
        dlq = dead_letter_queue(queue)
        channel.queue_declare(dlq, durable=True, auto_delete=False, exclusive=False)
        props = pika.BasicProperties(
            content_type=content_type,
            delivery_mode=pika.DeliveryMode.Persistent,
            headers={
                H_QUEUE: queue,
                H_ERROR: error[:2000],
                H_ATTEMPTS: attempts,
                H_PARKED_AT: datetime.now(UTC).isoformat(timespec="seconds"),
                H_REPLAYS: replays,
            },
        )
        channel.basic_publish("", dlq, body, props, mandatory=True)


def _describe(queue: str, body: bytes, props: pika.BasicProperties) -> ParkedMessage:
    headers = props.headers or {}
    event_id = event_type = None
    try:
        doc = json.loads(body)
        if isinstance(doc, dict):
            event_id, event_type = doc.get("event_id"), doc.get("event_type")
    except ValueError:
        pass

    def text(value: object) -> str:
        return value.decode() if isinstance(value, bytes) else str(value)

    return ParkedMessage(
        queue=text(headers.get(H_QUEUE, queue)),
        event_id=event_id,
        event_type=event_type,
        error=text(headers.get(H_ERROR, "")),
        attempts=int(headers.get(H_ATTEMPTS, 0)),
        parked_at=text(headers.get(H_PARKED_AT, "")),
        replays=int(headers.get(H_REPLAYS, 0)),
        body=body,
    )


def list_parked(amqp_url: str, queue: str, limit: int = 100) -> list[ParkedMessage]:
    """Peek at up to `limit` messages parked for `queue`; they stay parked."""
    found: list[ParkedMessage] = []
    with _channel(amqp_url) as channel:
        dlq = dead_letter_queue(queue)
        channel.queue_declare(dlq, durable=True, auto_delete=False, exclusive=False)
        for _ in range(limit):
            method, props, body = channel.basic_get(dlq, auto_ack=False)
            if method is None:
                break
            found.append(_describe(queue, body, props))
        # Closing the channel without acking returns every peeked message to the DLQ.
    return found


def count_parked(amqp_url: str, queue: str) -> int:
    with _channel(amqp_url) as channel:
        result = channel.queue_declare(dead_letter_queue(queue), durable=True, auto_delete=False, exclusive=False)
        return int(result.method.message_count)


def replay(amqp_url: str, queue: str, event_id: str | None = None) -> int:
    """Send parked messages (all, or the one with `event_id`) back to `queue`; returns how many.

    Each message is re-published with a confirm before it is removed from the DLQ, so a crash
    in between leaves a copy in both places (consumers deduplicate), never in neither.
    """
    replayed = 0
    with _channel(amqp_url) as channel:
        dlq = dead_letter_queue(queue)
        pending = int(channel.queue_declare(dlq, durable=True, auto_delete=False, exclusive=False).method.message_count)
        skipped = []
        for _ in range(pending):
            method, props, body = channel.basic_get(dlq, auto_ack=False)
            if method is None:
                break
            parked = _describe(queue, body, props)
            if event_id is not None and parked.event_id != event_id:
                skipped.append(method.delivery_tag)
                continue
            out = pika.BasicProperties(
                content_type=props.content_type or "application/json",
                content_encoding=props.content_encoding,
                delivery_mode=pika.DeliveryMode.Persistent,
                message_id=parked.event_id,
                headers={
                    H_REPLAYS: parked.replays + 1,
                    "x-crm-replayed-at": datetime.now(UTC).isoformat(timespec="seconds"),
                },
            )
            channel.basic_publish("", parked.queue, body, out, mandatory=True)
            channel.basic_ack(method.delivery_tag)
            replayed += 1
        for tag in skipped:
            channel.basic_nack(tag, requeue=True)
    return replayed
