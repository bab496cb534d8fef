"""Ordered assignment rules (DOMAIN_RULES M2-M4): conditions on region, industry, source and
campaign; a target of one user, a team by round robin, or a team by least open leads with a daily
capacity per member. Pure choice functions; the state they read (each member's last turn and
today's count) is kept in the database and updated under a row lock on the rule (M3)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from datetime import datetime

from crm_chassis.errors import InvalidArgument
from marketing.domain.common import bounded, choice, required_text
from marketing.domain.lead import LeadFields

USER, ROUND_ROBIN, LEAST_OPEN = "user", "round_robin", "least_open"
TARGETS = (USER, ROUND_ROBIN, LEAST_OPEN)
MAX_MEMBERS = 200
MAX_VALUES = 100


@dataclasses.dataclass(frozen=True)
class Rule:
    id: str
    name: str
    position: int
    active: bool
    regions: tuple[str, ...]
    industries: tuple[str, ...]
    sources: tuple[str, ...]
    campaign_ids: tuple[str, ...]
    target: str
    user_id: str
    member_ids: tuple[str, ...]
    daily_capacity: int
    version: int
    created_at: datetime
    updated_at: datetime


@dataclasses.dataclass(frozen=True)
class MemberState:
    """One member's standing in one rule: the last turn taken and today's count."""

    member_id: str
    last_assigned_at: datetime | None
    sequence: int  # the rule's turn counter when this member last got a lead (0 = never)
    day: str  # local date of day_count
    day_count: int


def _values(raw: Sequence[str], field: str) -> tuple[str, ...]:
    values = tuple(dict.fromkeys(v.strip() for v in raw if v and v.strip()))
    if len(values) > MAX_VALUES:
        raise InvalidArgument(f"{field}: at most {MAX_VALUES} values", code="rule.too_many_values", field=field)
    return tuple(bounded(v, field, max_len=100) for v in values)


def clean_rule(
    rule_id: str,
    *,
    name: str,
    position: int,
    active: bool,
    regions: Sequence[str],
    industries: Sequence[str],
    sources: Sequence[str],
    campaign_ids: Sequence[str],
    target: str,
    user_id: str,
    member_ids: Sequence[str],
    daily_capacity: int,
    version: int,
    created_at: datetime,
    updated_at: datetime,
) -> Rule:
    """A validated rule; a user target names the user, a team target names its members."""
    kind = choice(target, "target", TARGETS)
    members = _values(member_ids, "member_ids")
    if len(members) > MAX_MEMBERS:
        raise InvalidArgument(f"at most {MAX_MEMBERS} members", code="rule.too_many_members", field="member_ids")
    user = (user_id or "").strip()
    if kind == USER and not user:
        raise InvalidArgument("a user rule names its user_id", code="rule.user_required", field="user_id")
    if kind != USER and not members:
        raise InvalidArgument("a team rule names its member_ids", code="rule.members_required", field="member_ids")
    if daily_capacity < 0:
        raise InvalidArgument("daily_capacity must be 0 or more", code="rule.capacity_invalid", field="daily_capacity")
    if position < 0:
        raise InvalidArgument("position must be 0 or more", code="rule.position_invalid", field="position")
    return Rule(
        id=rule_id,
        name=required_text(name, "name"),
        position=position,
        active=active,
        regions=_values(regions, "regions"),
        industries=_values(industries, "industries"),
        sources=_values(sources, "sources"),
        campaign_ids=_values(campaign_ids, "campaign_ids"),
        target=kind,
        user_id=user if kind == USER else "",
        member_ids=members if kind != USER else (),
        daily_capacity=daily_capacity,
        version=version,
        created_at=created_at,
        updated_at=updated_at,
    )


def _in(values: tuple[str, ...], value: str) -> bool:
    return not values or value.casefold() in {v.casefold() for v in values}


def matches(rule: Rule, lead: LeadFields) -> bool:
    """Every non-empty condition list contains the lead's value (case-insensitive)."""
    return (
        rule.active
        and _in(rule.regions, lead.region)
        and _in(rule.industries, lead.industry)
        and _in(rule.sources, lead.source)
        and _in(rule.campaign_ids, lead.campaign_id)
    )


def ordered(rules: Sequence[Rule]) -> list[Rule]:
    """Evaluation order: position, then creation, then id (never an accident of storage)."""
    return sorted(rules, key=lambda r: (r.position, r.created_at, r.id))


def _today_count(state: MemberState | None, day: str) -> int:
    return state.day_count if state is not None and state.day == day else 0


def _has_room(rule: Rule, state: MemberState | None, day: str) -> bool:
    return rule.daily_capacity <= 0 or _today_count(state, day) < rule.daily_capacity


def pick(
    rule: Rule,
    states: Mapping[str, MemberState],
    open_counts: Mapping[str, int],
    *,
    day: str,
    eligible: frozenset[str] | None = None,
) -> str | None:
    """The member who gets the next lead from `rule`, or None when nobody is eligible.

    round_robin: the member whose last turn is the oldest (never = first), ties by team order, so
    over any run each member's share differs by at most one. least_open: fewest open leads, then
    the oldest turn, then team order. Both skip members at today's capacity (0 = unlimited)."""
    if rule.target == USER:
        return rule.user_id if eligible is None or rule.user_id in eligible else None
    candidates = [
        (i, m)
        for i, m in enumerate(rule.member_ids)
        if (eligible is None or m in eligible) and _has_room(rule, states.get(m), day)
    ]
    if not candidates:
        return None

    def turn(i: int, m: str) -> tuple[int, int]:
        state = states.get(m)
        return (state.sequence if state is not None else 0, i)

    if rule.target == ROUND_ROBIN:
        return min(candidates, key=lambda c: turn(*c))[1]
    return min(candidates, key=lambda c: (open_counts.get(c[1], 0), *turn(*c)))[1]


def took_turn(state: MemberState | None, member_id: str, *, sequence: int, at: datetime, day: str) -> MemberState:
    """The member's state after getting a lead as turn number `sequence` of the rule."""
    return MemberState(member_id, at, sequence, day, _today_count(state, day) + 1)
