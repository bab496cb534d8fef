"""Opportunities: stages with default probabilities, stage history, win / lose / reopen."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from crm_chassis.errors import FailedPrecondition, InvalidArgument
from sales.domain.common import bounded, currency, money, required_text
from sales.domain.settings import LOST, WON, SalesSettings

OPEN = "open"
MAX_COMPETITORS = 20
UPDATABLE = frozenset(
    {
        "name",
        "contact_id",
        "amount",
        "currency",
        "probability",
        "expected_close_date",
        "source_campaign_id",
        "owner_id",
        "competitors",
        "next_step",
    }
)


@dataclasses.dataclass(frozen=True)
class Competitor:
    name: str
    strengths: str = ""
    price: Decimal | None = None  # minor units, in the opportunity's currency

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "strengths": self.strengths,
            "price": None if self.price is None else str(self.price),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Competitor:
        return cls(d["name"], d.get("strengths", ""), None if d.get("price") is None else Decimal(d["price"]))


@dataclasses.dataclass(frozen=True)
class Opportunity:
    id: str
    customer_id: str
    contact_id: str
    name: str
    amount: Decimal
    currency: str
    stage: str
    probability: int
    expected_close_date: date | None
    source_campaign_id: str
    owner_id: str
    competitors: tuple[Competitor, ...]
    next_step: str
    lost_reason: str
    closed_at: datetime | None
    version: int
    created_at: datetime
    updated_at: datetime
    created_by: str
    # The marketing lead this opportunity was converted from (attribution), if any.
    lead_id: str = ""

    @property
    def status(self) -> str:
        return self.stage if self.stage in (WON, LOST) else OPEN

    @property
    def is_open(self) -> bool:
        return self.status == OPEN


@dataclasses.dataclass(frozen=True)
class StageChange:
    """One line of the stage history (feeds funnel and velocity reports)."""

    id: str
    opportunity_id: str
    at: datetime
    actor_id: str
    from_stage: str  # "" for the creation
    to_stage: str
    reason: str
    probability: int


def clean_competitors(raw: list[Competitor]) -> tuple[Competitor, ...]:
    if len(raw) > MAX_COMPETITORS:
        raise InvalidArgument(
            f"at most {MAX_COMPETITORS} competitors", code="competitors.too_many", field="competitors"
        )
    return tuple(
        Competitor(
            required_text(c.name, f"competitors[{i}].name", max_len=200),
            bounded(c.strengths, f"competitors[{i}].strengths", max_len=1000),
            None if c.price is None else money(c.price, f"competitors[{i}].price"),
        )
        for i, c in enumerate(raw)
    )


def probability(value: int | None, default: int) -> int:
    if value is None:
        return default
    if not 0 <= value <= 100:
        raise InvalidArgument("probability must be 0..100", code="probability_invalid", field="probability")
    return value


def create(
    *,
    id: str,
    customer_id: str,
    owner_id: str,
    fields: Mapping[str, Any],
    settings: SalesSettings,
    actor_id: str,
    at: datetime,
    change_id: str,
) -> tuple[Opportunity, StageChange]:
    """A new open opportunity (first configured stage unless one is given) and its first history line."""
    stage = settings.open_stage(fields.get("stage") or settings.stages[0].key)
    opp = Opportunity(
        id=id,
        customer_id=customer_id,
        contact_id=bounded(fields.get("contact_id", ""), "contact_id", max_len=36),
        name=required_text(fields.get("name", ""), "name"),
        amount=money(fields.get("amount", Decimal(0)), "amount"),
        currency=currency(fields.get("currency", "")),
        stage=stage.key,
        probability=probability(fields.get("probability"), stage.probability),
        expected_close_date=fields.get("expected_close_date"),
        source_campaign_id=bounded(fields.get("source_campaign_id", ""), "source_campaign_id", max_len=36),
        owner_id=owner_id,
        competitors=clean_competitors(list(fields.get("competitors", ()))),
        next_step=bounded(fields.get("next_step", ""), "next_step", max_len=500),
        lost_reason="",
        closed_at=None,
        version=1,
        created_at=at,
        updated_at=at,
        created_by=actor_id,
        lead_id=bounded(fields.get("lead_id", ""), "lead_id", max_len=36),
    )
    return opp, StageChange(change_id, id, at, actor_id, "", stage.key, "create", opp.probability)


def _require_open(opp: Opportunity) -> None:
    if not opp.is_open:
        raise FailedPrecondition(
            f"opportunity {opp.id} is {opp.status}; reopen it first", code="opportunity.closed", field="stage"
        )


def _moved(
    opp: Opportunity, to: str, prob: int, *, at: datetime, actor_id: str, reason: str, change_id: str, **more: Any
) -> tuple[Opportunity, StageChange]:
    updated = dataclasses.replace(opp, stage=to, probability=prob, version=opp.version + 1, updated_at=at, **more)
    return updated, StageChange(change_id, opp.id, at, actor_id, opp.stage, to, reason, prob)


def change_stage(
    opp: Opportunity,
    to_stage: str,
    settings: SalesSettings,
    *,
    at: datetime,
    actor_id: str,
    change_id: str,
    probability_override: int | None = None,
) -> tuple[Opportunity, StageChange]:
    """Move an open opportunity to another open stage; its probability becomes the stage's default
    unless one is given."""
    _require_open(opp)
    stage = settings.open_stage(to_stage, "to_stage")
    if stage.key == opp.stage:
        raise FailedPrecondition(
            f"opportunity {opp.id} is already at {stage.key}", code="stage.unchanged", field="to_stage"
        )
    prob = probability(probability_override, stage.probability)
    return _moved(opp, stage.key, prob, at=at, actor_id=actor_id, reason="stage", change_id=change_id)


def win(opp: Opportunity, *, at: datetime, actor_id: str, change_id: str, amount: Decimal | None = None):  # type: ignore[no-untyped-def]
    _require_open(opp)
    final = opp.amount if amount is None else money(amount, "amount")
    return _moved(
        opp, WON, 100, at=at, actor_id=actor_id, reason="win", change_id=change_id, closed_at=at, amount=final
    )


def lose(opp: Opportunity, *, reason: str, at: datetime, actor_id: str, change_id: str):  # type: ignore[no-untyped-def]
    _require_open(opp)
    why = required_text(reason, "lost_reason", max_len=500)
    return _moved(
        opp, LOST, 0, at=at, actor_id=actor_id, reason="lose", change_id=change_id, closed_at=at, lost_reason=why
    )


def reopen(
    opp: Opportunity,
    *,
    reason: str,
    to_stage: str,
    settings: SalesSettings,
    at: datetime,
    actor_id: str,
    change_id: str,
) -> tuple[Opportunity, StageChange]:
    """Reopen a won or lost opportunity (the gateway checks the permission; a reason is required)."""
    if opp.is_open:
        raise FailedPrecondition(f"opportunity {opp.id} is open", code="opportunity.not_closed", field="stage")
    why = required_text(reason, "reason", max_len=500)
    stage = settings.open_stage(to_stage or settings.stages[-1].key, "to_stage")
    updated, change = _moved(
        opp,
        stage.key,
        stage.probability,
        at=at,
        actor_id=actor_id,
        reason="reopen",
        change_id=change_id,
        closed_at=None,
        lost_reason="",
    )
    return updated, dataclasses.replace(change, reason=f"reopen: {why}")


def apply_update(opp: Opportunity, patch: Mapping[str, Any], paths: list[str], *, at: datetime) -> Opportunity:
    """The opportunity with the fields in `paths` taken from `patch` (open opportunities only)."""
    _require_open(opp)
    values: dict[str, Any] = {}
    for path in paths:
        value = patch.get(path)
        if path == "name":
            values["name"] = required_text(value or "", "name")
        elif path == "amount":
            values["amount"] = money(value or Decimal(0), "amount")
        elif path == "currency":
            values["currency"] = currency(value or "")
        elif path == "probability":
            values["probability"] = probability(value if value is not None else 0, 0)
        elif path == "competitors":
            values["competitors"] = clean_competitors(list(value or ()))
        elif path == "owner_id":
            values["owner_id"] = required_text(value or "", "owner_id", max_len=64)
        elif path == "next_step":
            values["next_step"] = bounded(value or "", "next_step", max_len=500)
        elif path == "expected_close_date":
            values["expected_close_date"] = value
        else:
            values[path] = bounded(value or "", path, max_len=36)
    updated = dataclasses.replace(opp, **values)
    if updated == opp:
        return opp
    return dataclasses.replace(updated, version=opp.version + 1, updated_at=at)
