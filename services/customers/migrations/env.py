"""Alembic environment of the customers service (its own database only)."""

from alembic import context

from crm_chassis.migrations import run_env
from customers.persistence.tables import metadata

run_env(context, metadata)
