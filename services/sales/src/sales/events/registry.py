"""Events the sales service publishes and consumes (README 'Events' table must match)."""

from crm_chassis.topology import BusRegistry, Consumes, Publishes

PUBLISHED = (
    ("opportunity_created", "OpportunityCreated"),
    ("opportunity_stage_changed", "OpportunityStageChanged"),
    ("opportunity_won", "OpportunityWon"),
    ("opportunity_lost", "OpportunityLost"),
    ("quote_sent", "QuoteSent"),
    ("quote_accepted", "QuoteAccepted"),
    ("order_confirmed", "OrderConfirmed"),
    ("order_fulfilled", "OrderFulfilled"),
    ("order_cancelled", "OrderCancelled"),
    ("contract_activated", "ContractActivated"),
    ("contract_expired", "ContractExpired"),
    ("contract_terminated", "ContractTerminated"),
    ("payment_plan_created", "PaymentPlanCreated"),
    ("payment_received", "PaymentReceived"),
    ("payment_overdue", "PaymentOverdue"),
    ("invoice_issued", "InvoiceIssued"),
    ("target_set", "TargetSet"),
    ("approval_requested", "ApprovalRequested"),
    ("approval_decided", "ApprovalDecided"),
)

CONSUMED = (
    ("customer_created", "CustomerCreated"),
    ("customer_updated", "CustomerUpdated"),
    ("customer_deleted", "CustomerDeleted"),
    ("customer_restored", "CustomerRestored"),
    ("customer_merged", "CustomerMerged"),
    ("lead_conversion_resolved", "LeadConversionResolved"),
)

REGISTRY = BusRegistry(
    service="sales",
    publishes=tuple(Publishes(event, f"crm.sales.v1.{message}") for event, message in PUBLISHED),
    consumes=(
        *(Consumes("customers", event, f"crm.customers.v1.{message}", f"on_{event}") for event, message in CONSUMED),
        Consumes("marketing", "lead_converted", "crm.marketing.v1.LeadConverted", "on_lead_converted"),
    ),
)
