"""Use cases of the reporting service: fold events in, answer reports."""

from __future__ import annotations

from crm_chassis.identity import Caller
from reporting.domain.customer_summary import CustomerFact, CustomerSummary, summarize, supersedes
from reporting.domain.ports import CustomerFacts


def apply_customer_fact(facts: CustomerFacts, incoming: CustomerFact) -> bool:
    """Store `incoming` unless a newer version is already known; True if stored."""
    if not supersedes(incoming, facts.get(incoming.customer_id)):
        return False
    facts.put(incoming)
    return True


def customer_summary(facts: CustomerFacts, caller: Caller) -> CustomerSummary:
    """Total and count per owner over the customers the caller may see."""
    return summarize(facts.counts_by_owner(caller.visible_owners), facts.newest_event_at())
