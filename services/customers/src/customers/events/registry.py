"""Events the customers service publishes and consumes (README 'Events' table must match)."""

from crm_chassis.topology import BusRegistry, Publishes

REGISTRY = BusRegistry(
    service="customers",
    publishes=(Publishes("customer_created", "crm.customers.v1.CustomerCreated"),),
    consumes=(),
)
