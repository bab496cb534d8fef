"""The pool engine's rules (DOMAIN_RULES C2-C18, reused for leads by M1), as pure functions.

A record (customer or lead) sits with an owner until nobody follows it up: then it returns to a
shared pool, from which others may claim it. Everything here decides from facts passed in and an
explicit `as_of` instant, so the sweep, the reminders and the preview of a rule change reach the
same decisions (C6, O5), and tests freeze time by passing it.

Day arithmetic follows the suite's convention: "more than N days" means
`local_date(as_of) - local_date(anchor) > N` in the organisation's time zone.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

NO_FOLLOW_UP = "no_follow_up"
NO_DEAL = "no_deal"


@dataclasses.dataclass(frozen=True)
class PoolRule:
    """One versioned rule set of a pool. `None` turns a limit off."""

    rule_id: str
    version: int
    no_follow_up_days: int | None = 30
    no_deal_days: int | None = None
    # Reminder tiers, days before recycling (C6).
    remind_days: tuple[int, ...] = (7, 3, 1)
    # A user cannot claim back what they released less than this many days ago (C13).
    reclaim_cooldown_days: int = 0
    # A pool record becomes claimable this many days after it entered the pool (C14).
    claimable_after_days: int = 0
    # Most records one user may own (C17); per level when `owned_cap_by_level` names the level.
    owned_cap: int | None = None
    owned_cap_by_level: tuple[tuple[str, int], ...] = ()
    # Successful claims per user per local day (C12).
    daily_claim_limit: int | None = None
    # Levels never recycled (e.g. VIP) (C4).
    exempt_levels: tuple[str, ...] = ()

    def cap_for(self, level: str) -> int | None:
        for name, cap in self.owned_cap_by_level:
            if name == level:
                return cap
        return self.owned_cap


@dataclasses.dataclass(frozen=True)
class Holding:
    """What the timers need to know about one owned record (C1)."""

    owner_id: str | None
    owner_since: datetime | None
    last_follow_up_at: datetime | None = None
    exemption_ended_at: datetime | None = None
    deal_at: datetime | None = None
    locked: bool = False
    level: str = ""
    # An active contract or an unsettled payment plan pauses both timers (C4).
    paused: bool = False


@dataclasses.dataclass(frozen=True)
class Due:
    """A record the rule returns to the pool: why, and from which anchor."""

    reason: str
    anchor: datetime
    limit_days: int


def local_date(moment: datetime, tz: ZoneInfo) -> date:
    return moment.astimezone(tz).date()


def _latest(*moments: datetime | None) -> datetime | None:
    present = [m for m in moments if m is not None]
    return max(present) if present else None


def _exempt(holding: Holding, rule: PoolRule) -> bool:
    return holding.owner_id is None or holding.locked or holding.paused or holding.level in rule.exempt_levels


def _clocks(holding: Holding, rule: PoolRule) -> list[tuple[str, datetime, int]]:
    """The running timers: (reason, anchor, limit days)."""
    clocks = []
    if rule.no_follow_up_days is not None:
        anchor = _latest(holding.owner_since, holding.last_follow_up_at, holding.exemption_ended_at)
        if anchor is not None:
            clocks.append((NO_FOLLOW_UP, anchor, rule.no_follow_up_days))
    if rule.no_deal_days is not None and holding.deal_at is None:
        anchor = _latest(holding.owner_since, holding.exemption_ended_at)
        if anchor is not None:
            clocks.append((NO_DEAL, anchor, rule.no_deal_days))
    return clocks


def due(holding: Holding, rule: PoolRule, as_of: datetime, tz: ZoneInfo) -> Due | None:
    """Why the record returns to the pool at `as_of`, or None (C2, C4). With both timers due,
    the one that fired first wins."""
    if _exempt(holding, rule):
        return None
    today = local_date(as_of, tz)
    fired = [
        (local_date(anchor, tz) + timedelta(days=limit + 1), Due(reason, anchor, limit))
        for reason, anchor, limit in _clocks(holding, rule)
        if (today - local_date(anchor, tz)).days > limit
    ]
    return min(fired, key=lambda item: item[0])[1] if fired else None


def recycle_date(holding: Holding, rule: PoolRule, tz: ZoneInfo) -> date | None:
    """The first local date on which `due` will say yes if nothing changes, or None when exempt."""
    if _exempt(holding, rule):
        return None
    dates = [local_date(anchor, tz) + timedelta(days=limit + 1) for _, anchor, limit in _clocks(holding, rule)]
    return min(dates) if dates else None


def reminder_tier(holding: Holding, rule: PoolRule, as_of: datetime, tz: ZoneInfo) -> int | None:
    """The reminder tier (days left) the owner is owed on `as_of`'s local date, or None. Uses the
    same clocks as `due`, so exactly the warned records are recycled (C6)."""
    when = recycle_date(holding, rule, tz)
    if when is None:
        return None
    left = (when - local_date(as_of, tz)).days
    return left if left in rule.remind_days else None


# ---------------------------------------------------------------- claiming


@dataclasses.dataclass(frozen=True)
class Release:
    """One past end of ownership of a record by a user, from the owner history (C16)."""

    user_id: str
    ended_at: datetime


@dataclasses.dataclass(frozen=True)
class ClaimRefusal:
    code: str
    message: str


def claim_refusal(
    *,
    user_id: str,
    pool_entered_at: datetime | None,
    hold_until: datetime | None,
    level: str,
    releases: Iterable[Release],
    owned_count: int,
    claims_today: int,
    rule: PoolRule,
    as_of: datetime,
    tz: ZoneInfo,
    self_claim: bool = True,
) -> ClaimRefusal | None:
    """Why `user_id` may not take this pool record now, or None (C12-C14, C17).

    `releases`: every earlier end of ownership of this record (the cooldown reads the full
    history, so A → pool → B → pool → A is caught); `owned_count`: what the target owns now
    (records with a deal excluded, C18); `claims_today`: the user's successful claims on the local
    day. An admin assigning (`self_claim=False`) skips the cooldown and the daily limit (C12, C13)."""
    today = local_date(as_of, tz)
    if pool_entered_at is not None and rule.claimable_after_days:
        opens = local_date(pool_entered_at, tz) + timedelta(days=rule.claimable_after_days)
        if today < opens:
            return ClaimRefusal("pool.not_yet_claimable", f"This record can be claimed from {opens.isoformat()}.")
    if hold_until is not None and as_of < hold_until:
        return ClaimRefusal("pool.on_hold", f"This record is on hold until {hold_until.isoformat()}.")
    if self_claim and rule.reclaim_cooldown_days:
        for release in releases:
            if release.user_id != user_id:
                continue
            free_on = local_date(release.ended_at, tz) + timedelta(days=rule.reclaim_cooldown_days)
            if today < free_on:
                return ClaimRefusal(
                    "pool.reclaim_cooldown",
                    f"You released this record recently; you can claim it again from {free_on.isoformat()}.",
                )
    cap = rule.cap_for(level)
    if cap is not None and owned_count >= cap:
        return ClaimRefusal("pool.owned_cap_reached", f"The owner already holds {owned_count} records (cap {cap}).")
    if self_claim and rule.daily_claim_limit is not None and claims_today >= rule.daily_claim_limit:
        return ClaimRefusal(
            "pool.daily_claim_limit", f"You have claimed {claims_today} records today (limit {rule.daily_claim_limit})."
        )
    return None


@dataclasses.dataclass(frozen=True)
class Preview:
    """What a rule change would do (C5): due at once, and due within the next `days` days."""

    due_now: list[str]
    due_soon: list[str]


def preview(
    holdings: Sequence[tuple[str, Holding]], rule: PoolRule, as_of: datetime, tz: ZoneInfo, days: int = 7
) -> Preview:
    """The ids `rule` would recycle now, and within `days` days, if nothing changes."""
    now, soon = [], []
    horizon = local_date(as_of, tz) + timedelta(days=days)
    for record_id, holding in holdings:
        if due(holding, rule, as_of, tz) is not None:
            now.append(record_id)
            continue
        when = recycle_date(holding, rule, tz)
        if when is not None and when <= horizon:
            soon.append(record_id)
    return Preview(now, soon)
