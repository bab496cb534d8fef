"""Customer use cases: each takes a unit of work factory and the caller, and enforces the rules."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from crm_chassis.errors import InvalidArgument, NotFound
from crm_chassis.identity import Caller
from customers.domain.customer import Customer, CustomerCreated, NewCustomer, create
from customers.domain.ports import CustomersUnitOfWork, Page

DEFAULT_PAGE = 50
MAX_PAGE = 200

# Called with read_only=True for queries.
UowFactory = Callable[..., CustomersUnitOfWork]


def create_customer(uow_factory: UowFactory, caller: Caller, request: NewCustomer) -> Customer:
    """Create a customer owned by `request.owner_id` or the caller; publishes customer_created."""
    customer = create(request, actor_id=caller.user_id, now=datetime.now(UTC))
    with uow_factory() as uow:
        uow.customers.add(customer)
        uow.record(CustomerCreated(customer))
        uow.commit()
    return customer


def get_customer(uow_factory: UowFactory, caller: Caller, customer_id: str) -> Customer:
    """The customer if it exists and the caller may see it; NotFound otherwise (no existence leak)."""
    with uow_factory(read_only=True) as uow:
        customer = uow.customers.get(customer_id)
    if customer is None or not caller.can_see_owner(customer.owner_id):
        raise NotFound(f"customer {customer_id} not found", code="customer.not_found")
    return customer


def list_customers(uow_factory: UowFactory, caller: Caller, *, limit: int, cursor: str, owner_id: str | None) -> Page:
    """Customers the caller may see, newest first, one page at a time."""
    if limit < 0 or limit > MAX_PAGE:
        raise InvalidArgument(f"limit must be between 1 and {MAX_PAGE}", code="page.limit_invalid", field="limit")
    with uow_factory(read_only=True) as uow:
        return uow.customers.page(
            limit=limit or DEFAULT_PAGE,
            cursor=cursor,
            owner_id=owner_id or None,
            visible_owners=caller.visible_owners,
        )
