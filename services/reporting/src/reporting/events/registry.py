"""Events the reporting service publishes and consumes (README 'Events' table must match).

Reporting reads every event the suite publishes; each new published event gets a handler here.
"""

from crm_chassis.topology import BusRegistry, Consumes

_CUSTOMERS = (
    ("customer_created", "CustomerCreated"),
    ("customer_updated", "CustomerUpdated"),
    ("customer_deleted", "CustomerDeleted"),
    ("customer_restored", "CustomerRestored"),
    ("customer_purged", "CustomerPurged"),
    ("customer_merged", "CustomerMerged"),
    ("customer_locked", "CustomerLocked"),
    ("contact_created", "ContactCreated"),
    ("contact_updated", "ContactUpdated"),
    ("activity_logged", "ActivityLogged"),
    ("customer_owner_changed", "CustomerOwnerChanged"),
    ("customer_returned_to_pool", "CustomerReturnedToPool"),
    ("pool_recycle_warning", "PoolRecycleWarning"),
    ("follow_up_due", "FollowUpDue"),
)

# Every sales event: no read model yet, consumed by the no-op handlers in sales_handlers.py.
_SALES = (
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

REGISTRY = BusRegistry(
    service="reporting",
    publishes=(),
    consumes=tuple(
        Consumes("customers", event_type, f"crm.customers.v1.{message}", f"on_{event_type}")
        for event_type, message in _CUSTOMERS
    )
    + tuple(
        Consumes("sales", event_type, f"crm.sales.v1.{message}", f"on_{event_type}") for event_type, message in _SALES
    ),
)
