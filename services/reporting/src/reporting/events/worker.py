"""The reporting nameko worker: folds events into read models, once each.

Customer events keep `customer_facts` current (owner, deleted or not), monotonically by the
customer's version. Contact and activity events feed no read model yet: their handlers are
deliberate no-ops, so the events are still consumed (never unroutable) and recorded in the inbox.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from crm.customers.v1 import customers_events_pb2 as customers_ev
from crm.customers.v1 import customers_service_pb2 as customers_pb
from crm_chassis.envelope import Envelope, occurred_at
from crm_chassis.worker import WorkerBase, reliable_handler
from reporting.domain.customer_summary import CustomerFact
from reporting.domain.projections import apply_customer_fact, forget_customer
from reporting.events.sales_handlers import SalesHandlers
from reporting.persistence.customer_facts import SqlCustomerFacts


def _fact(customer: customers_pb.Customer, version: int, envelope: Envelope) -> CustomerFact:
    at = occurred_at(envelope)
    return CustomerFact(
        customer_id=customer.id,
        owner_id=customer.owner_id,
        created_at=customer.created_at.ToDatetime(tzinfo=at.tzinfo),
        version=version or customer.version,
        event_at=at,
        deleted=customer.HasField("deleted_at"),
    )


def _apply(session: Session, envelope: Envelope, customer: customers_pb.Customer) -> None:
    apply_customer_fact(SqlCustomerFacts(session), _fact(customer, envelope.aggregate_version, envelope))


class ReportingWorker(SalesHandlers, WorkerBase):
    name = "reporting"

    @reliable_handler("customers", "customer_created")
    def on_customer_created(self, session: Session, envelope: Envelope) -> None:
        _apply(session, envelope, envelope.payload(customers_ev.CustomerCreated).customer)

    @reliable_handler("customers", "customer_updated")
    def on_customer_updated(self, session: Session, envelope: Envelope) -> None:
        _apply(session, envelope, envelope.payload(customers_ev.CustomerUpdated).customer)

    @reliable_handler("customers", "customer_deleted")
    def on_customer_deleted(self, session: Session, envelope: Envelope) -> None:
        _apply(session, envelope, envelope.payload(customers_ev.CustomerDeleted).customer)

    @reliable_handler("customers", "customer_restored")
    def on_customer_restored(self, session: Session, envelope: Envelope) -> None:
        _apply(session, envelope, envelope.payload(customers_ev.CustomerRestored).customer)

    @reliable_handler("customers", "customer_locked")
    def on_customer_locked(self, session: Session, envelope: Envelope) -> None:
        _apply(session, envelope, envelope.payload(customers_ev.CustomerLocked).customer)

    @reliable_handler("customers", "customer_merged")
    def on_customer_merged(self, session: Session, envelope: Envelope) -> None:
        event = envelope.payload(customers_ev.CustomerMerged)
        facts = SqlCustomerFacts(session)
        apply_customer_fact(facts, _fact(event.survivor, envelope.aggregate_version, envelope))
        # The victim has its own version (the envelope's is the survivor's).
        apply_customer_fact(facts, _fact(event.victim, event.victim.version, envelope))

    @reliable_handler("customers", "customer_owner_changed")
    def on_customer_owner_changed(self, session: Session, envelope: Envelope) -> None:
        """claim / release / assign / transfer / recycle: the owner counts follow."""
        _apply(session, envelope, envelope.payload(customers_ev.CustomerOwnerChanged).customer)

    @reliable_handler("customers", "customer_returned_to_pool")
    def on_customer_returned_to_pool(self, session: Session, envelope: Envelope) -> None:
        _apply(session, envelope, envelope.payload(customers_ev.CustomerReturnedToPool).customer)

    @reliable_handler("customers", "pool_recycle_warning")
    def on_pool_recycle_warning(self, session: Session, envelope: Envelope) -> None:
        """A notification, not a state change: consumed and recorded in the inbox only."""

    @reliable_handler("customers", "follow_up_due")
    def on_follow_up_due(self, session: Session, envelope: Envelope) -> None:
        """A notification, not a state change: consumed and recorded in the inbox only."""

    @reliable_handler("customers", "customer_purged")
    def on_customer_purged(self, session: Session, envelope: Envelope) -> None:
        event = envelope.payload(customers_ev.CustomerPurged)
        forget_customer(
            SqlCustomerFacts(session), event.customer_id or envelope.aggregate_id, envelope.aggregate_version
        )

    @reliable_handler("customers", "contact_created")
    def on_contact_created(self, session: Session, envelope: Envelope) -> None:
        """No read model uses contacts yet; consumed and recorded in the inbox only."""

    @reliable_handler("customers", "contact_updated")
    def on_contact_updated(self, session: Session, envelope: Envelope) -> None:
        """No read model uses contacts yet; consumed and recorded in the inbox only."""

    @reliable_handler("customers", "activity_logged")
    def on_activity_logged(self, session: Session, envelope: Envelope) -> None:
        """No read model uses activities yet; consumed and recorded in the inbox only."""
