"""Sales targets (S14): set per month x metric x company / department / user."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from crm_chassis.errors import AlreadyExists, NotFound
from crm_chassis.identity import Caller
from sales.domain import target as tg
from sales.domain.commands.base import UowFactory, new_id
from sales.domain.common import Page, actor_of, check_version, concurrent_write, list_request, now
from sales.domain.events import TargetSet


def _visible(caller: Caller, t: tg.Target) -> bool:
    return t.scope_type != "user" or caller.can_see_owner(t.scope_id)


def create_target(
    uow_factory: UowFactory,
    caller: Caller,
    *,
    month: str,
    metric: str,
    scope_type: str,
    scope_id: str,
    value: Decimal,
    currency_code: str,
) -> tg.Target:
    at = now()
    key = tg.clean_key(month, metric, scope_type, scope_id)
    amount, code = tg.clean_value(metric, value, currency_code)
    with uow_factory() as uow:
        existing = uow.targets.by_key(*key)
        if existing is not None:
            raise AlreadyExists(
                "a target for this month, metric and scope exists; update it",
                code="target.exists",
                field="month",
                details={"target_id": existing.id},
            )
        target = tg.Target(new_id(), *key, amount, code, 1, at, at, actor_of(caller))
        uow.targets.add(target)
        uow.record(TargetSet(target))
        uow.commit()
    return target


def _not_found(target_id: str) -> NotFound:
    return NotFound(f"target {target_id} not found", code="target.not_found", field="id")


def get_target(uow_factory: UowFactory, caller: Caller, target_id: str) -> tg.Target:
    with uow_factory(read_only=True) as uow:
        target = uow.targets.get(target_id) if target_id else None
    if target is None or not _visible(caller, target):
        raise _not_found(target_id)
    return target


def list_targets(uow_factory: UowFactory, caller: Caller, **page: Any) -> Page[tg.Target]:
    with uow_factory(read_only=True) as uow:
        return uow.targets.page(list_request(caller, **page))


def update_target(
    uow_factory: UowFactory,
    caller: Caller,
    target_id: str,
    *,
    value: Decimal,
    currency_code: str,
    expected_version: int,
) -> tg.Target:
    at = now()
    with uow_factory() as uow:
        current = uow.targets.get(target_id, for_update=True) if target_id else None
        if current is None or not _visible(caller, current):
            raise _not_found(target_id)
        check_version(current.version, expected_version, f"target {target_id}")
        amount, code = tg.clean_value(current.metric, value, currency_code or current.currency)
        if (amount, code) == (current.value, current.currency):
            return current
        updated = dataclasses.replace(
            current,
            value=amount,
            currency=code,
            version=current.version + 1,
            updated_at=at,
            updated_by=actor_of(caller),
        )
        if not uow.targets.update(updated, expected_version=current.version):
            raise concurrent_write(f"target {target_id}")
        uow.record(TargetSet(updated))
        uow.commit()
    return updated
