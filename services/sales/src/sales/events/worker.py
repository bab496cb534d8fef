"""The sales nameko worker: keeps the local copy of customers from customers events and runs the
daily sweep (contracts activated / expired, payment_overdue flags) on a timer. No grpc here."""

from __future__ import annotations

import functools
import logging
import os
from decimal import Decimal

from nameko.timer import timer
from sqlalchemy.orm import Session

from crm.customers.v1 import customers_events_pb2 as customers_ev
from crm.marketing.v1 import marketing_events_pb2 as marketing_ev
from crm_chassis.envelope import Envelope, occurred_at
from crm_chassis.worker import WorkerBase, reliable_handler
from sales.domain.commands import conversions
from sales.domain.commands import customers as sync
from sales.domain.commands.jobs import run_daily
from sales.domain.conversions import DEFAULT_CURRENCY, OpportunityRequest
from sales.domain.customers import CustomerRef
from sales.persistence.uow import Repositories, SqlSalesUnitOfWork

log = logging.getLogger("crm.sales.worker")
# How often the daily sweep runs; it is idempotent per local date, so running it often is safe.
SWEEP_SECONDS = int(os.environ.get("CRM_SALES_SWEEP_SECONDS", "900"))


def customer_ref(customer, envelope: Envelope, *, version: int | None = None) -> CustomerRef:  # type: ignore[no-untyped-def]
    return CustomerRef(
        id=customer.id,
        name=customer.name,
        owner_id=customer.owner_id,
        classification=customer.classification,
        region=customer.region,
        deleted=customer.HasField("deleted_at"),
        merged_into_id=customer.merged_into_id,
        version=version if version is not None else (envelope.aggregate_version or customer.version),
        updated_at=occurred_at(envelope),
    )


def opportunity_request(event) -> OpportunityRequest | None:  # type: ignore[no-untyped-def]
    """The opportunity a `lead_converted` asks for, or None when it asks for none."""
    if not event.create_opportunity:
        return None
    asked = event.opportunity
    title = asked.name.strip() or f"{event.company or event.contact_name} (from lead)".strip()
    return OpportunityRequest(
        lead_id=event.lead_id,
        owner_id=event.owner_id,
        campaign_id=event.campaign_id,
        name=title[:200],
        amount=Decimal(asked.amount.minor_units),
        currency=asked.amount.currency_code or DEFAULT_CURRENCY,
        expected_close_date=asked.expected_close_date,
        stage=asked.stage,
    )


def _joined(session: Session) -> SqlSalesUnitOfWork:
    """A unit of work inside the handler's transaction (inbox claim, change and event commit together)."""
    return SqlSalesUnitOfWork(lambda: session)  # type: ignore[arg-type,return-value]


class Worker(WorkerBase):
    name = "sales"

    @reliable_handler("customers", "customer_created")
    def on_customer_created(self, session: Session, envelope: Envelope) -> None:
        event = envelope.payload(customers_ev.CustomerCreated)
        sync.apply_customer(Repositories(session).customers, customer_ref(event.customer, envelope))

    @reliable_handler("customers", "customer_updated")
    def on_customer_updated(self, session: Session, envelope: Envelope) -> None:
        event = envelope.payload(customers_ev.CustomerUpdated)
        sync.apply_customer(Repositories(session).customers, customer_ref(event.customer, envelope))

    @reliable_handler("customers", "customer_deleted")
    def on_customer_deleted(self, session: Session, envelope: Envelope) -> None:
        event = envelope.payload(customers_ev.CustomerDeleted)
        sync.apply_deleted(Repositories(session).customers, customer_ref(event.customer, envelope))

    @reliable_handler("customers", "customer_restored")
    def on_customer_restored(self, session: Session, envelope: Envelope) -> None:
        event = envelope.payload(customers_ev.CustomerRestored)
        sync.apply_customer(Repositories(session).customers, customer_ref(event.customer, envelope))

    @reliable_handler("customers", "customer_merged")
    def on_customer_merged(self, session: Session, envelope: Envelope) -> None:
        event = envelope.payload(customers_ev.CustomerMerged)
        survivor = customer_ref(event.survivor, envelope)
        victim = customer_ref(event.victim, envelope, version=event.victim.version)
        moved = sync.apply_merged(Repositories(session).customers, survivor, victim)
        log.info("customer %s merged into %s: %d sales records re-pointed", victim.id, survivor.id, moved)

    @reliable_handler("marketing", "lead_converted")
    def on_lead_converted(self, session: Session, envelope: Envelope) -> None:
        event = envelope.payload(marketing_ev.LeadConverted)
        with _joined(session) as uow:
            done = conversions.record_request(uow, event.conversion_id, event.lead_id, opportunity_request(event))
            uow.commit()
        if done.opportunity_id:
            log.info("lead %s converted: opportunity %s opened", event.lead_id, done.opportunity_id)

    @reliable_handler("customers", "lead_conversion_resolved")
    def on_lead_conversion_resolved(self, session: Session, envelope: Envelope) -> None:
        event = envelope.payload(customers_ev.LeadConversionResolved)
        customer = None
        if event.customer_id:
            customer = CustomerRef(
                id=event.customer_id,
                name=event.customer_name,
                owner_id=event.owner_id,
                classification="",
                region="",
                deleted=False,
                merged_into_id="",
                version=0,
                updated_at=occurred_at(envelope),
            )
        with _joined(session) as uow:
            done = conversions.record_resolution(uow, event.conversion_id, event.lead_id, event.outcome, customer)
            uow.commit()
        if done.opportunity_id:
            log.info("lead %s converted: opportunity %s opened", event.lead_id, done.opportunity_id)

    @timer(interval=SWEEP_SECONDS)
    def daily_sweep(self) -> None:
        factory = functools.partial(SqlSalesUnitOfWork, self.runtime.inbox.session_factory)
        try:
            result = run_daily(factory)
        except Exception:
            log.exception("daily sweep failed; it runs again on the next tick")
            return
        log.info(
            "daily sweep %s: %d contracts activated, %d expired, %d overdue instalments flagged (%d already)",
            result.as_of,
            result.contracts.activated,
            result.contracts.expired,
            result.overdue.flagged,
            result.overdue.already,
        )
