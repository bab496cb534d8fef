"""The customers nameko worker: deals from sales (`opportunity_won`, `order_confirmed`), converted
marketing leads (`lead_converted`), the pool
timers (reminders, recycle sweep, follow-up reminders, recycle-bin purge) and import jobs, each
timer under a Redis lock so several replicas are safe. No grpc here."""

from __future__ import annotations

import functools
import logging
from datetime import UTC

import redis
from nameko.timer import timer
from sqlalchemy.orm import Session

from crm.marketing.v1 import marketing_events_pb2 as marketing_ev
from crm.sales.v1 import sales_events_pb2 as sales_ev
from crm_chassis.envelope import Envelope, occurred_at
from crm_chassis.service import load_settings
from crm_chassis.worker import WorkerBase, reliable_handler
from customers.config import SPEC, load_customers_settings
from customers.crypto import FieldCrypto
from customers.domain.deals import record_deal
from customers.domain.exemptions import ContractFact, apply_contract
from customers.domain.lead_conversions import ConversionRequest, convert_lead
from customers.events.import_jobs import run_import_jobs
from customers.events.pool_jobs import run_pool_jobs
from customers.import_config import load_import_settings
from customers.persistence.uow import SqlCustomersUnitOfWork

log = logging.getLogger("crm.customers.worker")

# Validated by `crm-customers worker` before this module loads (exit 2 on a bad value).
SETTINGS = load_customers_settings()
IMPORTS = load_import_settings()


def _deal_units(session: Session) -> SqlCustomersUnitOfWork:
    """A unit of work joining the handler's transaction (inbox claim, change and event commit together)."""
    return SqlCustomersUnitOfWork(lambda: session, crypto=FieldCrypto(SETTINGS.field_key))


class CustomersWorker(WorkerBase):
    name = "customers"

    @reliable_handler("sales", "opportunity_won")
    def on_opportunity_won(self, session: Session, envelope: Envelope) -> None:
        opportunity = envelope.payload(sales_ev.OpportunityWon).opportunity
        at = (
            opportunity.closed_at.ToDatetime(tzinfo=UTC) if opportunity.HasField("closed_at") else occurred_at(envelope)
        )
        with _deal_units(session) as uow:
            record_deal(uow, opportunity.customer_id, at=at, source="opportunity_won")
            uow.commit()

    @reliable_handler("sales", "order_confirmed")
    def on_order_confirmed(self, session: Session, envelope: Envelope) -> None:
        order = envelope.payload(sales_ev.OrderConfirmed).order
        at = order.confirmed_at.ToDatetime(tzinfo=UTC) if order.HasField("confirmed_at") else occurred_at(envelope)
        with _deal_units(session) as uow:
            record_deal(uow, order.customer_id, at=at, source="order_confirmed")
            uow.commit()

    @reliable_handler("sales", "contract_activated")
    def on_contract_activated(self, session: Session, envelope: Envelope) -> None:
        self._contract(session, envelope, envelope.payload(sales_ev.ContractActivated).contract)

    @reliable_handler("sales", "contract_expired")
    def on_contract_expired(self, session: Session, envelope: Envelope) -> None:
        self._contract(session, envelope, envelope.payload(sales_ev.ContractExpired).contract)

    @reliable_handler("sales", "contract_terminated")
    def on_contract_terminated(self, session: Session, envelope: Envelope) -> None:
        self._contract(session, envelope, envelope.payload(sales_ev.ContractTerminated).contract)

    def _contract(self, session: Session, envelope: Envelope, contract) -> None:  # type: ignore[no-untyped-def]
        """C4: an active contract pauses the customer's pool timers; its end starts the grace."""
        active = contract.status == "active"
        ended_at = None
        if not active:
            ended_at = (
                contract.ended_at.ToDatetime(tzinfo=UTC) if contract.HasField("ended_at") else occurred_at(envelope)
            )
        fact = ContractFact(
            contract.id, contract.customer_id, active, ended_at, envelope.aggregate_version or contract.version
        )
        with _deal_units(session) as uow:
            apply_contract(uow, fact, grace_days=SETTINGS.contract_grace_days)
            uow.commit()

    @reliable_handler("marketing", "lead_converted")
    def on_lead_converted(self, session: Session, envelope: Envelope) -> None:
        event = envelope.payload(marketing_ev.LeadConverted)
        resolution = convert_lead(
            lambda **_: _deal_units(session),
            ConversionRequest(
                lead_id=event.lead_id,
                conversion_id=event.conversion_id,
                owner_id=event.owner_id,
                converted_by=event.converted_by,
                company=event.company,
                contact_name=event.contact_name,
                title=event.title,
                phones=tuple(event.phones),
                emails=tuple(event.emails),
                region=event.region,
                industry=event.industry,
                source=event.source,
                campaign_id=event.campaign_id,
                customer_id=event.customer_id,
            ),
        )
        log.info("lead %s conversion: %s %s", event.lead_id, resolution.outcome, resolution.customer_id)

    @timer(interval=SETTINGS.pool_job_seconds)
    def pool_jobs(self) -> None:
        service = load_settings(SPEC)
        factory = functools.partial(
            SqlCustomersUnitOfWork, self.runtime.inbox.session_factory, crypto=FieldCrypto(SETTINGS.field_key)
        )
        client = redis.Redis.from_url(service.redis_url, socket_timeout=5)
        try:
            run_pool_jobs(factory, SETTINGS, client, service.redis_prefix)
        finally:
            client.close()

    @timer(interval=IMPORTS.timer_seconds)
    def import_jobs(self) -> None:
        from customers.persistence.views_imports import SqlViewsImportsUnitOfWork

        service = load_settings(SPEC)
        factory = functools.partial(
            SqlViewsImportsUnitOfWork, self.runtime.inbox.session_factory, crypto=FieldCrypto(SETTINGS.field_key)
        )
        client = redis.Redis.from_url(service.redis_url, socket_timeout=5)
        try:
            run_import_jobs(factory, IMPORTS.limits(), client, service.redis_prefix, seconds=IMPORTS.slice_seconds * 5)
        finally:
            client.close()
