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

from crm_chassis.service import ServiceSpec
from crm_chassis.settings import env, load

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


@dataclasses.dataclass(frozen=True)
class CustomersSettings:
    field_key: bytes = env(
        FIELD_KEY_ENV,
        "base64 of 32 random bytes: encrypts phones and emails (AES-GCM) and keys their blind index (HMAC); "
        "required outside local runs",
        default=LOCAL_FIELD_KEY,
        parse=parse_field_key,
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
