"""Events the service-desk service publishes and consumes (README 'Events' table must match)."""

from crm_chassis.topology import BusRegistry

REGISTRY = BusRegistry(service="service_desk", publishes=(), consumes=())
