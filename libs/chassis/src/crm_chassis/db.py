"""Database engine and sessions for one service's own database.

SQLite (embedded default) gets WAL, a busy timeout and foreign keys; PostgreSQL gets a
pool with pre-ping. Nothing here knows any service's tables.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Table, create_engine, event
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

READ_ONLY_OPTION = "crm_read_only"


def make_engine(url: str, *, pool_size: int = 10) -> Engine:
    """An Engine for `url`; creates the parent folder of a SQLite file if needed."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
            # Let SQLAlchemy issue BEGIN itself so a transaction takes the write lock up front
            # (BEGIN IMMEDIATE): readers never block, writers queue instead of deadlocking.
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn) -> None:  # type: ignore[no-untyped-def]
            read_only = conn.get_execution_options().get(READ_ONLY_OPTION, False)
            conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

        return engine
    return create_engine(url, pool_size=pool_size, max_overflow=pool_size, pool_pre_ping=True)


def as_utc(value: datetime) -> datetime:
    """`value` as an aware UTC datetime: SQLite returns naive datetimes, and everything stored is UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def conflict_insert(session: Session, table: Table) -> Any:
    """An INSERT for `table` that supports ON CONFLICT clauses on this session's database
    (PostgreSQL or SQLite, the two the suite runs on)."""
    if session.get_bind().dialect.name == "postgresql":
        return pg_insert(table)
    return sqlite_insert(table)


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """A session whose work commits when the block ends normally and rolls back otherwise."""
    session = factory()
    try:
        with session.begin():
            yield session
    finally:
        session.close()


@contextmanager
def read_transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """A session for reads only: on SQLite it takes no write lock, so readers never queue behind writers."""
    session = factory()
    try:
        session.connection(execution_options={READ_ONLY_OPTION: True})
        yield session
        session.rollback()
    finally:
        session.close()
