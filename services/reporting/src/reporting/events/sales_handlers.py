"""Reporting's handlers of the sales service's events.

The sales read models (pipeline, funnel and velocity, attainment, receivable ageing) come with the
reporting issue. Until then every sales event is consumed here by a deliberate no-op: the event is
never unroutable, and it is recorded in the inbox once (so a later projection can be replayed from
the outbox / dead letters rather than lost). ``ReportingWorker`` inherits this mixin; the registry
lists the same events (`_SALES`).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from crm_chassis.envelope import Envelope
from crm_chassis.worker import reliable_handler


class SalesHandlers:
    """No-op handlers (inbox only) for every event the sales service publishes."""

    @reliable_handler("sales", "opportunity_created")
    def on_opportunity_created(self, session: Session, envelope: Envelope) -> None:
        """crm.sales.v1.OpportunityCreated: no read model yet."""

    @reliable_handler("sales", "opportunity_stage_changed")
    def on_opportunity_stage_changed(self, session: Session, envelope: Envelope) -> None:
        """crm.sales.v1.OpportunityStageChanged: no read model yet."""

    @reliable_handler("sales", "opportunity_won")
    def on_opportunity_won(self, session: Session, envelope: Envelope) -> None:
        """crm.sales.v1.OpportunityWon: no read model yet."""

    @reliable_handler("sales", "opportunity_lost")
    def on_opportunity_lost(self, session: Session, envelope: Envelope) -> None:
        """crm.sales.v1.OpportunityLost: no read model yet."""

    @reliable_handler("sales", "quote_sent")
    def on_quote_sent(self, session: Session, envelope: Envelope) -> None:
        """crm.sales.v1.QuoteSent: no read model yet."""

    @reliable_handler("sales", "quote_accepted")
    def on_quote_accepted(self, session: Session, envelope: Envelope) -> None:
        """crm.sales.v1.QuoteAccepted: no read model yet."""

    @reliable_handler("sales", "order_confirmed")
    def on_order_confirmed(self, session: Session, envelope: Envelope) -> None:
        """crm.sales.v1.OrderConfirmed: no read model yet."""

    @reliable_handler("sales", "order_fulfilled")
    def on_order_fulfilled(self, session: Session, envelope: Envelope) -> None:
        """crm.sales.v1.OrderFulfilled: no read model yet."""

    @reliable_handler("sales", "order_cancelled")
    def on_order_cancelled(self, session: Session, envelope: Envelope) -> None:
        """crm.sales.v1.OrderCancelled: no read model yet."""

    @reliable_handler("sales", "contract_activated")
    def on_contract_activated(self, session: Session, envelope: Envelope) -> None:
        """crm.sales.v1.ContractActivated: no read model yet."""

    @reliable_handler("sales", "contract_expired")
    def on_contract_expired(self, session: Session, envelope: Envelope) -> None:
        """crm.sales.v1.ContractExpired: no read model yet."""

    @reliable_handler("sales", "contract_terminated")
    def on_contract_terminated(self, session: Session, envelope: Envelope) -> None:
        """crm.sales.v1.ContractTerminated: no read model yet."""

    @reliable_handler("sales", "payment_plan_created")
    def on_payment_plan_created(self, session: Session, envelope: Envelope) -> None:
        """crm.sales.v1.PaymentPlanCreated: no read model yet."""

    @reliable_handler("sales", "payment_received")
    def on_payment_received(self, session: Session, envelope: Envelope) -> None:
        """crm.sales.v1.PaymentReceived: no read model yet."""

    @reliable_handler("sales", "payment_overdue")
    def on_payment_overdue(self, session: Session, envelope: Envelope) -> None:
        """crm.sales.v1.PaymentOverdue: no read model yet."""

    @reliable_handler("sales", "invoice_issued")
    def on_invoice_issued(self, session: Session, envelope: Envelope) -> None:
        """crm.sales.v1.InvoiceIssued: no read model yet."""

    @reliable_handler("sales", "target_set")
    def on_target_set(self, session: Session, envelope: Envelope) -> None:
        """crm.sales.v1.TargetSet: no read model yet."""

    @reliable_handler("sales", "approval_requested")
    def on_approval_requested(self, session: Session, envelope: Envelope) -> None:
        """crm.sales.v1.ApprovalRequested: no read model yet."""

    @reliable_handler("sales", "approval_decided")
    def on_approval_decided(self, session: Session, envelope: Envelope) -> None:
        """crm.sales.v1.ApprovalDecided: no read model yet."""
