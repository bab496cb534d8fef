"""Use cases for a customer's children: contacts and follow-up activities.

Children follow their customer: whoever may read the customer reads them (G4), whoever may
edit it writes them, and a locked or deleted customer refuses writes to them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from crm_chassis.errors import InvalidArgument, NotFound, VersionConflict
from crm_chassis.identity import Caller
from customers.domain import activity as act
from customers.domain import contact as ct
from customers.domain.access import Access, Scope
from customers.domain.commands import UowFactory, history_entries, load, now, page_limit
from customers.domain.customer import Customer, FieldChange, check_version, ensure_writable
from customers.domain.duplicates import dedupe
from customers.domain.events import ActivityLogged, ContactCreated, ContactUpdated
from customers.domain.ports import CustomersUnitOfWork, Match, Page

CONTACT_SENSITIVE = frozenset({"phones", "emails"})


@dataclasses.dataclass(frozen=True)
class SavedContact:
    contact: ct.Contact
    warnings: list[Match]


def _contact_not_found(contact_id: str) -> NotFound:
    return NotFound(f"contact {contact_id} not found", code="contact.not_found")


def _load_contact(
    uow: CustomersUnitOfWork, scope: Scope, contact_id: str, needed: Access
) -> tuple[ct.Contact, Customer]:
    contact = uow.contacts.get(contact_id) if contact_id else None
    if contact is None or contact.deleted_at is not None:
        raise _contact_not_found(contact_id)
    try:
        customer = load(uow, scope, contact.customer_id, needed)
    except NotFound:
        raise _contact_not_found(contact_id) from None
    return contact, customer


def _contact_keys(uow: CustomersUnitOfWork, contact: ct.Contact, at) -> list[Match]:  # type: ignore[no-untyped-def]
    keys = contact.keys()
    uow.keys.replace(contact.customer_id, contact.id, keys, now=at)  # soft keys only: nothing to refuse
    return dedupe(uow.keys.matches(keys, exclude_customer_id=contact.customer_id))


def _unset_other_primaries(uow: CustomersUnitOfWork, caller: Caller, customer: Customer, keep: str, at) -> None:  # type: ignore[no-untyped-def]
    for other in uow.contacts.unset_primary(customer.id, except_id=keep, now=at):
        uow.history.add(
            history_entries(
                customer.id,
                [FieldChange("primary", True, False)],
                entity_type="contact",
                entity_id=other.id,
                actor=caller,
                at=at,
                reason="update",
                version=customer.version,
            )
        )
        uow.record(ContactUpdated(other, ("primary",), customer.version))


def create_contact(uow_factory: UowFactory, caller: Caller, request: ct.NewContact) -> SavedContact:
    at = now()
    with uow_factory() as uow:
        customer = ensure_writable(
            load(uow, Scope.of(caller, at), request.customer_id, Access.EDIT), request.customer_id
        )
        live = uow.contacts.live(customer.id)
        contact = ct.create(
            request,
            actor_id=caller.user_id,
            now=at,
            definitions=uow.custom_fields.definitions("contact"),
            first_of_customer=not any(c.primary for c in live),
        )
        if contact.primary:
            _unset_other_primaries(uow, caller, customer, contact.id, at)
        uow.contacts.add(contact)
        warnings = _contact_keys(uow, contact, at)
        created = FieldChange("created", None, {"name": contact.name, "primary": contact.primary})
        uow.history.add(
            history_entries(
                customer.id,
                [created],
                entity_type="contact",
                entity_id=contact.id,
                actor=caller,
                at=at,
                reason="create",
                version=customer.version,
            )
        )
        uow.record(ContactCreated(contact, customer.version))
        uow.commit()
    return SavedContact(contact, warnings)


def update_contact(
    uow_factory: UowFactory,
    caller: Caller,
    contact_id: str,
    *,
    expected_version: int,
    patch: Mapping[str, Any],
    paths: list[str],
) -> SavedContact:
    at = now()
    with uow_factory() as uow:
        current, customer = _load_contact(uow, Scope.of(caller, at), contact_id, Access.EDIT)
        ensure_writable(customer, customer.id)
        check_version(current.version, expected_version, what=f"contact {contact_id}")
        updated, changes = ct.apply_update(
            current, patch, paths, now=at, definitions=uow.custom_fields.definitions("contact")
        )
        if not changes:
            return SavedContact(current, [])
        if updated.primary and not current.primary:
            _unset_other_primaries(uow, caller, customer, updated.id, at)
        if not uow.contacts.update(updated, expected_version=current.version):
            raise VersionConflict(f"contact {contact_id} changed while saving", code="version_conflict", field="id")
        warnings: list[Match] = []
        if any(c.field in ("phones", "emails") for c in changes):
            warnings = _contact_keys(uow, updated, at)
        uow.history.add(
            history_entries(
                customer.id,
                changes,
                entity_type="contact",
                entity_id=updated.id,
                actor=caller,
                at=at,
                reason="update",
                version=customer.version,
                sensitive=CONTACT_SENSITIVE,
            )
        )
        uow.record(ContactUpdated(updated, tuple(c.field for c in changes), customer.version))
        uow.commit()
    return SavedContact(updated, warnings)


def list_contacts(
    uow_factory: UowFactory, caller: Caller, customer_id: str, *, limit: int, cursor: str
) -> Page[ct.Contact]:
    limit = page_limit(limit)
    with uow_factory(read_only=True) as uow:
        load(uow, Scope.of(caller, now()), customer_id, Access.READ)
        return uow.contacts.page(customer_id, limit=limit, cursor=cursor)


def delete_contact(uow_factory: UowFactory, caller: Caller, contact_id: str, *, expected_version: int) -> ct.Contact:
    """Soft-delete one contact; its keys are released. (A later contact becomes primary if none is.)"""
    at = now()
    with uow_factory() as uow:
        current, customer = _load_contact(uow, Scope.of(caller, at), contact_id, Access.EDIT)
        ensure_writable(customer, customer.id)
        check_version(current.version, expected_version, what=f"contact {contact_id}")
        deleted = dataclasses.replace(current, deleted_at=at, primary=False, version=current.version + 1, updated_at=at)
        if not uow.contacts.update(deleted, expected_version=current.version):
            raise VersionConflict(f"contact {contact_id} changed while saving", code="version_conflict", field="id")
        uow.keys.release(customer.id, at=at, contact_id=contact_id)
        uow.history.add(
            history_entries(
                customer.id,
                [FieldChange("deleted", None, at.isoformat())],
                entity_type="contact",
                entity_id=contact_id,
                actor=caller,
                at=at,
                reason="delete",
                version=customer.version,
            )
        )
        uow.record(ContactUpdated(deleted, ("deleted_at",), customer.version))
        uow.commit()
    return deleted


@dataclasses.dataclass(frozen=True)
class Logged:
    activity: act.Activity
    customer: Customer


def log_activity(uow_factory: UowFactory, caller: Caller, request: act.NewActivity) -> Logged:
    """Log a follow-up; a qualifying type moves the customer's last_follow_up_at (C3), never backwards.

    Not an edit of the customer: its version stays, so nobody's open edit turns stale."""
    at = now()
    with uow_factory() as uow:
        customer = ensure_writable(
            load(uow, Scope.of(caller, at), request.customer_id, Access.EDIT), request.customer_id
        )
        activity = act.create(request, actor_id=caller.user_id or caller.caller_service, now=at)
        if activity.contact_id is not None:
            contact = uow.contacts.get(activity.contact_id)
            if contact is None or contact.deleted_at is not None or contact.customer_id != customer.id:
                raise InvalidArgument(
                    "contact_id is not a contact of this customer", code="activity.contact_invalid", field="contact_id"
                )
        uow.activities.add(activity)
        follow_up = act.follow_up_after(customer.last_follow_up_at, activity)
        if follow_up != customer.last_follow_up_at and follow_up is not None:
            uow.customers.advance_follow_up(customer.id, follow_up)
            customer = dataclasses.replace(customer, last_follow_up_at=follow_up)
        uow.record(ActivityLogged(activity, customer.version))
        uow.commit()
    return Logged(activity, customer)


def list_activities(
    uow_factory: UowFactory, caller: Caller, customer_id: str, *, limit: int, cursor: str
) -> Page[act.Activity]:
    limit = page_limit(limit)
    with uow_factory(read_only=True) as uow:
        load(uow, Scope.of(caller, now()), customer_id, Access.READ)
        return uow.activities.page(customer_id, limit=limit, cursor=cursor)
