"""Saved list views (DOMAIN_RULES C30) and previous/next neighbours of a customer in a list.

A view is a named filter + sort + column choice owned by one user, private or shared with
everyone. Its filter and sort are compiled at save time against the ListCustomers whitelist
(through the storage port), so a saved view can always be listed.
"""

from __future__ import annotations

import dataclasses
import re
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from crm_chassis.errors import InvalidArgument, NotFound, PermissionDenied, VersionConflict
from crm_chassis.identity import Caller
from customers.domain.access import Scope
from customers.domain.commands import now
from customers.domain.customer import Customer

NAME_MAX = 100
FILTER_MAX = 2000
ORDER_BY_MAX = 200
MAX_COLUMNS = 50
MAX_VIEWS_PER_USER = 200
_COLUMN = re.compile(r"^[a-z][a-z0-9_]{0,39}(\.[a-z][a-z0-9_]{0,39})?$")


@dataclasses.dataclass(frozen=True)
class CustomerView:
    id: str
    owner_id: str
    name: str
    filter: str
    order_by: str
    columns: tuple[str, ...]
    shared: bool
    version: int
    created_at: datetime
    updated_at: datetime


@dataclasses.dataclass(frozen=True)
class ViewFields:
    """What a caller asks to save (unvalidated)."""

    name: str
    filter: str = ""
    order_by: str = ""
    columns: tuple[str, ...] = ()
    shared: bool = False


class ViewRepository(Protocol):
    def add(self, view: CustomerView) -> None: ...

    def get(self, view_id: str) -> CustomerView | None: ...

    def update(self, view: CustomerView, *, expected_version: int) -> bool: ...

    def delete(self, view_id: str) -> bool: ...

    def visible_to(self, user_id: str) -> list[CustomerView]:
        """The user's views and every shared view, by name."""
        ...

    def count_owned(self, user_id: str) -> int: ...

    def check_list(self, filter: str, order_by: str) -> None:
        """InvalidArgument (`filter.*`, `order_by.*`) unless ListCustomers accepts both."""
        ...

    def neighbours(
        self, customer_id: str, *, filter: str, order_by: str, scope: Scope
    ) -> tuple[Customer | None, Customer | None] | None:
        """(previous, next) live customers around `customer_id` in that list within `scope`;
        None when the customer is not in the list."""
        ...


class ViewsUnitOfWork(Protocol):
    views: ViewRepository

    def __enter__(self) -> ViewsUnitOfWork: ...

    def __exit__(self, *exc: object) -> None: ...

    def commit(self) -> None: ...


ViewsUowFactory = Callable[..., ViewsUnitOfWork]


def _user(caller: Caller) -> str:
    if not caller.user_id:
        raise PermissionDenied("saved views belong to a user", code="view.user_required", field="x-crm-user-id")
    return caller.user_id


def clean(fields: ViewFields) -> ViewFields:
    """The fields with text trimmed, or InvalidArgument naming the first bad one."""
    name = " ".join(fields.name.split())
    if not name:
        raise InvalidArgument("name must not be empty", code="view.name_required", field="name")
    if len(name) > NAME_MAX:
        raise InvalidArgument(f"name is longer than {NAME_MAX} characters", code="view.name_too_long", field="name")
    filter_text = fields.filter.strip()
    if len(filter_text) > FILTER_MAX:
        raise InvalidArgument(f"filter is longer than {FILTER_MAX} characters", code="filter.too_long", field="filter")
    order_by = fields.order_by.strip()
    if len(order_by) > ORDER_BY_MAX:
        raise InvalidArgument(
            f"order_by is longer than {ORDER_BY_MAX} characters", code="order_by.too_long", field="order_by"
        )
    columns: list[str] = []
    for column in fields.columns:
        column = column.strip()
        if not _COLUMN.match(column):
            raise InvalidArgument(f"{column!r} is not a column name", code="view.column_invalid", field="columns")
        if column not in columns:
            columns.append(column)
    if len(columns) > MAX_COLUMNS:
        raise InvalidArgument(f"at most {MAX_COLUMNS} columns", code="view.too_many_columns", field="columns")
    return ViewFields(name, filter_text, order_by, tuple(columns), bool(fields.shared))


