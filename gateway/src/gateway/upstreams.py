"""gRPC channels to the services and the one way routes call them.

One `grpc.aio` channel per upstream (opened at startup, closed at shutdown) with client-side
round-robin over every address the target resolves to (`dns:///svc-grpc:50051` in Kubernetes,
headless Service). Every call carries a deadline and the caller's identity metadata; a failed call
becomes a ProblemError through the table in `gateway.grpc_errors`.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Mapping
from typing import Any

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from crm.customers.v1 import (
    customer_import_service_pb2_grpc,
    customer_pool_service_pb2_grpc,
    customer_views_service_pb2_grpc,
    customers_service_pb2_grpc,
)
from crm.marketing.v1 import marketing_service_pb2_grpc
from crm.reporting.v1 import reporting_service_pb2_grpc
from crm.sales.v1 import sales_service_pb2_grpc
from crm.service_desk.v1 import service_desk_service_pb2_grpc
from crm_chassis.identity import Caller, to_metadata
from gateway.grpc_errors import to_problem
from gateway.metrics import GatewayMetrics

log = logging.getLogger("gateway.upstream")

SERVICE_CONFIG = json.dumps({"loadBalancingConfig": [{"round_robin": {}}]})
CHANNEL_OPTIONS: tuple[tuple[str, Any], ...] = (
    ("grpc.service_config", SERVICE_CONFIG),
    ("grpc.max_receive_message_length", 16 * 1024 * 1024),
    ("grpc.initial_reconnect_backoff_ms", 200),
    ("grpc.max_reconnect_backoff_ms", 5000),
)

# Upstream name -> the generated stub classes of its gRPC services, all on the upstream's one
# channel (marketing and service-desk have no routes yet; they are health-checked only). A route
# names the upstream and the method; method names are unique per upstream (checked at start).
_STUBS: dict[str, tuple[type, ...]] = {
    "customers": (
        customers_service_pb2_grpc.CustomersServiceStub,
        customer_pool_service_pb2_grpc.CustomerPoolServiceStub,
        customer_views_service_pb2_grpc.CustomerViewsServiceStub,
        customer_import_service_pb2_grpc.CustomerImportServiceStub,
    ),
    "reporting": (reporting_service_pb2_grpc.ReportingServiceStub,),
    "sales": (sales_service_pb2_grpc.SalesServiceStub,),
    "marketing": (marketing_service_pb2_grpc.MarketingServiceStub,),
    "service_desk": (service_desk_service_pb2_grpc.ServiceDeskServiceStub,),
}


def _methods(stub: object) -> list[str]:
    return [name for name, value in vars(stub).items() if not name.startswith("_") and callable(value)]


class Upstreams:
    def __init__(
        self,
        targets: Mapping[str, str],
        *,
        deadline_seconds: float,
        health_timeout_seconds: float,
        metrics: GatewayMetrics,
    ) -> None:
        self._targets = dict(targets)
        self._deadline = deadline_seconds
        self._health_timeout = health_timeout_seconds
        self._metrics = metrics
        self._channels: dict[str, grpc.aio.Channel] = {}
        # (upstream, method) -> the bound multi-callable
        self._rpcs: dict[tuple[str, str], Any] = {}
        self._health: dict[str, health_pb2_grpc.HealthStub] = {}

    @property
    def names(self) -> list[str]:
        return list(self._targets)

    async def start(self) -> None:
        for name, target in self._targets.items():
            channel = grpc.aio.insecure_channel(target, options=list(CHANNEL_OPTIONS))
            self._channels[name] = channel
            self._health[name] = health_pb2_grpc.HealthStub(channel)
            for stub_class in _STUBS.get(name, ()):
                stub = stub_class(channel)
                for method in _methods(stub):
                    if (name, method) in self._rpcs:
                        raise RuntimeError(f"two services of upstream {name} define the method {method}")
                    self._rpcs[(name, method)] = getattr(stub, method)
            log.info("upstream channel opened", extra={"upstream": name, "target": target})

    async def close(self) -> None:
        channels, self._channels = self._channels, {}
        self._rpcs.clear()
        self._health.clear()
        for channel in channels.values():
            await channel.close(grace=1.0)

    async def call(
        self,
        upstream: str,
        method: str,
        request: Any,
        caller: Caller,
        *,
        conditional: bool = False,
        field_location: str = "body",
    ) -> Any:
        """Call `upstream.method(request)` with the deadline and the caller's identity metadata
        (x-crm-user-id, x-crm-roles, x-crm-visible-owners, x-request-id, x-correlation-id, written by
        the chassis so services read exactly what the gateway writes); ProblemError on failure.
        `conditional`: the request carried If-Match, so a version conflict answers 412.
        `field_location`: where a field named by the service came from (`body`, `query`)."""
        rpc = self._rpcs[(upstream, method)]
        started = time.perf_counter()
        code = "OK"
        try:
            return await rpc(request, timeout=self._deadline, metadata=tuple(to_metadata(caller)))
        except grpc.RpcError as exc:
            code = exc.code().name  # type: ignore[attr-defined]
            raise to_problem(exc, upstream, method, conditional=conditional, field_location=field_location) from None
        finally:
            self._metrics.observe_upstream(upstream, method, code, time.perf_counter() - started)

    async def health(self, upstream: str) -> str:
        """The standard health status name of the whole server (`SERVING`, `NOT_SERVING`...),
        or the gRPC error code name when the check itself failed (`UNAVAILABLE`...)."""
        try:
            reply = await self._health[upstream].Check(
                health_pb2.HealthCheckRequest(service=""), timeout=self._health_timeout
            )
        except grpc.RpcError as exc:
            return exc.code().name  # type: ignore[attr-defined]
        return health_pb2.HealthCheckResponse.ServingStatus.Name(reply.status)
