"""Customer use cases: each takes a unit of work factory and the caller, and enforces the rules.

Shared helpers for the other use-case modules (children, recycle, admin) live here too.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from crm_chassis.errors import FailedPrecondition, InvalidArgument, NotFound, PermissionDenied, VersionConflict
from crm_chassis.identity import Caller
from customers.domain import keys as k
from customers.domain.access import Access, Scope, access_to, new_share, require
from customers.domain.access import Share as ShareGrant
from customers.domain.contact import Contact
from customers.domain.customer import (
    SENSITIVE_FIELDS,
    Customer,
    FieldChange,
    NewCustomer,
    apply_update,
    check_version,
    clean_emails,
    clean_phones,
    clean_uscc,
    create,
    ensure_writable,
)
from customers.domain.duplicates import dedupe, refuse_conflicts
from customers.domain.events import CustomerCreated, CustomerLocked, CustomerUpdated
from customers.domain.ports import CustomerQuery, CustomersUnitOfWork, HistoryEntry, Match, OwnerPeriod, Page

DEFAULT_PAGE = 50
MAX_PAGE = 200
FIND_LIMIT = 50
# Fields whose change alters the duplicate keys.
KEY_FIELDS = frozenset({"name", "kind", "phones", "emails", "website", "uscc"})

# Called with read_only=True for queries.
UowFactory = Callable[..., CustomersUnitOfWork]


@dataclasses.dataclass(frozen=True)
class Saved:
    """A written customer and the soft duplicates it has (warnings, never refusals)."""

    customer: Customer
    warnings: list[Match]


@dataclasses.dataclass(frozen=True)
class DuplicateReport:
    conflicts: list[Match]
    warnings: list[Match]


@dataclasses.dataclass(frozen=True)
class PhoneMatches:
    customers: list[Customer]
    contacts: list[Contact]


# -- helpers shared by the use-case modules ---------------------------------------------------------


def now() -> datetime:
    return datetime.now(UTC)


def page_limit(limit: int) -> int:
    if limit < 0 or limit > MAX_PAGE:
        raise InvalidArgument(f"limit must be between 1 and {MAX_PAGE}", code="page.limit_invalid", field="limit")
    return limit or DEFAULT_PAGE


def load(
    uow: CustomersUnitOfWork, scope: Scope, customer_id: str, needed: Access, *, deleted: bool = False
) -> Customer:
    """The customer if `scope` has `needed` access; NotFound / PermissionDenied otherwise.

    `deleted`: whether the customer must be in the recycle bin (True) or live (False)."""
    customer = uow.customers.get(customer_id) if customer_id else None
    if customer is None or customer.deleted != deleted:
        raise NotFound(f"customer {customer_id} not found", code="customer.not_found")
    shares = [] if scope.owns_scope_of(customer.owner_id) else uow.shares.of(customer.id)
    require(access_to(customer.owner_id, scope, shares), needed, customer_id)
    return customer


def history_entries(
    customer_id: str,
    changes: list[FieldChange],
    *,
    entity_type: str = "customer",
    entity_id: str | None = None,
    actor: Caller,
    at: datetime,
    reason: str,
    version: int,
    change_id: str | None = None,
    sensitive: frozenset[str] = SENSITIVE_FIELDS,
) -> list[HistoryEntry]:
    change_id = change_id or str(uuid.uuid4())
    return [
        HistoryEntry(
            customer_id=customer_id,
            entity_type=entity_type,
            entity_id=entity_id or customer_id,
            field=c.field,
            old=c.old,
            new=c.new,
            actor_id=actor.user_id or actor.caller_service or "",
            changed_at=at,
            reason=reason,
            change_id=change_id,
            version=version,
            sensitive=c.field in sensitive,
        )
        for c in changes
    ]


def save_keys(uow: CustomersUnitOfWork, customer: Customer, at: datetime) -> list[Match]:
    """Write the customer's keys (refusing a hard duplicate, C24); returns the soft warnings."""
    keys = customer.keys()
    refuse_conflicts(uow.keys.replace(customer.id, None, keys, now=at))
    return dedupe(uow.keys.matches([key for key in keys if not key.hard], exclude_customer_id=customer.id))


def expect_version(uow: CustomersUnitOfWork, customer: Customer, expected: int) -> None:
    if expected and expected != customer.version:
        check_version(
            customer.version,
            expected,
            what=f"customer {customer.id}",
            changed=uow.history.fields_changed_after(customer.id, expected),
        )


def write(uow: CustomersUnitOfWork, updated: Customer, *, was: int) -> None:
    """Store `updated` unless someone changed the row since version `was` (a concurrent write)."""
    if not uow.customers.update(updated, expected_version=was):
        raise VersionConflict(
            f"customer {updated.id} changed while saving; read it again", code="version_conflict", field="id"
        )


