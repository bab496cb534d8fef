"""The customer pool's records and decisions (DOMAIN_RULES C2-C19, O1-O5).

The rules themselves are `crm_chassis.pools` (pure functions shared with leads, M1); this module
turns a Customer into their inputs, adds the C5 grace period of a new rule, and validates what
an admin may save. No SQL, no gRPC.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from crm_chassis import pools
from crm_chassis.errors import InvalidArgument
from customers.domain.customer import Customer

# Owner-change reasons (events and owner_history.reason_code).
CLAIM = "claim"
RELEASE = "release"
ASSIGN = "assign"
TRANSFER = "transfer"
RECYCLE = "recycle"
OWNER_CHANGE_REASONS = (CLAIM, RELEASE, ASSIGN, TRANSFER, RECYCLE)

MAX_BATCH = 100  # claim / assign / transfer by ids (C12: batch claims have a maximum size)
MAX_TRANSFER_ALL = 10_000
MAX_DAYS = 3650
GRACE = "grace"


@dataclasses.dataclass(frozen=True)
class Pool:
    id: str
    name: str
    department_ids: tuple[str, ...]
    priority: int
    active: bool
    release_reasons: tuple[str, ...]

    def visible_to(self, *, unrestricted: bool, department_id: str | None) -> bool:
        """Pool membership (G5): everyone for an unscoped pool, else members of its departments."""
        if unrestricted or not self.department_ids:
            return True
        return department_id is not None and department_id in self.department_ids


@dataclasses.dataclass(frozen=True)
class StoredRule:
    """A saved rule version with who saved it."""

    rule: pools.PoolRule
    created_at: datetime
    created_by: str

    @property
    def pool_id(self) -> str:
        return self.rule.rule_id


def default_pool(candidates: list[Pool]) -> Pool | None:
    """Where recycled customers go when nothing more specific applies (C15): the active pool with
    the widest scope (no departments), then the highest priority; ties by id, never creation order."""
    active = [p for p in candidates if p.active]
    if not active:
        return None
    return sorted(active, key=lambda p: (bool(p.department_ids), -p.priority, p.id))[0]


def holding(customer: Customer) -> pools.Holding:
    return pools.Holding(
        owner_id=customer.owner_id,
        owner_since=customer.owner_since or customer.created_at,
        last_follow_up_at=customer.last_follow_up_at,
        exemption_ended_at=customer.exemption_ended_at,
        deal_at=customer.deal_at,
        locked=customer.locked,
        level=customer.level,
        paused=customer.contract_paused,
    )


@dataclasses.dataclass(frozen=True)
class Decision:
    """What the sweep does with one owned customer at `as_of`."""

    due: pools.Due | None
    exempt: bool
    in_grace: bool


def decide(
    customer: Customer, rule: pools.PoolRule, grace_until: date | None, as_of: datetime, tz: ZoneInfo
) -> Decision:
    """The sweep's predicate (C2, C4, C5): re-evaluated inside each customer's transaction."""
    h = holding(customer)
    if customer.deleted or h.owner_id is None:
        return Decision(None, True, False)
    if pools.recycle_date(h, rule, tz) is None:
        return Decision(None, True, False)
    due = pools.due(h, rule, as_of, tz)
    if due is not None and grace_until is not None and pools.local_date(as_of, tz) < grace_until:
        return Decision(None, False, True)
    return Decision(due, False, False)


@dataclasses.dataclass(frozen=True)
class Warning:
    days_left: int
    recycle_on: date
    trigger: str


def warning(
    customer: Customer, rule: pools.PoolRule, grace_until: date | None, as_of: datetime, tz: ZoneInfo
) -> Warning | None:
    """The reminder tier owed on `as_of`'s local date (C6), from the same clocks as `decide`; a
    customer in its C5 grace period counts down to the end of the grace instead."""
    h = holding(customer)
    if customer.deleted or h.owner_id is None:
        return None
    today = pools.local_date(as_of, tz)
    if grace_until is not None and pools.due(h, rule, as_of, tz) is not None:
        left = (grace_until - today).days
        return Warning(left, grace_until, GRACE) if left in rule.remind_days else None
    tier = pools.reminder_tier(h, rule, as_of, tz)
    if tier is None:
        return None
    when = today + timedelta(days=tier)
    follow_up_only = pools.recycle_date(h, dataclasses.replace(rule, no_deal_days=None), tz)
    trigger = pools.NO_FOLLOW_UP if follow_up_only == when else pools.NO_DEAL
    return Warning(tier, when, trigger)


def grace_until(rule: pools.PoolRule, as_of: datetime, tz: ZoneInfo) -> date:
    """C5: a customer a new rule makes due at once keeps it for the largest reminder window."""
    window = max(rule.remind_days, default=0)
    return pools.local_date(as_of, tz) + timedelta(days=window)


def releases(periods: list) -> list[pools.Release]:  # type: ignore[type-arg]
    """Every past end of ownership from the owner history (C13: the full history)."""
    return [pools.Release(p.to_owner, p.ended_at) for p in periods if p.to_owner and p.ended_at is not None]


def _days(value: int, field: str, *, allow_zero: bool = True) -> int:
    if value < 0 or value > MAX_DAYS or (not allow_zero and value == 0):
        raise InvalidArgument(f"{field} must be between 0 and {MAX_DAYS}", code="pool_rule.days_invalid", field=field)
    return value


def new_rule(
    *,
    pool_id: str,
    version: int,
    no_follow_up_days: int,
    no_deal_days: int,
    remind_days: list[int],
    reclaim_cooldown_days: int,
    claimable_after_days: int,
    owned_cap: int,
    daily_claim_limit: int,
    exempt_levels: list[str],
) -> pools.PoolRule:
    """A validated rule (0 turns a limit off)."""
    tiers = sorted({_days(d, "remind_days", allow_zero=False) for d in remind_days}, reverse=True)
    if owned_cap < 0 or daily_claim_limit < 0:
        raise InvalidArgument("limits must be 0 (off) or more", code="pool_rule.limit_invalid", field="owned_cap")
    levels = tuple(sorted({lv.strip().upper() for lv in exempt_levels if lv.strip()}))
    return pools.PoolRule(
        rule_id=pool_id,
        version=version,
        no_follow_up_days=_days(no_follow_up_days, "no_follow_up_days") or None,
        no_deal_days=_days(no_deal_days, "no_deal_days") or None,
        remind_days=tuple(tiers),
        reclaim_cooldown_days=_days(reclaim_cooldown_days, "reclaim_cooldown_days"),
        claimable_after_days=_days(claimable_after_days, "claimable_after_days"),
        owned_cap=owned_cap or None,
        daily_claim_limit=daily_claim_limit or None,
        exempt_levels=levels,
    )
