"""Is the suite up? gRPC health of each service, worker/relay heartbeats, gateway readiness."""

from __future__ import annotations

import dataclasses
import time

import grpc
import httpx
from grpc_health.v1 import health_pb2, health_pb2_grpc

from crm_chassis.heartbeat import age
from crm_runner.suite import SuiteConfig, specs

HEARTBEAT_MAX_AGE = 15.0


@dataclasses.dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str


def grpc_serving(target: str, timeout: float = 1.0) -> str:
    """'SERVING', another health status name, or the error that prevented the check."""
    try:
        with grpc.insecure_channel(target) as channel:
            resp = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(service=""), timeout=timeout)
            return health_pb2.HealthCheckResponse.ServingStatus.Name(resp.status)
    except grpc.RpcError as exc:
        return f"unreachable ({exc.code().name})"  # type: ignore[attr-defined]


def checks(config: SuiteConfig) -> list[Check]:
    out = []
    for spec in specs():
        status = grpc_serving(f"127.0.0.1:{config.grpc_port(spec.bus_name)}")
        out.append(Check(f"{spec.name}-grpc", status == "SERVING", status))
        for kind in ("worker", "relay"):
            seconds = age(str(config.var_dir / "run" / f"{spec.name}-{kind}.heartbeat"))
            ok = seconds is not None and seconds <= HEARTBEAT_MAX_AGE
            out.append(
                Check(f"{spec.name}-{kind}", ok, "no heartbeat" if seconds is None else f"beat {seconds:.0f}s ago")
            )
    try:
        resp = httpx.get(f"http://127.0.0.1:{config.gateway_port}/readyz", timeout=2)
        out.append(Check("gateway", resp.status_code == 200, f"readyz {resp.status_code}"))
    except httpx.HTTPError as exc:
        out.append(Check("gateway", False, f"unreachable ({type(exc).__name__})"))
    return out


def wait_healthy(config: SuiteConfig, timeout: float, on_wait=None) -> list[Check]:  # type: ignore[no-untyped-def]
    """Poll until every check passes or `timeout` elapses; returns the last checks."""
    deadline = time.monotonic() + timeout
    while True:
        result = checks(config)
        if all(c.ok for c in result) or time.monotonic() > deadline:
            return result
        if on_wait:
            on_wait(result)
        time.sleep(0.5)
