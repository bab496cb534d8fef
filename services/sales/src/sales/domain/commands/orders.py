"""Order use cases: from an accepted quote (see quotes.accept_quote) or a won opportunity, only for
a customer that exists; confirm, fulfil, cancel."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from crm_chassis.errors import FailedPrecondition, InvalidArgument
from crm_chassis.identity import Caller
from sales.domain import order as od
from sales.domain.commands.base import UowFactory, customer, new_id, number, owner_for, price_lines, readable, today
from sales.domain.common import (
    Page,
    actor_of,
    bounded,
    check_paths,
    check_version,
    concurrent_write,
    currency,
    found,
    list_request,
    now,
    percent,
)
from sales.domain.events import OrderCancelled, OrderConfirmed, OrderFulfilled
from sales.domain.lines import LineInput
from sales.domain.ports import SalesUnitOfWork
from sales.domain.quote import Quote


def order_from_quote(
    uow: SalesUnitOfWork, q: Quote, customer_id: str, *, at: datetime, day: date, actor_id: str
) -> od.Order:
    return od.Order(
        id=new_id(),
        number=number(uow, "O", day),
        customer_id=customer_id,
        owner_id=q.owner_id,
        opportunity_id=q.opportunity_id,
        quote_id=q.id,
        currency=q.currency,
        lines=q.lines,
        tax_rate=q.tax_rate,
        notes="",
        status=od.DRAFT,
        cancel_reason="",
        confirmed_at=None,
        fulfilled_at=None,
        cancelled_at=None,
        version=1,
        created_at=at,
        updated_at=at,
        created_by=actor_id,
    )


def create_order(
    uow_factory: UowFactory, caller: Caller, fields: Mapping[str, Any], lines: list[LineInput]
) -> od.Order:
    """An order from a won opportunity (orders from quotes come with accept_quote)."""
    at = now()
    with uow_factory() as uow:
        ref = customer(uow, fields.get("customer_id", ""))
        opportunity_id = fields.get("opportunity_id", "")
        if not opportunity_id:
            raise InvalidArgument(
                "an order comes from a won opportunity (or from accepting a quote)",
                code="order.source_required",
                field="opportunity_id",
            )
        opp = found(uow.opportunities.get(opportunity_id), "opportunity", opportunity_id, caller)
        if opp.customer_id != ref.id:
            raise InvalidArgument(
                "the opportunity belongs to another customer", code="order.opportunity_mismatch", field="opportunity_id"
            )
        if opp.status != "won":
            raise FailedPrecondition(
                f"the opportunity is {opp.status}; orders come from won opportunities",
                code="order.opportunity_not_won",
                field="opportunity_id",
            )
        settings = uow.settings.load()
        day = today(settings, at)
        code = currency(fields.get("currency", "") or opp.currency)
        order = od.Order(
            id=new_id(),
            number=number(uow, "O", day),
            customer_id=ref.id,
            owner_id=owner_for(caller, fields.get("owner_id", "") or opp.owner_id),
            opportunity_id=opp.id,
            quote_id="",
            currency=code,
            lines=price_lines(uow, lines, customer=ref, currency=code, on=day),
            tax_rate=percent(fields.get("tax_rate", ""), "tax_rate", default=settings.default_tax_rate),
            notes=bounded(fields.get("notes", ""), "notes", max_len=2000),
            status=od.DRAFT,
            cancel_reason="",
            confirmed_at=None,
            fulfilled_at=None,
            cancelled_at=None,
            version=1,
            created_at=at,
            updated_at=at,
            created_by=actor_of(caller),
        )
        uow.orders.add(order)
        uow.commit()
    return order


def _load(uow: SalesUnitOfWork, caller: Caller, order_id: str) -> od.Order:
    return found(uow.orders.get(order_id, for_update=True) if order_id else None, "order", order_id, caller)


def _save(uow: SalesUnitOfWork, updated: od.Order, was: int) -> None:
    if not uow.orders.update(updated, expected_version=was):
        raise concurrent_write(f"order {updated.id}")


def get_order(uow_factory: UowFactory, caller: Caller, order_id: str) -> od.Order:
    with uow_factory(read_only=True) as uow:
        return readable(uow, uow.orders.get(order_id) if order_id else None, "order", order_id, caller)


def list_orders(uow_factory: UowFactory, caller: Caller, **page: Any) -> Page[od.Order]:
    with uow_factory(read_only=True) as uow:
        return uow.orders.page(list_request(caller, **page))


def update_order(
    uow_factory: UowFactory,
    caller: Caller,
    order_id: str,
    *,
    expected_version: int,
    patch: Mapping[str, Any],
    paths: list[str],
    lines: list[LineInput],
) -> od.Order:
    check_paths(paths, od.UPDATABLE)
    at = now()
    with uow_factory() as uow:
        current = _load(uow, caller, order_id)
        check_version(current.version, expected_version, f"order {order_id}")
        od.ensure_editable(current)
        changes: dict[str, Any] = {}
        if "lines" in paths:
            day = today(uow.settings.load(), at)
            changes["lines"] = price_lines(
                uow, lines, customer=customer(uow, current.customer_id), currency=current.currency, on=day
            )
        if "tax_rate" in paths:
            changes["tax_rate"] = percent(patch.get("tax_rate", ""), "tax_rate")
        if "notes" in paths:
            changes["notes"] = bounded(patch.get("notes", ""), "notes", max_len=2000)
        if all(getattr(current, k) == v for k, v in changes.items()):
            return current

        updated = dataclasses.replace(current, version=current.version + 1, updated_at=at, **changes)
        _save(uow, updated, current.version)
        uow.commit()
    return updated


def _act(uow_factory: UowFactory, caller: Caller, order_id: str, expected_version: int, step, event) -> od.Order:  # type: ignore[no-untyped-def]
    at = now()
    with uow_factory() as uow:
        current = _load(uow, caller, order_id)
        check_version(current.version, expected_version, f"order {order_id}")
        updated = step(uow, current, at)
        _save(uow, updated, current.version)
        uow.record(event(updated))
        uow.commit()
    return updated


def confirm_order(uow_factory: UowFactory, caller: Caller, order_id: str, *, expected_version: int) -> od.Order:
    def step(uow, current, at):  # type: ignore[no-untyped-def]
        customer(uow, current.customer_id)  # the customer must still exist
        return od.confirm(current, at)

    return _act(uow_factory, caller, order_id, expected_version, step, OrderConfirmed)


def fulfil_order(uow_factory: UowFactory, caller: Caller, order_id: str, *, expected_version: int) -> od.Order:
    return _act(uow_factory, caller, order_id, expected_version, lambda uow, o, at: od.fulfil(o, at), OrderFulfilled)


def cancel_order(
    uow_factory: UowFactory, caller: Caller, order_id: str, *, reason: str, expected_version: int
) -> od.Order:
    return _act(
        uow_factory, caller, order_id, expected_version, lambda uow, o, at: od.cancel(o, reason, at), OrderCancelled
    )
