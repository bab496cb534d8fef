"""`crm-gateway migrate`: apply the Alembic migrations, then make sure the bootstrap admin exists."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from crm_chassis import migrations
from crm_chassis.db import make_engine, make_session_factory, transaction
from gateway.config import LOCAL_ADMIN_PASSWORD, Settings
from gateway.identity.passwords import Passwords
from gateway.store import audit
from gateway.store import users as user_store

log = logging.getLogger("gateway.migrate")

ADMIN_USERNAME = "admin"
ADMIN_ROLE = "admin"


class MigrationsNotFound(Exception):
    pass


def check_migrations_dir(settings: Settings) -> Path:
    folder = Path(settings.migrations_dir)
    if not (folder / "env.py").is_file():
        raise MigrationsNotFound(
            f"no Alembic migrations at {folder} (set CRM_MIGRATIONS_DIR to the folder holding env.py)"
        )
    return folder


def ensure_admin(settings: Settings, engine: Engine, passwords: Passwords, *, reset_password: bool = False) -> str:
    """Create the bootstrap `admin` user (role admin, scope all) unless it exists.

    An existing admin keeps its password (it may have been changed since) unless `reset_password`.
    Returns what happened: "created", "password reset" or "exists".
    """
    factory = make_session_factory(engine)
    with transaction(factory) as session:
        existing = user_store.find_by_username(session, ADMIN_USERNAME)
        if existing is None:
            user_store.create_user(
                session,
                username=ADMIN_USERNAME,
                password_hash=passwords.hash(settings.admin_password),
                display_name="Administrator",
                roles=[ADMIN_ROLE],
            )
            audit.bump_authz(session)
            outcome = "created"
        else:
            if ADMIN_ROLE not in existing.roles:
                user_store.set_roles(session, existing.id, [*existing.roles, ADMIN_ROLE])
                audit.bump_authz(session)
            if reset_password:
                user_store.set_password_hash(session, existing.id, passwords.hash(settings.admin_password))
                outcome = "password reset"
            else:
                outcome = "exists"
    return outcome


def run(
    settings: Settings, *, reset_admin_password: bool = False, progress: Callable[[str], None] | None = None
) -> None:
    say = progress or (lambda text: log.info(text))
    folder = check_migrations_dir(settings)
    say(f"migrating {make_url(settings.database_url).render_as_string(hide_password=True)} with {folder}")
    migrations.upgrade(settings.database_url, folder, echo=say)
    engine = make_engine(settings.database_url, pool_size=1)
    try:
        outcome = ensure_admin(settings, engine, Passwords(), reset_password=reset_admin_password)
    finally:
        engine.dispose()
    if outcome == "exists":
        say("bootstrap user 'admin' exists (password kept; --reset-admin-password applies it)")
    elif settings.admin_password == LOCAL_ADMIN_PASSWORD:
        log.warning(
            "bootstrap user 'admin' %s with the LOCAL DEFAULT password %r (set CRM_ADMIN_PASSWORD outside local runs)",
            outcome,
            LOCAL_ADMIN_PASSWORD,
        )
    else:
        say(f"bootstrap user 'admin' {outcome} with the password from CRM_ADMIN_PASSWORD")
