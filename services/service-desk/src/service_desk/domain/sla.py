"""SLA rules (pure): the business-hours calendar, policy choice by priority x customer
classification, due times, the clock paused while waiting for the customer, and the at-risk /
breached evaluation the sweep acts on."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from crm_chassis.errors import InvalidArgument

PRIORITIES = ("low", "normal", "high", "urgent")
TARGETS = ("first_response", "resolution")


@dataclasses.dataclass(frozen=True)
class BusinessCalendar:
    """Working hours per ISO weekday (1 = Monday) in the organisation's time zone, and holidays."""

    time_zone: str = "Asia/Shanghai"
    # weekday -> (start, end) local times; a weekday not listed is not a working day.
    hours: tuple[tuple[int, time, time], ...] = tuple((d, time(9), time(18)) for d in range(1, 6))
    holidays: frozenset[date] = frozenset()
    round_the_clock: bool = False

    def window(self, day: date) -> tuple[time, time] | None:
        """The working window of a local date, or None when it is not a working day."""
        if self.round_the_clock:
            return time(0), time(23, 59, 59, 999999)
        if day in self.holidays:
            return None
        for weekday, start, end in self.hours:
            if weekday == day.isoweekday():
                return start, end
        return None

    def always(self) -> BusinessCalendar:
        return dataclasses.replace(self, round_the_clock=True)


def _local_span(cal: BusinessCalendar, day: date) -> tuple[datetime, datetime] | None:
    window = cal.window(day)
    if window is None:
        return None
    tz = ZoneInfo(cal.time_zone)
    start = datetime.combine(day, window[0], tz)
    end = (
        datetime.combine(day + timedelta(days=1), time(0), tz)
        if cal.round_the_clock
        else datetime.combine(day, window[1], tz)
    )
    return start, end


