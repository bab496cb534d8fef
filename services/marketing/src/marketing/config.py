"""How the chassis wires the marketing service, and the settings only this service has.

`MarketingEnv` reads the business settings (approval threshold, dedupe window, first-contact
deadline and reminder, claim limit, time zone) and the customers service's gRPC target from the
environment, validated at start (fail fast with a clear message)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from crm_chassis.service import ServiceSpec
from crm_chassis.settings import ConfigError, env, load, parse_positive_int
from marketing.domain.settings import MarketingSettings

SPEC = ServiceSpec(
    name="marketing",
    bus_name="marketing",
    default_grpc_port=50052,
    metadata="marketing.persistence.tables:metadata",
    registry="marketing.events.registry:REGISTRY",
    grpc_builder="marketing.grpc_api.server:build",
    worker="marketing.events.worker:Worker",
    migrations_dir=Path(__file__).resolve().parents[2] / "migrations",
)


def _non_negative_int(raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise ValueError(f"{raw!r} is not a whole number") from None
    if value < 0:
        raise ValueError(f"{raw!r} is negative")
    return value


def _zone(raw: str) -> str:
    try:
        ZoneInfo(raw)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"{raw!r} is not a time zone") from None
    return raw


@dataclasses.dataclass(frozen=True)
class MarketingEnv:
    approval_threshold_minor: int = env(
        "CRM_MARKETING_APPROVAL_THRESHOLD",
        "campaign budget (minor units) above which approval is needed",
        default=5_000_000,
        parse=_non_negative_int,
    )
    dedupe_window_seconds: int = env(
        "CRM_MARKETING_DEDUPE_WINDOW_SECONDS",
        "same phone/email within this window merges into one lead",
        default=30 * 86400,
        parse=_non_negative_int,
    )
    contact_deadline_seconds: int = env(
        "CRM_MARKETING_CONTACT_DEADLINE_SECONDS",
        "an assigned lead not contacted within this returns to the pool",
        default=2 * 86400,
        parse=parse_positive_int,
    )
    contact_reminder_seconds: int = env(
        "CRM_MARKETING_CONTACT_REMINDER_SECONDS",
        "owner reminded this long after assignment (0 = never)",
        default=86400,
        parse=_non_negative_int,
    )
    pool_claim_limit: int = env(
        "CRM_MARKETING_POOL_CLAIM_LIMIT", "pool grabs per rep and local day", default=20, parse=parse_positive_int
    )
    time_zone: str = env("CRM_ORG_TIMEZONE", "the organisation's time zone", default="Asia/Shanghai", parse=_zone)
    sweep_seconds: int = env(
        "CRM_MARKETING_SWEEP_SECONDS",
        "how often the worker runs the first-contact timer",
        default=60,
        parse=parse_positive_int,
    )
    customers_target: str = env(
        "CRM_CUSTOMERS_GRPC_TARGET",
        "the customers service (campaign members from a customers filter)",
        default="127.0.0.1:50051",
    )

    def business(self) -> MarketingSettings:
        return MarketingSettings(
            approval_threshold_minor=self.approval_threshold_minor,
            dedupe_window_seconds=self.dedupe_window_seconds,
            contact_deadline_seconds=self.contact_deadline_seconds,
            contact_reminder_seconds=min(self.contact_reminder_seconds, self.contact_deadline_seconds),
            pool_claim_limit=self.pool_claim_limit,
            time_zone=self.time_zone,
        )


def load_marketing(environ: Mapping[str, str] | None = None) -> MarketingEnv:
    """The marketing settings; ConfigError naming the variable when one is invalid."""
    return load(MarketingEnv, environ)


__all__ = ["SPEC", "ConfigError", "MarketingEnv", "load_marketing"]
