"""Alembic environment of the reporting service (its own database only)."""

from alembic import context

from crm_chassis.migrations import run_env
from reporting.persistence.tables import metadata

run_env(context, metadata)
