"""Marketing lead conversion, the customers side (M5/M6, first-come ownership C24/C25): a converted
lead becomes a new customer with its contact, or is linked to the existing customer its keys match
when the converting rep owns it; a match owned by someone else (or sitting in the pool) is a
conflict, reported back rather than hidden. Each conversion id is resolved once."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from crm_chassis.errors import FailedPrecondition, InvalidArgument
from crm_chassis.identity import Caller
from customers.domain import contact as ct
from customers.domain import keys as k
from customers.domain.children import create_contact
from customers.domain.commands import create_customer, now
from customers.domain.customer import NewCustomer, clean_emails, clean_phones
from customers.domain.duplicates import dedupe
from customers.domain.ports import CustomersUnitOfWork

UowFactory = Callable[..., CustomersUnitOfWork]

CREATED, LINKED, CONFLICT, INVALID = "created", "linked", "conflict", "invalid"


@dataclasses.dataclass(frozen=True)
class ConversionRequest:
    """Marketing's `lead_converted`, as far as the customer file is concerned."""

    lead_id: str
    conversion_id: str
    owner_id: str
    converted_by: str
    company: str
    contact_name: str
    title: str = ""
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    region: str = ""
    industry: str = ""
    source: str = ""
    campaign_id: str = ""
    customer_id: str = ""  # link to this customer instead of matching by keys


@dataclasses.dataclass(frozen=True)
class Resolution:
    lead_id: str
    conversion_id: str
    outcome: str  # created, linked, conflict, invalid
    customer_id: str = ""
    contact_id: str = ""
    conflict_owner_id: str = ""
    detail: str = ""


@dataclasses.dataclass(frozen=True)
class LeadConversionResolved:
    """Domain event: how a conversion was resolved (published as `lead_conversion_resolved`)."""

    resolution: Resolution
    customer_name: str
    customer_version: int
    campaign_id: str
    owner_id: str


def convert_lead(uow_factory: UowFactory, request: ConversionRequest) -> Resolution:
    """Resolve the conversion once: a repeated conversion id answers the stored resolution and
    writes nothing. `uow_factory` must join one transaction (the event handler's), so the customer,
    the contact, the resolution and its event commit together or not at all."""
    with uow_factory() as uow:
        stored = uow.lead_conversions.get(request.conversion_id)
    if stored is not None:
        return stored
    actor = Caller(user_id=request.converted_by or request.owner_id, caller_service="marketing")
    try:
        resolution = _resolve(uow_factory, actor, request)
    except (InvalidArgument, FailedPrecondition) as exc:
        # A lead the customer file cannot take (bad phone, locked customer...) is answered, not retried.
        resolution = Resolution(request.lead_id, request.conversion_id, INVALID, detail=exc.message)
    _record(uow_factory, request, resolution)
    return resolution


def _resolve(uow_factory: UowFactory, actor: Caller, request: ConversionRequest) -> Resolution:
    kind = "company" if request.company.strip() else "person"
    name = " ".join((request.company if kind == "company" else request.contact_name).split())
    if not name:
        raise InvalidArgument("the lead has neither a company nor a contact name", code="lead.name_required")
    phones = clean_phones(request.phones)
    emails = clean_emails(request.emails)
    target = request.customer_id or _hard_match(uow_factory, kind, name, phones, emails)
    if target:
        return _link(uow_factory, actor, request, target, phones, emails)
    saved = create_customer(
        uow_factory,
        actor,
        NewCustomer(
            name=name,
            kind=kind,
            owner_id=request.owner_id,
            status="prospect",
            region=request.region,
            industry=request.industry,
            source=request.source or "lead",
            phones=phones if kind == "person" else (),
            emails=emails if kind == "person" else (),
        ),
    )
    contact_id = _add_contact(uow_factory, actor, request, saved.customer.id, phones, emails)
    return Resolution(request.lead_id, request.conversion_id, CREATED, saved.customer.id, contact_id)


def _hard_match(uow_factory: UowFactory, kind: str, name: str, phones: tuple[str, ...], emails: tuple[str, ...]) -> str:
    """The live customer holding a hard key of the would-be customer (C24), or ''."""
    keys = k.customer_keys(kind=kind, name=name, phones=phones, emails=emails, website="", uscc="")
    with uow_factory() as uow:
        hard = [m for m in dedupe(uow.keys.matches(keys, exclude_customer_id=None)) if m.hard]
    return hard[0].customer_id if hard else ""


def _link(
    uow_factory: UowFactory,
    actor: Caller,
    request: ConversionRequest,
    customer_id: str,
    phones: tuple[str, ...],
    emails: tuple[str, ...],
) -> Resolution:
    with uow_factory() as uow:
        customer = uow.customers.get(customer_id)
    if customer is None or customer.deleted:
        return Resolution(
            request.lead_id, request.conversion_id, INVALID, detail=f"customer {customer_id} does not exist"
        )
    if customer.owner_id != request.owner_id:
        where = f"owned by {customer.owner_id}" if customer.owner_id else "in the customer pool; claim it first"
        return Resolution(
            request.lead_id,
            request.conversion_id,
            CONFLICT,
            customer_id=customer.id,
            conflict_owner_id=customer.owner_id or "",
            detail=f"the lead matches customer {customer.name!r}, {where}",
        )
    contact_id = _existing_contact(uow_factory, customer.id, phones, emails) or _add_contact(
        uow_factory, actor, request, customer.id, phones, emails
    )
    return Resolution(request.lead_id, request.conversion_id, LINKED, customer.id, contact_id)


def _existing_contact(
    uow_factory: UowFactory, customer_id: str, phones: tuple[str, ...], emails: tuple[str, ...]
) -> str:
    keys = k.contact_keys(phones=phones, emails=emails)
    if not keys:
        return ""
    with uow_factory() as uow:
        matches = uow.keys.matches(keys, exclude_customer_id=None)
    return next((m.contact_id for m in matches if m.customer_id == customer_id and m.contact_id), "")


def _add_contact(
    uow_factory: UowFactory,
    actor: Caller,
    request: ConversionRequest,
    customer_id: str,
    phones: tuple[str, ...],
    emails: tuple[str, ...],
) -> str:
    if not request.contact_name.strip():
        return ""
    saved = create_contact(
        uow_factory,
        actor,
        ct.NewContact(
            customer_id=customer_id, name=request.contact_name, title=request.title, phones=phones, emails=emails
        ),
    )
    return saved.contact.id


def _record(uow_factory: UowFactory, request: ConversionRequest, resolution: Resolution) -> None:
    with uow_factory() as uow:
        customer = uow.customers.get(resolution.customer_id) if resolution.customer_id else None
        uow.lead_conversions.add(resolution, at=now())
        uow.record(
            LeadConversionResolved(
                resolution,
                customer_name=customer.name if customer is not None else "",
                customer_version=customer.version if customer is not None else 0,
                campaign_id=request.campaign_id,
                owner_id=request.owner_id,
            )
        )
        uow.commit()
