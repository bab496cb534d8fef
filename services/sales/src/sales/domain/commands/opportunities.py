"""Opportunity use cases: create, read, list, update, stage changes, win, lose, reopen."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from crm_chassis.identity import Caller
from sales.domain import opportunity as op
from sales.domain.commands.base import UowFactory, customer, new_id, owner_for, readable
from sales.domain.common import Page, actor_of, check_paths, check_version, concurrent_write, found, list_request, now
from sales.domain.events import OpportunityCreated, OpportunityLost, OpportunityStageChanged, OpportunityWon
from sales.domain.ports import SalesUnitOfWork


def create_opportunity(uow_factory: UowFactory, caller: Caller, fields: Mapping[str, Any]) -> op.Opportunity:
    at = now()
    with uow_factory() as uow:
        ref = customer(uow, fields.get("customer_id", ""))
        opp, change = op.create(
            id=new_id(),
            customer_id=ref.id,
            owner_id=owner_for(caller, fields.get("owner_id", "")),
            fields=fields,
            settings=uow.settings.load(),
            actor_id=actor_of(caller),
            at=at,
            change_id=new_id(),
        )
        uow.opportunities.add(opp)
        uow.opportunities.add_history(change)
        uow.record(OpportunityCreated(opp))
        uow.commit()
    return opp


def _load(uow: SalesUnitOfWork, caller: Caller, opportunity_id: str, *, for_update: bool = False) -> op.Opportunity:
    record = uow.opportunities.get(opportunity_id, for_update=for_update) if opportunity_id else None
    return found(record, "opportunity", opportunity_id, caller)


def get_opportunity(
    uow_factory: UowFactory, caller: Caller, opportunity_id: str
) -> tuple[op.Opportunity, list[op.StageChange]]:
    with uow_factory(read_only=True) as uow:
        record = uow.opportunities.get(opportunity_id) if opportunity_id else None
        opp = readable(uow, record, "opportunity", opportunity_id, caller)
        return opp, uow.opportunities.history(opp.id)


def list_opportunities(uow_factory: UowFactory, caller: Caller, **page: Any) -> Page[op.Opportunity]:
    with uow_factory(read_only=True) as uow:
        return uow.opportunities.page(list_request(caller, **page))


def _save(uow: SalesUnitOfWork, updated: op.Opportunity, was: int) -> None:
    if not uow.opportunities.update(updated, expected_version=was):
        raise concurrent_write(f"opportunity {updated.id}")


def update_opportunity(
    uow_factory: UowFactory,
    caller: Caller,
    opportunity_id: str,
    *,
    expected_version: int,
    patch: Mapping[str, Any],
    paths: list[str],
) -> op.Opportunity:
    check_paths(paths, op.UPDATABLE)
    at = now()
    with uow_factory() as uow:
        current = _load(uow, caller, opportunity_id)
        check_version(current.version, expected_version, f"opportunity {opportunity_id}")
        updated = op.apply_update(current, patch, paths, at=at)
        if updated is current:
            return current
        _save(uow, updated, current.version)
        uow.commit()
    return updated


def _transition(
    uow_factory: UowFactory, caller: Caller, opportunity_id: str, expected_version: int, move
) -> op.Opportunity:  # type: ignore[no-untyped-def]
    at = now()
    with uow_factory() as uow:
        current = _load(uow, caller, opportunity_id)
        check_version(current.version, expected_version, f"opportunity {opportunity_id}")
        updated, change = move(uow, current, at)
        _save(uow, updated, current.version)
        uow.opportunities.add_history(change)
        if change.to_stage == "won":
            uow.record(OpportunityWon(updated, change))
        elif change.to_stage == "lost":
            uow.record(OpportunityLost(updated, change))
        else:
            uow.record(OpportunityStageChanged(updated, change))
        uow.commit()
    return updated


def change_stage(
    uow_factory: UowFactory,
    caller: Caller,
    opportunity_id: str,
    *,
    to_stage: str,
    probability: int | None,
    expected_version: int,
) -> op.Opportunity:
    return _transition(
        uow_factory,
        caller,
        opportunity_id,
        expected_version,
        lambda uow, current, at: op.change_stage(
            current,
            to_stage,
            uow.settings.load(),
            at=at,
            actor_id=actor_of(caller),
            change_id=new_id(),
            probability_override=probability,
        ),
    )


def win(
    uow_factory: UowFactory, caller: Caller, opportunity_id: str, *, amount, expected_version: int
) -> op.Opportunity:  # type: ignore[no-untyped-def]
    return _transition(
        uow_factory,
        caller,
        opportunity_id,
        expected_version,
        lambda uow, current, at: op.win(current, at=at, actor_id=actor_of(caller), change_id=new_id(), amount=amount),
    )


def lose(
    uow_factory: UowFactory, caller: Caller, opportunity_id: str, *, reason: str, expected_version: int
) -> op.Opportunity:
    return _transition(
        uow_factory,
        caller,
        opportunity_id,
        expected_version,
        lambda uow, current, at: op.lose(current, reason=reason, at=at, actor_id=actor_of(caller), change_id=new_id()),
    )


def reopen(
    uow_factory: UowFactory, caller: Caller, opportunity_id: str, *, reason: str, to_stage: str, expected_version: int
) -> op.Opportunity:
    """Reopen a won or lost opportunity; the permission is the gateway's, the reason is required."""

    def move(uow, current, at):  # type: ignore[no-untyped-def]
        # Back to the stage it was closed from unless the caller names one.
        history = uow.opportunities.history(current.id)
        before = next((h.from_stage for h in reversed(history) if h.to_stage == current.stage), "")
        settings = uow.settings.load()
        stage = to_stage or (before if settings.stage(before) and before not in ("won", "lost") else "")
        return op.reopen(
            current,
            reason=reason,
            to_stage=stage,
            settings=settings,
            at=at,
            actor_id=actor_of(caller),
            change_id=new_id(),
        )

    return _transition(uow_factory, caller, opportunity_id, expected_version, move)
