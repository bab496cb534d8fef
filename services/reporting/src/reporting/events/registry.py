"""Events the reporting service publishes and consumes (README 'Events' table must match).

Reporting reads every event the suite publishes: `CONSUMED` lists them all (producer, event type,
message), the worker has one handler per row, and every one archives the event and folds it into
the read models (reporting.domain.facts).
"""

from crm_chassis.topology import BusRegistry, Consumes

CONSUMED: tuple[tuple[str, str, str], ...] = (
    ("customers", "customer_created", "crm.customers.v1.CustomerCreated"),
    ("customers", "customer_updated", "crm.customers.v1.CustomerUpdated"),
    ("customers", "customer_deleted", "crm.customers.v1.CustomerDeleted"),
    ("customers", "customer_restored", "crm.customers.v1.CustomerRestored"),
    ("customers", "customer_purged", "crm.customers.v1.CustomerPurged"),
    ("customers", "customer_merged", "crm.customers.v1.CustomerMerged"),
    ("customers", "customer_locked", "crm.customers.v1.CustomerLocked"),
    ("customers", "contact_created", "crm.customers.v1.ContactCreated"),
    ("customers", "contact_updated", "crm.customers.v1.ContactUpdated"),
    ("customers", "activity_logged", "crm.customers.v1.ActivityLogged"),
    ("customers", "customer_owner_changed", "crm.customers.v1.CustomerOwnerChanged"),
    ("customers", "customer_returned_to_pool", "crm.customers.v1.CustomerReturnedToPool"),
    ("customers", "pool_recycle_warning", "crm.customers.v1.PoolRecycleWarning"),
    ("customers", "follow_up_due", "crm.customers.v1.FollowUpDue"),
    ("customers", "lead_conversion_resolved", "crm.customers.v1.LeadConversionResolved"),
    ("sales", "opportunity_created", "crm.sales.v1.OpportunityCreated"),
    ("sales", "opportunity_stage_changed", "crm.sales.v1.OpportunityStageChanged"),
    ("sales", "opportunity_won", "crm.sales.v1.OpportunityWon"),
    ("sales", "opportunity_lost", "crm.sales.v1.OpportunityLost"),
    ("sales", "quote_sent", "crm.sales.v1.QuoteSent"),
    ("sales", "quote_accepted", "crm.sales.v1.QuoteAccepted"),
    ("sales", "order_confirmed", "crm.sales.v1.OrderConfirmed"),
    ("sales", "order_fulfilled", "crm.sales.v1.OrderFulfilled"),
    ("sales", "order_cancelled", "crm.sales.v1.OrderCancelled"),
    ("sales", "contract_activated", "crm.sales.v1.ContractActivated"),
    ("sales", "contract_expired", "crm.sales.v1.ContractExpired"),
    ("sales", "contract_terminated", "crm.sales.v1.ContractTerminated"),
    ("sales", "payment_plan_created", "crm.sales.v1.PaymentPlanCreated"),
    ("sales", "payment_received", "crm.sales.v1.PaymentReceived"),
    ("sales", "payment_overdue", "crm.sales.v1.PaymentOverdue"),
    ("sales", "invoice_issued", "crm.sales.v1.InvoiceIssued"),
    ("sales", "target_set", "crm.sales.v1.TargetSet"),
    ("sales", "approval_requested", "crm.sales.v1.ApprovalRequested"),
    ("sales", "approval_decided", "crm.sales.v1.ApprovalDecided"),
    ("marketing", "campaign_created", "crm.marketing.v1.CampaignCreated"),
    ("marketing", "campaign_approved", "crm.marketing.v1.CampaignApproved"),
    ("marketing", "campaign_cost_recorded", "crm.marketing.v1.CampaignCostRecorded"),
    ("marketing", "campaign_status_changed", "crm.marketing.v1.CampaignStatusChanged"),
    ("marketing", "lead_created", "crm.marketing.v1.LeadCreated"),
    ("marketing", "lead_assigned", "crm.marketing.v1.LeadAssigned"),
    ("marketing", "lead_returned_to_pool", "crm.marketing.v1.LeadReturnedToPool"),
    ("marketing", "lead_status_changed", "crm.marketing.v1.LeadStatusChanged"),
    ("marketing", "lead_converted", "crm.marketing.v1.LeadConverted"),
    ("marketing", "lead_disqualified", "crm.marketing.v1.LeadDisqualified"),
    ("service_desk", "work_order_created", "crm.service_desk.v1.WorkOrderCreated"),
    ("service_desk", "work_order_assigned", "crm.service_desk.v1.WorkOrderAssigned"),
    ("service_desk", "work_order_status_changed", "crm.service_desk.v1.WorkOrderStatusChanged"),
    ("service_desk", "work_order_resolved", "crm.service_desk.v1.WorkOrderResolved"),
    ("service_desk", "work_order_closed", "crm.service_desk.v1.WorkOrderClosed"),
    ("service_desk", "sla_at_risk", "crm.service_desk.v1.SlaAtRisk"),
    ("service_desk", "sla_breached", "crm.service_desk.v1.SlaBreached"),
    ("service_desk", "visit_scheduled", "crm.service_desk.v1.VisitScheduled"),
    ("service_desk", "visit_completed", "crm.service_desk.v1.VisitCompleted"),
    ("service_desk", "service_charge_recorded", "crm.service_desk.v1.ServiceChargeRecorded"),
    ("service_desk", "complaint_created", "crm.service_desk.v1.ComplaintCreated"),
    ("service_desk", "complaint_resolved", "crm.service_desk.v1.ComplaintResolved"),
    ("service_desk", "return_visit_planned", "crm.service_desk.v1.ReturnVisitPlanned"),
    ("service_desk", "return_visit_completed", "crm.service_desk.v1.ReturnVisitCompleted"),
)

REGISTRY = BusRegistry(
    service="reporting",
    publishes=(),
    consumes=tuple(
        Consumes(producer, event_type, schema, f"on_{event_type}") for producer, event_type, schema in CONSUMED
    ),
)
