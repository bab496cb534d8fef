"""Events the customers service publishes and consumes (README 'Events' table must match)."""

from crm_chassis.topology import BusRegistry, Consumes, Publishes

REGISTRY = BusRegistry(
    service="customers",
    publishes=(
        Publishes("customer_created", "crm.customers.v1.CustomerCreated"),
        Publishes("customer_updated", "crm.customers.v1.CustomerUpdated"),
        Publishes("customer_deleted", "crm.customers.v1.CustomerDeleted"),
        Publishes("customer_restored", "crm.customers.v1.CustomerRestored"),
        Publishes("customer_purged", "crm.customers.v1.CustomerPurged"),
        Publishes("customer_merged", "crm.customers.v1.CustomerMerged"),
        Publishes("customer_locked", "crm.customers.v1.CustomerLocked"),
        Publishes("contact_created", "crm.customers.v1.ContactCreated"),
        Publishes("contact_updated", "crm.customers.v1.ContactUpdated"),
        Publishes("activity_logged", "crm.customers.v1.ActivityLogged"),
        Publishes("customer_owner_changed", "crm.customers.v1.CustomerOwnerChanged"),
        Publishes("customer_returned_to_pool", "crm.customers.v1.CustomerReturnedToPool"),
        Publishes("pool_recycle_warning", "crm.customers.v1.PoolRecycleWarning"),
        Publishes("follow_up_due", "crm.customers.v1.FollowUpDue"),
        Publishes("lead_conversion_resolved", "crm.customers.v1.LeadConversionResolved"),
    ),
    consumes=(
        # Deals made in sales: the last deal time moves and the customer becomes active (issue 4).
        Consumes("sales", "opportunity_won", "crm.sales.v1.OpportunityWon", "on_opportunity_won"),
        Consumes("sales", "order_confirmed", "crm.sales.v1.OrderConfirmed", "on_order_confirmed"),
        # Contracts pause the pool timers while active (C4).
        Consumes("sales", "contract_activated", "crm.sales.v1.ContractActivated", "on_contract_activated"),
        Consumes("sales", "contract_expired", "crm.sales.v1.ContractExpired", "on_contract_expired"),
        Consumes("sales", "contract_terminated", "crm.sales.v1.ContractTerminated", "on_contract_terminated"),
        # Converted marketing leads become (or link to) customers (M6).
        Consumes("marketing", "lead_converted", "crm.marketing.v1.LeadConverted", "on_lead_converted"),
    ),
)