def actor_of(caller: Caller) -> str:
    return caller.user_id or caller.caller_service or ""


# -- use cases -------------------------------------------------------------------------------------


def create_customer(uow_factory: UowFactory, caller: Caller, request: NewCustomer) -> Saved:
    """Create a customer owned by `request.owner_id` or the caller; a hard duplicate is refused."""
    at = now()
    with uow_factory() as uow:
        customer = create(
            request, actor_id=caller.user_id, now=at, definitions=uow.custom_fields.definitions("customer")
        )
        uow.customers.add(customer)
        warnings = save_keys(uow, customer, at)
        uow.owners.start(
            OwnerPeriod(customer.id, None, customer.owner_id, at, reason_code="create", actor_id=actor_of(caller))
        )
        created = FieldChange("created", None, {"name": customer.name, "owner_id": customer.owner_id})
        uow.history.add(history_entries(customer.id, [created], actor=caller, at=at, reason="create", version=1))
        uow.record(CustomerCreated(customer))
        uow.commit()
    return Saved(customer, warnings)


def get_customer(uow_factory: UowFactory, caller: Caller, customer_id: str) -> Customer:
    """The customer if it exists and the caller may see it; NotFound otherwise (no existence leak)."""
    with uow_factory(read_only=True) as uow:
        return load(uow, Scope.of(caller, now()), customer_id, Access.READ)


def list_customers(
    uow_factory: UowFactory,
    caller: Caller,
    *,
    limit: int,
    cursor: str,
    owner_id: str | None,
    filter: str = "",
    order_by: str = "",
) -> Page[Customer]:
    """Live customers the caller may see (owner scope or shared), one page at a time."""
    query = CustomerQuery(page_limit(limit), cursor, owner_id or None, filter.strip(), order_by.strip())
    with uow_factory(read_only=True) as uow:
        return uow.customers.page(query, Scope.of(caller, now()))


def update_customer(
    uow_factory: UowFactory,
    caller: Caller,
    customer_id: str,
    *,
    expected_version: int,
    patch: Mapping[str, Any],
    paths: list[str],
) -> Saved:
    """Change the masked fields; every change goes to the history with who, when, old and new."""
    at = now()
    with uow_factory() as uow:
        current = ensure_writable(load(uow, Scope.of(caller, at), customer_id, Access.EDIT), customer_id)
        expect_version(uow, current, expected_version)
        updated, changes = apply_update(
            current, patch, paths, now=at, definitions=uow.custom_fields.definitions("customer")
        )
        if not changes:
            return Saved(current, [])
        write(uow, updated, was=current.version)
        warnings = save_keys(uow, updated, at) if any(c.field in KEY_FIELDS for c in changes) else []
        uow.history.add(
            history_entries(updated.id, changes, actor=caller, at=at, reason="update", version=updated.version)
        )
        uow.record(CustomerUpdated(updated, tuple(c.field for c in changes)))
        uow.commit()
    return Saved(updated, warnings)


def customer_history(
    uow_factory: UowFactory, caller: Caller, customer_id: str, *, limit: int, cursor: str
) -> Page[HistoryEntry]:
    """The recorded changes of a customer and its children, newest first (also while deleted)."""
    limit = page_limit(limit)
    with uow_factory(read_only=True) as uow:
        scope = Scope.of(caller, now())
        customer = uow.customers.get(customer_id) if customer_id else None
        load(uow, scope, customer_id, Access.READ, deleted=customer is not None and customer.deleted)
        return uow.history.page(customer_id, limit=limit, cursor=cursor)


def check_duplicates(
    uow_factory: UowFactory,
    caller: Caller,
    *,
    kind: str,
    name: str,
    phones: list[str],
    emails: list[str],
    website: str,
    uscc: str,
    exclude_customer_id: str,
) -> DuplicateReport:
    """What saving such a customer would meet: hard conflicts (refused) and soft warnings."""
    kind = kind.strip().lower() or "company"
    if kind not in ("company", "person"):
        raise InvalidArgument("kind must be company or person", code="customer.kind_invalid", field="kind")
    keys = k.customer_keys(
        kind=kind,
        name=" ".join(name.split()),
        phones=clean_phones(phones),
        emails=clean_emails(emails),
        website=website.strip(),
        uscc=clean_uscc(uscc, kind),
    )
    if not keys:
        return DuplicateReport([], [])
    with uow_factory(read_only=True) as uow:
        found = dedupe(uow.keys.matches(keys, exclude_customer_id=exclude_customer_id or None))
    return DuplicateReport([m for m in found if m.hard], [m for m in found if not m.hard])


