"""The pool engine's decisions, with frozen time in the organisation's zone (Asia/Shanghai)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from crm_chassis.pools import (
    NO_DEAL,
    NO_FOLLOW_UP,
    Holding,
    PoolRule,
    Release,
    claim_refusal,
    due,
    preview,
    recycle_date,
    reminder_tier,
)

TZ = ZoneInfo("Asia/Shanghai")
RULE = PoolRule("r1", 1, no_follow_up_days=10, no_deal_days=30, remind_days=(7, 3, 1), reclaim_cooldown_days=5)


def at(day: int, hour: int = 12) -> datetime:
    """Local noon (or `hour`) of 2025-03-<day> as a UTC instant."""
    return datetime(2025, 3, day, hour, tzinfo=TZ).astimezone(UTC)


def held(**kw) -> Holding:
    return Holding(owner_id="alice", owner_since=at(1), **kw)


def test_more_than_n_days_counts_local_dates():
    holding = held()
    assert due(holding, RULE, at(11, 23), TZ) is None  # 10 days: not more than 10
    fired = due(holding, RULE, at(12, 0), TZ)  # 00:xx local on day 12 is "more than 10 days"
    assert fired is not None and fired.reason == NO_FOLLOW_UP and fired.limit_days == 10
    assert recycle_date(holding, RULE, TZ).isoformat() == "2025-03-12"


def test_local_midnight_not_utc_midnight_decides():
    # 2025-03-01 23:30 in Shanghai is still 15:30 UTC on the 1st; both are the local 1st.
    late = datetime(2025, 3, 1, 23, 30, tzinfo=TZ)
    holding = Holding(owner_id="alice", owner_since=late.astimezone(UTC))
    assert due(holding, RULE, datetime(2025, 3, 12, 0, 5, tzinfo=TZ), TZ) is not None
    assert due(holding, RULE, datetime(2025, 3, 11, 23, 55, tzinfo=TZ), TZ) is None


def test_follow_up_and_exemption_end_restart_the_clock():
    assert due(held(last_follow_up_at=at(5)), RULE, at(14), TZ) is None
    assert due(held(last_follow_up_at=at(5)), RULE, at(16), TZ) is not None
    assert due(held(exemption_ended_at=at(9)), RULE, at(19), TZ) is None


def test_no_deal_fires_only_without_a_deal_and_ignores_follow_ups():
    busy = held(last_follow_up_at=at(30))
    fired = due(busy, RULE, datetime(2025, 4, 1, 12, tzinfo=TZ), TZ)
    assert fired is not None and fired.reason == NO_DEAL
    assert due(held(last_follow_up_at=at(30), deal_at=at(20)), RULE, datetime(2025, 4, 1, 12, tzinfo=TZ), TZ) is None


@pytest.mark.parametrize(
    "holding",
    [
        Holding(owner_id=None, owner_since=at(1)),
        Holding(owner_id="alice", owner_since=at(1), locked=True),
        Holding(owner_id="alice", owner_since=at(1), paused=True),
        Holding(owner_id="alice", owner_since=at(1), level="VIP"),
    ],
)
def test_exempt_records_are_never_due(holding):
    rule = PoolRule("r", 1, no_follow_up_days=1, exempt_levels=("VIP",))
    assert due(holding, rule, at(28), TZ) is None
    assert recycle_date(holding, rule, TZ) is None
    assert reminder_tier(holding, rule, at(28), TZ) is None


def test_reminders_come_on_the_tiers_and_exactly_the_warned_are_recycled():
    holding = held()  # recycled on the 12th
    tiers = {day: reminder_tier(holding, RULE, at(day), TZ) for day in range(1, 13)}
    assert {d: t for d, t in tiers.items() if t is not None} == {5: 7, 9: 3, 11: 1}
    assert due(holding, RULE, at(11), TZ) is None and due(holding, RULE, at(12), TZ) is not None


def test_claim_cooldown_reads_the_whole_history():
    base = dict(
        pool_entered_at=at(1),
        hold_until=None,
        level="",
        owned_count=0,
        claims_today=0,
        rule=RULE,
        tz=TZ,
    )
    history = [Release("alice", at(10)), Release("bob", at(12))]
    refused = claim_refusal(user_id="alice", releases=history, as_of=at(14), **base)
    assert refused is not None and refused.code == "pool.reclaim_cooldown"
    assert claim_refusal(user_id="alice", releases=history, as_of=at(15), **base) is None
    assert claim_refusal(user_id="carol", releases=history, as_of=at(14), **base) is None
    # An admin assigning back to a previous owner is not a self-claim.
    assert claim_refusal(user_id="alice", releases=history, as_of=at(14), self_claim=False, **base) is None


def test_claimable_after_hold_cap_and_daily_limit():
    rule = PoolRule(
        "r",
        1,
        claimable_after_days=2,
        owned_cap=3,
        owned_cap_by_level=(("A", 1),),
        daily_claim_limit=2,
    )

    def refusal(**kw):
        args = dict(
            user_id="u",
            pool_entered_at=at(10),
            hold_until=None,
            level="",
            releases=[],
            owned_count=0,
            claims_today=0,
            rule=rule,
            as_of=at(12),
            tz=TZ,
        )
        args.update(kw)
        found = claim_refusal(**args)
        return None if found is None else found.code

    assert refusal(as_of=at(11)) == "pool.not_yet_claimable"
    assert refusal() is None
    assert refusal(hold_until=at(20)) == "pool.on_hold"
    assert refusal(owned_count=3) == "pool.owned_cap_reached"
    assert refusal(owned_count=1, level="A") == "pool.owned_cap_reached"
    assert refusal(claims_today=2) == "pool.daily_claim_limit"
    assert refusal(claims_today=2, self_claim=False) is None


def test_preview_of_a_rule_change():
    holdings = [
        ("old", Holding(owner_id="a", owner_since=at(1))),
        ("soon", Holding(owner_id="a", owner_since=at(1) + timedelta(days=8))),
        ("fresh", Holding(owner_id="a", owner_since=at(20))),
        ("locked", Holding(owner_id="a", owner_since=at(1), locked=True)),
    ]
    rule = PoolRule("r", 2, no_follow_up_days=10)
    result = preview(holdings, rule, at(14), TZ, days=7)
    assert result.due_now == ["old"] and result.due_soon == ["soon"]
