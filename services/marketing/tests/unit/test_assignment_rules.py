"""Assignment rules: conditions, round-robin fairness (each member within one of the others over
any run), least-open with a daily capacity, and evaluation order."""

from collections import Counter
from datetime import UTC, datetime

import pytest

from crm_chassis.errors import InvalidArgument
from marketing.domain import assignment as asg
from marketing.domain.lead import LeadFields

AT = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
DAY = "2027-03-01"


def rule(target="round_robin", members=("ann", "bob", "cid"), capacity=0, position=0, rule_id="r1", **cond):
    return asg.clean_rule(
        rule_id,
        name="r",
        position=position,
        active=True,
        regions=cond.get("regions", ()),
        industries=cond.get("industries", ()),
        sources=cond.get("sources", ()),
        campaign_ids=cond.get("campaign_ids", ()),
        target=target,
        user_id="uma" if target == "user" else "",
        member_ids=members if target != "user" else (),
        daily_capacity=capacity,
        version=1,
        created_at=AT,
        updated_at=AT,
    )


def run(r, n, *, day=DAY, states=None, counts=None):
    states = dict(states or {})
    got = []
    for turn in range(1, n + 1):
        member = asg.pick(r, states, counts or {}, day=day)
        if member is None:
            got.append(None)
            continue
        states[member] = asg.took_turn(states.get(member), member, sequence=turn, at=AT, day=day)
        got.append(member)
    return got, states


@pytest.mark.parametrize("n", [1, 2, 3, 10, 100, 101])
def test_round_robin_gives_every_member_an_equal_share_within_one(n):
    got, _ = run(rule(), n)
    shares = Counter(got)
    assert max(shares.values()) - min(shares.get(m, 0) for m in ("ann", "bob", "cid")) <= 1
    assert got[:3] == ["ann", "bob", "cid"][: min(n, 3)]


def test_round_robin_continues_where_it_stopped_and_new_members_get_the_next_turn():
    r = rule()
    got, states = run(r, 4)
    assert got == ["ann", "bob", "cid", "ann"]
    bigger = rule(members=("ann", "bob", "cid", "dan"))
    member = asg.pick(bigger, states, {}, day=DAY)
    assert member == "dan"


def test_capacity_skips_full_members_and_resets_on_a_new_day():
    r = rule(capacity=1)
    got, states = run(r, 4)
    assert got == ["ann", "bob", "cid", None]
    assert asg.pick(r, states, {}, day="2027-03-02") == "ann"


def test_least_open_prefers_the_member_with_fewest_open_leads():
    r = rule(target="least_open")
    assert asg.pick(r, {}, {"ann": 4, "bob": 1, "cid": 2}, day=DAY) == "bob"
    assert asg.pick(r, {}, {"ann": 0, "bob": 0, "cid": 0}, day=DAY) == "ann"


def test_conditions_all_must_hold_and_are_case_insensitive():
    r = rule(regions=("Shanghai", "Beijing"), sources=("web_form",))
    assert asg.matches(r, LeadFields(region="shanghai", source="web_form"))
    assert not asg.matches(r, LeadFields(region="Shenzhen", source="web_form"))
    assert not asg.matches(r, LeadFields(region="Beijing", source="import"))
    assert asg.matches(rule(), LeadFields())


def test_rules_are_evaluated_by_position_then_creation():
    late = rule(position=2, rule_id="b")
    early = rule(position=1, rule_id="a")
    assert [r.id for r in asg.ordered([late, early])] == ["a", "b"]


def test_a_team_rule_needs_members_and_a_user_rule_a_user():
    with pytest.raises(InvalidArgument) as e:
        rule(members=())
    assert e.value.code == "rule.members_required"
    with pytest.raises(InvalidArgument):
        rule(target="someone")
    assert rule(target="user").user_id == "uma"