def find_by_phone(uow_factory: UowFactory, caller: Caller, phone: str) -> PhoneMatches:
    """Customers and contacts holding the phone number, as far as the caller may see them."""
    pk = k.require_phone_key(phone)
    with uow_factory(read_only=True) as uow:
        holders = uow.keys.holders(k.Key(k.PHONE, pk.value), limit=FIND_LIMIT * 4)
        customer_ids = sorted({customer_id for customer_id, _ in holders})
        visible = uow.customers.visible(customer_ids, Scope.of(caller, now()))
        seen = {c.id for c in visible}
        contact_ids = sorted({contact_id for customer_id, contact_id in holders if contact_id and customer_id in seen})
        contacts = [c for c in uow.contacts.find(contact_ids) if c.deleted_at is None and c.customer_id in seen]
    return PhoneMatches(visible[:FIND_LIMIT], contacts[:FIND_LIMIT])


def set_locked(
    uow_factory: UowFactory, caller: Caller, customer_id: str, *, locked: bool, expected_version: int
) -> Customer:
    """Lock (read-only, never recycled: C4) or unlock a customer; repeating the current state is a no-op."""
    at = now()
    with uow_factory() as uow:
        current = load(uow, Scope.of(caller, at), customer_id, Access.EDIT)
        expect_version(uow, current, expected_version)
        if current.locked == locked:
            return current
        if locked and not current.owner_id:
            raise FailedPrecondition(
                "only an owned customer can be locked", code="customer.not_owned", field="owner_id"
            )
        updated = dataclasses.replace(current, locked=locked, version=current.version + 1, updated_at=at)
        write(uow, updated, was=current.version)
        reason = "lock" if locked else "unlock"
        uow.history.add(
            history_entries(
                updated.id,
                [FieldChange("locked", current.locked, locked)],
                actor=caller,
                at=at,
                reason=reason,
                version=updated.version,
            )
        )
        uow.record(CustomerLocked(updated, locked))
        uow.commit()
    return updated


# -- sharing (G4 / issue 4 rule 4) ----------------------------------------------------------------


def _load_for_sharing(uow: CustomersUnitOfWork, scope: Scope, customer_id: str) -> Customer:
    customer = load(uow, scope, customer_id, Access.READ)
    if not scope.owns_scope_of(customer.owner_id):
        # A grantee cannot pass the customer on: sharing needs the owner's scope.
        raise PermissionDenied(
            "only users whose scope holds the owner may share a customer", code="share.not_allowed", field="customer_id"
        )
    return customer


def share_customer(
    uow_factory: UowFactory,
    caller: Caller,
    customer_id: str,
    *,
    grantee_type: str,
    grantee_id: str,
    access: str,
    expires_at: datetime | None,
) -> ShareGrant:
    at = now()
    with uow_factory() as uow:
        customer = _load_for_sharing(uow, Scope.of(caller, at), customer_id)
        share = new_share(
            customer_id=customer.id,
            grantee_type=grantee_type,
            grantee_id=grantee_id,
            access=access,
            expires_at=expires_at,
            actor_id=actor_of(caller),
            now=at,
        )
        before = next(
            (
                s
                for s in uow.shares.of(customer.id)
                if (s.grantee_type, s.grantee_id) == (share.grantee_type, share.grantee_id)
            ),
            None,
        )
        uow.shares.put(share)
        change = FieldChange(
            f"share.{share.grantee_type}.{share.grantee_id}",
            None if before is None else _share_value(before),
            _share_value(share),
        )
        uow.history.add(
            history_entries(customer.id, [change], actor=caller, at=at, reason="share", version=customer.version)
        )
        uow.commit()
    return share


def unshare_customer(
    uow_factory: UowFactory, caller: Caller, customer_id: str, *, grantee_type: str, grantee_id: str
) -> bool:
    at = now()
    with uow_factory() as uow:
        customer = _load_for_sharing(uow, Scope.of(caller, at), customer_id)
        grantee_type = grantee_type.strip().lower()
        before = next(
            (
                s
                for s in uow.shares.of(customer.id)
                if (s.grantee_type, s.grantee_id) == (grantee_type, grantee_id.strip())
            ),
            None,
        )
        if before is None:
            return False
        uow.shares.remove(customer.id, before.grantee_type, before.grantee_id)
        change = FieldChange(f"share.{before.grantee_type}.{before.grantee_id}", _share_value(before), None)
        uow.history.add(
            history_entries(customer.id, [change], actor=caller, at=at, reason="unshare", version=customer.version)
        )
        uow.commit()
    return True


def list_shares(uow_factory: UowFactory, caller: Caller, customer_id: str) -> list[ShareGrant]:
    with uow_factory(read_only=True) as uow:
        customer = load(uow, Scope.of(caller, now()), customer_id, Access.READ)
        return uow.shares.of(customer.id)


def _share_value(share: ShareGrant) -> dict[str, Any]:
    return {"access": share.access, "expires_at": share.expires_at.isoformat() if share.expires_at else None}
