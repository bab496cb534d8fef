"""pytest fixtures giving each test run its own slice of the real RabbitMQ, Redis and PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
import redis as redis_lib

from crm_testkit.infra import PostgresDatabase, Vhost

DEFAULT_REDIS = "redis://127.0.0.1:6379/0"


@pytest.fixture(scope="session")
def vhost() -> Iterator[Vhost]:
    """One RabbitMQ vhost for the whole run (tests purge the queues they use)."""
    v = Vhost()
    yield v
    v.close()


@pytest.fixture
def private_vhost() -> Iterator[Vhost]:
    """A vhost of this test alone (for tests that run whole processes)."""
    v = Vhost()
    yield v
    v.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """An empty database of each kind: a SQLite file, then a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path}/test.db"
        return
    db = PostgresDatabase()
    yield db.url
    db.close()


@pytest.fixture
def postgres_url() -> Iterator[str]:
    db = PostgresDatabase()
    yield db.url
    db.close()


@pytest.fixture(scope="session")
def redis_url() -> str:
    url = os.environ.get("CRM_TEST_REDIS_URL", DEFAULT_REDIS)
    redis_lib.Redis.from_url(url).ping()
    return url


@pytest.fixture
def redis_prefix(redis_url: str) -> Iterator[str]:
    """A key prefix of this test alone; its keys are deleted afterwards."""
    prefix = f"crm_t_{uuid.uuid4().hex[:10]}"
    yield prefix
    client = redis_lib.Redis.from_url(redis_url)
    keys = list(client.scan_iter(f"{prefix}*"))
    if keys:
        client.delete(*keys)
