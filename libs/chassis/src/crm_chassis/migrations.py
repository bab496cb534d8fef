"""Alembic helpers: each service's migrations/env.py calls ``run_env``; the CLI calls ``upgrade``."""

from __future__ import annotations

import os
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import MetaData

from crm_chassis.db import make_engine


def alembic_config(database_url: str, migrations_dir: Path) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir))
    cfg.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    cfg.attributes["database_url"] = database_url
    return cfg


def pending(database_url: str, migrations_dir: Path) -> list[str]:
    """Revisions not yet applied to the database, oldest first, as 'rev: message'."""
    script = ScriptDirectory.from_config(alembic_config(database_url, migrations_dir))
    engine = make_engine(database_url)
    try:
        with engine.connect() as conn:
            current = set(MigrationContext.configure(conn).get_current_heads())
    finally:
        engine.dispose()
    todo = []
    for rev in script.walk_revisions():
        if rev.revision in current:
            break
        todo.append(f"{rev.revision}: {rev.doc}")
    return list(reversed(todo))


def upgrade(database_url: str, migrations_dir: Path, *, echo=print) -> int:
    """Apply every pending revision with progress lines; returns how many were applied."""
    todo = pending(database_url, migrations_dir)
    if not todo:
        echo("  schema is up to date")
        return 0
    for i, rev in enumerate(todo, 1):
        echo(f"  [{i}/{len(todo)}] {rev}")
    command.upgrade(alembic_config(database_url, migrations_dir), "head")
    echo(f"  applied {len(todo)} migration(s)")
    return len(todo)


def migrations_dir_for(default: Path) -> Path:
    """The migrations folder: CRM_MIGRATIONS_DIR (container images) or the source tree's."""
    return Path(os.environ.get("CRM_MIGRATIONS_DIR") or default)


def run_env(context, metadata: MetaData) -> None:  # type: ignore[no-untyped-def]
    """Body of a service's migrations/env.py (online mode only; render_as_batch for SQLite)."""
    url = context.config.attributes.get("database_url") or context.config.get_main_option("sqlalchemy.url")
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            context.configure(
                connection=connection,
                target_metadata=metadata,
                render_as_batch=connection.dialect.name == "sqlite",
                compare_type=True,
            )
            with context.begin_transaction():
                context.run_migrations()
            connection.commit()
    finally:
        engine.dispose()
