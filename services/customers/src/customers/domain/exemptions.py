"""C4, contracts: while a customer has an active contract both pool timers are paused; when the
last one ends, the exemption ends `grace_days` later and that moment (`exemption_ended_at`) is a
new anchor of the timers, so the owner gets a full period again. Facts arrive from sales events
(`contract_activated`, `contract_expired`, `contract_terminated`) in any order and more than once;
each contract's fact applies monotonically by the contract's version."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

from customers.domain.ports import CustomersUnitOfWork


@dataclasses.dataclass(frozen=True)
class ContractFact:
    contract_id: str
    customer_id: str
    active: bool
    ended_at: datetime | None  # when an ended contract ended
    version: int  # the contract's version in sales


@dataclasses.dataclass(frozen=True)
class Exemption:
    paused: bool
    ended_at: datetime | None  # the end of the exemption (last contract end + grace), if none is active


def exemption_of(facts: list[ContractFact], *, grace_days: int) -> Exemption:
    """The customer's C4 state from its contracts."""
    if any(f.active for f in facts):
        return Exemption(True, None)
    ends = [f.ended_at for f in facts if f.ended_at is not None]
    return Exemption(False, max(ends) + timedelta(days=grace_days) if ends else None)


def apply_contract(uow: CustomersUnitOfWork, fact: ContractFact, *, grace_days: int) -> bool:
    """Record the contract's state and recompute its customer's exemption; True if the customer
    changed. An older version of a known contract changes nothing; a customer unknown here (not
    created yet, or purged) keeps the fact for later."""
    known = uow.contract_facts.get(fact.contract_id)
    if known is not None and known.version >= fact.version:
        return False
    uow.contract_facts.put(fact)
    customer = uow.customers.get(fact.customer_id)
    if customer is None:
        return False
    state = exemption_of(uow.contract_facts.for_customer(customer.id), grace_days=grace_days)
    ended_at = state.ended_at if state.ended_at is not None else customer.exemption_ended_at
    return uow.customers.set_contract_exemption(customer.id, paused=state.paused, ended_at=ended_at)


def merge_contracts(uow: CustomersUnitOfWork, victim_id: str, survivor_id: str) -> None:
    """After a merge the survivor holds the victim's contracts: it is paused if any of them is
    active, and its exemption ends at the later of the two ends."""
    uow.contract_facts.repoint(victim_id, survivor_id)
    survivor, victim = uow.customers.get(survivor_id), uow.customers.get(victim_id)
    if survivor is None:
        return
    ends = [c.exemption_ended_at for c in (survivor, victim) if c is not None and c.exemption_ended_at is not None]
    paused = any(f.active for f in uow.contract_facts.for_customer(survivor_id))
    uow.customers.set_contract_exemption(survivor_id, paused=paused, ended_at=max(ends) if ends else None)
