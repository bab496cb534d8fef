"""SLA calendar, policy choice, pause and at-risk / breach boundaries."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from service_desk.domain import sla as s

TZ = ZoneInfo("Asia/Shanghai")
CAL = s.BusinessCalendar(time_zone="Asia/Shanghai", holidays=frozenset({date(2026, 10, 1)}))


def local(y, m, d, hh=0, mm=0):
    return datetime(y, m, d, hh, mm, tzinfo=TZ)


def test_business_minutes_counts_only_working_hours():
    # Monday 2026-11-23 17:00 -> Tuesday 10:00 local = 60 + 60 minutes
    assert s.business_minutes(CAL, local(2026, 11, 23, 17), local(2026, 11, 24, 10)) == 120


def test_business_minutes_skip_weekend_and_holiday():
    # Friday 17:00 -> Monday 10:00 = 60 + 60
    assert s.business_minutes(CAL, local(2026, 11, 27, 17), local(2026, 11, 30, 10)) == 120
    # 2026-10-01 is a holiday (Thursday): Wed 17:00 -> Fri 10:00 = 60 + 60
    assert s.business_minutes(CAL, local(2026, 9, 30, 17), local(2026, 10, 2, 10)) == 120


def test_business_minutes_empty_or_reversed_span_is_zero():
    t = local(2026, 11, 23, 10)
    assert s.business_minutes(CAL, t, t) == 0
    assert s.business_minutes(CAL, t, t - timedelta(hours=1)) == 0


def test_add_business_minutes_lands_on_the_boundary_and_rolls_over():
    start = local(2026, 11, 23, 17)
    assert s.add_business_minutes(CAL, start, 60) == local(2026, 11, 23, 18)  # exactly at close
    assert s.add_business_minutes(CAL, start, 61) == local(2026, 11, 24, 9, 1)
    # Friday 17:30 + 60 -> Monday 09:30
    assert s.add_business_minutes(CAL, local(2026, 11, 27, 17, 30), 60) == local(2026, 11, 30, 9, 30)
    # before opening: counts from opening
    assert s.add_business_minutes(CAL, local(2026, 11, 23, 7), 30) == local(2026, 11, 23, 9, 30)


def test_round_the_clock_counts_every_minute():
    cal = CAL.always()
    start = datetime(2026, 11, 28, 23, 0, tzinfo=UTC)  # a Saturday
    assert s.add_business_minutes(cal, start, 90) == start + timedelta(minutes=90)
    assert s.business_minutes(cal, start, start + timedelta(minutes=90)) == 90


def policy(pid, priority, classification, first=60, resolution=480, active=True):
    return s.SlaPolicy(pid, pid, priority, classification, first, resolution, active=active)


def test_policy_naming_the_classification_beats_any():
    policies = [policy("any", "high", ""), policy("vip", "high", "vip"), policy("low", "low", "")]
    assert s.choose_policy(policies, "high", "vip").id == "vip"
    assert s.choose_policy(policies, "high", "standard").id == "any"
    assert s.choose_policy(policies, "urgent", "vip") is None
    assert s.choose_policy([policy("off", "high", "", active=False)], "high", "") is None


def test_check_policy_refuses_bad_targets():
    from crm_chassis.errors import InvalidArgument

    with pytest.raises(InvalidArgument):
        s.check_policy(policy("p", "high", "", first=0))
    with pytest.raises(InvalidArgument):
        s.check_policy(policy("p", "high", "", first=100, resolution=50))
    with pytest.raises(InvalidArgument):
        s.check_policy(policy("p", "sometimes", ""))


def test_pause_excludes_waiting_time_and_pushes_the_due_time():
    created = local(2026, 11, 23, 9)
    state = s.start_sla(CAL, policy("p", "high", "", 60, 240), "high", created)
    assert state.resolution_due_at == local(2026, 11, 23, 13)
    paused = s.pause(state, local(2026, 11, 23, 10))
    # while paused the clock stands still
    assert s.elapsed(CAL, paused, created, local(2026, 11, 23, 12)) == 60
    resumed = s.resume(CAL, paused, local(2026, 11, 23, 11))
    assert resumed.paused_minutes == 60
    assert resumed.resolution_due_at == local(2026, 11, 23, 14)
    assert s.elapsed(CAL, resumed, created, local(2026, 11, 23, 12)) == 120


def test_at_risk_then_breach_boundaries_and_once_each():
    created = local(2026, 11, 23, 9)
    state = s.start_sla(CAL, policy("p", "high", "", 10, 100), "high", created)
    assert s.evaluate(CAL, state, created, local(2026, 11, 23, 9, 7)) == []  # 70% < 80%
    found = s.evaluate(CAL, state, created, local(2026, 11, 23, 9, 8))  # exactly 80%
    assert [(f.target, f.kind) for f in found] == [("first_response", "at_risk")]
    state = s.flag(state, found[0])
    assert s.evaluate(CAL, state, created, local(2026, 11, 23, 9, 9)) == []
    found = s.evaluate(CAL, state, created, local(2026, 11, 23, 9, 10))  # exactly the target
    assert [(f.target, f.kind) for f in found] == [("first_response", "breached")]
    state = s.flag(state, found[0])
    assert state.escalation_level == 1
    assert s.evaluate(CAL, state, created, local(2026, 11, 23, 9, 11)) == []


def test_responded_stops_the_first_response_clock():
    created = local(2026, 11, 23, 9)
    state = s.responded(
        CAL, s.start_sla(CAL, policy("p", "high", "", 10, 100), "high", created), created, local(2026, 11, 23, 9, 5)
    )
    assert state.first_response_minutes == 5 and not state.first_response_breached
    assert all(f.target != "first_response" for f in s.evaluate(CAL, state, created, local(2026, 11, 24, 9)))


def test_raised_priority_stops_at_urgent():
    assert s.raised("high") == "urgent"
    assert s.raised("urgent") == "urgent"
    assert s.raised("low") == "normal"


def test_default_targets_when_no_policy():
    state = s.start_sla(CAL, None, "urgent", local(2026, 11, 23, 9))
    assert (state.first_response_target, state.resolution_target) == s.DEFAULT_TARGETS["urgent"]
    assert state.policy_id == ""


def test_calendar_window_by_weekday():
    assert CAL.window(date(2026, 11, 28)) is None  # Saturday
    assert CAL.window(date(2026, 11, 23)) == (time(9), time(18))
