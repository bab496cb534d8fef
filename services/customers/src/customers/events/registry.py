"""Events the customers service publishes and consumes (README 'Events' table must match)."""

from crm_chassis.topology import BusRegistry, Publishes

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
    ),
    consumes=(),
)
