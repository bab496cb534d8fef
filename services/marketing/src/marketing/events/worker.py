"""The marketing nameko worker: completes lead conversions from the customers and sales answers,
keeps the local copy of customers, and runs the first-contact timer under a Redis lock. No grpc here."""

from __future__ import annotations

import functools
import logging

import redis
from nameko.timer import timer
from sqlalchemy.orm import Session

from crm.customers.v1 import customers_events_pb2 as customers_ev
from crm.sales.v1 import sales_events_pb2 as sales_ev
from crm_chassis.envelope import Envelope, occurred_at
from crm_chassis.service import load_settings
from crm_chassis.worker import WorkerBase, reliable_handler
from marketing.config import SPEC, load_marketing
from marketing.domain.commands import sync
from marketing.events.jobs import run_locked_sweep
from marketing.persistence.uow import SqlMarketingUnitOfWork

log = logging.getLogger("crm.marketing.worker")
ENV = load_marketing()


def _joined(session: Session) -> SqlMarketingUnitOfWork:
    """A unit of work inside the handler's transaction (inbox claim, change and events commit together)."""
    return SqlMarketingUnitOfWork(lambda: session)  # type: ignore[arg-type,return-value]


class Worker(WorkerBase):
    name = "marketing"

    @reliable_handler("customers", "customer_created")
    def on_customer_created(self, session: Session, envelope: Envelope) -> None:
        c = envelope.payload(customers_ev.CustomerCreated).customer
        with _joined(session) as uow:
            sync.customer_seen(
                uow,
                customer_id=c.id,
                name=c.name,
                owner_id=c.owner_id,
                version=envelope.aggregate_version or c.version,
                at=occurred_at(envelope),
            )
            uow.commit()

    @reliable_handler("customers", "customer_merged")
    def on_customer_merged(self, session: Session, envelope: Envelope) -> None:
        event = envelope.payload(customers_ev.CustomerMerged)
        with _joined(session) as uow:
            moved = sync.customer_merged(
                uow, victim_id=event.victim.id, survivor_id=event.survivor.id, at=occurred_at(envelope)
            )
            uow.commit()
        log.info(
            "customer %s merged into %s: %d marketing records re-pointed", event.victim.id, event.survivor.id, moved
        )

    @reliable_handler("customers", "lead_conversion_resolved")
    def on_lead_conversion_resolved(self, session: Session, envelope: Envelope) -> None:
        e = envelope.payload(customers_ev.LeadConversionResolved)
        with _joined(session) as uow:
            sync.conversion_resolved(
                uow,
                lead_id=e.lead_id,
                conversion_id=e.conversion_id,
                outcome=e.outcome,
                customer_id=e.customer_id,
                contact_id=e.contact_id,
                conflict_owner_id=e.conflict_owner_id,
                detail=e.detail,
                at=occurred_at(envelope),
            )
            uow.commit()

    @reliable_handler("sales", "opportunity_created")
    def on_opportunity_created(self, session: Session, envelope: Envelope) -> None:
        o = envelope.payload(sales_ev.OpportunityCreated).opportunity
        if not o.lead_id:
            return
        with _joined(session) as uow:
            sync.opportunity_created(uow, lead_id=o.lead_id, opportunity_id=o.id, at=occurred_at(envelope))
            uow.commit()

    @timer(interval=ENV.sweep_seconds)
    def contact_sweep(self) -> None:
        service = load_settings(SPEC)
        factory = functools.partial(SqlMarketingUnitOfWork, self.runtime.inbox.session_factory)
        client = redis.Redis.from_url(service.redis_url, socket_timeout=5)
        try:
            run_locked_sweep(factory, ENV.business(), client, service.redis_prefix)
        except Exception:
            log.exception("contact sweep failed; it runs again on the next tick")
        finally:
            client.close()
