"""Gateway test harness.

- Real Redis (the testkit's `redis_url`), one unique key prefix per run, deleted afterwards.
- A temp SQLite database migrated by the code behind `crm-gateway migrate`.
- Real in-process gRPC servers standing in for the services: the generated servicers with an
  in-memory customers/reporting behaviour and the standard health service. They record every
  call and its metadata, so tests check what the gateway sent and that rejected requests never
  reached a service. (They live here, not in a helper module: the suite runs with
  `--import-mode=importlib`, where test folders are not importable.)
- Apps run in-process through Starlette's TestClient (httpx-based), which runs the lifespan.
"""

from __future__ import annotations

import socket
import threading
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from concurrent import futures
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime

import grpc
import httpx
import pytest
import redis
from fastapi import FastAPI
from google.protobuf import message_factory
from google.protobuf.timestamp_pb2 import Timestamp
from grpc_health.v1 import health, health_pb2, health_pb2_grpc

from crm.common.v1 import paging_pb2
from crm.customers.v1 import customer_pool_service_pb2 as ppb
from crm.customers.v1 import customer_pool_service_pb2_grpc as pgrpc
from crm.customers.v1 import customers_service_pb2 as cpb
from crm.customers.v1 import customers_service_pb2_grpc as cgrpc
from crm.marketing.v1 import marketing_service_pb2 as mpb
from crm.marketing.v1 import marketing_service_pb2_grpc as mgrpc
from crm.reporting.v1 import reporting_service_pb2 as rpb
from crm.reporting.v1 import reporting_service_pb2_grpc as rgrpc
from crm.sales.v1 import sales_service_pb2 as spb
from crm.sales.v1 import sales_service_pb2_grpc as sgrpc
from crm.service_desk.v1 import service_desk_service_pb2 as sdpb
from crm.service_desk.v1 import service_desk_service_pb2_grpc as sdgrpc
from crm_chassis.db import make_engine, make_session_factory, transaction
from gateway.app import create_app
from gateway.config import Settings, load_settings
from gateway.identity.passwords import Passwords
from gateway.store import migrate
from gateway.store import users as user_store

ADMIN_PASSWORD = "admin-test-password"
USER_PASSWORD = "user-test-password"
JWT_SECRET = "gateway-tests-" + "x" * 40


# ---------------------------------------------------------------- fake upstream services

UPSTREAM_NAMES = ("customers", "marketing", "sales", "service_desk", "reporting")


@dataclass
class Call:
    method: str
    request: object
    metadata: dict[str, str]


