"""Alembic environment of the service-desk service (its own database only)."""

from alembic import context

from crm_chassis.migrations import run_env
from service_desk.persistence.tables import metadata

run_env(context, metadata)
