"""Reliable event handling: idempotent apply, bounded retries with backoff, dead-letter parking.

Transport-free (no nameko import), so it is tested directly; ``crm_chassis.worker`` plugs it
into nameko. Promise (ARCHITECTURE §5.2-5.3): a message is acknowledged only after its effects
committed with its inbox row, or after it was parked in its dead-letter queue — never dropped.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from typing import Any

from crm_chassis import deadletter, heartbeat, metrics
from crm_chassis.envelope import EnvelopeError, parse_envelope
from crm_chassis.inbox import Effect, Inbox
from crm_chassis.logs import log_context

log = logging.getLogger("crm.handling")

UNDECODABLE = "__crm_undecodable__"


class HandlerRuntime:
    """What a worker process needs to handle events reliably."""

    def __init__(
        self,
        service: str,
        inbox: Inbox,
        amqp_url: str,
        *,
        max_attempts: int = 5,
        retry_base_seconds: float = 0.2,
        heartbeat_file: str | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.service = service
        self.inbox = inbox
        self.amqp_url = amqp_url
        self.max_attempts = max_attempts
        self.retry_base_seconds = retry_base_seconds
        self.heartbeat_file = heartbeat_file
        self.sleep = sleep

    def handle(self, queue: str, handler: str, body: Any, effect: Effect) -> str:
        """Apply `body` once via `effect`; returns 'applied', 'duplicate' or 'parked'. Never raises."""
        name = f"{self.service}.{handler}"
        try:
            if isinstance(body, dict) and UNDECODABLE in body:
                raise EnvelopeError("message body is not valid JSON")
            envelope = parse_envelope(body)
        except EnvelopeError as exc:
            # A malformed message will never succeed: park it at once.
            self._park(queue, body, f"malformed: {exc}", attempts=0)
            metrics.EVENTS_HANDLED.labels(name, "parked").inc()
            return "parked"

        with log_context(correlation_id=envelope.correlation_id):
            last_error = ""
            for attempt in range(1, self.max_attempts + 1):
                try:
                    applied = self.inbox.apply_once(name, envelope, effect)
                except Exception as exc:
                    last_error = f"{type(exc).__name__}: {exc}"
                    log.warning(
                        "handler %s failed on event %s (attempt %d/%d): %s",
                        name,
                        envelope.event_id,
                        attempt,
                        self.max_attempts,
                        last_error,
                        exc_info=attempt == self.max_attempts,
                    )
                    if attempt < self.max_attempts:
                        metrics.EVENTS_HANDLED.labels(name, "retried").inc()
                        self.sleep(self.retry_base_seconds * 2 ** (attempt - 1))
                    continue
                outcome = "applied" if applied else "duplicate"
                metrics.EVENTS_HANDLED.labels(name, outcome).inc()
                return outcome
            self._park(queue, body, last_error, attempts=self.max_attempts)
            metrics.EVENTS_HANDLED.labels(name, "parked").inc()
            log.error("event %s parked in %s after %d attempts", envelope.event_id, queue + ".dlq", self.max_attempts)
            return "parked"

    def _park(self, queue: str, body: Any, error: str, attempts: int) -> None:
        raw = body[UNDECODABLE] if isinstance(body, dict) and UNDECODABLE in body else body
        if isinstance(raw, str):
            data = raw.encode()
        elif isinstance(raw, bytes):
            data = raw
        else:
            data = json.dumps(raw, default=str).encode()
        park_raw(self.amqp_url, queue, data, error=error, attempts=attempts, sleep=self.sleep)


def park_raw(
    amqp_url: str,
    queue: str,
    data: bytes,
    *,
    error: str,
    attempts: int,
    content_type: str | None = "application/json",
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Park `data`, retrying until the broker takes it: the message must not be acked before."""
    delay = 0.2
    while True:
        try:
            deadletter.park(amqp_url, queue, data, error=error, attempts=attempts, content_type=content_type)
            return
        except Exception as exc:
            log.warning("could not park a message for %s (%s); retrying in %.1fs", queue, exc, delay)
            sleep(delay)
            delay = min(delay * 2, 5.0)


def beat_if_connected(heartbeat_file: str | None, check: Callable[[], None]) -> None:
    """Beat the heartbeat file if `check()` (a broker connectivity probe) does not raise."""
    try:
        check()
    except Exception as exc:
        log.warning("heartbeat skipped: broker unreachable (%s)", exc)
        return
    heartbeat.beat(heartbeat_file)
