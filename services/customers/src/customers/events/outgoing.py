"""Domain events of the customers service -> published event type and proto payload."""

from __future__ import annotations

from google.protobuf.message import Message

from crm.customers.v1 import customers_events_pb2 as ev
from customers.domain.customer import CustomerCreated
from customers.grpc_api.mapping import customer_to_proto


def translate(event: object) -> tuple[str, Message, str, int]:
    """(event_type, payload, aggregate_id, aggregate_version) for a domain event."""
    if isinstance(event, CustomerCreated):
        c = event.customer
        return "customer_created", ev.CustomerCreated(customer=customer_to_proto(c)), c.id, c.version
    raise TypeError(f"no published event for {type(event).__name__}")
