"""Keeping the local copies (customers, fulfilled order lines, contracts) from other services'
events (worker side). Every apply is monotonic by the source record's version."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta
from typing import Any

from service_desk.domain import entitlement as en
from service_desk.domain.commands import _plan_return
from service_desk.domain.customers import CustomerRef, newer
from service_desk.domain.settings import DeskSettings


def apply_customer(uow: Any, incoming: CustomerRef) -> bool:
    """Upsert the customer unless we already hold a newer version; True if it changed."""
    current = uow.customers.get(incoming.id)
    if not newer(current, incoming):
        return False
    uow.customers.put(incoming)
    return True


def apply_deleted(uow: Any, incoming: CustomerRef) -> bool:
    return apply_customer(uow, dataclasses.replace(incoming, deleted=True))


def apply_merged(uow: Any, survivor: CustomerRef, victim: CustomerRef) -> int:
    """The survivor is updated, the victim marked deleted (merged into the survivor), and every
    service-desk record of the victim now points at the survivor; returns how many records moved."""
    apply_customer(uow, survivor)
    apply_customer(uow, dataclasses.replace(victim, deleted=True, merged_into_id=survivor.id))
    return uow.customers.repoint(victim.id, survivor.id)


@dataclasses.dataclass(frozen=True)
class FulfilledOrder:
    id: str
    customer_id: str
    owner_id: str
    fulfilled_at: datetime
    version: int
    # (product_id, warranty_months) per line
    lines: tuple[tuple[str, int], ...]


def apply_order_fulfilled(uow: Any, settings: DeskSettings, order: FulfilledOrder, fulfilled_on: date) -> bool:
    """Keeps the order's products with their warranty (from the fulfilment date), and plans the
    return visit M days after fulfilment (once per order)."""
    if not uow.owned.put_order(
        order.id,
        order.customer_id,
        order.owner_id,
        order.version,
        [
            en.OwnedProduct(order.id, order.customer_id, product_id, months, fulfilled_on)
            for product_id, months in order.lines
            if product_id
        ],
    ):
        return False
    if settings.return_visit_after_fulfilment_days > 0:
        _plan_return(
            uow,
            rule="order_fulfilled",
            source_kind="order",
            source_id=order.id,
            customer_id=order.customer_id,
            owner_id=order.owner_id,
            work_order_id="",
            order_id=order.id,
            due_on=fulfilled_on + timedelta(days=settings.return_visit_after_fulfilment_days),
            assignee_id=order.owner_id,
            at=order.fulfilled_at,
        )
    return True


def apply_contract(uow: Any, contract: Any) -> bool:
    """Upsert a contract (id, customer, status, dates, order ids, coverage) unless a newer version is held."""
    return uow.contracts.put(contract)
