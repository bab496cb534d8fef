"""What the customer use cases need from storage (implemented in customers.persistence)."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any, Generic, Protocol, TypeVar

from customers.domain.access import Scope, Share
from customers.domain.activity import Activity
from customers.domain.contact import Contact
from customers.domain.custom_fields import FieldDefinition
from customers.domain.customer import Customer
from customers.domain.keys import Key

T = TypeVar("T")


@dataclasses.dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    next_cursor: str


@dataclasses.dataclass(frozen=True)
class Match:
    """An existing live record holding a key (duplicate check, C24/C25)."""

    key_type: str
    hard: bool
    customer_id: str
    owner_id: str | None
    contact_id: str | None = None


@dataclasses.dataclass(frozen=True)
class HistoryEntry:
    customer_id: str
    entity_type: str  # customer | contact | activity
    entity_id: str
    field: str
    old: Any
    new: Any
    actor_id: str
    changed_at: datetime
    reason: str
    change_id: str
    version: int
    # Personal data (phones, emails): stored encrypted.
    sensitive: bool = False
    id: str = ""


@dataclasses.dataclass(frozen=True)
class OwnerPeriod:
    """One row of owner_history (C16)."""

    customer_id: str
    from_owner: str | None
    to_owner: str | None
    started_at: datetime
    reason_code: str
    actor_id: str
    rule_id: str | None = None
    rule_version: int | None = None
    ended_at: datetime | None = None


@dataclasses.dataclass(frozen=True)
class CustomerQuery:
    limit: int
    cursor: str
    owner_id: str | None = None
    filter: str = ""
    order_by: str = ""


class CustomerRepository(Protocol):
    def add(self, customer: Customer) -> None: ...

    def get(self, customer_id: str) -> Customer | None:
        """The customer, deleted or not."""
        ...

    def update(self, customer: Customer, *, expected_version: int) -> bool:
        """Write `customer` if the stored version is still `expected_version` (the follow-up time
        never moves back; the contract exemption columns are left to set_contract_exemption)."""
        ...

    def set_contract_exemption(self, customer_id: str, *, paused: bool, ended_at: datetime | None) -> bool:
        """Store the C4 exemption facts (no version bump: not an edit); True if they changed."""
        ...

    def advance_follow_up(self, customer_id: str, at: datetime) -> None:
        """Set last_follow_up_at to `at` unless it is already later (no version bump: not an edit)."""
        ...

    def page(self, query: CustomerQuery, scope: Scope) -> Page[Customer]:
        """Live customers visible to `scope`."""
        ...

    def page_deleted(self, *, limit: int, cursor: str, scope: Scope) -> Page[Customer]: ...

    def visible(self, customer_ids: list[str], scope: Scope) -> list[Customer]:
        """The live customers among `customer_ids` that `scope` may read."""
        ...

    def purgeable(self, *, deleted_before: datetime, scope: Scope, limit: int) -> list[Customer]: ...

    def purge(self, customer_id: str) -> int:
        """Remove the customer and everything about it for good; returns how many contacts went."""
        ...


class ContactRepository(Protocol):
    def add(self, contact: Contact) -> None: ...

    def get(self, contact_id: str) -> Contact | None: ...

    def update(self, contact: Contact, *, expected_version: int) -> bool: ...

    def page(self, customer_id: str, *, limit: int, cursor: str) -> Page[Contact]: ...

    def live(self, customer_id: str) -> list[Contact]: ...

    def in_batch(self, customer_id: str, batch_id: str) -> list[Contact]: ...

    def unset_primary(self, customer_id: str, *, except_id: str, now: datetime) -> list[Contact]:
        """Clear the primary flag of the customer's other live contacts; returns them as changed."""
        ...

    def soft_delete_live(self, customer_id: str, *, batch_id: str, at: datetime) -> list[str]: ...

    def restore_batch(self, customer_id: str, batch_id: str) -> list[str]: ...

    def move(self, from_customer: str, to_customer: str, *, keep_primary: bool) -> list[str]:
        """Re-parent the live contacts; the moved ones lose their primary flag unless keep_primary."""
        ...

    def find(self, contact_ids: list[str]) -> list[Contact]: ...

    def purge_deleted(self, *, deleted_before: datetime, scope: Scope) -> int:
        """Remove contacts deleted on their own (not with their customer) before the date."""
        ...


class ActivityRepository(Protocol):
    def add(self, activity: Activity) -> None: ...

    def page(self, customer_id: str, *, limit: int, cursor: str) -> Page[Activity]: ...

    def soft_delete_live(self, customer_id: str, *, batch_id: str, at: datetime) -> list[str]: ...

    def restore_batch(self, customer_id: str, batch_id: str) -> list[str]: ...

    def move(self, from_customer: str, to_customer: str) -> list[str]: ...


class KeyRepository(Protocol):
    def replace(self, customer_id: str, contact_id: str | None, keys: list[Key], *, now: datetime) -> list[Match]:
        """Make `keys` the live keys of the customer (or of one contact); returns the hard keys that
        another live record holds (those are not written: the caller must refuse the save)."""
        ...

    def matches(self, keys: list[Key], *, exclude_customer_id: str | None) -> list[Match]:
        """Live records of other customers holding any of `keys`."""
        ...

    def release(self, customer_id: str, *, at: datetime, contact_id: str | None = None) -> None:
        """Mark the live keys of the customer (all, or one contact's) deleted."""
        ...

    def holders(self, key: Key, *, limit: int) -> list[tuple[str, str | None]]:
        """(customer id, contact id) of live rows holding `key`."""
        ...

    def move_contacts(self, from_customer: str, to_customer: str) -> None: ...


