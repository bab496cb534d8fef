"""Domain events of the customers service -> published event type and proto payload.

Every event's aggregate is the customer (aggregate_version = the customer's version), so a
consumer can apply them monotonically per customer.
"""

from __future__ import annotations

from google.protobuf.message import Message

from crm.customers.v1 import customers_events_pb2 as ev
from customers.domain import events as de
from customers.grpc_api.mapping import activity_to_proto, contact_to_proto, customer_to_proto


def translate(event: object) -> tuple[str, Message, str, int]:
    """(event_type, payload, aggregate_id, aggregate_version) for a domain event."""
    if isinstance(event, de.CustomerCreated):
        c = event.customer
        return "customer_created", ev.CustomerCreated(customer=customer_to_proto(c)), c.id, c.version
    if isinstance(event, de.CustomerUpdated):
        c = event.customer
        payload = ev.CustomerUpdated(customer=customer_to_proto(c), changed_fields=list(event.changed_fields))
        return "customer_updated", payload, c.id, c.version
    if isinstance(event, de.CustomerDeleted):
        c = event.customer
        payload = ev.CustomerDeleted(
            customer=customer_to_proto(c), contact_ids=list(event.contact_ids), activity_ids=list(event.activity_ids)
        )
        return "customer_deleted", payload, c.id, c.version
    if isinstance(event, de.CustomerRestored):
        c = event.customer
        payload = ev.CustomerRestored(
            customer=customer_to_proto(c), contact_ids=list(event.contact_ids), activity_ids=list(event.activity_ids)
        )
        return "customer_restored", payload, c.id, c.version
    if isinstance(event, de.CustomerPurged):
        return "customer_purged", ev.CustomerPurged(customer_id=event.customer_id), event.customer_id, event.version
    if isinstance(event, de.CustomerMerged):
        s = event.survivor
        payload = ev.CustomerMerged(
            survivor=customer_to_proto(s),
            victim=customer_to_proto(event.victim),
            moved_contact_ids=list(event.moved_contact_ids),
            moved_activity_ids=list(event.moved_activity_ids),
        )
        return "customer_merged", payload, s.id, s.version
    if isinstance(event, de.CustomerLocked):
        c = event.customer
        return "customer_locked", ev.CustomerLocked(customer=customer_to_proto(c), locked=event.locked), c.id, c.version
    if isinstance(event, de.ContactCreated):
        contact = event.contact
        payload = ev.ContactCreated(contact=contact_to_proto(contact))
        return "contact_created", payload, contact.customer_id, event.customer_version
    if isinstance(event, de.ContactUpdated):
        contact = event.contact
        payload = ev.ContactUpdated(contact=contact_to_proto(contact), changed_fields=list(event.changed_fields))
        return "contact_updated", payload, contact.customer_id, event.customer_version
    if isinstance(event, de.ActivityLogged):
        a = event.activity
        payload = ev.ActivityLogged(activity=activity_to_proto(a), counts_as_follow_up=a.counts_as_follow_up)
        return "activity_logged", payload, a.customer_id, event.customer_version
    raise TypeError(f"no published event for {type(event).__name__}")
