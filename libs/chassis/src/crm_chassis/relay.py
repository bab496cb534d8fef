"""The outbox relay: publishes committed outbox rows to RabbitMQ and marks them sent after the confirm.

Promises (ARCHITECTURE §5.1): a row is marked published only after the broker confirmed it;
every message is published persistent and `mandatory` (an unroutable message is a failure,
retried later, never silently dropped); connection loss is retried forever with backoff.
A crash between confirm and mark re-publishes the row: consumers deduplicate by event id.
On PostgreSQL several relays can run side by side (`FOR UPDATE SKIP LOCKED`).
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from datetime import UTC, datetime, timedelta

import pika
from pika.exceptions import AMQPError
from sqlalchemy import Engine, Table, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from crm_chassis import heartbeat, metrics
from crm_chassis.confirms import Outgoing, PipelinedPublisher
from crm_chassis.db import is_postgres, read_transaction, transaction

log = logging.getLogger("crm.relay")


def retry_delay(attempts: int, *, base: float = 0.5, cap: float = 60.0) -> float:
    """Seconds to wait before retry number `attempts` (exponential, capped)."""
    return min(cap, base * (2 ** max(0, attempts - 1)))


class Relay:
    """Moves committed outbox rows to the broker; one instance per relay process."""

    def __init__(
        self,
        engine: Engine,
        session_factory: sessionmaker[Session],
        outbox: Table,
        amqp_url: str,
        *,
        batch_size: int = 500,
        idle_wait: float = 0.05,
        heartbeat_file: str | None = None,
    ) -> None:
        self.session_factory = session_factory
        self.outbox = outbox
        self.amqp_url = amqp_url
        self.batch_size = batch_size
        self.idle_wait = idle_wait
        self.heartbeat_file = heartbeat_file
        self.lock_rows = is_postgres(engine)
        self.stop_event = threading.Event()
        self._connection: pika.BlockingConnection | None = None
        self._publisher: PipelinedPublisher | None = None

    # -- connection -------------------------------------------------------------------------
    def _publisher_or_connect(self) -> PipelinedPublisher:
        if self._publisher is None or not self._publisher.is_open:
            self.close()
            params = pika.URLParameters(self.amqp_url)
            params.heartbeat = 30
            params.blocked_connection_timeout = 30
            params.connection_attempts = 1
            self._connection = pika.BlockingConnection(params)
            self._publisher = PipelinedPublisher(self._connection)
            log.info("relay connected to broker")
        return self._publisher

    def close(self) -> None:
        conn, self._connection, self._publisher = self._connection, None, None
        if conn is not None and conn.is_open:
            with contextlib.suppress(AMQPError):
                conn.close()

    # -- one pass ---------------------------------------------------------------------------
    def _due_rows_query(self):  # type: ignore[no-untyped-def]
        t = self.outbox
        now = datetime.now(UTC)
        query = (
            select(t.c.id, t.c.event_id, t.c.event_type, t.c.exchange, t.c.routing_key, t.c.body, t.c.attempts)
            .where(t.c.published_at.is_(None), or_(t.c.next_attempt_at.is_(None), t.c.next_attempt_at <= now))
            .order_by(t.c.id)
            .limit(self.batch_size)
        )
        return query.with_for_update(skip_locked=True) if self.lock_rows else query

    def publish_pending(self) -> int:
        """Publish one batch of due rows; returns how many were confirmed. Raises AMQPError on broker loss."""
        if self.lock_rows:
            # Rows stay locked while they are published, so parallel relays never send the same row.
            with transaction(self.session_factory) as session:
                rows = session.execute(self._due_rows_query()).all()
                sent, failed = self._publish(rows)
                self._mark(session, sent, failed)
        else:
            # SQLite: a single relay; read without the write lock, publish, then mark.
            with read_transaction(self.session_factory) as session:
                rows = session.execute(self._due_rows_query()).all()
            if not rows:
                return 0
            sent, failed = self._publish(rows)
            with transaction(self.session_factory) as session:
                self._mark(session, sent, failed)
        return len(sent)

    def _publish(self, rows) -> tuple[list[int], list[tuple[int, int, str]]]:  # type: ignore[no-untyped-def]
        if not rows:
            return [], []
        publisher = self._publisher_or_connect()
        now = int(time.time())
        attempts = {row.id: row.attempts for row in rows}
        result = publisher.publish(
            [
                Outgoing(
                    key=row.id,
                    exchange=row.exchange,
                    routing_key=row.routing_key,
                    body=row.body.encode(),
                    properties=pika.BasicProperties(
                        content_type="application/json",
                        content_encoding="utf-8",
                        delivery_mode=pika.DeliveryMode.Persistent,
                        message_id=row.event_id,
                        type=row.event_type,
                        timestamp=now,
                    ),
                )
                for row in rows
            ]
        )
        failed = [(key, attempts[key] + 1, reason) for key, reason in result.failed]
        for key, _, reason in failed:
            log.error("outbox row %s was not accepted (%s); will retry", key, reason)
        metrics.EVENTS_PUBLISHED.inc(len(result.confirmed))
        if failed:
            metrics.PUBLISH_FAILURES.inc(len(failed))
        return result.confirmed, failed

    def _mark(self, session: Session, sent: list[int], failed: list[tuple[int, int, str]]) -> None:
        t = self.outbox
        now = datetime.now(UTC)
        if sent:
            session.execute(update(t).where(t.c.id.in_(sent)).values(published_at=now))
        for row_id, attempts, error in failed:
            session.execute(
                update(t)
                .where(t.c.id == row_id)
                .values(
                    attempts=attempts,
                    last_error=error,
                    next_attempt_at=now + timedelta(seconds=retry_delay(attempts)),
                )
            )

    # -- loop -------------------------------------------------------------------------------
    def run_forever(self) -> None:
        """Publish until stop() is called; survives broker and database outages."""
        failures = 0
        last_beat = 0.0
        while not self.stop_event.is_set():
            try:
                published = self.publish_pending()
                failures = 0
                if time.monotonic() - last_beat > 2:
                    if published == 0:
                        # Prove the broker link is alive even when idle.
                        self._publisher_or_connect()
                        assert self._connection is not None
                        self._connection.process_data_events(0)
                    heartbeat.beat(self.heartbeat_file)
                    last_beat = time.monotonic()
                if published == 0:
                    self.stop_event.wait(self.idle_wait)
            except Exception as exc:  # broker or database down: back off and retry forever
                failures += 1
                self.close()
                delay = retry_delay(failures, base=0.2, cap=5.0)
                log.warning("relay pass failed (%s: %s); retrying in %.1fs", type(exc).__name__, exc, delay)
                self.stop_event.wait(delay)
        self.close()

    def stop(self) -> None:
        self.stop_event.set()