@dataclass
class World:
    """Shared state of the fake services."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    customers: list[cpb.Customer] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)
    # Set by tests: CreateCustomer waits on this event (until the deadline) to simulate a slow service.
    slow: threading.Event | None = None

    def record(self, method: str, request: object, context: grpc.ServicerContext) -> dict[str, str]:
        metadata = {k: v for k, v in context.invocation_metadata() if isinstance(v, str)}
        with self.lock:
            self.calls.append(Call(method, request, metadata))
        return metadata

    def calls_to(self, method: str) -> list[Call]:
        with self.lock:
            return [c for c in self.calls if c.method == method]

    def reset(self) -> None:
        with self.lock:
            self.customers.clear()
            self.calls.clear()
            self.slow = None


def _visible(metadata: dict[str, str]) -> set[str] | None:
    raw = metadata.get("x-crm-visible-owners")
    if raw is None:
        return None
    return {part for part in raw.split(",") if part}


def _abort(
    context: grpc.ServicerContext, code: grpc.StatusCode, reason: str, message: str, field: str | None = None
) -> None:
    trailers = [("x-crm-error-code", reason)]
    if field:
        trailers.append(("x-crm-error-field", field))
    context.set_trailing_metadata(tuple(trailers))
    context.abort(code, message)


class FakeCustomers(cgrpc.CustomersServiceServicer):
    def __init__(self, world: World) -> None:
        self.world = world

    def CreateCustomer(self, request, context):
        metadata = self.world.record("CreateCustomer", request, context)
        if self.world.slow is not None:
            self.world.slow.wait(timeout=5)
        if request.name == "boom":
            context.abort(grpc.StatusCode.INTERNAL, "Traceback (most recent call last): secret-internals")
        if not request.name.strip():
            _abort(
                context,
                grpc.StatusCode.INVALID_ARGUMENT,
                "customer.name_required",
                "A customer needs a name.",
                field="name",
            )
        user = metadata.get("x-crm-user-id", "")
        now = Timestamp()
        now.FromDatetime(datetime.now(UTC))
        customer = cpb.Customer(
            id=str(uuid.uuid4()),
            name=request.name,
            owner_id=request.owner_id or user,
            level=request.level,
            industry=request.industry,
            phone=request.phone,
            email=request.email,
            phones=[p for p in (request.phone, *request.phones) if p],
            emails=[e for e in (request.email, *request.emails) if e],
            version=1,
            created_at=now,
            updated_at=now,
            created_by=user,
        )
        with self.world.lock:
            self.world.customers.append(customer)
        return cpb.CreateCustomerResponse(customer=customer)

    def GetCustomer(self, request, context):
        metadata = self.world.record("GetCustomer", request, context)
        visible = _visible(metadata)
        with self.world.lock:
            found = [c for c in self.world.customers if c.id == request.id]
        if not found or (visible is not None and found[0].owner_id not in visible):
            _abort(context, grpc.StatusCode.NOT_FOUND, "customer.not_found", f"No customer {request.id}.")
        return cpb.GetCustomerResponse(customer=found[0])

    def ListCustomers(self, request, context):
        metadata = self.world.record("ListCustomers", request, context)
        visible = _visible(metadata)
        with self.world.lock:
            rows = list(reversed(self.world.customers))
        rows = [c for c in rows if visible is None or c.owner_id in visible]
        if request.owner_id:
            rows = [c for c in rows if c.owner_id == request.owner_id]
        if request.page.cursor and not request.page.cursor.isdigit():
            _abort(
                context,
                grpc.StatusCode.INVALID_ARGUMENT,
                "page.cursor_invalid",
                "cursor is not valid",
                field="cursor",
            )
        start = int(request.page.cursor) if request.page.cursor else 0
        limit = request.page.limit or 50
        page = rows[start : start + limit]
        more = start + limit < len(rows)
        return cpb.ListCustomersResponse(
            customers=page, page=paging_pb2.PageResponse(next_cursor=str(start + limit) if more else "")
        )

    def FindByPhone(self, request, context):
        metadata = self.world.record("FindByPhone", request, context)
        visible = _visible(metadata)
        digits = "".join(ch for ch in request.phone if ch.isdigit())
        if len(digits) < 3:
            _abort(context, grpc.StatusCode.INVALID_ARGUMENT, "phone.invalid", "not a phone number", field="phone")
        with self.world.lock:
            rows = [
                c
                for c in self.world.customers
                if any("".join(ch for ch in p if ch.isdigit()).endswith(digits) for p in c.phones)
                and (visible is None or c.owner_id in visible)
            ]
        return cpb.FindByPhoneResponse(customers=rows)

    def _customer(self, customer_id, context):
        with self.world.lock:
            found = [c for c in self.world.customers if c.id == customer_id]
        if not found:
            _abort(context, grpc.StatusCode.NOT_FOUND, "customer.not_found", f"No customer {customer_id}.")
        return found[0]

    def CreateContact(self, request, context):
        self.world.record("CreateContact", request, context)
        self._customer(request.customer_id, context)
        contact = cpb.Contact(
            id=str(uuid.uuid4()),
            customer_id=request.customer_id,
            name=request.name,
            title=request.title,
            phones=request.phones,
            emails=request.emails,
            primary=request.primary,
            version=1,
        )
        return cpb.CreateContactResponse(contact=contact)

    def LogActivity(self, request, context):
        self.world.record("LogActivity", request, context)
        customer = self._customer(request.customer_id, context)
        activity = cpb.Activity(
            id=str(uuid.uuid4()), customer_id=request.customer_id, type=request.type, content=request.content
        )
        return cpb.LogActivityResponse(activity=activity, customer=customer)

    # Read-only child lists: an unknown (or invisible) customer is NOT_FOUND, a bad cursor
    # INVALID_ARGUMENT, otherwise empty pages (gateway tests check translation, not the data).
    def _child_list(self, method, request, context, reply):
        metadata = self.world.record(method, request, context)
        visible = _visible(metadata)
        with self.world.lock:
            found = [c for c in self.world.customers if c.id == request.customer_id]
        if not found or (visible is not None and found[0].owner_id not in visible):
            _abort(context, grpc.StatusCode.NOT_FOUND, "customer.not_found", f"No customer {request.customer_id}.")
        page = getattr(request, "page", None)
        if page is not None and page.cursor:
            _abort(context, grpc.StatusCode.INVALID_ARGUMENT, "page.cursor_invalid", "bad cursor", field="cursor")
        return reply

    def GetCustomerHistory(self, request, context):
        return self._child_list("GetCustomerHistory", request, context, cpb.GetCustomerHistoryResponse())

    def ListContacts(self, request, context):
        return self._child_list("ListContacts", request, context, cpb.ListContactsResponse())

    def ListActivities(self, request, context):
        return self._child_list("ListActivities", request, context, cpb.ListActivitiesResponse())

    def ListCustomerShares(self, request, context):
        return self._child_list("ListCustomerShares", request, context, cpb.ListCustomerSharesResponse())

    def ListDeletedCustomers(self, request, context):
        self.world.record("ListDeletedCustomers", request, context)
        if request.page.cursor:
            _abort(context, grpc.StatusCode.INVALID_ARGUMENT, "page.cursor_invalid", "bad cursor", field="cursor")
        return cpb.ListDeletedCustomersResponse()

    def ListCustomFields(self, request, context):
        self.world.record("ListCustomFields", request, context)
        if request.entity not in ("customer", "contact"):
            _abort(context, grpc.StatusCode.INVALID_ARGUMENT, "custom_field.entity_invalid", "bad entity", "entity")
        return cpb.ListCustomFieldsResponse()


class FakeCustomerPool(pgrpc.CustomerPoolServiceServicer):
    """The pool: customers of the world without an owner (G5: everyone sees the pool)."""

    def __init__(self, world: World) -> None:
        self.world = world

    def ListPoolCustomers(self, request, context):
        self.world.record("ListPoolCustomers", request, context)
        if request.page.cursor and not request.page.cursor.isdigit():
            _abort(context, grpc.StatusCode.INVALID_ARGUMENT, "page.cursor_invalid", "bad cursor", field="cursor")
        with self.world.lock:
            rows = [c for c in self.world.customers if not c.owner_id]
        return ppb.ListPoolCustomersResponse(
            customers=[ppb.PoolCustomer(customer=c, contact_details_masked=True) for c in rows]
        )

    def ClaimCustomers(self, request, context):
        metadata = self.world.record("ClaimCustomers", request, context)
        claimed = []
        with self.world.lock:
            for c in self.world.customers:
                if c.id in request.customer_ids and not c.owner_id:
                    c.owner_id = metadata.get("x-crm-user-id", "")
                    c.version += 1
                    claimed.append(c)
        if len(claimed) != len(request.customer_ids):
            _abort(context, grpc.StatusCode.FAILED_PRECONDITION, "pool.not_in_pool", "not in the pool")
        return ppb.ClaimCustomersResponse(customers=claimed)

    def ReleaseCustomer(self, request, context):
        self.world.record("ReleaseCustomer", request, context)
        with self.world.lock:
            found = [c for c in self.world.customers if c.id == request.customer_id and c.owner_id]
            for c in found:
                c.owner_id = ""
                c.version += 1
        if not found:
            _abort(context, grpc.StatusCode.NOT_FOUND, "customer.not_found", "no such owned customer")
        return ppb.ReleaseCustomerResponse(customer=found[0])


class FakeReporting(rgrpc.ReportingServiceServicer):
    def __init__(self, world: World) -> None:
        self.world = world

    def GetCustomerSummary(self, request, context):
        metadata = self.world.record("GetCustomerSummary", request, context)
        visible = _visible(metadata)
        with self.world.lock:
            rows = [c for c in self.world.customers if visible is None or c.owner_id in visible]
        counts: dict[str, int] = {}
        for c in rows:
            counts[c.owner_id] = counts.get(c.owner_id, 0) + 1
        reply = rpb.GetCustomerSummaryResponse(
            total=len(rows),
            by_owner=[rpb.OwnerCount(owner_id=o, count=n) for o, n in sorted(counts.items())],
        )
        if rows:
            reply.as_of.CopyFrom(max(rows, key=lambda c: c.created_at.ToNanoseconds()).created_at)
        return reply


class FakeSales(sgrpc.SalesServiceServicer):
    """The sales service as far as the gateway's own tests need it (the real one is exercised by
    tests/e2e/test_sales_through_gateway.py): every list is empty (a cursor that is not a number
    is INVALID_ARGUMENT, like the service), everything else NOT_FOUND. Calls are recorded."""

    def __init__(self, world: World) -> None:
        self.world = world


def _fake_sales_method(name: str, output: type):  # type: ignore[no-untyped-def]
    def method(self, request, context):  # type: ignore[no-untyped-def]
        self.world.record(name, request, context)
        if self.world.slow is not None:
            self.world.slow.wait(timeout=5)  # a slow sales service (the fan-out deadline tests)
        if name.startswith("List"):
            page = request.options.page if hasattr(request, "options") else getattr(request, "page", None)
            if page is not None and page.cursor and not page.cursor.isdigit():
                _abort(
                    context, grpc.StatusCode.INVALID_ARGUMENT, "page.cursor_invalid", "cursor is not valid", "cursor"
                )
            return output()
        _abort(context, grpc.StatusCode.NOT_FOUND, "resource.not_found", f"{name}: no such record")

    method.__name__ = name
    return method


def _fill_with_fakes(cls: type, service: object) -> type:
    """Give `cls` a recording fake (empty lists, NOT_FOUND otherwise) for every RPC of `service`
    (a proto ServiceDescriptor) it does not implement itself."""
    for rpc in service.methods:  # type: ignore[attr-defined]
        if rpc.name not in cls.__dict__:
            setattr(cls, rpc.name, _fake_sales_method(rpc.name, message_factory.GetMessageClass(rpc.output_type)))
    return cls


_fill_with_fakes(FakeSales, spb.DESCRIPTOR.services_by_name["SalesService"])


class FakeMarketing(mgrpc.MarketingServiceServicer):
    """The marketing service as FakeSales fakes sales (routes: tests/e2e/test_marketing_*)."""

    def __init__(self, world: World) -> None:
        self.world = world


class FakeServiceDesk(sdgrpc.ServiceDeskServiceServicer):
    """The service desk as FakeSales fakes sales (routes: tests/e2e/test_service_desk_*)."""

    def __init__(self, world: World) -> None:
        self.world = world


_fill_with_fakes(FakeMarketing, mpb.DESCRIPTOR.services_by_name["MarketingService"])
_fill_with_fakes(FakeReporting, rpb.DESCRIPTOR.services_by_name["ReportingService"])
_fill_with_fakes(FakeServiceDesk, sdpb.DESCRIPTOR.services_by_name["ServiceDeskService"])


class FakeUpstreams:
    """One real gRPC server per upstream on 127.0.0.1:<free port>, each with a health service."""

    def __init__(self) -> None:
        self.world = World()
        self.servers: dict[str, grpc.Server] = {}
        self.health: dict[str, health.HealthServicer] = {}
        self.targets: dict[str, str] = {}

    def start(self) -> None:
        for name in UPSTREAM_NAMES:
            server = grpc.server(futures.ThreadPoolExecutor(max_workers=8))
            health_servicer = health.HealthServicer()
            health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
            if name == "customers":
                cgrpc.add_CustomersServiceServicer_to_server(FakeCustomers(self.world), server)
                pgrpc.add_CustomerPoolServiceServicer_to_server(FakeCustomerPool(self.world), server)
            elif name == "reporting":
                rgrpc.add_ReportingServiceServicer_to_server(FakeReporting(self.world), server)
            elif name == "sales":
                sgrpc.add_SalesServiceServicer_to_server(FakeSales(self.world), server)
            elif name == "marketing":
                mgrpc.add_MarketingServiceServicer_to_server(FakeMarketing(self.world), server)
            elif name == "service_desk":
                sdgrpc.add_ServiceDeskServiceServicer_to_server(FakeServiceDesk(self.world), server)
            port = server.add_insecure_port("127.0.0.1:0")
            server.start()
            self.servers[name] = server
            self.health[name] = health_servicer
            self.targets[name] = f"127.0.0.1:{port}"
        self.reset()

    def set_health(self, name: str, serving: bool) -> None:
        status = health_pb2.HealthCheckResponse.SERVING if serving else health_pb2.HealthCheckResponse.NOT_SERVING
        self.health[name].set("", status)

    def reset(self) -> None:
        if self.world.slow is not None:
            self.world.slow.set()
        self.world.reset()
        for name in self.servers:
            self.set_health(name, True)

    def stop(self) -> None:
        if self.world.slow is not None:
            self.world.slow.set()
        for server in self.servers.values():
            server.stop(grace=None)


# ---------------------------------------------------------------- fixtures


@dataclass(frozen=True)
class User:
    username: str
    password: str
    id: str


@pytest.fixture
def dead_target() -> str:
    """host:port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"127.0.0.1:{sock.getsockname()[1]}"


