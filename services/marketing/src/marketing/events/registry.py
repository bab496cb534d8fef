"""Events the marketing service publishes and consumes (README 'Events' table must match)."""

from crm_chassis.topology import BusRegistry

REGISTRY = BusRegistry(service="marketing", publishes=(), consumes=())
