"""Domain events of the customers service -> published event type and proto payload.

Every event's aggregate is the customer (aggregate_version = the customer's version), so a
consumer can apply them monotonically per customer.
"""

from __future__ import annotations

from google.protobuf.message import Message

from crm.customers.v1 import customers_events_pb2 as ev
from customers.domain import events as de
from customers.domain.lead_conversions import CREATED, LINKED, LeadConversionResolved
from customers.grpc_api.mapping import activity_to_proto, contact_to_proto, customer_to_proto


def translate(event: object) -> tuple[str, Message, str, int]:
    """(event_type, payload, aggregate_id, aggregate_version) for a domain event."""
    if isinstance(event, LeadConversionResolved):
        r = event.resolution
        payload = ev.LeadConversionResolved(
            lead_id=r.lead_id,
            conversion_id=r.conversion_id,
            outcome=r.outcome,
            customer_id=r.customer_id,
            customer_name=event.customer_name,
            contact_id=r.contact_id,
            conflict_owner_id=r.conflict_owner_id,
            detail=r.detail,
            campaign_id=event.campaign_id,
            owner_id=event.owner_id,
        )
        # Aggregate: the customer it resolved to; a conflict or invalid request has only the lead.
        if r.outcome in (CREATED, LINKED):
            return "lead_conversion_resolved", payload, r.customer_id, event.customer_version
        return "lead_conversion_resolved", payload, r.lead_id, 0
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
    if isinstance(event, de.CustomerOwnerChanged):
        c = event.customer
        payload = ev.CustomerOwnerChanged(
            customer=customer_to_proto(c),
            from_owner_id=event.from_owner_id or "",
            to_owner_id=event.to_owner_id or "",
            reason=event.reason,
            rule_id=event.rule_id or "",
            rule_version=event.rule_version or 0,
            cascade=event.cascade,
            pool_id=event.pool_id or "",
            note=event.note,
        )
        return "customer_owner_changed", payload, c.id, c.version
    if isinstance(event, de.CustomerReturnedToPool):
        c = event.customer
        payload = ev.CustomerReturnedToPool(
            customer=customer_to_proto(c),
            pool_id=event.pool_id,
            previous_owner_id=event.previous_owner_id or "",
            reason=event.reason,
            trigger=event.trigger,
            rule_id=event.rule_id or "",
            rule_version=event.rule_version or 0,
        )
        return "customer_returned_to_pool", payload, c.id, c.version
    if isinstance(event, de.PoolRecycleWarning):
        c = event.customer
        payload = ev.PoolRecycleWarning(
            customer=customer_to_proto(c),
            owner_id=c.owner_id or "",
            days_left=event.days_left,
            recycle_on=event.recycle_on,
            trigger=event.trigger,
            rule_id=event.rule_id,
            rule_version=event.rule_version,
        )
        return "pool_recycle_warning", payload, c.id, c.version
    if isinstance(event, de.FollowUpDue):
        act = event.activity
        payload = ev.FollowUpDue(
            activity=activity_to_proto(act), owner_id=event.owner_id or "", customer_name=event.customer_name
        )
        return "follow_up_due", payload, act.customer_id, event.customer_version
    raise TypeError(f"no published event for {type(event).__name__}")
