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
)

REGISTRY = BusRegistry(
    service="reporting",
    publishes=(),
    consumes=tuple(
        Consumes("customers", event_type, f"crm.customers.v1.{message}", f"on_{event_type}")
        for event_type, message in _CUSTOMERS
    ),
)