class HistoryRepository(Protocol):
    def add(self, entries: list[HistoryEntry]) -> None: ...

    def page(self, customer_id: str, *, limit: int, cursor: str) -> Page[HistoryEntry]: ...

    def fields_changed_after(self, customer_id: str, version: int) -> list[str]: ...


class OwnerHistoryRepository(Protocol):
    def start(self, period: OwnerPeriod) -> None:
        """Close the customer's open period (if any) at period.started_at and open `period`."""
        ...

    def periods(self, customer_id: str) -> list[OwnerPeriod]: ...


class ShareRepository(Protocol):
    def of(self, customer_id: str) -> list[Share]: ...

    def put(self, share: Share) -> None: ...

    def remove(self, customer_id: str, grantee_type: str, grantee_id: str) -> bool: ...


class CustomFieldRepository(Protocol):
    def definitions(self, entity: str) -> dict[str, FieldDefinition]: ...

    def add(self, definition: FieldDefinition) -> bool:
        """False when the key is taken for the entity."""
        ...

    def update(self, definition: FieldDefinition, *, expected_version: int) -> bool: ...


class ContractFactRepository(Protocol):
    """The customer's contracts as sales reports them (domain.exemptions.ContractFact)."""

    def get(self, contract_id: str) -> Any: ...

    def put(self, fact: Any) -> None: ...

    def for_customer(self, customer_id: str) -> list[Any]: ...

    def repoint(self, victim_id: str, survivor_id: str) -> None:
        """Move the victim's contracts to the survivor (a merge)."""
        ...


class LeadConversionRepository(Protocol):
    """How each marketing lead conversion was resolved (domain.lead_conversions.Resolution)."""

    def get(self, conversion_id: str) -> Any:
        """The stored resolution of the conversion, or None."""
        ...

    def add(self, resolution: Any, *, at: datetime) -> None: ...


class CustomersUnitOfWork(Protocol):
    customers: CustomerRepository
    contacts: ContactRepository
    activities: ActivityRepository
    keys: KeyRepository
    history: HistoryRepository
    owners: OwnerHistoryRepository
    shares: ShareRepository
    custom_fields: CustomFieldRepository
    pools: PoolRepository
    lead_conversions: LeadConversionRepository
    contract_facts: ContractFactRepository

    def __enter__(self) -> CustomersUnitOfWork: ...

    def __exit__(self, *exc: object) -> None: ...

    def record(self, event: object) -> None: ...

    def commit(self) -> None: ...


class PoolRepository(Protocol):
    """Pools, their rules, claim counters and the once-only job records (C5, C12, O1)."""

    def all(self) -> list[Any]:
        """Every pool (domain.pool.Pool), active or not."""
        ...

    def rule(self, pool_id: str) -> Any:
        """The pool's current rule (domain.pool.StoredRule), or None."""
        ...

    def add_rule(self, stored: Any) -> None: ...

    def take_from_pool(self, customer_id: str, pool_id: str, owner_id: str, *, at: datetime) -> bool:
        """C9: one conditional UPDATE (owner NULL, still in `pool_id`); False when someone was first."""
        ...

    def lock_customer(self, customer_id: str) -> Customer | None:
        """The live customer, row-locked for this transaction (`FOR UPDATE SKIP LOCKED` on
        PostgreSQL); None when it is gone or another transaction holds it."""
        ...

    def count_claims(self, user_id: str, pool_id: str, day: Any) -> int:
        """The user's successful claims on the local day; the counter row is locked until commit."""
        ...

    def add_claim(self, user_id: str, pool_id: str, day: Any) -> None: ...

    def owned_count(self, owner_id: str) -> int:
        """Live customers the user owns, customers with a deal excluded (C18)."""
        ...

    def owned_ids(self, owner_id: str, *, limit: int) -> list[str]: ...

    def owned_batch(self, *, after_id: str, limit: int) -> list[Customer]:
        """Live owned customers in id order after `after_id` (keyset walk of the jobs, O3)."""
        ...

    def owned_total(self) -> int: ...

    def pool_page(self, query: CustomerQuery, pool_ids: list[str]) -> Page[Customer]: ...

    def remove_shares(self, customer_id: str) -> int: ...

    def grace(self, customer_ids: list[str]) -> dict[str, Any]:
        """customer id -> grace_until (local date) for those that have one."""
        ...

    def put_grace(self, customer_id: str, pool_id: str, rule_version: int, until: Any) -> None: ...

    def clear_grace(self, customer_id: str) -> None: ...

    def mark_reminder(self, customer_id: str, tier: int, day: Any, *, at: datetime) -> bool:
        """Record that the warning was sent; False when it already was (O1)."""
        ...

    def due_follow_ups(self, as_of: datetime, *, limit: int) -> list[Activity]:
        """Live activities whose next_follow_up_at has come and whose reminder was not sent."""
        ...

    def mark_follow_up(self, activity_id: str, *, at: datetime) -> bool: ...
