"""How the chassis wires the service-desk service, and the settings only this service has
(`DeskEnv`, read from environment variables and validated at start: a bad value stops the process
with a message naming the variable)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from crm_chassis.service import ServiceSpec
from crm_chassis.settings import choice, env, load, parse_positive_int
from service_desk.domain.settings import DeskSettings
from service_desk.domain.sla import BusinessCalendar

SPEC = ServiceSpec(
    name="service-desk",
    bus_name="service_desk",
    default_grpc_port=50054,
    metadata="service_desk.persistence.tables:metadata",
    registry="service_desk.events.registry:REGISTRY",
    grpc_builder="service_desk.grpc_api.server:build",
    worker="service_desk.events.worker:Worker",
    migrations_dir=Path(__file__).resolve().parents[2] / "migrations",
)


def parse_timezone(raw: str) -> str:
    try:
        ZoneInfo(raw.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {raw!r} (use an IANA name such as Asia/Shanghai)") from None
    return raw.strip()


def parse_hours(raw: str) -> tuple[int, int, int, int]:
    """ "09:00-18:00" -> (9, 0, 18, 0)."""
    try:
        start, end = raw.strip().split("-")
        sh, sm = (int(x) for x in start.split(":"))
        eh, em = (int(x) for x in end.split(":"))
    except ValueError:
        raise ValueError("must look like 09:00-18:00") from None
    if not (0 <= sh < 24 and 0 <= eh < 24 and 0 <= sm < 60 and 0 <= em < 60) or (sh, sm) >= (eh, em):
        raise ValueError("must be a same-day window like 09:00-18:00")
    return sh, sm, eh, em


def parse_weekdays(raw: str) -> tuple[int, ...]:
    try:
        days = tuple(sorted({int(x) for x in raw.split(",") if x.strip()}))
    except ValueError:
        raise ValueError("must be ISO weekdays like 1,2,3,4,5") from None
    if not days or any(d < 1 or d > 7 for d in days):
        raise ValueError("must be ISO weekdays 1..7 like 1,2,3,4,5")
    return days


def parse_dates(raw: str) -> frozenset[date]:
    try:
        return frozenset(date.fromisoformat(x.strip()) for x in raw.split(",") if x.strip())
    except ValueError:
        raise ValueError("must be ISO dates separated by commas (2026-10-01,2026-10-02)") from None


def parse_days(raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise ValueError("must be a whole number of days") from None
    if value < 0:
        raise ValueError("must be 0 or more")
    return value


def parse_minutes(raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise ValueError("must be a whole number of minutes") from None
    if value < 0:
        raise ValueError("must be 0 or more")
    return value


def parse_score(raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise ValueError("must be a score 0..5") from None
    if not 0 <= value <= 5:
        raise ValueError("must be a score 0..5 (0 = never)")
    return value


@dataclasses.dataclass(frozen=True)
class DeskEnv:
    time_zone: str = env(
        "CRM_ORG_TIMEZONE",
        "the organisation's IANA time zone (business hours, dates)",
        default="Asia/Shanghai",
        parse=parse_timezone,
    )
    hours: tuple[int, int, int, int] = env(
        "CRM_SERVICE_DESK_BUSINESS_HOURS", "working hours of a working day", default=(9, 0, 18, 0), parse=parse_hours
    )
    weekdays: tuple[int, ...] = env(
        "CRM_SERVICE_DESK_WORKDAYS", "ISO weekdays that are working days", default=(1, 2, 3, 4, 5), parse=parse_weekdays
    )
    holidays: frozenset[date] = env(
        "CRM_SERVICE_DESK_HOLIDAYS", "holidays (ISO dates, comma-separated)", default=frozenset(), parse=parse_dates
    )
    reopen_window_days: int = env(
        "CRM_SERVICE_DESK_REOPEN_WINDOW_DAYS", "days a resolved work order may be reopened", default=7, parse=parse_days
    )
    low_score_threshold: int = env(
        "CRM_SERVICE_DESK_LOW_SCORE", "a return-visit score at or below this is low", default=2, parse=parse_score
    )
    low_score_action: str = env(
        "CRM_SERVICE_DESK_LOW_SCORE_ACTION",
        "complaint or reopen",
        default="complaint",
        parse=choice("complaint", "reopen"),
    )
    return_after_close_days: int = env(
        "CRM_SERVICE_DESK_RETURN_AFTER_CLOSE_DAYS",
        "return visit N days after a work order closes (0 = off)",
        default=3,
        parse=parse_days,
    )
    return_after_fulfilment_days: int = env(
        "CRM_SERVICE_DESK_RETURN_AFTER_FULFILMENT_DAYS",
        "return visit M days after an order is fulfilled (0 = off)",
        default=30,
        parse=parse_days,
    )
    labour_rate_minor: int = env(
        "CRM_SERVICE_DESK_LABOUR_RATE_MINOR",
        "labour charged per hour, minor units",
        default=12000,
        parse=parse_positive_int,
    )
    currency: str = env("CRM_SERVICE_DESK_CURRENCY", "currency of service charges", default="CNY")
    escalation_user_id: str = env(
        "CRM_SERVICE_DESK_ESCALATION_USER", "who hears of breaches when no manager is known", default=""
    )
    auto_assign_after_minutes: int = env(
        "CRM_SERVICE_DESK_AUTO_ASSIGN_AFTER_MINUTES",
        "dispatch a queued work order automatically when nobody grabbed it in this many minutes (0 = never)",
        default=0,
        parse=parse_minutes,
    )
    sweep_seconds: int = env(
        "CRM_SERVICE_DESK_SWEEP_SECONDS",
        "how often the worker runs its timers (idempotent)",
        default=60,
        parse=parse_positive_int,
    )


def desk_settings(environ: Mapping[str, str] | None = None) -> DeskSettings:
    """The service's rules from the environment; ConfigError lists every bad variable."""
    raw = load(DeskEnv, environ)
    from datetime import time

    sh, sm, eh, em = raw.hours
    calendar = BusinessCalendar(
        time_zone=raw.time_zone,
        hours=tuple((d, time(sh, sm), time(eh, em)) for d in raw.weekdays),
        holidays=raw.holidays,
    )
    return DeskSettings(
        calendar=calendar,
        reopen_window_days=raw.reopen_window_days,
        low_score_threshold=raw.low_score_threshold,
        low_score_action=raw.low_score_action,
        return_visit_after_close_days=raw.return_after_close_days,
        return_visit_after_fulfilment_days=raw.return_after_fulfilment_days,
        labour_rate_minor=raw.labour_rate_minor,
        currency=raw.currency.strip().upper() or "CNY",
        escalation_user_id=raw.escalation_user_id,
        auto_assign_after_minutes=raw.auto_assign_after_minutes,
    )


def sweep_seconds(environ: Mapping[str, str] | None = None) -> int:
    return load(DeskEnv, environ).sweep_seconds
