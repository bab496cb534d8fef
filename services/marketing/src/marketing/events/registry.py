"""Events the marketing service publishes and consumes (README 'Events' table must match)."""

from crm_chassis.topology import BusRegistry, Consumes, Publishes

PUBLISHED = (
    ("campaign_created", "CampaignCreated"),
    ("campaign_approved", "CampaignApproved"),
    ("campaign_cost_recorded", "CampaignCostRecorded"),
    ("campaign_status_changed", "CampaignStatusChanged"),
    ("lead_created", "LeadCreated"),
    ("lead_assigned", "LeadAssigned"),
    ("lead_returned_to_pool", "LeadReturnedToPool"),
    ("lead_status_changed", "LeadStatusChanged"),
    ("lead_converted", "LeadConverted"),
    ("lead_disqualified", "LeadDisqualified"),
)

REGISTRY = BusRegistry(
    service="marketing",
    publishes=tuple(Publishes(event, f"crm.marketing.v1.{message}") for event, message in PUBLISHED),
    consumes=(
        Consumes("customers", "customer_created", "crm.customers.v1.CustomerCreated", "on_customer_created"),
        Consumes("customers", "customer_merged", "crm.customers.v1.CustomerMerged", "on_customer_merged"),
        Consumes(
            "customers",
            "lead_conversion_resolved",
            "crm.customers.v1.LeadConversionResolved",
            "on_lead_conversion_resolved",
        ),
        Consumes("sales", "opportunity_created", "crm.sales.v1.OpportunityCreated", "on_opportunity_created"),
    ),
)
