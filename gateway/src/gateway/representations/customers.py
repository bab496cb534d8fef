"""How customers, contacts and activities look to a caller: the JSON shapes (and their OpenAPI
models) after field permissions, shared by the customer routes, exports and the call-center view."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from crm.customers.v1 import customers_service_pb2 as pb
from gateway.field_rules import CUSTOM, ResourceFields
from gateway.identity.principal import Principal
from gateway.protojson import to_json

CUSTOMER_FIELDS = ResourceFields(
    "customers",
    (
        "name",
        "kind",
        "classification",
        "status",
        "level",
        "industry",
        "region",
        "source",
        "address",
        "latitude",
        "longitude",
        "phone",
        "email",
        "phones",
        "emails",
        "website",
        "tags",
        "uscc",
    ),
    groups=(("phone", "phones"), ("email", "emails"), ("address", "latitude", "longitude")),
)
CONTACT_FIELDS = ResourceFields("contacts", ("name", "title", "phones", "emails"))

# Proto fields renamed on the way out.
_RENAMES = {"custom": CUSTOM}


def _renamed(data: dict[str, Any]) -> dict[str, Any]:
    out = {_RENAMES.get(k, k): v for k, v in data.items()}
    if CUSTOM in out and out[CUSTOM] is None:
        out[CUSTOM] = {}
    return out


def customer_json(customer: pb.Customer, principal: Principal | None = None) -> dict[str, Any]:
    """The customer as `principal` may see it (hidden fields left out, masked ones masked);
    without a principal, every field in full."""
    return CUSTOMER_FIELDS.render(_renamed(to_json(customer)), principal)


def contact_json(contact: pb.Contact, principal: Principal | None = None) -> dict[str, Any]:
    return CONTACT_FIELDS.render(_renamed(to_json(contact)), principal)


def activity_json(activity: pb.Activity) -> dict[str, Any]:
    return to_json(activity)


def duplicate_json(match: pb.DuplicateMatch, principal: Principal) -> dict[str, Any]:
    """A duplicate match; the owner is named only when the caller may see that owner's records."""
    out = to_json(match)
    if match.owner_id and not principal.may_see_owner(match.owner_id):
        out["owner_id"] = None
        out["owner_hidden"] = True
    return out


class Customer(BaseModel):
    """A customer as the caller may see it: a field hidden by the caller's roles is left out, a
    masked one (e.g. `138****1234`) can be revealed with `POST /v1/customers/{id}/reveal`."""

    id: str
    name: str | None = None
    kind: str | None = Field(default=None, description="`company` or `person`")
    classification: str | None = Field(default=None, description="`potential`, `normal`, `important`, `vip`")
    status: str | None = Field(default=None, description="`prospect`, `active` or `lost`")
    owner_id: str | None = Field(default=None, description="Empty while the customer is in a pool")
    level: str | None = Field(default=None, description="`A`, `B`, `C` or empty (pool rules)")
    industry: str | None = None
    region: str | None = None
    source: str | None = None
    address: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    phone: str | None = Field(default=None, description="The first of `phones`")
    email: str | None = Field(default=None, description="The first of `emails`")
    phones: list[str] | None = None
    emails: list[str] | None = None
    website: str | None = None
    tags: list[str] | None = None
    uscc: str | None = Field(default=None, description="Unified social credit code of a company")
    custom_fields: dict[str, Any] = Field(default_factory=dict, description="Custom field values by key")
    version: int = Field(description="Increases by one on every change; also the ETag")
    created_at: str | None = Field(default=None, description="ISO-8601 UTC")
    updated_at: str | None = Field(default=None, description="ISO-8601 UTC")
    created_by: str | None = None
    owner_since: str | None = None
    last_follow_up_at: str | None = None
    deal_at: str | None = None
    pool_id: str | None = None
    pool_entered_at: str | None = None
    previous_owner_id: str | None = None
    exemption_ended_at: str | None = None
    locked: bool = False
    deleted_at: str | None = Field(default=None, description="Set while in the recycle bin")
    deletion_batch_id: str | None = None
    merged_into_id: str | None = None


class DuplicateMatch(BaseModel):
    key_type: str = Field(description="`company_name`, `uscc`, `person_mobile` (hard); `phone`, `email`, `domain`")
    hard: bool = Field(description="Hard keys refuse the save; soft keys only warn")
    customer_id: str | None = None
    owner_id: str | None = Field(default=None, description="Null when in a pool or outside your scope")
    owner_hidden: bool = Field(default=False, description="The owner is outside your data scope")
    contact_id: str | None = None


class CustomerSaved(Customer):
    warnings: list[DuplicateMatch] = Field(default_factory=list, description="Soft duplicates (saved anyway)")


class CustomerPage(BaseModel):
    items: list[Customer]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null on the last page")


class Contact(BaseModel):
    id: str
    customer_id: str
    name: str | None = None
    title: str | None = None
    phones: list[str] | None = None
    emails: list[str] | None = None
    primary: bool = False
    custom_fields: dict[str, Any] = Field(default_factory=dict)
    version: int
    created_at: str | None = None
    updated_at: str | None = None
    created_by: str | None = None
    deleted_at: str | None = None


class ContactPage(BaseModel):
    items: list[Contact]
    next_cursor: str | None


class Activity(BaseModel):
    id: str
    customer_id: str
    contact_id: str | None = None
    type: str = Field(description="`call`, `visit`, `meeting`, `email` or `note`")
    occurred_at: str | None = None
    actor_id: str | None = None
    content: str | None = None
    opportunity_id: str | None = None
    work_order_id: str | None = None
    next_follow_up_at: str | None = None
    created_at: str | None = None


class ActivityPage(BaseModel):
    items: list[Activity]
    next_cursor: str | None
