"""Gateway settings, read from environment variables once at start (fail fast, every problem at once)."""

from __future__ import annotations

import dataclasses
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

# Documented local defaults. Using either one is announced loudly at start (see `local_default_warnings`).
LOCAL_JWT_SECRET = "crm-local-development-jwt-secret-do-not-use-in-production"
LOCAL_ADMIN_PASSWORD = "crm-admin"

# The source checkout keeps the Alembic folder next to src/ (gateway/migrations); images set
# CRM_MIGRATIONS_DIR (the Dockerfile copies it to /app/migrations).
DEFAULT_MIGRATIONS_DIR = str(Path(__file__).resolve().parents[2] / "migrations")

MIN_JWT_SECRET_BYTES = 32


def _parse_jwt_secret(raw: str) -> str:
    if len(raw.encode()) < MIN_JWT_SECRET_BYTES:
        raise ValueError(f"must be at least {MIN_JWT_SECRET_BYTES} bytes long (HS256 needs a 256-bit key)")
    return raw


def _parse_target(raw: str) -> str:
    if not raw.strip() or any(c.isspace() for c in raw):
        raise ValueError("must be a gRPC target such as 127.0.0.1:50051 or dns:///customers-grpc:50051")
    return raw


def _parse_non_negative_int(raw: str) -> int:
    value = int(raw)
    if value < 0:
        raise ValueError("must be a whole number, 0 or more")
    return value


