"""Merging two customers: the survivor takes the chosen fields of the victim (issue 4 rule 1)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import datetime

from crm_chassis.errors import InvalidArgument
from customers.domain.customer import Customer, FieldChange, clean_emails, clean_phones, clean_tags, diff

# Field -> the attributes it carries over together.
CHOOSABLE: dict[str, tuple[str, ...]] = {
    "name": ("name",),
    "level": ("level",),
    "industry": ("industry",),
    "kind": ("kind",),
    "classification": ("classification",),
    "status": ("status",),
    "region": ("region",),
    "source": ("source",),
    "address": ("address", "latitude", "longitude"),
    "phones": ("phones",),
    "emails": ("emails",),
    "website": ("website",),
    "tags": ("tags",),
    "uscc": ("uscc",),
    "custom": ("custom",),
}
UNIONABLE = ("phones", "emails", "tags")
SOURCES = ("survivor", "victim", "both")


def _later(a: datetime | None, b: datetime | None) -> datetime | None:
    if a is None or b is None:
        return a or b
    return max(a, b)


def merged(
    survivor: Customer, victim: Customer, choices: Mapping[str, str], *, now: datetime
) -> tuple[Customer, list[FieldChange]]:
    """The survivor after taking `choices` from the victim, and the survivor's changed fields.

    The survivor keeps its id, owner and ownership clock (a merge is not a transfer); facts
    that only move forward (last follow-up, last deal) take the later of the two.
    """
    if survivor.id == victim.id:
        raise InvalidArgument("a customer cannot be merged into itself", code="merge.same_customer", field="victim_id")
    values: dict[str, object] = {}
    for field, source in choices.items():
        if field not in CHOOSABLE:
            raise InvalidArgument(f"{field!r} cannot be chosen in a merge", code="merge.field_unknown", field=field)
        source = source.strip().lower() or "survivor"
        if source not in SOURCES or (source == "both" and field not in UNIONABLE):
            allowed = "survivor, victim or both" if field in UNIONABLE else "survivor or victim"
            raise InvalidArgument(f"{field}: choose {allowed}", code="merge.choice_invalid", field=field)
        if source == "victim":
            for attr in CHOOSABLE[field]:
                values[attr] = getattr(victim, attr)
        elif source == "both":
            combined = (*getattr(survivor, field), *getattr(victim, field))
            if field == "phones":
                values[field] = clean_phones(combined)
            elif field == "emails":
                values[field] = clean_emails(combined)
            else:
                values[field] = clean_tags(combined)
    result = dataclasses.replace(
        survivor,
        **values,  # type: ignore[arg-type]
        last_follow_up_at=_later(survivor.last_follow_up_at, victim.last_follow_up_at),
        deal_at=_later(survivor.deal_at, victim.deal_at),
    )
    if result.kind != "company" and result.uscc:
        raise InvalidArgument("only companies have a USCC", code="customer.uscc_not_allowed", field="uscc")
    changes = diff(survivor, result)
    for fact in ("last_follow_up_at", "deal_at"):
        if getattr(survivor, fact) != getattr(result, fact):
            changes.append(FieldChange(fact, getattr(survivor, fact), getattr(result, fact)))
    return dataclasses.replace(result, version=survivor.version + 1, updated_at=now), changes
