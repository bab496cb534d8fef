"""Keeping the local copy of customers from the customers service's events (worker side)."""

from __future__ import annotations

import dataclasses

from sales.domain.customers import CustomerRef, newer
from sales.domain.ports import CustomerRefs


def apply_customer(refs: CustomerRefs, incoming: CustomerRef) -> bool:
    """Upsert the customer unless we already hold a newer version; True if it changed."""
    current = refs.get(incoming.id)
    if not newer(current, incoming):
        return False
    refs.put(incoming)
    return True


def apply_deleted(refs: CustomerRefs, incoming: CustomerRef) -> bool:
    return apply_customer(refs, dataclasses.replace(incoming, deleted=True))


def apply_merged(refs: CustomerRefs, survivor: CustomerRef, victim: CustomerRef) -> int:
    """The survivor is updated, the victim marked deleted (merged into the survivor), and every sales
    record of the victim now points at the survivor; returns how many records moved."""
    apply_customer(refs, survivor)
    apply_customer(refs, dataclasses.replace(victim, deleted=True, merged_into_id=survivor.id))
    return refs.repoint(victim.id, survivor.id)
