"""Use cases of the reporting service: fold events in, answer reports."""

from __future__ import annotations

from crm_chassis.identity import Caller
from reporting.domain.customer_summary import CustomerFact, CustomerSummary, summarize
from reporting.domain.ports import CustomerFacts


def apply_customer_fact(facts: CustomerFacts, incoming: CustomerFact) -> bool:
    """Store `incoming` unless the same or a newer version is already known; True if stored."""
    return facts.put_if_newer(incoming)


def forget_customer(facts: CustomerFacts, customer_id: str, version: int) -> bool:
    """A purged customer leaves the read model (unless a newer version somehow arrived first)."""
    return facts.remove(customer_id, up_to_version=version)


def customer_summary(facts: CustomerFacts, caller: Caller) -> CustomerSummary:
    """Total and count per owner over the customers the caller may see."""
    return summarize(facts.counts_by_owner(caller.visible_owners), facts.newest_event_at())
