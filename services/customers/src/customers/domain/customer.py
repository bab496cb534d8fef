"""The customer record and the rules for creating and changing one."""

from __future__ import annotations

import dataclasses
import math
import uuid
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from crm_chassis.errors import FailedPrecondition, InvalidArgument, NotFound, VersionConflict
from customers.domain import keys as k
from customers.domain.custom_fields import FieldDefinition, validate_custom

KINDS = ("company", "person")
CLASSIFICATIONS = ("potential", "normal", "important", "vip")
STATUSES = ("prospect", "active", "lost")
LEVELS = ("", "A", "B", "C")
NAME_MAX = 200
TEXT_MAX = 100
ADDRESS_MAX = 500
WEBSITE_MAX = 253
MAX_LIST = 20
TAG_MAX = 50
MAX_TAGS = 50

# The fields UpdateCustomer may change (mask paths), besides "custom.<key>".
EDITABLE_FIELDS = (
    "name",
    "level",
    "industry",
    "kind",
    "classification",
    "status",
    "region",
    "source",
    "address",
    "latitude",
    "longitude",
    "phones",
    "emails",
    "website",
    "tags",
    "uscc",
    "custom",
)
# Personal data: encrypted at rest, also inside the history.
SENSITIVE_FIELDS = frozenset({"phones", "emails"})


@dataclasses.dataclass(frozen=True)
class Customer:
    id: str
    name: str
    owner_id: str | None
    level: str
    industry: str
    version: int
    created_at: datetime
    updated_at: datetime
    created_by: str
    kind: str = "company"
    classification: str = "potential"
    status: str = "prospect"
    region: str = ""
    source: str = ""
    address: str = ""
    latitude: float | None = None
    longitude: float | None = None
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    website: str = ""
    tags: tuple[str, ...] = ()
    uscc: str = ""
    custom: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    # DOMAIN_RULES C1: ownership and pool clock columns (the pool engine writes most of them).
    owner_since: datetime | None = None
    last_follow_up_at: datetime | None = None
    deal_at: datetime | None = None
    pool_id: str | None = None
    pool_entered_at: datetime | None = None
    previous_owner_id: str | None = None
    exemption_ended_at: datetime | None = None
    contract_paused: bool = False  # C4: an active contract pauses the pool timers
    locked: bool = False
    deleted_at: datetime | None = None
    deletion_batch_id: str | None = None
    merged_into_id: str | None = None

    @property
    def phone(self) -> str:
        return self.phones[0] if self.phones else ""

    @property
    def email(self) -> str:
        return self.emails[0] if self.emails else ""

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None

    def keys(self) -> list[k.Key]:
        return k.customer_keys(
            kind=self.kind,
            name=self.name,
            phones=self.phones,
            emails=self.emails,
            website=self.website,
            uscc=self.uscc,
        )


@dataclasses.dataclass(frozen=True)
class NewCustomer:
    """What a caller asks for when creating a customer (unvalidated)."""

    name: str
    owner_id: str = ""
    level: str = ""
    industry: str = ""
    phone: str = ""
    email: str = ""
    kind: str = ""
    classification: str = ""
    status: str = ""
    region: str = ""
    source: str = ""
    address: str = ""
    latitude: float | None = None
    longitude: float | None = None
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    website: str = ""
    tags: tuple[str, ...] = ()
    uscc: str = ""
    custom: Mapping[str, Any] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass(frozen=True)
class FieldChange:
    """One changed field of one write (audit history)."""

    field: str
    old: Any
    new: Any


# -- field rules (each returns the clean value or raises InvalidArgument naming the field) --------


def clean_name(raw: str) -> str:
    name = " ".join(raw.split())
    if not name:
        raise InvalidArgument("name must not be empty", code="customer.name_required", field="name")
    if len(name) > NAME_MAX:
        raise InvalidArgument(f"name is longer than {NAME_MAX} characters", code="customer.name_too_long", field="name")
    return name


def _choice(raw: str, allowed: tuple[str, ...], field: str, default: str) -> str:
    value = raw.strip().lower() or default
    if value not in allowed:
        raise InvalidArgument(
            f"{field} must be one of {', '.join(allowed)}", code=f"customer.{field}_invalid", field=field
        )
    return value


def clean_level(raw: str) -> str:
    level = raw.strip().upper()
    if level not in LEVELS:
        raise InvalidArgument("level must be A, B or C", code="customer.level_invalid", field="level")
    return level


def _text(raw: str, field: str, limit: int = TEXT_MAX) -> str:
    value = " ".join(raw.split())
    if len(value) > limit:
        raise InvalidArgument(
            f"{field} is longer than {limit} characters", code=f"customer.{field}_too_long", field=field
        )
    return value


def _coordinate(value: float | None, field: str, bound: float) -> float | None:
    if value is None:
        return None
    if not math.isfinite(value) or not -bound <= value <= bound:
        raise InvalidArgument(
            f"{field} must be between -{bound:g} and {bound:g}", code=f"customer.{field}_invalid", field=field
        )
    return value