@pytest.fixture(scope="session")
def run_prefix(redis_url: str) -> Iterator[str]:
    prefix = f"gwtest-{uuid.uuid4().hex[:12]}"
    yield prefix
    client = redis.Redis.from_url(redis_url)
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
def base_env(
    tmp_path_factory: pytest.TempPathFactory, upstreams: FakeUpstreams, run_prefix: str, redis_url: str
) -> dict[str, str]:
    db = tmp_path_factory.mktemp("gateway") / "gateway.db"
    env = {
        "CRM_DATABASE_URL": f"sqlite:///{db}",
        "CRM_REDIS_URL": redis_url,
        "CRM_REDIS_PREFIX": run_prefix,
        "CRM_JWT_SECRET": JWT_SECRET,
        "CRM_ADMIN_PASSWORD": ADMIN_PASSWORD,
        "CRM_GATEWAY_DEADLINE_SECONDS": "2",
        "CRM_GATEWAY_HEALTH_TIMEOUT_SECONDS": "1",
        "CRM_LOGIN_RATE_LIMIT_PER_MINUTE": "10000",
        # The hostile-input sweeps send thousands of requests a minute as admin; the limiter has a
        # test of its own with a small limit (test_gw_operations).
        "CRM_RATE_LIMIT_PER_MINUTE": "1000000",
        "CRM_LOG_FORMAT": "text",
        # A loaded CI machine can take longer than the production 0.5 s; a timeout would open the
        # Redis breaker and silently skip the limits these tests check. A dead Redis still fails
        # at once (connection refused).
        "CRM_GATEWAY_REDIS_TIMEOUT_SECONDS": "5",
        # No bus here (fake services): the notification consumer is tested on its own vhost.
        "CRM_GATEWAY_NOTIFICATIONS": "off",
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
def anyio_backend() -> str:
    """One asyncio loop for the whole run, so session-scoped async fixtures (the shared app) work."""
    return "asyncio"


CLIENT_ADDRESS = ("198.51.100.7", 50123)


@asynccontextmanager
async def serve(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client talking to `app` in-process, with the app's lifespan (startup/shutdown) run."""
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app, client=CLIENT_ADDRESS)
        async with httpx.AsyncClient(transport=transport, base_url="http://gateway.test") as client:
            yield client


@pytest.fixture(scope="session")
def make_client(make_settings: Callable[..., Settings], users: dict[str, User]):
    """`async with make_client(CRM_X="...") as client:` an app with these setting overrides."""

    def build(app: FastAPI | None = None, **overrides: str):  # type: ignore[no-untyped-def]
        return serve(app or create_app(make_settings(**overrides)))

    return build


@pytest.fixture(scope="session")
async def client(make_client) -> AsyncIterator[httpx.AsyncClient]:  # type: ignore[no-untyped-def]
    """The default app, shared by tests that need no special settings."""
    async with make_client() as shared:
        yield shared


@pytest.fixture(scope="session")
async def tokens(client: httpx.AsyncClient, users: dict[str, User]) -> dict[str, str]:
    """An access token per test user (logged in once per run)."""
    out = {}
    for name, user in users.items():
        reply = await client.post("/v1/auth/login", json={"username": user.username, "password": user.password})
        assert reply.status_code == 200, reply.text
        out[name] = reply.json()["access_token"]
    return out


@pytest.fixture(scope="session")
def auth(tokens: dict[str, str]) -> Callable[..., dict[str, str]]:
    def headers(user: str = "admin", **extra: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {tokens[user]}", **extra}

    return headers
