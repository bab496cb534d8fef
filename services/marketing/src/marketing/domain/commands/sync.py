"""Consumed events: customers' conversion answers, customer copies and merges, sales' opportunities.
Each runs inside the handler's inbox transaction (the unit of work joins it)."""

from __future__ import annotations

import logging
from datetime import datetime

from marketing.domain import events as ev
from marketing.domain import lead as ld

log = logging.getLogger("crm.marketing.sync")


def conversion_resolved(
    uow,  # type: ignore[no-untyped-def]
    *,
    lead_id: str,
    conversion_id: str,
    outcome: str,
    customer_id: str,
    contact_id: str,
    conflict_owner_id: str,
    detail: str,
    at: datetime,
) -> ld.Lead | None:
    """Records the customer (and contact) a conversion produced, or the conflict, on the lead."""
    lead = uow.leads.get(lead_id, for_update=True)
    if lead is None:
        log.warning("lead_conversion_resolved for unknown lead %s", lead_id)
        return None
    updated, reverted_to = ld.resolve(
        lead,
        conversion_id,
        outcome=outcome,
        customer_id=customer_id,
        contact_id=contact_id,
        conflict_owner_id=conflict_owner_id,
        detail=detail,
        at=at,
    )
    if updated is lead:
        return lead
    if not uow.leads.update(updated, expected_version=lead.version):
        raise RuntimeError(f"lead {lead_id} changed during the handler; retried")
    if reverted_to:
        uow.record(ev.LeadStatusChanged(updated, lead.status, reverted_to, "", "conversion_conflict"))
    return updated


def opportunity_created(uow, *, lead_id: str, opportunity_id: str, at: datetime) -> ld.Lead | None:  # type: ignore[no-untyped-def]
    """Records the opportunity sales opened for a converted lead (matched on lead_id)."""
    lead = uow.leads.get(lead_id, for_update=True)
    if lead is None:
        return None
    updated = ld.opportunity_opened(lead, opportunity_id, at=at)
    if updated is not lead and not uow.leads.update(updated, expected_version=lead.version):
        raise RuntimeError(f"lead {lead_id} changed during the handler; retried")
    return updated


def customer_seen(uow, *, customer_id: str, name: str, owner_id: str, version: int, at: datetime) -> None:  # type: ignore[no-untyped-def]
    """Keeps the local copy of a customer (conversion links to an existing customer by id)."""
    uow.customers.upsert(customer_id, name=name, owner_id=owner_id, version=version, at=at)


def customer_merged(uow, *, victim_id: str, survivor_id: str, at: datetime) -> int:  # type: ignore[no-untyped-def]
    """Re-points converted leads (and campaign members) from the merged-away customer to the survivor."""
    uow.customers.mark_merged(victim_id, survivor_id, at=at)
    moved = 0
    for lead in uow.leads.converted_to(victim_id):
        updated = ld.customer_merged(lead, victim_id, survivor_id, at=at)
        if updated is not lead:
            if not uow.leads.update(updated, expected_version=lead.version):
                raise RuntimeError(f"lead {lead.id} changed during the handler; retried")
            moved += 1
    moved += uow.members.repoint_customer(victim_id, survivor_id)
    return moved
