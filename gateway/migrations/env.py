"""Alembic environment of the gateway database (users, organisation, roles, refresh tokens, audit log).

`crm-gateway migrate` runs it through the chassis (`crm_chassis.migrations.upgrade`), which passes
the database URL; the schema is `gateway.store.tables.metadata`.
"""

from alembic import context

from crm_chassis.migrations import run_env
from gateway.store.tables import metadata

run_env(context, metadata)
