"""What the customer use cases need from storage (implemented in customers.persistence)."""

from __future__ import annotations

import dataclasses
from typing import Protocol

from customers.domain.customer import Customer


@dataclasses.dataclass(frozen=True)
class Page:
    items: list[Customer]
    next_cursor: str


class CustomerRepository(Protocol):
    def add(self, customer: Customer) -> None: ...

    def get(self, customer_id: str) -> Customer | None: ...

    def page(self, *, limit: int, cursor: str, owner_id: str | None, visible_owners: frozenset[str] | None) -> Page: ...


class CustomersUnitOfWork(Protocol):
    customers: CustomerRepository

    def __enter__(self) -> CustomersUnitOfWork: ...

    def __exit__(self, *exc: object) -> None: ...

    def record(self, event: object) -> None: ...

    def commit(self) -> None: ...