def business_minutes(cal: BusinessCalendar, start: datetime, end: datetime) -> int:
    """Whole business minutes between two instants (0 when end <= start)."""
    if end <= start:
        return 0
    if cal.round_the_clock:
        return int((end - start).total_seconds() // 60)
    tz = ZoneInfo(cal.time_zone)
    day, last = start.astimezone(tz).date(), end.astimezone(tz).date()
    seconds = 0.0
    while day <= last:
        span = _local_span(cal, day)
        if span is not None:
            lo, hi = max(span[0], start), min(span[1], end)
            if hi > lo:
                seconds += (hi - lo).total_seconds()
        day += timedelta(days=1)
    return int(seconds // 60)


def add_business_minutes(cal: BusinessCalendar, start: datetime, minutes: int) -> datetime:
    """The instant when `minutes` business minutes have passed since `start` (at most ~10 years on)."""
    if minutes < 0:
        raise ValueError("minutes must not be negative")
    if cal.round_the_clock:
        return start + timedelta(minutes=minutes)
    if not cal.hours:
        raise ValueError("the calendar has no working hours")
    tz = ZoneInfo(cal.time_zone)
    day = start.astimezone(tz).date()
    left = timedelta(minutes=minutes)
    for _ in range(3660):
        span = _local_span(cal, day)
        if span is not None:
            lo = max(span[0], start)
            if span[1] > lo:
                available = span[1] - lo
                if left <= available:
                    return lo + left
                left -= available
        day += timedelta(days=1)
    raise ValueError("no working time within ten years")


@dataclasses.dataclass(frozen=True)
class SlaPolicy:
    id: str
    name: str
    priority: str
    classification: str  # "" = any customer
    first_response_minutes: int
    resolution_minutes: int
    at_risk_percent: int = 80
    round_the_clock: bool = False
    active: bool = True
    version: int = 1
    created_at: datetime | None = None
    updated_at: datetime | None = None


# Used when no policy matches: (first response, resolution) business minutes by priority.
DEFAULT_TARGETS = {"low": (480, 4320), "normal": (240, 2160), "high": (60, 960), "urgent": (30, 480)}


def check_policy(policy: SlaPolicy) -> SlaPolicy:
    """A policy whose priority is known and whose targets are positive (resolution >= first response)."""
    if policy.priority not in PRIORITIES:
        raise InvalidArgument(
            f"priority must be one of {', '.join(PRIORITIES)}", code="priority_invalid", field="priority"
        )
    if policy.first_response_minutes <= 0 or policy.resolution_minutes <= 0:
        raise InvalidArgument(
            "first_response_minutes and resolution_minutes must be greater than 0",
            code="sla_policy.target_invalid",
            field="first_response_minutes",
        )
    if policy.resolution_minutes < policy.first_response_minutes:
        raise InvalidArgument(
            "resolution_minutes must not be less than first_response_minutes",
            code="sla_policy.target_invalid",
            field="resolution_minutes",
        )
    if not 1 <= policy.at_risk_percent <= 99:
        raise InvalidArgument("at_risk_percent must be 1..99", code="at_risk_percent_invalid", field="at_risk_percent")
    return policy


def choose_policy(policies: Iterable[SlaPolicy], priority: str, classification: str) -> SlaPolicy | None:
    """The active policy for the priority and the customer's classification; a policy naming the
    classification beats one for any classification; ties go to the tightest resolution target."""
    matching = [p for p in policies if p.active and p.priority == priority and p.classification in ("", classification)]
    if not matching:
        return None
    return min(matching, key=lambda p: (p.classification == "", p.resolution_minutes, p.id))


@dataclasses.dataclass(frozen=True)
class SlaState:
    """A work order's SLA: targets, due times, progress. Minutes are business minutes."""

    policy_id: str = ""
    first_response_target: int = 0
    resolution_target: int = 0
    at_risk_percent: int = 80
    round_the_clock: bool = False
    first_response_due_at: datetime | None = None
    resolution_due_at: datetime | None = None
    first_responded_at: datetime | None = None
    first_response_minutes: int = 0
    resolution_minutes: int = 0
    paused_minutes: int = 0
    paused_since: datetime | None = None
    first_response_at_risk: bool = False
    first_response_breached: bool = False
    resolution_at_risk: bool = False
    resolution_breached: bool = False
    escalation_level: int = 0


def start_sla(cal: BusinessCalendar, policy: SlaPolicy | None, priority: str, created_at: datetime) -> SlaState:
    """Targets from the policy (or the defaults) and due times counted from creation."""
    if policy is not None:
        first, resolution, risk, clock = (
            policy.first_response_minutes,
            policy.resolution_minutes,
            policy.at_risk_percent,
            policy.round_the_clock,
        )
    else:
        (first, resolution), risk, clock = DEFAULT_TARGETS[priority], 80, False
    c = cal.always() if clock else cal
    return SlaState(
        policy_id=policy.id if policy else "",
        first_response_target=first,
        resolution_target=resolution,
        at_risk_percent=risk,
        round_the_clock=clock,
        first_response_due_at=add_business_minutes(c, created_at, first),
        resolution_due_at=add_business_minutes(c, created_at, resolution),
    )


def calendar_for(cal: BusinessCalendar, sla: SlaState) -> BusinessCalendar:
    return cal.always() if sla.round_the_clock else cal


def elapsed(cal: BusinessCalendar, sla: SlaState, created_at: datetime, at: datetime) -> int:
    """Business minutes the resolution clock has run by `at` (paused time excluded, the current pause too)."""
    c = calendar_for(cal, sla)
    end = sla.paused_since if sla.paused_since is not None and sla.paused_since <= at else at
    return max(0, business_minutes(c, created_at, end) - sla.paused_minutes)


def pause(sla: SlaState, at: datetime) -> SlaState:
    """The clock stops (waiting for the customer)."""
    return sla if sla.paused_since is not None else dataclasses.replace(sla, paused_since=at)


def resume(cal: BusinessCalendar, sla: SlaState, at: datetime) -> SlaState:
    """The clock runs again: the paused business minutes push the resolution due time out."""
    if sla.paused_since is None:
        return sla
    c = calendar_for(cal, sla)
    paused = sla.paused_minutes + business_minutes(c, sla.paused_since, at)
    due = sla.resolution_due_at
    if due is not None:
        due = add_business_minutes(c, due, business_minutes(c, sla.paused_since, at))
    return dataclasses.replace(sla, paused_minutes=paused, paused_since=None, resolution_due_at=due)


def responded(cal: BusinessCalendar, sla: SlaState, created_at: datetime, at: datetime) -> SlaState:
    """The first response happened at `at` (only the first one counts)."""
    if sla.first_responded_at is not None:
        return sla
    minutes = business_minutes(calendar_for(cal, sla), created_at, at)
    return dataclasses.replace(
        sla,
        first_responded_at=at,
        first_response_minutes=minutes,
        first_response_breached=sla.first_response_breached or minutes >= sla.first_response_target,
    )


def resolved(cal: BusinessCalendar, sla: SlaState, created_at: datetime, at: datetime) -> SlaState:
    """The resolution minutes at `at` (and the breach flag if late)."""
    minutes = elapsed(cal, sla, created_at, at)
    return dataclasses.replace(
        sla, resolution_minutes=minutes, resolution_breached=sla.resolution_breached or minutes >= sla.resolution_target
    )


@dataclasses.dataclass(frozen=True)
class SlaFinding:
    """One threshold crossed: target (first_response / resolution), kind (at_risk / breached)."""

    target: str
    kind: str
    elapsed_minutes: int
    target_minutes: int


def evaluate(cal: BusinessCalendar, sla: SlaState, created_at: datetime, at: datetime) -> list[SlaFinding]:
    """The thresholds a still-open work order has crossed by `at` that are not yet flagged on it."""
    out: list[SlaFinding] = []
    c = calendar_for(cal, sla)
    if sla.first_responded_at is None and sla.first_response_target > 0:
        used = business_minutes(c, created_at, at)
        out += _crossed(
            "first_response",
            used,
            sla.first_response_target,
            sla.at_risk_percent,
            sla.first_response_at_risk,
            sla.first_response_breached,
        )
    if sla.resolution_target > 0:
        used = elapsed(cal, sla, created_at, at)
        out += _crossed(
            "resolution",
            used,
            sla.resolution_target,
            sla.at_risk_percent,
            sla.resolution_at_risk,
            sla.resolution_breached,
        )
    return out


def _crossed(target: str, used: int, goal: int, risk_percent: int, at_risk: bool, breached: bool) -> list[SlaFinding]:
    if used >= goal and not breached:
        return [SlaFinding(target, "breached", used, goal)]
    if not breached and not at_risk and used * 100 >= goal * risk_percent:
        return [SlaFinding(target, "at_risk", used, goal)]
    return []


def flag(sla: SlaState, finding: SlaFinding) -> SlaState:
    """The SLA state with the finding recorded (a breach also counts as at risk; escalation +1)."""
    if finding.kind == "at_risk":
        return dataclasses.replace(sla, **{f"{finding.target}_at_risk": True})
    return dataclasses.replace(
        sla,
        **{f"{finding.target}_at_risk": True, f"{finding.target}_breached": True},
        escalation_level=sla.escalation_level + 1,
    )


def raised(priority: str) -> str:
    """One priority step up (urgent stays urgent)."""
    i = PRIORITIES.index(priority)
    return PRIORITIES[min(i + 1, len(PRIORITIES) - 1)]
