"""Alembic environment of the sales service (its own database only)."""

from alembic import context

from crm_chassis.migrations import run_env
from sales.persistence.tables import metadata

run_env(context, metadata)
