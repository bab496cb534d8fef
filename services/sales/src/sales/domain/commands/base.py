"""Helpers every sales use case module shares."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime
from typing import TypeVar

from crm_chassis.errors import InvalidArgument, NotFound
from crm_chassis.identity import Caller
from sales.domain.catalogue import PriceList, Product, resolve_price
from sales.domain.common import local_date, now
from sales.domain.customers import CustomerRef, usable
from sales.domain.lines import Line, LineInput, check_inputs, priced
from sales.domain.ports import SalesUnitOfWork
from sales.domain.settings import SalesSettings

R = TypeVar("R")

# Called with read_only=True for queries.
UowFactory = Callable[..., SalesUnitOfWork]


def new_id() -> str:
    return str(uuid.uuid4())


def today(settings: SalesSettings, at: datetime | None = None) -> date:
    return local_date(at or now(), settings.time_zone)


def number(uow: SalesUnitOfWork, prefix: str, day: date) -> str:
    """The next document number of the year, e.g. Q2026-00042."""
    series = f"{prefix}{day.year}"
    return f"{series}-{uow.numbers.next(series):05d}"


def customer(uow: SalesUnitOfWork, customer_id: str, field: str = "customer_id") -> CustomerRef:
    return usable(uow.customers.get(customer_id) if customer_id else None, customer_id, field)


def owner_for(caller: Caller, requested: str) -> str:
    owner = (requested or "").strip() or caller.user_id or ""
    if not owner:
        raise InvalidArgument(
            "owner_id is required for calls without a user", code="owner_id_required", field="owner_id"
        )
    return owner


def price_lines(
    uow: SalesUnitOfWork,
    inputs: list[LineInput],
    *,
    customer: CustomerRef,
    currency: str,
    on: date,
) -> tuple[Line, ...]:
    """Validate the requested lines, then price each from the applicable price list (or list price)."""
    checked = check_inputs(inputs)
    products: dict[str, Product] = uow.products.many({line.product_id for line, _, _ in checked})
    lists: list[PriceList] = uow.price_lists.in_effect(on, currency)
    out = []
    for i, (line, qty, discount) in enumerate(checked):
        product = products.get(line.product_id)
        if product is None:
            raise InvalidArgument(
                f"lines[{i}]: product {line.product_id} does not exist",
                code="line.unknown_product",
                field=f"lines[{i}]",
            )
        if not product.active:
            raise InvalidArgument(
                f"lines[{i}]: product {product.sku} is inactive", code="line.product_inactive", field=f"lines[{i}]"
            )
        resolution = resolve_price(
            product,
            lists,
            classification=customer.classification,
            region=customer.region,
            on=on,
            quantity=qty,
            currency=currency,
        )
        out.append(priced(product, resolution, line, qty, discount))
    return tuple(out)


def readable(uow: SalesUnitOfWork, record: R | None, what: str, record_id: str, caller: Caller) -> R:
    """The record if the caller may read it: its owner is in the caller's data scope, or (G4) the
    owner of its customer is: a customer's owner reads every sales record of the customer,
    whoever created it. Edits keep to the record's own owner (`found`). NotFound otherwise."""
    if record is None:
        raise NotFound(f"{what} {record_id} not found", code=f"{what}.not_found", field="id")
    if caller.can_see_owner(record.owner_id):  # type: ignore[attr-defined]
        return record
    ref = uow.customers.get(record.customer_id)  # type: ignore[attr-defined]
    if ref is not None and ref.owner_id and caller.can_see_owner(ref.owner_id):
        return record
    raise NotFound(f"{what} {record_id} not found", code=f"{what}.not_found", field="id")
