"""Domain events of the sales service -> published event type and proto payload."""

from __future__ import annotations

from google.protobuf.message import Message

from crm.sales.v1 import sales_events_pb2 as ev
from sales.domain import events as de
from sales.grpc_api import mapping as m


def translate(event: object) -> tuple[str, Message, str, int]:
    """(event_type, payload, aggregate_id, aggregate_version) for a domain event."""
    match event:
        case de.OpportunityCreated(o):
            return "opportunity_created", ev.OpportunityCreated(opportunity=m.opportunity_to_proto(o)), o.id, o.version
        case de.OpportunityStageChanged(o, c):
            payload = ev.OpportunityStageChanged(
                opportunity=m.opportunity_to_proto(o), change=m.stage_change_to_proto(c)
            )
            return "opportunity_stage_changed", payload, o.id, o.version
        case de.OpportunityWon(o, c):
            payload = ev.OpportunityWon(opportunity=m.opportunity_to_proto(o), change=m.stage_change_to_proto(c))
            return "opportunity_won", payload, o.id, o.version
        case de.OpportunityLost(o, c):
            payload = ev.OpportunityLost(opportunity=m.opportunity_to_proto(o), change=m.stage_change_to_proto(c))
            return "opportunity_lost", payload, o.id, o.version
        case de.QuoteSent(q):
            return "quote_sent", ev.QuoteSent(quote=m.quote_to_proto(q)), q.id, q.version
        case de.QuoteAccepted(q):
            return "quote_accepted", ev.QuoteAccepted(quote=m.quote_to_proto(q)), q.id, q.version
        case de.OrderConfirmed(o):
            return "order_confirmed", ev.OrderConfirmed(order=m.order_to_proto(o)), o.id, o.version
        case de.OrderFulfilled(o):
            return "order_fulfilled", ev.OrderFulfilled(order=m.order_to_proto(o)), o.id, o.version
        case de.OrderCancelled(o):
            return "order_cancelled", ev.OrderCancelled(order=m.order_to_proto(o)), o.id, o.version
        case de.ContractActivated(c):
            return "contract_activated", ev.ContractActivated(contract=m.contract_to_proto(c)), c.id, c.version
        case de.ContractExpired(c):
            return "contract_expired", ev.ContractExpired(contract=m.contract_to_proto(c)), c.id, c.version
        case de.ContractTerminated(c):
            return "contract_terminated", ev.ContractTerminated(contract=m.contract_to_proto(c)), c.id, c.version
        case de.PaymentPlanCreated(p):
            return "payment_plan_created", ev.PaymentPlanCreated(plan=m.plan_to_proto(p)), p.id, p.version
        case de.PaymentReceived(r):
            return "payment_received", ev.PaymentReceived(receipt=m.receipt_to_proto(r)), r.id, r.version
        case de.PaymentOverdue(plan, state, as_of, number):
            payload = ev.PaymentOverdue(
                plan_id=plan.id,
                contract_id=plan.contract_id,
                contract_number=number if plan.contract_id else "",
                order_id=plan.order_id,
                order_number=number if plan.order_id else "",
                customer_id=plan.customer_id,
                owner_id=plan.owner_id,
                instalment=m.instalment_to_proto(state.instalment, plan.currency, state),
                as_of=as_of.isoformat(),
            )
            # One event per instalment and local date while overdue: days overdue grows with the date,
            # so it is a monotonic version of the instalment's overdue state.
            return "payment_overdue", payload, state.instalment.id, state.days_overdue
        case de.InvoiceIssued(i):
            return "invoice_issued", ev.InvoiceIssued(invoice=m.invoice_to_proto(i)), i.id, i.version
        case de.TargetSet(t):
            return "target_set", ev.TargetSet(target=m.target_to_proto(t)), t.id, t.version
        case de.ApprovalRequested(a, owner, summary):
            payload = ev.ApprovalRequested(approval=m.approval_to_proto(a), owner_id=owner, summary=summary)
            return "approval_requested", payload, a.id, a.version
        case de.ApprovalDecided(a, owner, summary):
            payload = ev.ApprovalDecided(approval=m.approval_to_proto(a), owner_id=owner, summary=summary)
            return "approval_decided", payload, a.id, a.version
    raise TypeError(f"no published event for {type(event).__name__}")
