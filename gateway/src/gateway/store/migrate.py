"""`crm-gateway migrate`: apply the Alembic migrations, then make sure the bootstrap admin exists."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from crm_chassis.db import make_engine, make_session_factory, transaction
from gateway.config import LOCAL_ADMIN_PASSWORD, Settings
from gateway.identity.passwords import Passwords
from gateway.store import users as user_store

log = logging.getLogger("gateway.migrate")

ADMIN_USERNAME = "admin"
ADMIN_ROLE = "admin"


class MigrationsNotFound(Exception):
    pass


def alembic_config(settings: Settings, engine: Engine) -> Config:
    folder = Path(settings.migrations_dir)
    if not (folder / "env.py").is_file():
        raise MigrationsNotFound(
            f"no Alembic migrations at {folder} (set CRM_MIGRATIONS_DIR to the folder holding env.py)"
        )
    cfg = Config()
    cfg.set_main_option("script_location", str(folder))
    cfg.set_main_option("sqlalchemy.url", settings.database_url.replace("%", "%%"))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(settings: Settings, engine: Engine, progress: Callable[[str], None]) -> list[str]:
    """Apply every pending revision; returns the ids applied (in order)."""
    cfg = alembic_config(settings, engine)
    script = ScriptDirectory.from_config(cfg)
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    head = script.get_current_head()
    progress(f"database at revision {current or '(empty)'}, code at {head}")
    applied: list[str] = []

    def on_apply(*, step, **_: object) -> None:  # type: ignore[no-untyped-def]
        revision = step.up_revision
        applied.append(revision.revision)
        progress(f"applied {revision.revision}: {revision.doc}")

    cfg.attributes["on_version_apply"] = on_apply
    command.upgrade(cfg, "head")
    progress("up to date" if not applied else f"{len(applied)} migration(s) applied")
    return applied


def ensure_admin(
    settings: Settings, engine: Engine, passwords: Passwords, *, reset_password: bool = False
) -> str:
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
            outcome = "created"
        else:
            if ADMIN_ROLE not in existing.roles:
                user_store.set_roles(session, existing.id, [*existing.roles, ADMIN_ROLE])
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
    say(f"migrating {make_url(settings.database_url).render_as_string(hide_password=True)}")
    engine = make_engine(settings.database_url, pool_size=1)
    try:
        upgrade(settings, engine, say)
        outcome = ensure_admin(settings, engine, Passwords(), reset_password=reset_admin_password)
    finally:
        engine.dispose()
    if outcome == "exists":
        say("bootstrap user 'admin' exists (password kept; --reset-admin-password applies it)")
    elif settings.admin_password == LOCAL_ADMIN_PASSWORD:
        log.warning(
            "bootstrap user 'admin' %s with the LOCAL DEFAULT password %r "
            "(set CRM_ADMIN_PASSWORD outside local runs)",
            outcome,
            LOCAL_ADMIN_PASSWORD,
        )
    else:
        say(f"bootstrap user 'admin' {outcome} with the password from CRM_ADMIN_PASSWORD")
