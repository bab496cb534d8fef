"""The customers side of the pool rules with frozen `as_of`: the sweep predicate (exempt, grace,
due), the reminder tier from the same clocks, rule validation and the default pool."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from crm_chassis import pools
from crm_chassis.errors import InvalidArgument
from customers.domain import pool as dp
from customers.domain.customer import Customer

TZ = ZoneInfo("Asia/Shanghai")
RULE = pools.PoolRule(rule_id="p", version=1, no_follow_up_days=30, remind_days=(7, 3, 1))
ANCHOR = datetime(2026, 1, 1, 4, 0, tzinfo=UTC)  # local noon, 1 January


def customer(**fields) -> Customer:
    base = Customer(
        id="c1",
        name="Acme",
        owner_id="a",
        level="",
        industry="",
        version=1,
        created_at=ANCHOR,
        updated_at=ANCHOR,
        created_by="a",
        owner_since=ANCHOR,
    )
    return dataclasses.replace(base, **fields)


def at(day: int, month: int = 1, hour: int = 4) -> datetime:
    return datetime(2026, month, day, hour, 0, tzinfo=UTC)


def test_due_the_day_after_the_limit_in_local_dates():
    assert dp.decide(customer(), RULE, None, at(31), TZ).due is None
    decision = dp.decide(customer(), RULE, None, at(1, 2), TZ)
    assert decision.due is not None and decision.due.reason == pools.NO_FOLLOW_UP
    # 16:30 UTC on 31 January is already 1 February in Shanghai.
    assert dp.decide(customer(), RULE, None, datetime(2026, 1, 31, 16, 30, tzinfo=UTC), TZ).due is not None


def test_locked_pooled_deleted_and_exempt_levels_are_never_due():
    for c in (
        customer(locked=True),
        customer(owner_id=None),
        customer(deleted_at=ANCHOR),
    ):
        assert dp.decide(c, RULE, None, at(1, 3), TZ).exempt
    vip = dataclasses.replace(RULE, exempt_levels=("A",))
    assert dp.decide(customer(level="A"), vip, None, at(1, 3), TZ).exempt


def test_a_follow_up_moves_the_clock():
    followed = customer(last_follow_up_at=datetime(2026, 1, 20, tzinfo=UTC))
    assert dp.decide(followed, RULE, None, at(1, 2), TZ).due is None


def test_grace_holds_a_due_customer_until_its_date_and_counts_down():
    until = date(2026, 2, 8)
    assert dp.decide(customer(), RULE, until, at(1, 2), TZ).in_grace
    assert dp.decide(customer(), RULE, until, at(8, 2), TZ).due is not None
    first = dp.warning(customer(), RULE, until, at(1, 2), TZ)
    assert first == dp.Warning(7, until, dp.GRACE)
    assert dp.warning(customer(), RULE, until, at(2, 2), TZ) is None  # 6 days: not a tier
    assert dp.grace_until(RULE, at(1, 2), TZ) == until


def test_reminders_use_the_sweep_clocks():
    assert dp.warning(customer(), RULE, None, at(25), TZ) == dp.Warning(7, date(2026, 2, 1), pools.NO_FOLLOW_UP)
    assert dp.warning(customer(), RULE, None, at(29), TZ).days_left == 3
    assert dp.warning(customer(), RULE, None, at(26), TZ) is None
    no_deal = pools.PoolRule(rule_id="p", version=1, no_follow_up_days=None, no_deal_days=10, remind_days=(1,))
    assert dp.warning(customer(), no_deal, None, at(11), TZ).trigger == pools.NO_DEAL


def test_rule_validation_turns_zero_into_off_and_refuses_nonsense():
    rule = dp.new_rule(
        pool_id="p",
        version=0,
        no_follow_up_days=0,
        no_deal_days=90,
        remind_days=[1, 7, 3, 7],
        reclaim_cooldown_days=7,
        claimable_after_days=0,
        owned_cap=0,
        daily_claim_limit=20,
        exempt_levels=[" a ", "B"],
    )
    assert (rule.no_follow_up_days, rule.no_deal_days, rule.remind_days) == (None, 90, (7, 3, 1))
    assert (rule.owned_cap, rule.daily_claim_limit, rule.exempt_levels) == (None, 20, ("A", "B"))
    with pytest.raises(InvalidArgument):
        dp.new_rule(
            pool_id="p",
            version=0,
            no_follow_up_days=30,
            no_deal_days=0,
            remind_days=[0],
            reclaim_cooldown_days=0,
            claimable_after_days=0,
            owned_cap=0,
            daily_claim_limit=0,
            exempt_levels=[],
        )


def test_default_pool_prefers_the_widest_active_scope_then_priority_never_creation_order():
    pools_ = [
        dp.Pool("z", "Dept", ("d1",), 9, True, ()),
        dp.Pool("b", "Public low", (), 1, True, ()),
        dp.Pool("a", "Public high", (), 5, True, ()),
        dp.Pool("c", "Off", (), 99, False, ()),
    ]
    assert dp.default_pool(pools_).id == "a"
    assert dp.default_pool([dp.Pool("c", "Off", (), 1, False, ())]) is None


def test_pool_membership():
    scoped = dp.Pool("z", "Dept", ("d1",), 0, True, ())
    assert scoped.visible_to(unrestricted=False, department_id="d1")
    assert not scoped.visible_to(unrestricted=False, department_id="d2")
    assert scoped.visible_to(unrestricted=True, department_id=None)