def clean_phones(
    raw: tuple[str, ...] | list[str], field: str = "phones", code: str = "customer.phone_invalid"
) -> tuple[str, ...]:
    """Trimmed, non-empty, each a plausible number (C21 key computable), no duplicate keys."""
    out: list[str] = []
    seen: set[str] = set()
    for item in raw:
        text = " ".join(item.split())
        if not text:
            continue
        pk = k.phone_key(text)
        if pk is None or len(text) > 40:
            raise InvalidArgument(f"{text!r} is not a valid phone number", code=code, field=field)
        if pk.value not in seen:
            seen.add(pk.value)
            out.append(text)
    if len(out) > MAX_LIST:
        raise InvalidArgument(f"at most {MAX_LIST} phone numbers", code=code, field=field)
    return tuple(out)


def clean_emails(
    raw: tuple[str, ...] | list[str], field: str = "emails", code: str = "customer.email_invalid"
) -> tuple[str, ...]:
    out: list[str] = []
    seen: set[str] = set()
    for item in raw:
        text = item.strip()
        if not text:
            continue
        key = k.email_key(text)
        if key is None or len(text) > 254:
            raise InvalidArgument(f"{text!r} is not a valid email address", code=code, field=field)
        if key not in seen:
            seen.add(key)
            out.append(text)
    if len(out) > MAX_LIST:
        raise InvalidArgument(f"at most {MAX_LIST} email addresses", code=code, field=field)
    return tuple(out)


def clean_website(raw: str) -> str:
    text = raw.strip()
    if not text:
        return ""
    if len(text) > WEBSITE_MAX or k.website_domain(text) is None:
        raise InvalidArgument("website is not a valid web address", code="customer.website_invalid", field="website")
    return text


