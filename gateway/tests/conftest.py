"""Gateway test harness: real Redis (unique key prefix per run), a temp SQLite database migrated
with `crm-gateway migrate`'s code, and real in-process gRPC servers standing in for the services.
Apps run in-process through Starlette's TestClient (httpx-based), which runs the lifespan."""

from __future__ import annotations

import socket
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
import redis
from crm_chassis.db import make_engine, make_session_factory, transaction
from fastapi import FastAPI
from gw_fakes import FakeUpstreams
from starlette.testclient import TestClient

from gateway.app import create_app
from gateway.config import Settings, load_settings
from gateway.identity.passwords import Passwords
from gateway.store import migrate
from gateway.store import users as user_store

REDIS_URL = "redis://127.0.0.1:6379/0"
ADMIN_PASSWORD = "admin-test-password"
USER_PASSWORD = "user-test-password"
JWT_SECRET = "gateway-tests-" + "x" * 40


@dataclass(frozen=True)
class User:
    username: str
    password: str
    id: str


def free_port() -> int:
    """A port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def run_prefix() -> Iterator[str]:
    prefix = f"gwtest-{uuid.uuid4().hex[:12]}"
    yield prefix
    client = redis.Redis.from_url(REDIS_URL)
    try:
        keys = list(client.scan_iter(match=f"{prefix}:*", count=500))
        if keys:
            client.delete(*keys)
    finally:
        client.close()


@pytest.fixture(scope="session")
def upstreams() -> Iterator[FakeUpstreams]:
    fake = FakeUpstreams()
    fake.start()
    yield fake
    fake.stop()


@pytest.fixture(autouse=True)
def _clean_upstreams(upstreams: FakeUpstreams) -> Iterator[None]:
    upstreams.reset()
    yield
    upstreams.reset()


@pytest.fixture(scope="session")
def base_env(tmp_path_factory: pytest.TempPathFactory, upstreams: FakeUpstreams, run_prefix: str) -> dict[str, str]:
    db = tmp_path_factory.mktemp("gateway") / "gateway.db"
    env = {
        "CRM_DATABASE_URL": f"sqlite:///{db}",
        "CRM_REDIS_URL": REDIS_URL,
        "CRM_REDIS_PREFIX": run_prefix,
        "CRM_JWT_SECRET": JWT_SECRET,
        "CRM_ADMIN_PASSWORD": ADMIN_PASSWORD,
        "CRM_GATEWAY_DEADLINE_SECONDS": "2",
        "CRM_GATEWAY_HEALTH_TIMEOUT_SECONDS": "1",
        "CRM_LOGIN_RATE_LIMIT_PER_MINUTE": "10000",
        "CRM_LOG_FORMAT": "text",
    }
    for name, target in upstreams.targets.items():
        env[f"CRM_{name.upper()}_GRPC_TARGET"] = target
    return env


@pytest.fixture(scope="session")
def make_settings(base_env: dict[str, str]) -> Callable[..., Settings]:
    def build(**overrides: str) -> Settings:
        return load_settings({**base_env, **overrides})

    return build


@pytest.fixture(scope="session")
def users(make_settings: Callable[..., Settings]) -> dict[str, User]:
    """Migrate the database (as `crm-gateway migrate` does) and add test users."""
    settings = make_settings()
    migrate.run(settings, progress=lambda _line: None)
    engine = make_engine(settings.database_url)
    passwords = Passwords()
    out: dict[str, User] = {}
    try:
        with transaction(make_session_factory(engine)) as session:
            admin = user_store.find_by_username(session, "admin")
            assert admin is not None and admin.roles == ("admin",)
            out["admin"] = User("admin", ADMIN_PASSWORD, admin.id)
            for username, roles in (("rep1", ["sales_rep"]), ("rep2", ["sales_rep"]), ("guest", [])):
                record = user_store.create_user(
                    session,
                    username=username,
                    password_hash=passwords.hash(USER_PASSWORD),
                    display_name=username.title(),
                    roles=roles,
                )
                out[username] = User(username, USER_PASSWORD, record.id)
    finally:
        engine.dispose()
    return out


@pytest.fixture(scope="session")
def make_client(make_settings: Callable[..., Settings], users: dict[str, User]):
    """`with make_client(CRM_X="...") as client:` an app with these setting overrides, lifespan running."""

    @contextmanager
    def build(app: FastAPI | None = None, **overrides: str) -> Iterator[TestClient]:
        application = app or create_app(make_settings(**overrides))
        with TestClient(application) as client:
            yield client

    return build


@pytest.fixture(scope="session")
def client(make_client) -> Iterator[TestClient]:
    """The default app, shared by tests that need no special settings."""
    with make_client() as shared:
        yield shared


@pytest.fixture(scope="session")
def tokens(client: TestClient, users: dict[str, User]) -> dict[str, str]:
    """An access token per test user (logged in once per run)."""
    out = {}
    for name, user in users.items():
        reply = client.post("/v1/auth/login", json={"username": user.username, "password": user.password})
        assert reply.status_code == 200, reply.text
        out[name] = reply.json()["access_token"]
    return out


@pytest.fixture(scope="session")
def auth(tokens: dict[str, str]) -> Callable[[str], dict[str, str]]:
    def headers(user: str = "admin") -> dict[str, str]:
        return {"Authorization": f"Bearer {tokens[user]}"}

    return headers
