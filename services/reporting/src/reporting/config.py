"""How the chassis wires the reporting service, and the settings only this service has."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from crm_chassis.service import ServiceSpec
from crm_chassis.settings import env, load

SPEC = ServiceSpec(
    name="reporting",
    bus_name="reporting",
    default_grpc_port=50055,
    metadata="reporting.persistence.tables:metadata",
    registry="reporting.events.registry:REGISTRY",
    grpc_builder="reporting.grpc_api.server:build",
    worker="reporting.events.worker:ReportingWorker",
    migrations_dir=Path(__file__).resolve().parents[2] / "migrations",
)


def parse_timezone(raw: str) -> ZoneInfo:
    """An IANA time zone name (e.g. Asia/Shanghai)."""
    try:
        return ZoneInfo(raw.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {raw!r} (use an IANA name such as Asia/Shanghai)") from None


@dataclasses.dataclass(frozen=True)
class ReportingSettings:
    org_timezone: ZoneInfo = env(  # noqa: RUF009 - ZoneInfo is immutable
        "CRM_ORG_TIMEZONE",
        "the organisation's IANA time zone: report days, weeks and months and receivable ageing are local",
        default=ZoneInfo("Asia/Shanghai"),
        parse=parse_timezone,
    )


def reporting_settings(environ: Mapping[str, str] | None = None) -> ReportingSettings:
    """The reporting-only settings from the environment (ConfigError listing every problem)."""
    return load(ReportingSettings, environ)
