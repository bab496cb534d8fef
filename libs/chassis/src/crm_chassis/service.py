"""What the chassis needs to know about one service, and its settings.

Kept import-light (stdlib only) so a worker can read it before eventlet's monkey patching.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from pathlib import Path

from crm_chassis.settings import (
    choice,
    env,
    load,
    parse_port,
    parse_positive_float,
    parse_positive_int,
    url_parser,
)

DEFAULT_AMQP_URL = "amqp://guest:guest@127.0.0.1:5672/%2F"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"


@dataclasses.dataclass(frozen=True)
class ServiceSpec:
    """Where a service keeps each piece the chassis wires together ("module:attribute" paths)."""

    name: str  # display and folder name, e.g. "service-desk"
    bus_name: str  # producer name on the bus and in queue names, e.g. "customers"
    default_grpc_port: int
    metadata: str  # SQLAlchemy MetaData holding the service's tables (incl. outbox/inbox)
    registry: str  # crm_chassis.topology.BusRegistry
    grpc_builder: str  # callable(settings, session_factory) -> (register(server) -> [names], error table)
    worker: str  # nameko service class (imported only in the worker process)
    migrations_dir: Path


@dataclasses.dataclass(frozen=True)
class ServiceSettings:
    database_url: str = env(
        "CRM_DATABASE_URL", "SQLAlchemy URL of this service's own database", parse=url_parser("sqlite", "postgresql")
    )
    grpc_port: int = env("CRM_GRPC_PORT", "gRPC port", parse=parse_port)
    amqp_url: str = env(
        "CRM_AMQP_URL", "RabbitMQ URL (vhost included)", default=DEFAULT_AMQP_URL, parse=url_parser("amqp", "amqps")
    )
    redis_url: str = env("CRM_REDIS_URL", "Redis URL", default=DEFAULT_REDIS_URL, parse=url_parser("redis", "rediss"))
    redis_prefix: str = env("CRM_REDIS_PREFIX", "prefix of every Redis key", default="crm")
    grpc_host: str = env("CRM_GRPC_HOST", "address the gRPC server binds", default="127.0.0.1")
    grpc_workers: int = env("CRM_GRPC_WORKERS", "gRPC server threads", default=16, parse=parse_positive_int)
    metrics_port: int = env("CRM_METRICS_PORT", "Prometheus /metrics port (0 = off)", default=0, parse=parse_port)
    heartbeat_file: str | None = env("CRM_HEARTBEAT_FILE", "liveness file of worker/relay", default=None)
    log_level: str = env(
        "CRM_LOG_LEVEL", "log level", default="INFO", parse=choice("DEBUG", "INFO", "WARNING", "ERROR")
    )
    log_format: str = env("CRM_LOG_FORMAT", "json or text", default="json", parse=choice("json", "text"))
    handler_max_attempts: int = env(
        "CRM_HANDLER_MAX_ATTEMPTS", "tries before a message is parked", default=5, parse=parse_positive_int
    )
    handler_retry_seconds: float = env(
        "CRM_HANDLER_RETRY_SECONDS", "first retry delay (doubles)", default=0.2, parse=parse_positive_float
    )
    worker_concurrency: int = env("CRM_WORKER_CONCURRENCY", "nameko max_workers", default=10, parse=parse_positive_int)
    relay_batch_size: int = env(
        "CRM_RELAY_BATCH_SIZE", "outbox rows per relay pass", default=500, parse=parse_positive_int
    )


def load_settings(spec: ServiceSpec, environ: Mapping[str, str] | None = None) -> ServiceSettings:
    """Settings for `spec` from the environment, with the service's local defaults."""
    source = dict(os.environ if environ is None else environ)
    source.setdefault("CRM_GRPC_PORT", str(spec.default_grpc_port))
    source.setdefault("CRM_DATABASE_URL", f"sqlite:///var/{spec.bus_name}.db")
    return load(ServiceSettings, source)
