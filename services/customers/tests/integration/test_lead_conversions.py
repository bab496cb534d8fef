"""Converted marketing leads (M5/M6, first-come ownership): a new lead becomes a customer with its
contact; a lead matching the converting rep's own customer links to it (and to the contact it
already has); a match owned by someone else, or in the pool, is a conflict naming the owner; a
repeated conversion id creates nothing twice; every resolution is published."""

from __future__ import annotations

import functools
import json
import uuid

import pytest
from sqlalchemy import func, select

from crm_chassis.db import make_engine, make_session_factory, transaction
from crm_chassis.identity import Caller
from crm_chassis.migrations import upgrade
from customers.config import SPEC, load_customers_settings
from customers.crypto import FieldCrypto
from customers.domain.children import create_contact, list_contacts
from customers.domain.commands import create_customer, get_customer
from customers.domain.contact import NewContact
from customers.domain.customer import NewCustomer
from customers.domain.lead_conversions import ConversionRequest, convert_lead
from customers.persistence import tables
from customers.persistence.uow import SqlCustomersUnitOfWork

pytestmark = pytest.mark.integration
ADMIN = Caller(user_id="admin")


@pytest.fixture
def setup(database_url):
    upgrade(database_url, SPEC.migrations_dir, echo=lambda *_: None)
    engine = make_engine(database_url)
    factory = make_session_factory(engine)
    crypto = FieldCrypto(load_customers_settings({}).field_key)
    uow = functools.partial(SqlCustomersUnitOfWork, factory, crypto=crypto)
    yield uow, factory, crypto
    engine.dispose()


def _convert(factory, crypto, request: ConversionRequest):
    """What the worker's handler does: every unit of work joins the handler's one transaction."""
    with transaction(factory) as session:
        return convert_lead(lambda **_: SqlCustomersUnitOfWork(lambda: session, crypto=crypto), request)


def _request(**fields) -> ConversionRequest:
    base = dict(
        lead_id=str(uuid.uuid4()),
        conversion_id=str(uuid.uuid4()),
        owner_id="rep7",
        converted_by="rep7",
        company="Lumen Optics Co., Ltd.",
        contact_name="Ada Li",
        title="Buyer",
        phones=("13800138000",),
        emails=("ada@lumen.example",),
        region="East",
        industry="Optics",
        source="web_form",
        campaign_id="camp-42",
    )
    return ConversionRequest(**{**base, **fields})


def _resolutions(factory) -> list[dict]:
    with factory() as s:
        rows = s.execute(
            select(tables.outbox.c.body).where(tables.outbox.c.event_type == "lead_conversion_resolved")
        ).all()
    return [json.loads(r.body) for r in rows]


def _count(factory, table) -> int:
    with factory() as s:
        return s.execute(select(func.count()).select_from(table)).scalar_one()


def test_a_new_lead_becomes_a_customer_with_its_contact_once(setup):
    uow, factory, crypto = setup
    request = _request()
    done = _convert(factory, crypto, request)
    assert done.outcome == "created" and done.customer_id and done.contact_id
    customer = get_customer(uow, ADMIN, done.customer_id)
    assert (customer.name, customer.owner_id, customer.kind, customer.source, customer.region) == (
        "Lumen Optics Co., Ltd.",
        "rep7",
        "company",
        "web_form",
        "East",
    )
    [contact] = list_contacts(uow, ADMIN, customer.id, limit=10, cursor="").items
    assert (contact.id, contact.name, contact.title) == (done.contact_id, "Ada Li", "Buyer")
    # The same conversion again (a new envelope of the same request) answers the same, writes nothing.
    again = _convert(factory, crypto, request)
    assert again == done
    assert _count(factory, tables.customers) == 1 and _count(factory, tables.contacts) == 1
    [published] = _resolutions(factory)
    assert published["aggregate_id"] == done.customer_id


def test_a_lead_matching_the_reps_own_customer_links_to_it_and_its_contact(setup):
    uow, factory, crypto = setup
    mine = create_customer(uow, ADMIN, NewCustomer(name="Lumen Optics", owner_id="rep7")).customer
    existing = create_contact(
        uow, ADMIN, NewContact(customer_id=mine.id, name="Ada Li", phones=("+86 138 0013 8000",))
    ).contact
    done = _convert(factory, crypto, _request())  # "Lumen Optics Co., Ltd." has the same name key
    assert (done.outcome, done.customer_id, done.contact_id) == ("linked", mine.id, existing.id)
    assert _count(factory, tables.customers) == 1 and _count(factory, tables.contacts) == 1


@pytest.mark.parametrize("owner", ["rep9", None], ids=["owned-by-another-rep", "in-the-pool"])
def test_a_match_someone_else_holds_is_a_conflict_and_nothing_is_written(setup, owner):
    uow, factory, crypto = setup
    theirs = create_customer(uow, ADMIN, NewCustomer(name="Lumen Optics Ltd", owner_id=owner or "rep9")).customer
    if owner is None:
        with transaction(factory) as session:
            session.execute(tables.customers.update().where(tables.customers.c.id == theirs.id).values(owner_id=None))
    done = _convert(factory, crypto, _request())
    assert (done.outcome, done.customer_id, done.conflict_owner_id) == ("conflict", theirs.id, owner or "")
    assert "Lumen Optics Ltd" in done.detail
    assert _count(factory, tables.customers) == 1 and _count(factory, tables.contacts) == 0
    [published] = _resolutions(factory)
    assert published["aggregate_id"] != theirs.id  # a conflict does not touch the customer


def test_a_lead_the_file_cannot_take_is_answered_invalid_not_retried(setup):
    _, factory, crypto = setup
    done = _convert(factory, crypto, _request(phones=("not a phone",)))
    assert done.outcome == "invalid" and "phone" in done.detail
    assert _count(factory, tables.customers) == 0
    assert [r["data"] for r in _resolutions(factory)] and len(_resolutions(factory)) == 1
