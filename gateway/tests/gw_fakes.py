"""Real gRPC servers (in-process) implementing the generated servicers with in-memory behaviour.

They stand in for the customers and reporting services (plus bare health-only servers for
marketing, sales and service-desk) and record every call with its metadata, so tests can check
what the gateway sent and that rejected requests never reached a service.
"""

from __future__ import annotations

import threading
import uuid
from concurrent import futures
from dataclasses import dataclass, field
from datetime import UTC, datetime

import grpc
from google.protobuf.timestamp_pb2 import Timestamp
from grpc_health.v1 import health, health_pb2, health_pb2_grpc

from crm.common.v1 import paging_pb2
from crm.customers.v1 import customers_service_pb2 as cpb
from crm.customers.v1 import customers_service_pb2_grpc as cgrpc
from crm.reporting.v1 import reporting_service_pb2 as rpb
from crm.reporting.v1 import reporting_service_pb2_grpc as rgrpc

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


def _abort(context: grpc.ServicerContext, code: grpc.StatusCode, reason: str, message: str) -> None:
    context.set_trailing_metadata((("x-crm-error-code", reason),))
    context.abort(code, message)


class FakeCustomers(cgrpc.CustomersServiceServicer):
    def __init__(self, world: World) -> None:
        self.world = world

    def CreateCustomer(self, request, context):  # noqa: N802 (generated name)
        metadata = self.world.record("CreateCustomer", request, context)
        if self.world.slow is not None:
            self.world.slow.wait(timeout=5)
        if request.name == "boom":
            context.abort(grpc.StatusCode.INTERNAL, "Traceback (most recent call last): secret-internals")
        if not request.name.strip():
            _abort(context, grpc.StatusCode.INVALID_ARGUMENT, "customer.name_required", "A customer needs a name.")
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
            version=1,
            created_at=now,
            updated_at=now,
            created_by=user,
        )
        with self.world.lock:
            self.world.customers.append(customer)
        return cpb.CreateCustomerResponse(customer=customer)

    def GetCustomer(self, request, context):  # noqa: N802
        metadata = self.world.record("GetCustomer", request, context)
        visible = _visible(metadata)
        with self.world.lock:
            found = [c for c in self.world.customers if c.id == request.id]
        if not found or (visible is not None and found[0].owner_id not in visible):
            _abort(context, grpc.StatusCode.NOT_FOUND, "customer.not_found", f"No customer {request.id}.")
        return cpb.GetCustomerResponse(customer=found[0])

    def ListCustomers(self, request, context):  # noqa: N802
        metadata = self.world.record("ListCustomers", request, context)
        visible = _visible(metadata)
        with self.world.lock:
            rows = list(reversed(self.world.customers))
        rows = [c for c in rows if visible is None or c.owner_id in visible]
        if request.owner_id:
            rows = [c for c in rows if c.owner_id == request.owner_id]
        start = int(request.page.cursor) if request.page.cursor else 0
        limit = request.page.limit or 50
        page = rows[start : start + limit]
        more = start + limit < len(rows)
        return cpb.ListCustomersResponse(
            customers=page, page=paging_pb2.PageResponse(next_cursor=str(start + limit) if more else "")
        )


class FakeReporting(rgrpc.ReportingServiceServicer):
    def __init__(self, world: World) -> None:
        self.world = world

    def GetCustomerSummary(self, request, context):  # noqa: N802
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
            elif name == "reporting":
                rgrpc.add_ReportingServiceServicer_to_server(FakeReporting(self.world), server)
            port = server.add_insecure_port("127.0.0.1:0")
            server.start()
            self.servers[name] = server
            self.health[name] = health_servicer
            self.targets[name] = f"127.0.0.1:{port}"
        self.reset()

    def set_health(self, name: str, serving: bool) -> None:
        status = (
            health_pb2.HealthCheckResponse.SERVING if serving else health_pb2.HealthCheckResponse.NOT_SERVING
        )
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
