"""Alembic environment of the marketing service (its own database only)."""

from alembic import context

from crm_chassis.migrations import run_env
from marketing.persistence.tables import metadata

run_env(context, metadata)
