"""nameko integration for the worker process kind. Import only after eventlet.monkey_patch().

- ``reliable_handler(source, event_type)`` replaces ``@event_handler``: the handler gets
  (self, session, envelope), runs inside the inbox transaction, is retried with backoff and,
  when it keeps failing, its message is parked in the queue's DLQ instead of being dropped.
- Messages whose body cannot even be decoded are parked too (nameko would crash its consumer).
- ``WorkerBase`` gives every service's worker the runtime dependency and a heartbeat timer.
"""

from __future__ import annotations

import functools
import logging
import os
import signal
from collections.abc import Callable
from typing import Any

import eventlet
from amqp.exceptions import AMQPError
from kombu import Connection
from nameko.events import EventHandler
from nameko.extensions import DependencyProvider
from nameko.messaging import QueueConsumer
from nameko.runners import ServiceRunner
from nameko.timer import timer

from crm_chassis.handling import UNDECODABLE, HandlerRuntime, beat_if_connected, park_raw
from crm_chassis.topology import consumer_queue

log = logging.getLogger("crm.worker")
RUNTIME_CONFIG_KEY = "CRM_HANDLER_RUNTIME"
EXIT_BROKER_LOST = 75  # EX_TEMPFAIL: restart me


class ParkingQueueConsumer(QueueConsumer):
    """nameko's queue consumer, except an undecodable message is parked and acked, not fatal."""

    def get_consumers(self, consumer_cls, channel):  # type: ignore[no-untyped-def]
        consumers = super().get_consumers(consumer_cls, channel)
        for provider, consumer in self._consumers.items():
            consumer.on_decode_error = functools.partial(self._park_undecodable, provider)
        return consumers

    def ack_message(self, message: Any) -> None:
        # nameko's ack on a dead connection raises inside a worker greenthread, and the consumer
        # greenthread does not reliably notice the loss (seen in the broker-outage fault test:
        # the process lived on without consuming). Crash-only: exit, let the supervisor
        # (Kubernetes, `crm up`) restart the worker. Nothing is lost: unacknowledged messages
        # are redelivered and the inbox drops repeats; open transactions roll back.
        try:
            super().ack_message(message)
        except (OSError, AMQPError) as exc:
            log.error("broker connection lost while acknowledging (%s); exiting so the worker restarts clean", exc)
            logging.shutdown()
            os._exit(EXIT_BROKER_LOST)

    def _park_undecodable(self, provider: EventHandler, message: Any, exc: Exception) -> None:
        runtime: HandlerRuntime = self.container.config[RUNTIME_CONFIG_KEY]
        park_raw(
            runtime.amqp_url,
            provider.queue.name,
            message.body if isinstance(message.body, bytes) else str(message.body).encode(),
            error=f"undecodable: {exc}",
            attempts=0,
            content_type=message.content_type,
        )
        log.error("parked an undecodable message from %s", provider.queue.name)
        message.ack()


class ReliableEventHandler(EventHandler):
    queue_consumer = ParkingQueueConsumer()


class HandlerRuntimeProvider(DependencyProvider):
    """Injects the process's HandlerRuntime (built by the launcher) into the service."""

    def get_dependency(self, worker_ctx):  # type: ignore[no-untyped-def]
        return self.container.config[RUNTIME_CONFIG_KEY]


def reliable_handler(source: str, event_type: str) -> Callable[[Callable[..., None]], Callable[..., str]]:
    """Subscribe the decorated method(self, session, envelope) to `source`'s `event_type` events."""

    def decorate(fn: Callable[..., None]) -> Callable[..., str]:
        @functools.wraps(fn)
        def entry(self, body):  # type: ignore[no-untyped-def]
            queue = consumer_queue(source, event_type, self.name, fn.__name__)
            return self.runtime.handle(queue, fn.__name__, body, lambda session, env: fn(self, session, env))

        return ReliableEventHandler.decorator(source, event_type)(entry)

    return decorate


class WorkerBase:
    """Base for every service's nameko worker: runtime dependency and heartbeat."""

    name = "override-me"
    runtime = HandlerRuntimeProvider()

    @timer(interval=3)
    def heartbeat(self) -> None:
        def broker_reachable() -> None:
            with Connection(self.runtime.amqp_url, connect_timeout=3) as conn:
                conn.connect()

        beat_if_connected(self.runtime.heartbeat_file, broker_reachable)


def _tolerant_json_decoder() -> None:
    """Make JSON decoding in this process return a marker instead of raising on a bad body."""
    import json as _json

    from kombu.serialization import registry

    def loads(data: Any) -> Any:
        try:
            return _json.loads(data)
        except (ValueError, TypeError):
            return {UNDECODABLE: data}

    registry.register("json", _json.dumps, loads, content_type="application/json", content_encoding="utf-8")


def run_worker(service_cls: type, runtime: HandlerRuntime, *, max_workers: int = 10) -> None:
    """Run `service_cls` under nameko until SIGTERM/SIGINT."""
    _tolerant_json_decoder()
    config = {
        "AMQP_URI": runtime.amqp_url,
        "max_workers": max_workers,
        "serializer": "json",
        RUNTIME_CONFIG_KEY: runtime,
    }
    runner = ServiceRunner(config)
    runner.add_service(service_cls)

    def shutdown(signum, frame):  # type: ignore[no-untyped-def]
        eventlet.spawn_n(runner.stop)

    signal.signal(signal.SIGTERM, shutdown)
    signal.signal(signal.SIGINT, shutdown)
    runner.start()
    log.info("worker %s started", service_cls.name)
    runner.wait()
    log.info("worker %s stopped", service_cls.name)
