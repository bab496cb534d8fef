"""Events the reporting service publishes and consumes (README 'Events' table must match).

Reporting reads every event the suite publishes; each new published event gets a handler here.
"""

from crm_chassis.topology import BusRegistry, Consumes

REGISTRY = BusRegistry(
    service="reporting",
    publishes=(),
    consumes=(Consumes("customers", "customer_created", "crm.customers.v1.CustomerCreated", "on_customer_created"),),
)
