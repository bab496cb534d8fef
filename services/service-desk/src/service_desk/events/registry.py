"""Events the service-desk service publishes and consumes (README 'Events' table must match)."""

from crm_chassis.topology import BusRegistry, Consumes, Publishes

PUBLISHED = (
    ("work_order_created", "WorkOrderCreated"),
    ("work_order_assigned", "WorkOrderAssigned"),
    ("work_order_status_changed", "WorkOrderStatusChanged"),
    ("work_order_resolved", "WorkOrderResolved"),
    ("work_order_closed", "WorkOrderClosed"),
    ("sla_at_risk", "SlaAtRisk"),
    ("sla_breached", "SlaBreached"),
    ("visit_scheduled", "VisitScheduled"),
    ("visit_completed", "VisitCompleted"),
    ("service_charge_recorded", "ServiceChargeRecorded"),
    ("complaint_created", "ComplaintCreated"),
    ("complaint_resolved", "ComplaintResolved"),
    ("return_visit_planned", "ReturnVisitPlanned"),
    ("return_visit_completed", "ReturnVisitCompleted"),
)

CONSUMED = (
    ("customers", "customer_created", "crm.customers.v1.CustomerCreated"),
    ("customers", "customer_updated", "crm.customers.v1.CustomerUpdated"),
    ("customers", "customer_merged", "crm.customers.v1.CustomerMerged"),
    ("customers", "customer_deleted", "crm.customers.v1.CustomerDeleted"),
    ("sales", "order_fulfilled", "crm.sales.v1.OrderFulfilled"),
    ("sales", "contract_activated", "crm.sales.v1.ContractActivated"),
    ("sales", "contract_expired", "crm.sales.v1.ContractExpired"),
    ("sales", "contract_terminated", "crm.sales.v1.ContractTerminated"),
)

REGISTRY = BusRegistry(
    service="service_desk",
    publishes=tuple(Publishes(event, f"crm.service_desk.v1.{message}") for event, message in PUBLISHED),
    consumes=tuple(Consumes(source, event, schema, f"on_{event}") for source, event, schema in CONSUMED),
)