def clean_tags(raw: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for item in raw:
        tag = " ".join(item.split())
        if not tag:
            continue
        if len(tag) > TAG_MAX:
            raise InvalidArgument(
                f"a tag is longer than {TAG_MAX} characters", code="customer.tag_too_long", field="tags"
            )
        if tag not in out:
            out.append(tag)
    if len(out) > MAX_TAGS:
        raise InvalidArgument(f"at most {MAX_TAGS} tags", code="customer.too_many_tags", field="tags")
    return tuple(out)


def clean_uscc(raw: str, kind: str) -> str:
    if not raw.strip():
        return ""
    if kind != "company":
        raise InvalidArgument("only companies have a USCC", code="customer.uscc_not_allowed", field="uscc")
    code = k.uscc_key(raw)
    if code is None:
        raise InvalidArgument(
            "uscc is not a valid unified social credit code", code="customer.uscc_invalid", field="uscc"
        )
    return code


def _cleaned(values: dict[str, Any]) -> dict[str, Any]:
    """Validated values for whichever editable fields `values` holds (custom excluded)."""
    out: dict[str, Any] = {}
    for field, value in values.items():
        if field == "name":
            out[field] = clean_name(value)
        elif field == "level":
            out[field] = clean_level(value)
        elif field == "kind":
            out[field] = _choice(value, KINDS, "kind", "company")
        elif field == "classification":
            out[field] = _choice(value, CLASSIFICATIONS, "classification", "potential")
        elif field == "status":
            out[field] = _choice(value, STATUSES, "status", "prospect")
        elif field in ("industry", "region", "source"):
            out[field] = _text(value, field)
        elif field == "address":
            out[field] = _text(value, field, ADDRESS_MAX)
        elif field == "latitude":
            out[field] = _coordinate(value, field, 90)
        elif field == "longitude":
            out[field] = _coordinate(value, field, 180)
        elif field == "phones":
            out[field] = clean_phones(value)
        elif field == "emails":
            out[field] = clean_emails(value)
        elif field == "website":
            out[field] = clean_website(value)
        elif field == "tags":
            out[field] = clean_tags(value)
    return out


def _check_kind_rules(customer: Customer) -> None:
    if customer.kind != "company" and customer.uscc:
        raise InvalidArgument("only companies have a USCC", code="customer.uscc_not_allowed", field="uscc")


# -- create ---------------------------------------------------------------------------------------


def create(
    request: NewCustomer,
    *,
    actor_id: str | None,
    now: datetime,
    definitions: Mapping[str, FieldDefinition] | None = None,
) -> Customer:
    """A valid new Customer (version 1) or InvalidArgument naming the first bad field."""
    name = clean_name(request.name)
    owner = request.owner_id.strip() or (actor_id or "")
    if not owner:
        raise InvalidArgument(
            "owner_id is required when no user is calling", code="customer.owner_required", field="owner_id"
        )
    phones = tuple(p for p in (request.phone, *request.phones) if p.strip())
    emails = tuple(e for e in (request.email, *request.emails) if e.strip())
    values = _cleaned(
        {
            "level": request.level,
            "kind": request.kind,
            "classification": request.classification,
            "status": request.status,
            "industry": request.industry,
            "region": request.region,
            "source": request.source,
            "address": request.address,
            "latitude": request.latitude,
            "longitude": request.longitude,
            "phones": phones,
            "emails": emails,
            "website": request.website,
            "tags": request.tags,
        }
    )
    uscc = clean_uscc(request.uscc, values["kind"])
    custom = validate_custom(dict(request.custom), definitions or {}, check_required=True)
    return Customer(
        id=str(uuid.uuid4()),
        name=name,
        owner_id=owner,
        version=1,
        created_at=now,
        updated_at=now,
        created_by=actor_id or "",
        uscc=uscc,
        custom=custom,
        owner_since=now,
        **values,
    )


# -- update ---------------------------------------------------------------------------------------


def parse_mask(paths: list[str] | tuple[str, ...]) -> tuple[list[str], list[str]]:
    """(plain fields, custom keys) named by an update mask; InvalidArgument for unknown paths."""
    if not paths:
        raise InvalidArgument("update_mask must name at least one field", code="update_mask.empty", field="update_mask")
    fields: list[str] = []
    custom_keys: list[str] = []
    for path in paths:
        if path.startswith("custom."):
            key = path.removeprefix("custom.")
            if not key:
                raise InvalidArgument("custom. needs a key", code="update_mask.invalid", field="update_mask")
            custom_keys.append(key)
        elif path in EDITABLE_FIELDS:
            fields.append(path)
        elif path in ("owner_id", "owner"):
            raise InvalidArgument(
                "the owner changes through transfer, claim or assign", code="customer.owner_not_editable", field=path
            )
        else:
            raise InvalidArgument(f"{path!r} is not an editable field", code="update_mask.unknown_field", field=path)
    if "custom" in fields and custom_keys:
        raise InvalidArgument(
            "use either custom or custom.<key> in one update", code="update_mask.invalid", field="update_mask"
        )
    return fields, custom_keys


def check_version(current_version: int, expected: int, *, what: str, changed: list[str] | None = None) -> None:
    """VersionConflict when the caller edited an outdated version (0 = no check)."""
    if expected and expected != current_version:
        detail = f" (changed since: {', '.join(changed)})" if changed else ""
        raise VersionConflict(
            f"{what} is at version {current_version}, not {expected}{detail}; read it again",
            code="version_conflict",
            field="expected_version",
            details={"current_version": str(current_version), "changed_fields": ",".join(changed or [])[:200]},
        )


def ensure_writable(customer: Customer | None, customer_id: str) -> Customer:
    """The customer if it may be written at all (exists, not deleted, not locked)."""
    if customer is None or customer.deleted:
        raise NotFound(f"customer {customer_id} not found", code="customer.not_found")
    if customer.locked:
        raise FailedPrecondition(
            f"customer {customer_id} is locked; unlock it first", code="record_locked", field="locked"
        )
    return customer


def apply_update(
    current: Customer,
    patch: Mapping[str, Any],
    paths: list[str] | tuple[str, ...],
    *,
    now: datetime,
    definitions: Mapping[str, FieldDefinition],
) -> tuple[Customer, list[FieldChange]]:
    """The customer with the masked fields of `patch` applied, and what changed.

    `patch` maps field names to requested values (and "custom" to a dict); only masked fields are
    read. Nothing changes (and no version bump) when every value equals the current one.
    """
    fields, custom_keys = parse_mask(paths)
    values = _cleaned({f: patch.get(f) for f in fields if f not in ("uscc", "custom")})
    kind = values.get("kind", current.kind)
    if "uscc" in fields:
        values["uscc"] = clean_uscc(patch.get("uscc") or "", kind)
    custom_touched = bool(custom_keys) or "custom" in fields
    if "custom" in fields:
        new_custom = dict(patch.get("custom") or {})
    else:
        new_custom = dict(current.custom)
        incoming = patch.get("custom") or {}
        for key in custom_keys:
            if incoming.get(key) is None:
                new_custom.pop(key, None)
            else:
                new_custom[key] = incoming[key]
    if custom_touched:
        changed_keys = set(custom_keys) if custom_keys else set(new_custom) | set(current.custom)
        values["custom"] = validate_custom(new_custom, definitions, check_required=True, only=changed_keys)
    updated = dataclasses.replace(current, **values)
    _check_kind_rules(updated)
    changes = diff(current, updated)
    if not changes:
        return current, []
    return dataclasses.replace(updated, version=current.version + 1, updated_at=now), changes


def diff(before: Customer, after: Customer) -> list[FieldChange]:
    """Changed editable fields; custom fields one by one as custom.<key>."""
    changes = []
    for field in EDITABLE_FIELDS:
        if field == "custom":
            continue
        old, new = getattr(before, field), getattr(after, field)
        if old != new:
            changes.append(FieldChange(field, _plain(old), _plain(new)))
    for key in sorted(set(before.custom) | set(after.custom)):
        old, new = before.custom.get(key), after.custom.get(key)
        if old != new:
            changes.append(FieldChange(f"custom.{key}", old, new))
    return changes


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value