@dataclasses.dataclass(frozen=True)
class Settings:
    host: str = env("CRM_GATEWAY_HOST", "address the HTTP server binds to", default="127.0.0.1")
    port: int = env("CRM_GATEWAY_PORT", "HTTP port", default=8080, parse=parse_port)
    trusted_proxies: str = env(
        "CRM_GATEWAY_TRUSTED_PROXIES",
        "comma-separated proxy addresses whose X-Forwarded-For is trusted for the client address ('*' = any)",
        default="127.0.0.1",
    )
    database_url: str = env(
        "CRM_DATABASE_URL",
        "SQLAlchemy URL of the gateway's own database (users, roles, refresh tokens)",
        default="sqlite:///var/gateway.db",
        parse=url_parser("sqlite", "postgresql"),
    )
    migrations_dir: str = env(
        "CRM_MIGRATIONS_DIR",
        "folder holding the gateway's Alembic migrations",
        default=DEFAULT_MIGRATIONS_DIR,
    )
    redis_url: str = env(
        "CRM_REDIS_URL",
        "Redis for rate limits and idempotency records",
        default="redis://127.0.0.1:6379/0",
        parse=url_parser("redis", "rediss", "unix"),
    )
    redis_prefix: str = env("CRM_REDIS_PREFIX", "prefix of every Redis key the gateway writes", default="crm")
    amqp_url: str = env(
        "CRM_AMQP_URL",
        "RabbitMQ the notification consumer reads services' events from",
        default="amqp://guest:guest@127.0.0.1:5672/%2F",
        parse=url_parser("amqp", "amqps"),
    )
    notifications: str = env(
        "CRM_GATEWAY_NOTIFICATIONS",
        "`on`: this replica consumes events into the users' notification inboxes (replicas share the "
        "work); `off`: it only serves the inbox and the live stream",
        default="on",
        parse=choice("on", "off"),
    )
    redis_timeout_seconds: float = env(
        "CRM_GATEWAY_REDIS_TIMEOUT_SECONDS",
        "socket timeout of each Redis command; a slower answer counts as Redis down (5 s breaker)",
        default=0.5,
        parse=parse_positive_float,
    )
    jwt_secret: str = env(
        "CRM_JWT_SECRET",
        "HS256 signing key for access and refresh tokens (>= 32 bytes); required outside local runs",
        default=LOCAL_JWT_SECRET,
        parse=_parse_jwt_secret,
    )
    admin_password: str = env(
        "CRM_ADMIN_PASSWORD",
        "password given to the bootstrap user 'admin' when `migrate` creates it",
        default=LOCAL_ADMIN_PASSWORD,
    )
    access_token_ttl_seconds: int = env(
        "CRM_ACCESS_TOKEN_TTL_SECONDS",
        "lifetime of an access token",
        default=15 * 60,
        parse=parse_positive_int,
    )
    refresh_token_ttl_seconds: int = env(
        "CRM_REFRESH_TOKEN_TTL_SECONDS",
        "lifetime of a refresh token",
        default=7 * 24 * 3600,
        parse=parse_positive_int,
    )
    customers_target: str = env(
        "CRM_CUSTOMERS_GRPC_TARGET",
        "gRPC target of the customers service",
        default="127.0.0.1:50051",
        parse=_parse_target,
    )
    marketing_target: str = env(
        "CRM_MARKETING_GRPC_TARGET",
        "gRPC target of the marketing service",
        default="127.0.0.1:50052",
        parse=_parse_target,
    )
    sales_target: str = env(
        "CRM_SALES_GRPC_TARGET",
        "gRPC target of the sales service",
        default="127.0.0.1:50053",
        parse=_parse_target,
    )
    service_desk_target: str = env(
        "CRM_SERVICE_DESK_GRPC_TARGET",
        "gRPC target of the service-desk service",
        default="127.0.0.1:50054",
        parse=_parse_target,
    )
    reporting_target: str = env(
        "CRM_REPORTING_GRPC_TARGET",
        "gRPC target of the reporting service",
        default="127.0.0.1:50055",
        parse=_parse_target,
    )
    deadline_seconds: float = env(
        "CRM_GATEWAY_DEADLINE_SECONDS",
        "deadline of every gRPC call to a service",
        default=5.0,
        parse=parse_positive_float,
    )
    public_form_rate_limit_per_minute: int = env(
        "CRM_PUBLIC_FORM_RATE_LIMIT_PER_MINUTE",
        "public web-form submissions per minute per client address (429 above)",
        default=20,
        parse=parse_positive_int,
    )
    public_form_max_bytes: int = env(
        "CRM_PUBLIC_FORM_MAX_BYTES",
        "largest public web-form submission body (413 above)",
        default=16 * 1024,
        parse=parse_positive_int,
    )
    fanout_deadline_seconds: float = env(
        "CRM_GATEWAY_FANOUT_DEADLINE_SECONDS",
        "deadline of each section of the screen pop and the customer 360 view (a slower service's "
        "section answers `unavailable`)",
        default=0.8,
        parse=parse_positive_float,
    )
    health_timeout_seconds: float = env(
        "CRM_GATEWAY_HEALTH_TIMEOUT_SECONDS",
        "deadline of each /readyz check",
        default=1.0,
        parse=parse_positive_float,
    )
    rate_limit_per_minute: int = env(
        "CRM_RATE_LIMIT_PER_MINUTE",
        "requests per minute per signed-in user (0 = no limit)",
        default=6000,
        parse=_parse_non_negative_int,
    )
    login_rate_limit_per_minute: int = env(
        "CRM_LOGIN_RATE_LIMIT_PER_MINUTE",
        "login and refresh attempts per minute per client address (0 = no limit)",
        default=30,
        parse=_parse_non_negative_int,
    )
    login_max_failures: int = env(
        "CRM_LOGIN_MAX_FAILURES",
        "wrong passwords for one username before it is locked out (0 = no lockout)",
        default=5,
        parse=_parse_non_negative_int,
    )
    login_lockout_seconds: int = env(
        "CRM_LOGIN_LOCKOUT_SECONDS",
        "window in which failures are counted, and how long a lockout lasts",
        default=15 * 60,
        parse=parse_positive_int,
    )
    password_min_length: int = env(
        "CRM_PASSWORD_MIN_LENGTH",
        "shortest password the admin API accepts",
        default=10,
        parse=parse_positive_int,
    )
    cors_origins: str = env(
        "CRM_GATEWAY_CORS_ORIGINS",
        "comma-separated origins allowed by CORS (e.g. https://crm.example.com); empty = no CORS",
        default="",
    )
    idempotency_ttl_seconds: int = env(
        "CRM_IDEMPOTENCY_TTL_SECONDS",
        "how long a POST answer is kept for Idempotency-Key replays",
        default=24 * 3600,
        parse=parse_positive_int,
    )
    max_body_bytes: int = env(
        "CRM_MAX_BODY_BYTES", "largest accepted request body", default=1024 * 1024, parse=parse_positive_int
    )
    log_level: str = env(
        "CRM_LOG_LEVEL", "log level", default="INFO", parse=choice("DEBUG", "INFO", "WARNING", "ERROR")
    )
    log_format: str = env("CRM_LOG_FORMAT", "log line format", default="json", parse=choice("json", "text"))

    def cors_origin_list(self) -> list[str]:
        """The allowed CORS origins (empty: CORS off)."""
        return [o.strip() for o in self.cors_origins.split(",") if o.strip()]

    def upstream_targets(self) -> dict[str, str]:
        """Upstream name -> gRPC target, for every service the gateway talks to."""
        return {
            "customers": self.customers_target,
            "marketing": self.marketing_target,
            "sales": self.sales_target,
            "service_desk": self.service_desk_target,
            "reporting": self.reporting_target,
        }

    def local_default_warnings(self) -> list[str]:
        """Human warnings for every insecure local default in use."""
        warnings = []
        if self.jwt_secret == LOCAL_JWT_SECRET:
            warnings.append(
                "CRM_JWT_SECRET is not set: signing tokens with the documented LOCAL default secret. "
                "Set CRM_JWT_SECRET (>= 32 random bytes) everywhere except on a developer machine."
            )
        return warnings


def load_settings(environ: Mapping[str, str] | None = None) -> Settings:
    """Settings from `environ` (default: the process environment); ConfigError lists every problem."""
    return load(Settings, environ)