def _visible(view: CustomerView | None, user_id: str, view_id: str) -> CustomerView:
    if view is None or (view.owner_id != user_id and not view.shared):
        raise NotFound(f"view {view_id} not found", code="view.not_found", field="id")
    return view


def _own(view: CustomerView | None, user_id: str, view_id: str) -> CustomerView:
    view = _visible(view, user_id, view_id)
    if view.owner_id != user_id:
        raise PermissionDenied("only the owner may change a shared view", code="view.not_owner", field="id")
    return view


def _check_version(view: CustomerView, expected: int) -> None:
    if expected and expected != view.version:
        raise VersionConflict(
            f"view {view.id} is at version {view.version}, not {expected}; read it again",
            code="version_conflict",
            field="expected_version",
            details={"current_version": str(view.version)},
        )


def create_view(uow_factory: ViewsUowFactory, caller: Caller, fields: ViewFields) -> CustomerView:
    user_id = _user(caller)
    fields = clean(fields)
    at = now()
    with uow_factory() as uow:
        uow.views.check_list(fields.filter, fields.order_by)
        if uow.views.count_owned(user_id) >= MAX_VIEWS_PER_USER:
            raise InvalidArgument(f"at most {MAX_VIEWS_PER_USER} views per user", code="view.too_many", field="name")
        view = CustomerView(
            id=str(uuid.uuid4()),
            owner_id=user_id,
            version=1,
            created_at=at,
            updated_at=at,
            **dataclasses.asdict(fields),
        )
        uow.views.add(view)
        uow.commit()
    return view


def update_view(
    uow_factory: ViewsUowFactory, caller: Caller, view_id: str, *, expected_version: int, fields: ViewFields
) -> CustomerView:
    user_id = _user(caller)
    fields = clean(fields)
    with uow_factory() as uow:
        current = _own(uow.views.get(view_id) if view_id else None, user_id, view_id)
        _check_version(current, expected_version)
        uow.views.check_list(fields.filter, fields.order_by)
        updated = dataclasses.replace(current, **dataclasses.asdict(fields))
        if updated == current:
            return current
        updated = dataclasses.replace(updated, version=current.version + 1, updated_at=now())
        if not uow.views.update(updated, expected_version=current.version):
            raise VersionConflict(f"view {view_id} changed while saving", code="version_conflict", field="id")
        uow.commit()
    return updated


def delete_view(uow_factory: ViewsUowFactory, caller: Caller, view_id: str, *, expected_version: int) -> None:
    user_id = _user(caller)
    with uow_factory() as uow:
        current = _own(uow.views.get(view_id) if view_id else None, user_id, view_id)
        _check_version(current, expected_version)
        uow.views.delete(current.id)
        uow.commit()


def get_view(uow_factory: ViewsUowFactory, caller: Caller, view_id: str) -> CustomerView:
    user_id = _user(caller)
    with uow_factory(read_only=True) as uow:
        return _visible(uow.views.get(view_id) if view_id else None, user_id, view_id)


def list_views(uow_factory: ViewsUowFactory, caller: Caller) -> list[CustomerView]:
    user_id = _user(caller)
    with uow_factory(read_only=True) as uow:
        return uow.views.visible_to(user_id)


def neighbours(
    uow_factory: ViewsUowFactory,
    caller: Caller,
    customer_id: str,
    *,
    view_id: str = "",
    filter: str = "",
    order_by: str = "",
) -> tuple[Customer | None, Customer | None]:
    """Previous and next customer of `customer_id` under a view's (or the given) filter and sort,
    within the caller's scope; NotFound when the customer is not in that list."""
    if view_id and (filter.strip() or order_by.strip()):
        raise InvalidArgument(
            "give either a view or filter/order_by, not both", code="neighbours.ambiguous", field="view_id"
        )
    with uow_factory(read_only=True) as uow:
        if view_id:
            view = _visible(uow.views.get(view_id), _user(caller), view_id)
            filter, order_by = view.filter, view.order_by
        found = uow.views.neighbours(
            customer_id, filter=filter.strip(), order_by=order_by.strip(), scope=Scope.of(caller, now())
        )
    if found is None:
        raise NotFound(f"customer {customer_id} not found in this list", code="customer.not_found", field="customer_id")
    return found
