"""The reporting nameko worker: folds events into read models, once each."""

from __future__ import annotations

from sqlalchemy.orm import Session

from crm.customers.v1 import customers_events_pb2 as customers_ev
from crm_chassis.envelope import Envelope, occurred_at
from crm_chassis.worker import WorkerBase, reliable_handler
from reporting.domain.customer_summary import CustomerFact
from reporting.domain.projections import apply_customer_fact
from reporting.persistence.customer_facts import SqlCustomerFacts


class ReportingWorker(WorkerBase):
    name = "reporting"

    @reliable_handler("customers", "customer_created")
    def on_customer_created(self, session: Session, envelope: Envelope) -> None:
        event = envelope.payload(customers_ev.CustomerCreated)
        customer = event.customer
        apply_customer_fact(
            SqlCustomerFacts(session),
            CustomerFact(
                customer_id=customer.id,
                owner_id=customer.owner_id,
                created_at=customer.created_at.ToDatetime(tzinfo=occurred_at(envelope).tzinfo),
                version=envelope.aggregate_version or customer.version,
                event_at=occurred_at(envelope),
            ),
        )
