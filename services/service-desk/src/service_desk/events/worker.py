"""The service-desk nameko worker: keeps the local copies of customers (customers events), fulfilled
orders and contracts (sales events) for entitlement, and runs the timers (SLA at-risk / breach with
escalation, return-visit planning, complaint escalation) under Redis locks. No grpc here."""

from __future__ import annotations

import functools
import logging
from datetime import UTC, date
from zoneinfo import ZoneInfo

import redis
from nameko.timer import timer
from sqlalchemy.orm import Session

from crm.customers.v1 import customers_events_pb2 as customers_ev
from crm.sales.v1 import sales_events_pb2 as sales_ev
from crm_chassis.envelope import Envelope, occurred_at
from crm_chassis.service import load_settings
from crm_chassis.worker import WorkerBase, reliable_handler
from service_desk.config import SPEC, desk_settings, sweep_seconds
from service_desk.domain import entitlement as en
from service_desk.domain import sync
from service_desk.domain.customers import CustomerRef
from service_desk.events.jobs import run_timers
from service_desk.persistence.uow import SqlServiceDeskUnitOfWork

log = logging.getLogger("crm.service_desk.worker")
# Validated by `crm-service-desk worker` at import (a bad variable stops the process).
SETTINGS = desk_settings()
SWEEP_SECONDS = sweep_seconds()


def customer_ref(customer, envelope: Envelope, *, version: int | None = None) -> CustomerRef:  # type: ignore[no-untyped-def]
    return CustomerRef(
        id=customer.id,
        name=customer.name,
        owner_id=customer.owner_id,
        classification=customer.classification,
        latitude=customer.latitude if customer.HasField("latitude") else None,
        longitude=customer.longitude if customer.HasField("longitude") else None,
        deleted=customer.HasField("deleted_at"),
        merged_into_id=customer.merged_into_id,
        version=version if version is not None else (envelope.aggregate_version or customer.version),
        updated_at=occurred_at(envelope),
    )


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def contract_copy(contract, envelope: Envelope) -> en.ContractCopy:  # type: ignore[no-untyped-def]
    return en.ContractCopy(
        id=contract.id,
        customer_id=contract.customer_id,
        status=contract.status,
        start_date=_date(contract.start_date),
        end_date=_date(contract.end_date),
        order_ids=tuple(contract.order_ids),
        coverage=tuple((c.product_id, _date(c.until)) for c in contract.coverage),
        version=envelope.aggregate_version or contract.version,
    )


def _units(session: Session) -> SqlServiceDeskUnitOfWork:
    """A unit of work joining the handler's transaction (inbox claim, change and events commit together)."""
    return SqlServiceDeskUnitOfWork(lambda: session)


class Worker(WorkerBase):
    name = "service_desk"

    @reliable_handler("customers", "customer_created")
    def on_customer_created(self, session: Session, envelope: Envelope) -> None:
        event = envelope.payload(customers_ev.CustomerCreated)
        with _units(session) as uow:
            sync.apply_customer(uow, customer_ref(event.customer, envelope))

    @reliable_handler("customers", "customer_updated")
    def on_customer_updated(self, session: Session, envelope: Envelope) -> None:
        event = envelope.payload(customers_ev.CustomerUpdated)
        with _units(session) as uow:
            sync.apply_customer(uow, customer_ref(event.customer, envelope))

    @reliable_handler("customers", "customer_deleted")
    def on_customer_deleted(self, session: Session, envelope: Envelope) -> None:
        event = envelope.payload(customers_ev.CustomerDeleted)
        with _units(session) as uow:
            sync.apply_deleted(uow, customer_ref(event.customer, envelope))

    @reliable_handler("customers", "customer_merged")
    def on_customer_merged(self, session: Session, envelope: Envelope) -> None:
        event = envelope.payload(customers_ev.CustomerMerged)
        with _units(session) as uow:
            moved = sync.apply_merged(
                uow,
                customer_ref(event.survivor, envelope),
                customer_ref(event.victim, envelope, version=event.victim.version),
            )
        log.info("customer %s merged into %s: %d records re-pointed", event.victim.id, event.survivor.id, moved)

    @reliable_handler("sales", "order_fulfilled")
    def on_order_fulfilled(self, session: Session, envelope: Envelope) -> None:
        order = envelope.payload(sales_ev.OrderFulfilled).order
        at = order.fulfilled_at.ToDatetime(tzinfo=UTC) if order.HasField("fulfilled_at") else occurred_at(envelope)
        fulfilled = sync.FulfilledOrder(
            id=order.id,
            customer_id=order.customer_id,
            owner_id=order.owner_id,
            fulfilled_at=at,
            version=envelope.aggregate_version or order.version,
            lines=tuple((line.product_id, line.warranty_months) for line in order.lines),
        )
        with _units(session) as uow:
            sync.apply_order_fulfilled(
                uow, SETTINGS, fulfilled, at.astimezone(ZoneInfo(SETTINGS.calendar.time_zone)).date()
            )
            uow.commit()

    @reliable_handler("sales", "contract_activated")
    def on_contract_activated(self, session: Session, envelope: Envelope) -> None:
        contract = envelope.payload(sales_ev.ContractActivated).contract
        with _units(session) as uow:
            sync.apply_contract(uow, contract_copy(contract, envelope))

    @reliable_handler("sales", "contract_expired")
    def on_contract_expired(self, session: Session, envelope: Envelope) -> None:
        contract = envelope.payload(sales_ev.ContractExpired).contract
        with _units(session) as uow:
            sync.apply_contract(uow, contract_copy(contract, envelope))

    @reliable_handler("sales", "contract_terminated")
    def on_contract_terminated(self, session: Session, envelope: Envelope) -> None:
        contract = envelope.payload(sales_ev.ContractTerminated).contract
        with _units(session) as uow:
            sync.apply_contract(uow, contract_copy(contract, envelope))

    @timer(interval=SWEEP_SECONDS)
    def timers(self) -> None:
        service = load_settings(SPEC)
        factory = functools.partial(SqlServiceDeskUnitOfWork, self.runtime.inbox.session_factory)
        client = redis.Redis.from_url(service.redis_url, socket_timeout=5)
        try:
            run_timers(factory, SETTINGS, client, service.redis_prefix)
        finally:
            client.close()
