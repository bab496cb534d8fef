"""How the chassis wires the customers service, and the settings only this service has.

The chassis settings (crm_chassis.service) cover every process; `CustomersSettings` adds the
field-encryption key, validated at start by `crm-customers` (customers.cli) before any process
kind runs, and again when the gRPC API is built.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
from collections.abc import Mapping
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from crm_chassis.service import ServiceSpec
from crm_chassis.settings import env, load, parse_positive_int

SPEC = ServiceSpec(
    name="customers",
    bus_name="customers",
    default_grpc_port=50051,
    metadata="customers.persistence.tables:metadata",
    registry="customers.events.registry:REGISTRY",
    grpc_builder="customers.grpc_api.server:build",
    worker="customers.events.worker:CustomersWorker",
    migrations_dir=Path(__file__).resolve().parents[2] / "migrations",
)

FIELD_KEY_ENV = "CRM_CUSTOMERS_FIELD_KEY"
# Documented LOCAL default (like the gateway's CRM_JWT_SECRET): announced loudly at start when in
# use. Every deployment sets its own key from a secret; changing it makes stored phones and
# emails unreadable, so it is generated once and kept.
LOCAL_FIELD_KEY_B64 = "Y3JtLWxvY2FsLWZpZWxkLWtleS1ub3QtZm9yLXByb2Q="
KEY_BYTES = 32


def parse_field_key(raw: str) -> bytes:
    """A base64 (standard or URL-safe) encoding of exactly 32 random bytes."""
    text = raw.strip()
    try:
        key = base64.b64decode(text.replace("-", "+").replace("_", "/") + "=" * (-len(text) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("must be base64 (e.g. `openssl rand -base64 32`)") from None
    if len(key) != KEY_BYTES:
        raise ValueError(f"must decode to {KEY_BYTES} bytes, not {len(key)}")
    return key


LOCAL_FIELD_KEY = parse_field_key(LOCAL_FIELD_KEY_B64)


def parse_timezone(raw: str) -> ZoneInfo:
    """An IANA time zone name (e.g. Asia/Shanghai)."""
    try:
        return ZoneInfo(raw.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {raw!r} (use an IANA name such as Asia/Shanghai)") from None


def parse_share(raw: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise ValueError("must be a number between 0 and 1") from None
    if not 0 < value <= 1:
        raise ValueError("must be a number between 0 (exclusive) and 1")
    return value


def parse_days(raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise ValueError("must be a whole number of days") from None
    if value < 0:
        raise ValueError("must be 0 or more")
    return value


@dataclasses.dataclass(frozen=True)
class CustomersSettings:
    field_key: bytes = env(
        FIELD_KEY_ENV,
        "base64 of 32 random bytes: encrypts phones and emails (AES-GCM) and keys their blind index (HMAC); "
        "required outside local runs",
        default=LOCAL_FIELD_KEY,
        parse=parse_field_key,
    )

    org_timezone: ZoneInfo = env(  # noqa: RUF009 - ZoneInfo is immutable
        "CRM_ORG_TIMEZONE",
        "the organisation's IANA time zone: business dates (pool days, claim limits) are local dates",
        default=ZoneInfo("Asia/Shanghai"),
        parse=parse_timezone,
    )
    pool_job_seconds: int = env(
        "CRM_CUSTOMERS_POOL_JOB_SECONDS",
        "how often the worker runs the pool jobs (reminders, recycle sweep, follow-ups, purge); idempotent",
        default=600,
        parse=parse_positive_int,
    )
    purge_retention_days: int = env(
        "CRM_CUSTOMERS_PURGE_RETENTION_DAYS",
        "days a deleted customer stays in the recycle bin before the timer purges it",
        default=30,
        parse=parse_days,
    )
    recycle_max_share: float = env(
        "CRM_CUSTOMERS_RECYCLE_MAX_SHARE",
        "a sweep that would recycle more than this share of owned customers stops for an admin (O4)",
        default=0.05,
        parse=parse_share,
    )
    contract_grace_days: int = env(
        "CRM_CUSTOMERS_CONTRACT_GRACE_DAYS",
        "days after a customer's last active contract ends before the pool timers run again (C4)",
        default=30,
        parse=parse_days,
    )
    recycle_guard_min: int = env(
        "CRM_CUSTOMERS_RECYCLE_GUARD_MIN",
        "the share guard never stops a sweep of this many customers or fewer",
        default=10,
        parse=parse_days,
    )

    def local_default_warnings(self) -> list[str]:
        if self.field_key == LOCAL_FIELD_KEY:
            return [
                f"{FIELD_KEY_ENV} is not set: phones and emails are encrypted with the documented LOCAL "
                f"default key. Set {FIELD_KEY_ENV} (base64 of 32 random bytes) everywhere except on a "
                "developer machine."
            ]
        return []


def load_customers_settings(environ: Mapping[str, str] | None = None) -> CustomersSettings:
    """The service's own settings; ConfigError lists every problem."""
    return load(CustomersSettings, environ)
