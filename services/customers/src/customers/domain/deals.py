"""Deals reported by sales (issue 4: `opportunity_won` / `order_confirmed` set the last deal time and
make the customer an active customer). A deal also stops the pool's no-deal clock (C2, C4)."""

from __future__ import annotations

import dataclasses
from datetime import datetime

from crm_chassis.identity import Caller
from customers.domain.commands import history_entries, now, write
from customers.domain.customer import FieldChange
from customers.domain.events import CustomerUpdated
from customers.domain.ports import CustomersUnitOfWork

# Who the history names for changes made from sales events.
SALES = Caller(caller_service="sales")


def record_deal(uow: CustomersUnitOfWork, customer_id: str, *, at: datetime, source: str) -> bool:
    """Note a deal of `customer_id` made at `at` (`source`: the sales event type). The last deal
    time only moves forward and a prospect or lost customer becomes active; an older or repeated
    deal changes nothing, and an unknown or deleted customer is ignored (sales may know it first
    or longer). True when the customer changed. Runs inside the caller's unit of work."""
    current = uow.customers.get(customer_id)
    if current is None or current.deleted:
        return False
    changes: list[FieldChange] = []
    deal_at = current.deal_at
    if deal_at is None or at > deal_at:
        changes.append(FieldChange("deal_at", _text(deal_at), at.isoformat()))
        deal_at = at
    status = "active"
    if current.status != status:
        changes.append(FieldChange("status", current.status, status))
    if not changes:
        return False
    updated = dataclasses.replace(
        current, deal_at=deal_at, status=status, version=current.version + 1, updated_at=now()
    )
    write(uow, updated, was=current.version)
    uow.history.add(history_entries(updated.id, changes, actor=SALES, at=at, reason=source, version=updated.version))
    uow.record(CustomerUpdated(updated, tuple(c.field for c in changes)))
    return True


def _text(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()
