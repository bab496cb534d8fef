"""Contacts: people at a customer (one customer has many, at most one of them primary)."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from crm_chassis.errors import InvalidArgument
from customers.domain import keys as k
from customers.domain.custom_fields import FieldDefinition, validate_custom
from customers.domain.customer import FieldChange, clean_emails, clean_phones

NAME_MAX = 100
TITLE_MAX = 100
EDITABLE_FIELDS = ("name", "title", "phones", "emails", "primary", "custom")


@dataclasses.dataclass(frozen=True)
class Contact:
    id: str
    customer_id: str
    name: str
    title: str
    phones: tuple[str, ...]
    emails: tuple[str, ...]
    primary: bool
    version: int
    created_at: datetime
    updated_at: datetime
    created_by: str
    custom: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    deleted_at: datetime | None = None
    deletion_batch_id: str | None = None

    def keys(self) -> list[k.Key]:
        return k.contact_keys(phones=self.phones, emails=self.emails)


@dataclasses.dataclass(frozen=True)
class NewContact:
    customer_id: str
    name: str
    title: str = ""
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    primary: bool = False
    custom: Mapping[str, Any] = dataclasses.field(default_factory=dict)


def _name(raw: str) -> str:
    name = " ".join(raw.split())
    if not name:
        raise InvalidArgument("name must not be empty", code="contact.name_required", field="name")
    if len(name) > NAME_MAX:
        raise InvalidArgument(f"name is longer than {NAME_MAX} characters", code="contact.name_too_long", field="name")
    return name


def _title(raw: str) -> str:
    title = " ".join(raw.split())
    if len(title) > TITLE_MAX:
        raise InvalidArgument(
            f"title is longer than {TITLE_MAX} characters", code="contact.title_too_long", field="title"
        )
    return title


def create(
    request: NewContact,
    *,
    actor_id: str | None,
    now: datetime,
    definitions: Mapping[str, FieldDefinition],
    first_of_customer: bool,
) -> Contact:
    """A valid new contact; the customer's first contact is primary."""
    return Contact(
        id=str(uuid.uuid4()),
        customer_id=request.customer_id,
        name=_name(request.name),
        title=_title(request.title),
        phones=clean_phones(request.phones, code="contact.phone_invalid"),
        emails=clean_emails(request.emails, code="contact.email_invalid"),
        primary=request.primary or first_of_customer,
        version=1,
        created_at=now,
        updated_at=now,
        created_by=actor_id or "",
        custom=validate_custom(dict(request.custom), definitions, check_required=True),
    )


def apply_update(
    current: Contact,
    patch: Mapping[str, Any],
    paths: list[str] | tuple[str, ...],
    *,
    now: datetime,
    definitions: Mapping[str, FieldDefinition],
) -> tuple[Contact, list[FieldChange]]:
    """The contact with the masked fields applied, and what changed (no bump when nothing did)."""
    if not paths:
        raise InvalidArgument("update_mask must name at least one field", code="update_mask.empty", field="update_mask")
    values: dict[str, Any] = {}
    custom = dict(current.custom)
    custom_keys: set[str] = set()
    for path in paths:
        if path == "name":
            values["name"] = _name(patch.get("name") or "")
        elif path == "title":
            values["title"] = _title(patch.get("title") or "")
        elif path == "phones":
            values["phones"] = clean_phones(patch.get("phones") or (), code="contact.phone_invalid")
        elif path == "emails":
            values["emails"] = clean_emails(patch.get("emails") or (), code="contact.email_invalid")
        elif path == "primary":
            values["primary"] = bool(patch.get("primary"))
        elif path == "custom":
            custom = dict(patch.get("custom") or {})
            custom_keys |= set(custom) | set(current.custom)
        elif path.startswith("custom.") and len(path) > len("custom."):
            key = path.removeprefix("custom.")
            value = (patch.get("custom") or {}).get(key)
            if value is None:
                custom.pop(key, None)
            else:
                custom[key] = value
            custom_keys.add(key)
        else:
            raise InvalidArgument(f"{path!r} is not an editable field", code="update_mask.unknown_field", field=path)
    if custom_keys:
        values["custom"] = validate_custom(custom, definitions, check_required=True, only=custom_keys)
    if current.primary and values.get("primary") is False:
        raise InvalidArgument("make another contact primary instead", code="contact.primary_required", field="primary")
    updated = dataclasses.replace(current, **values)
    changes = []
    for field in ("name", "title", "phones", "emails", "primary"):
        old, new = getattr(current, field), getattr(updated, field)
        if old != new:
            changes.append(
                FieldChange(
                    field, list(old) if isinstance(old, tuple) else old, list(new) if isinstance(new, tuple) else new
                )
            )
    for key in sorted(set(current.custom) | set(updated.custom)):
        if current.custom.get(key) != updated.custom.get(key):
            changes.append(FieldChange(f"custom.{key}", current.custom.get(key), updated.custom.get(key)))
    if not changes:
        return current, []
    return dataclasses.replace(updated, version=current.version + 1, updated_at=now), changes
