"""The suite as the runner sees it: which services exist, their processes and their environment."""

from __future__ import annotations

import dataclasses
import importlib
import os
from collections.abc import Mapping
from pathlib import Path

from crm_chassis.service import DEFAULT_AMQP_URL, DEFAULT_REDIS_URL, ServiceSpec
from crm_chassis.topology import BusRegistry

SERVICE_PACKAGES = ("customers", "marketing", "sales", "service_desk", "reporting")
PROCESS_KINDS = ("grpc", "worker", "relay")
DEFAULT_GRPC_PORT_BASE = 50051
DEFAULT_GATEWAY_PORT = 8080


def specs() -> list[ServiceSpec]:
    return [importlib.import_module(f"{pkg}.config").SPEC for pkg in SERVICE_PACKAGES]


def registries() -> list[BusRegistry]:
    out = []
    for spec in specs():
        module, _, attr = spec.registry.partition(":")
        out.append(getattr(importlib.import_module(module), attr))
    return out


@dataclasses.dataclass(frozen=True)
class Process:
    name: str  # e.g. "customers-grpc", "gateway"
    argv: list[str]
    env: dict[str, str]
    heartbeat_file: str | None = None


@dataclasses.dataclass(frozen=True)
class SuiteConfig:
    """Everything that varies between two suites on one machine (local run vs. a test run)."""

    var_dir: Path
    amqp_url: str
    redis_url: str
    redis_prefix: str
    grpc_port_base: int
    gateway_port: int
    database_urls: dict[str, str]  # bus name -> URL
    gateway_database_url: str
    log_format: str
    extra_env: dict[str, str]

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, var_dir: Path | None = None) -> SuiteConfig:
        env = dict(os.environ if environ is None else environ)
        var = (var_dir or Path(env.get("CRM_VAR_DIR", "var"))).resolve()
        db_urls = {}
        for spec in specs():
            key = "CRM_DATABASE_URL_" + spec.bus_name.upper()
            db_urls[spec.bus_name] = env.get(key) or f"sqlite:///{var}/{spec.bus_name}.db"
        return cls(
            var_dir=var,
            amqp_url=env.get("CRM_AMQP_URL") or DEFAULT_AMQP_URL,
            redis_url=env.get("CRM_REDIS_URL") or DEFAULT_REDIS_URL,
            redis_prefix=env.get("CRM_REDIS_PREFIX") or "crm",
            grpc_port_base=int(env.get("CRM_GRPC_PORT_BASE") or DEFAULT_GRPC_PORT_BASE),
            gateway_port=int(env.get("CRM_GATEWAY_PORT") or DEFAULT_GATEWAY_PORT),
            database_urls=db_urls,
            gateway_database_url=env.get("CRM_DATABASE_URL_GATEWAY") or f"sqlite:///{var}/gateway.db",
            log_format=env.get("CRM_LOG_FORMAT") or "text",
            extra_env={},
        )

    def grpc_port(self, bus_name: str) -> int:
        return self.grpc_port_base + [s.bus_name for s in specs()].index(bus_name)

    def base_env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("CRM_DATABASE_URL")}
        env.update(
            CRM_AMQP_URL=self.amqp_url,
            CRM_REDIS_URL=self.redis_url,
            CRM_REDIS_PREFIX=self.redis_prefix,
            CRM_LOG_FORMAT=self.log_format,
            PYTHONUNBUFFERED="1",
        )
        env.update(self.extra_env)
        return env

    def grpc_targets(self) -> dict[str, str]:
        """`CRM_<SERVICE>_GRPC_TARGET` of every service (the gateway calls them all; a service may
        call another's reads, e.g. marketing's target lists from a customers filter)."""
        return {f"CRM_{s.bus_name.upper()}_GRPC_TARGET": f"127.0.0.1:{self.grpc_port(s.bus_name)}" for s in specs()}

    def service_env(self, spec: ServiceSpec) -> dict[str, str]:
        env = self.base_env()
        env.update(self.grpc_targets())
        env.update(CRM_DATABASE_URL=self.database_urls[spec.bus_name], CRM_GRPC_PORT=str(self.grpc_port(spec.bus_name)))
        return env

    def gateway_env(self) -> dict[str, str]:
        env = self.base_env()
        env.update(CRM_DATABASE_URL=self.gateway_database_url, CRM_GATEWAY_PORT=str(self.gateway_port))
        env.update(self.grpc_targets())
        return env

    def processes(self) -> list[Process]:
        """Every long-running process of the suite, gateway last."""
        procs = []
        for spec in specs():
            for kind in PROCESS_KINDS:
                env = self.service_env(spec)
                heartbeat = None
                if kind != "grpc":
                    heartbeat = str(self.var_dir / "run" / f"{spec.name}-{kind}.heartbeat")
                    env["CRM_HEARTBEAT_FILE"] = heartbeat
                procs.append(Process(f"{spec.name}-{kind}", [f"crm-{spec.name}", kind], env, heartbeat))
        procs.append(Process("gateway", ["crm-gateway", "serve"], self.gateway_env()))
        return procs

    def migrations(self) -> list[Process]:
        out = [Process(f"{s.name}-migrate", [f"crm-{s.name}", "migrate"], self.service_env(s)) for s in specs()]
        out.append(Process("gateway-migrate", ["crm-gateway", "migrate"], self.gateway_env()))
        return out
