"""Bus topology: which events a service publishes and consumes, and declaring it on the broker.

A service's registry is plain data (no nameko, no grpc), so the runner, the bus-setup job and
the tests can read it in any process. Queue names follow nameko's convention so the worker's
``@event_handler`` consumes exactly the queue declared here, and every consumer queue has a
dead-letter queue beside it.
"""

from __future__ import annotations

import dataclasses

import pika
from pika.adapters.blocking_connection import BlockingChannel

from crm_chassis.outbox import exchange_for


@dataclasses.dataclass(frozen=True)
class Publishes:
    event_type: str
    schema: str  # fully qualified proto message name of the payload


@dataclasses.dataclass(frozen=True)
class Consumes:
    source: str  # producing service
    event_type: str
    schema: str
    handler: str  # method name on the service's nameko worker


@dataclasses.dataclass(frozen=True)
class BusRegistry:
    service: str
    publishes: tuple[Publishes, ...] = ()
    consumes: tuple[Consumes, ...] = ()

    def queue_for(self, consumes: Consumes) -> str:
        return consumer_queue(consumes.source, consumes.event_type, self.service, consumes.handler)

    def queues(self) -> list[str]:
        return [self.queue_for(c) for c in self.consumes]

    def dead_letter_queues(self) -> list[str]:
        return [dead_letter_queue(q) for q in self.queues()]


def consumer_queue(source: str, event_type: str, service: str, handler: str) -> str:
    """The consumer queue, named as nameko's SERVICE_POOL event handler names it."""
    return f"evt-{source}-{event_type}--{service}.{handler}"


def dead_letter_queue(queue: str) -> str:
    return f"{queue}.dlq"


def declare_exchange(channel: BlockingChannel, producer: str) -> None:
    # Same arguments as nameko's get_event_exchange, or the broker refuses the redeclare.
    channel.exchange_declare(exchange_for(producer), exchange_type="topic", durable=True, auto_delete=False)


def declare(channel: BlockingChannel, registry: BusRegistry) -> list[str]:
    """Declare the registry's exchanges, queues, bindings and DLQs; returns what was declared."""
    declared = []
    declare_exchange(channel, registry.service)
    declared.append(f"exchange {exchange_for(registry.service)}")
    for consumes in registry.consumes:
        queue = registry.queue_for(consumes)
        declare_exchange(channel, consumes.source)
        channel.queue_declare(queue, durable=True, auto_delete=False, exclusive=False)
        channel.queue_bind(queue, exchange_for(consumes.source), routing_key=consumes.event_type)
        channel.queue_declare(dead_letter_queue(queue), durable=True, auto_delete=False, exclusive=False)
        declared.append(f"queue {queue} <- {exchange_for(consumes.source)}:{consumes.event_type} (+ .dlq)")
    return declared


def declare_all(amqp_url: str, registries: list[BusRegistry]) -> list[str]:
    """Connect to the broker and declare every registry's topology."""
    connection = pika.BlockingConnection(pika.URLParameters(amqp_url))
    try:
        channel = connection.channel()
        declared: list[str] = []
        for registry in registries:
            declared += declare(channel, registry)
        return declared
    finally:
        connection.close()
