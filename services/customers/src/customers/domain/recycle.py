"""Recycle bin (C28) and merge: soft delete with the children as one batch, restore, purge, merge."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Mapping
from datetime import timedelta

from crm_chassis.errors import FailedPrecondition, InvalidArgument
from crm_chassis.identity import Caller
from customers.domain.access import Access, Scope
from customers.domain.commands import (
    UowFactory,
    actor_of,
    expect_version,
    history_entries,
    load,
    now,
    page_limit,
    save_keys,
    write,
)
from customers.domain.customer import Customer, FieldChange, ensure_writable
from customers.domain.events import CustomerDeleted, CustomerMerged, CustomerPurged, CustomerRestored
from customers.domain.exemptions import merge_contracts
from customers.domain.merge import merged
from customers.domain.ports import OwnerPeriod, Page

MAX_PURGE = 500


@dataclasses.dataclass(frozen=True)
class Purged:
    customer_ids: list[str]
    contacts: int
    more: bool


def delete_customer(uow_factory: UowFactory, caller: Caller, customer_id: str, *, expected_version: int) -> Customer:
    """Soft-delete the customer with its live contacts and activities under one deletion batch;
    its duplicate keys are released so the name can be registered again."""
    at = now()
    with uow_factory() as uow:
        current = ensure_writable(load(uow, Scope.of(caller, at), customer_id, Access.EDIT), customer_id)
        expect_version(uow, current, expected_version)
        batch = str(uuid.uuid4())
        deleted = dataclasses.replace(
            current, deleted_at=at, deletion_batch_id=batch, version=current.version + 1, updated_at=at
        )
        write(uow, deleted, was=current.version)
        contact_ids = uow.contacts.soft_delete_live(current.id, batch_id=batch, at=at)
        activity_ids = uow.activities.soft_delete_live(current.id, batch_id=batch, at=at)
        uow.keys.release(current.id, at=at)
        uow.history.add(
            history_entries(
                current.id,
                [
                    FieldChange(
                        "deleted", None, {"batch": batch, "contacts": len(contact_ids), "activities": len(activity_ids)}
                    )
                ],
                actor=caller,
                at=at,
                reason="delete",
                version=deleted.version,
            )
        )
        uow.record(CustomerDeleted(deleted, tuple(contact_ids), tuple(activity_ids)))
        uow.commit()
    return deleted


def restore_customer(uow_factory: UowFactory, caller: Caller, customer_id: str) -> Customer:
    """Bring a deleted customer back with its batch; its keys are checked again (C28): if another
    customer took the name meanwhile, the restore is refused as a duplicate (merge or rename it)."""
    at = now()
    with uow_factory() as uow:
        current = load(uow, Scope.of(caller, at), customer_id, Access.EDIT, deleted=True)
        if current.merged_into_id:
            raise FailedPrecondition(
                f"customer {customer_id} was merged into {current.merged_into_id}; it cannot be restored",
                code="customer.merged",
                field="id",
            )
        batch = current.deletion_batch_id or ""
        restored = dataclasses.replace(
            current, deleted_at=None, deletion_batch_id=None, version=current.version + 1, updated_at=at
        )
        write(uow, restored, was=current.version)
        contact_ids = uow.contacts.restore_batch(current.id, batch)
        activity_ids = uow.activities.restore_batch(current.id, batch)
        save_keys(uow, restored, at)
        for contact in uow.contacts.live(current.id):
            uow.keys.replace(current.id, contact.id, contact.keys(), now=at)
        uow.owners.start(
            OwnerPeriod(
                current.id, current.owner_id, current.owner_id, at, reason_code="restore", actor_id=actor_of(caller)
            )
        )
        uow.history.add(
            history_entries(
                current.id,
                [FieldChange("restored", {"batch": batch}, None)],
                actor=caller,
                at=at,
                reason="restore",
                version=restored.version,
            )
        )
        uow.record(CustomerRestored(restored, tuple(contact_ids), tuple(activity_ids)))
        uow.commit()
    return restored


def list_deleted(uow_factory: UowFactory, caller: Caller, *, limit: int, cursor: str) -> Page[Customer]:
    """The recycle bin: deleted customers the caller may see, most recently deleted first."""
    limit = page_limit(limit)
    with uow_factory(read_only=True) as uow:
        return uow.customers.page_deleted(limit=limit, cursor=cursor, scope=Scope.of(caller, now()))


def purge_deleted(uow_factory: UowFactory, caller: Caller, *, older_than_days: int, limit: int) -> Purged:
    """Remove for good the customers deleted more than `older_than_days` ago (within the caller's
    scope), one transaction and one `customer_purged` event per customer; contacts deleted on their
    own that long ago go too."""
    if older_than_days < 0:
        raise InvalidArgument("older_than_days must be 0 or more", code="purge.days_invalid", field="older_than_days")
    if limit < 0 or limit > MAX_PURGE:
        raise InvalidArgument(f"limit must be between 1 and {MAX_PURGE}", code="page.limit_invalid", field="limit")
    limit = limit or MAX_PURGE
    at = now()
    before = at - timedelta(days=older_than_days)
    scope = Scope.of(caller, at)
    with uow_factory(read_only=True) as uow:
        candidates = uow.customers.purgeable(deleted_before=before, scope=scope, limit=limit + 1)
    purged: list[str] = []
    with uow_factory() as uow:
        # Contacts deleted one by one (their customer lives on) age out the same way.
        contacts = uow.contacts.purge_deleted(deleted_before=before, scope=scope)
        uow.commit()
    for candidate in candidates[:limit]:
        with uow_factory() as uow:
            current = uow.customers.get(candidate.id)
            if current is None or current.deleted_at is None or current.deleted_at >= before:
                continue  # restored or purged meanwhile
            contacts += uow.customers.purge(current.id)
            uow.record(CustomerPurged(current.id, current.version + 1))
            uow.commit()
        purged.append(candidate.id)
    return Purged(purged, contacts, len(candidates) > limit)


def merge_customers(
    uow_factory: UowFactory,
    caller: Caller,
    *,
    survivor_id: str,
    victim_id: str,
    survivor_version: int,
    victim_version: int,
    choices: Mapping[str, str],
) -> Customer:
    """Merge `victim` into `survivor` field by field; the victim's contacts and activities move to
    the survivor, the victim goes to the recycle bin (not restorable) and `customer_merged` lets
    other services re-point their references."""
    at = now()
    with uow_factory() as uow:
        scope = Scope.of(caller, at)
        survivor = ensure_writable(load(uow, scope, survivor_id, Access.EDIT), survivor_id)
        if victim_id == survivor_id:
            raise InvalidArgument(
                "a customer cannot be merged into itself", code="merge.same_customer", field="victim_id"
            )
        victim = ensure_writable(load(uow, scope, victim_id, Access.EDIT), victim_id)
        expect_version(uow, survivor, survivor_version)
        expect_version(uow, victim, victim_version)
        result, changes = merged(survivor, victim, choices, now=at)
        batch = str(uuid.uuid4())
        gone = dataclasses.replace(
            victim,
            deleted_at=at,
            deletion_batch_id=batch,
            merged_into_id=survivor.id,
            version=victim.version + 1,
            updated_at=at,
        )
        write(uow, gone, was=victim.version)
        write(uow, result, was=survivor.version)
        uow.keys.release(victim.id, at=at)
        keep_primary = not any(c.primary for c in uow.contacts.live(survivor.id))
        moved_contacts = uow.contacts.move(victim.id, survivor.id, keep_primary=keep_primary)
        moved_activities = uow.activities.move(victim.id, survivor.id)
        save_keys(uow, result, at)
        for contact in uow.contacts.find(moved_contacts):
            uow.keys.replace(survivor.id, contact.id, contact.keys(), now=at)
        change_id = str(uuid.uuid4())
        merged_note = FieldChange(
            "merged",
            None,
            {"victim_id": victim.id, "contacts": len(moved_contacts), "activities": len(moved_activities)},
        )
        uow.history.add(
            history_entries(
                survivor.id,
                [*changes, merged_note],
                actor=caller,
                at=at,
                reason="merge",
                version=result.version,
                change_id=change_id,
            )
            + history_entries(
                victim.id,
                [FieldChange("merged_into", None, survivor.id)],
                actor=caller,
                at=at,
                reason="merge",
                version=gone.version,
                change_id=change_id,
            )
        )
        merge_contracts(uow, victim.id, survivor.id)
        uow.record(CustomerMerged(result, gone, tuple(moved_contacts), tuple(moved_activities)))
        uow.commit()
    return result
