"""Domain events of the customer file (customers.events.outgoing turns them into published events)."""

from __future__ import annotations

import dataclasses

from customers.domain.activity import Activity
from customers.domain.contact import Contact
from customers.domain.customer import Customer


@dataclasses.dataclass(frozen=True)
class CustomerCreated:
    customer: Customer


@dataclasses.dataclass(frozen=True)
class CustomerUpdated:
    customer: Customer
    changed_fields: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class CustomerDeleted:
    customer: Customer
    contact_ids: tuple[str, ...]
    activity_ids: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class CustomerRestored:
    customer: Customer
    contact_ids: tuple[str, ...]
    activity_ids: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class CustomerPurged:
    customer_id: str
    # The version the purge gives the aggregate (last known version + 1).
    version: int


@dataclasses.dataclass(frozen=True)
class CustomerMerged:
    survivor: Customer
    victim: Customer
    moved_contact_ids: tuple[str, ...]
    moved_activity_ids: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class CustomerLocked:
    customer: Customer
    locked: bool


@dataclasses.dataclass(frozen=True)
class ContactCreated:
    contact: Contact
    customer_version: int


@dataclasses.dataclass(frozen=True)
class ContactUpdated:
    contact: Contact
    changed_fields: tuple[str, ...]
    customer_version: int


@dataclasses.dataclass(frozen=True)
class ActivityLogged:
    activity: Activity
    customer_version: int


@dataclasses.dataclass(frozen=True)
class CustomerOwnerChanged:
    """claim, release, assign, transfer or recycle (one per customer)."""

    customer: Customer
    from_owner_id: str | None
    to_owner_id: str | None
    reason: str
    pool_id: str | None = None
    note: str = ""
    rule_id: str | None = None
    rule_version: int | None = None
    cascade: bool = False


@dataclasses.dataclass(frozen=True)
class CustomerReturnedToPool:
    customer: Customer
    pool_id: str
    previous_owner_id: str | None
    reason: str  # release | recycle
    trigger: str = ""
    rule_id: str | None = None
    rule_version: int | None = None


@dataclasses.dataclass(frozen=True)
class PoolRecycleWarning:
    customer: Customer
    days_left: int
    recycle_on: str  # local ISO date
    trigger: str
    rule_id: str
    rule_version: int


@dataclasses.dataclass(frozen=True)
class FollowUpDue:
    activity: Activity
    owner_id: str | None
    customer_name: str
    customer_version: int
