"""Contract use cases: create from confirmed orders, approval, sign (→ active), terminate, renewals,
and the daily activation / expiry sweep."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from crm_chassis import approvals as ap
from crm_chassis.errors import FailedPrecondition, InvalidArgument
from crm_chassis.identity import Caller
from sales.domain import contract as ct
from sales.domain.commands import approvals
from sales.domain.commands.base import UowFactory, customer, new_id, number, owner_for, readable, today
from sales.domain.common import (
    Page,
    actor_of,
    bounded,
    check_paths,
    check_version,
    concurrent_write,
    currency,
    format_money,
    found,
    list_request,
    money,
    now,
)
from sales.domain.events import ContractActivated, ContractExpired, ContractTerminated
from sales.domain.order import CONFIRMED, FULFILLED, Order
from sales.domain.ports import SalesUnitOfWork

SWEEP_BATCH = 500


def _summary(c: ct.Contract) -> str:
    return f"Contract {c.number}: {format_money(c.value, c.currency)}, {c.start_date} to {c.end_date}"


def _orders(uow: SalesUnitOfWork, caller: Caller, order_ids: list[str], customer_id: str, code: str) -> list[Order]:
    ids = list(dict.fromkeys(i for i in order_ids if i))
    found_orders = uow.orders.many(ids)
    out = []
    for i, order_id in enumerate(ids):
        order = found_orders.get(order_id)
        where = f"order_ids[{i}]"
        if order is None or not caller.can_see_owner(order.owner_id):
            raise InvalidArgument(
                f"{where}: order {order_id} does not exist", code="contract.unknown_order", field=where
            )
        if order.customer_id != customer_id:
            raise InvalidArgument(
                f"{where}: order {order.number} is another customer's", code="contract.order_mismatch", field=where
            )
        if order.status not in (CONFIRMED, FULFILLED):
            raise FailedPrecondition(
                f"{where}: order {order.number} is {order.status}; contracts cover confirmed orders",
                code="contract.order_not_confirmed",
                field=where,
            )
        if order.currency != code:
            raise InvalidArgument(
                f"{where}: order {order.number} is in {order.currency}", code="contract.currency_mismatch", field=where
            )
        out.append(order)
    return out


def _coverage(
    uow: SalesUnitOfWork, orders: list[Order], given: list[ct.Coverage] | None, start: date
) -> tuple[ct.Coverage, ...]:
    if given:
        return ct.clean_coverage(given)
    products = uow.products.many({ln.product_id for o in orders for ln in o.lines})
    return ct.default_coverage(
        (products[p] for o in orders for ln in o.lines if (p := ln.product_id) in products), start
    )


def create_contract(uow_factory: UowFactory, caller: Caller, fields: Mapping[str, Any]) -> ct.Contract:
    """A draft contract; value defaults to the orders' total, coverage to their products' warranty."""
    at = now()
    with uow_factory() as uow:
        ref = customer(uow, fields.get("customer_id", ""))
        settings = uow.settings.load()
        day = today(settings, at)
        start, end = ct.check_period(fields.get("start_date"), fields.get("end_date"))
        orders = _orders(uow, caller, list(fields.get("order_ids", ())), ref.id, currency(fields.get("currency", "")))
        value = fields.get("value") or sum((o.totals.total for o in orders), Decimal(0))
        contract = ct.Contract(
            id=new_id(),
            number=number(uow, "C", day),
            title=bounded(fields.get("title", ""), "title"),
            customer_id=ref.id,
            owner_id=owner_for(caller, fields.get("owner_id", "") or (orders[0].owner_id if orders else "")),
            order_ids=tuple(o.id for o in orders),
            value=money(value, "value", positive=True),
            currency=currency(fields.get("currency", "")),
            start_date=start,
            end_date=end,
            terms=bounded(fields.get("terms", ""), "terms", max_len=20000),
            coverage=_coverage(uow, orders, list(fields.get("coverage") or ()), start),
            status=ct.DRAFT,
            signed_on=None,
            credited_owner_id="",
            activated_at=None,
            ended_at=None,
            termination_reason="",
            version=1,
            created_at=at,
            updated_at=at,
            created_by=actor_of(caller),
        )
        uow.contracts.add(contract)
        uow.commit()
    return contract


def load(uow: SalesUnitOfWork, caller: Caller, contract_id: str, *, for_update: bool = True) -> ct.Contract:
    return found(
        uow.contracts.get(contract_id, for_update=for_update) if contract_id else None, "contract", contract_id, caller
    )


def _save(uow: SalesUnitOfWork, updated: ct.Contract, was: int) -> None:
    if not uow.contracts.update(updated, expected_version=was):
        raise concurrent_write(f"contract {updated.id}")


def get_contract(uow_factory: UowFactory, caller: Caller, contract_id: str) -> ct.Contract:
    with uow_factory(read_only=True) as uow:
        return readable(uow, uow.contracts.get(contract_id) if contract_id else None, "contract", contract_id, caller)


def list_contracts(uow_factory: UowFactory, caller: Caller, **page: Any) -> Page[ct.Contract]:
    with uow_factory(read_only=True) as uow:
        return uow.contracts.page(list_request(caller, **page))


def update_contract(
    uow_factory: UowFactory,
    caller: Caller,
    contract_id: str,
    *,
    expected_version: int,
    patch: Mapping[str, Any],
    paths: list[str],
) -> ct.Contract:
    check_paths(paths, ct.UPDATABLE)
    at = now()
    with uow_factory() as uow:
        current = load(uow, caller, contract_id)
        check_version(current.version, expected_version, f"contract {contract_id}")
        ct.ensure_editable(current)
        changes: dict[str, Any] = {}
        if "title" in paths:
            changes["title"] = bounded(patch.get("title", ""), "title")
        if "terms" in paths:
            changes["terms"] = bounded(patch.get("terms", ""), "terms", max_len=20000)
        if "owner_id" in paths:
            changes["owner_id"] = owner_for(caller, patch.get("owner_id", ""))
        if "value" in paths:
            changes["value"] = money(patch.get("value") or 0, "value", positive=True)
            if changes["value"] != current.value and uow.plans.for_contract(current.id) is not None:
                raise FailedPrecondition(
                    "the contract has a payment plan; change the plan with the value",
                    code="contract.plan_exists",
                    field="value",
                )
        if "start_date" in paths or "end_date" in paths:
            changes["start_date"], changes["end_date"] = ct.check_period(
                patch.get("start_date") if "start_date" in paths else current.start_date,
                patch.get("end_date") if "end_date" in paths else current.end_date,
            )
        if "order_ids" in paths:
            changes["order_ids"] = tuple(
                o.id
                for o in _orders(uow, caller, list(patch.get("order_ids") or ()), current.customer_id, current.currency)
            )
        if "coverage" in paths:
            changes["coverage"] = ct.clean_coverage(list(patch.get("coverage") or ()))
        if all(getattr(current, k) == v for k, v in changes.items()):
            return current
        updated = dataclasses.replace(current, version=current.version + 1, updated_at=at, **changes)
        _save(uow, updated, current.version)
        uow.commit()
    return updated


def submit_contract(
    uow_factory: UowFactory, caller: Caller, contract_id: str, *, comment: str, expected_version: int
) -> tuple[ct.Contract, ap.Approval]:
    at = now()
    with uow_factory() as uow:
        current = load(uow, caller, contract_id)
        check_version(current.version, expected_version, f"contract {contract_id}")
        customer(uow, current.customer_id)
        pending = ct.submitted(current, at)
        _save(uow, pending, current.version)
        approval = approvals.submit(uow, approvals.subject_for("contract"), pending, pending.id, caller, at, comment)
        final = pending
        if not approval.is_open:
            final = ct.approval_outcome(pending, approval.passed, at)
            _save(uow, final, pending.version)
        uow.commit()
    return final, approval


def _events_for(uow: SalesUnitOfWork, before: ct.Contract, after: ct.Contract) -> None:
    if after.activated_at is not None and before.activated_at is None:
        uow.record(ContractActivated(after))
    if after.status == ct.EXPIRED and before.status != ct.EXPIRED:
        uow.record(ContractExpired(after))


def sign_contract(
    uow_factory: UowFactory, caller: Caller, contract_id: str, *, signed_on: date | None, expected_version: int
) -> ct.Contract:
    at = now()
    with uow_factory() as uow:
        current = load(uow, caller, contract_id)
        check_version(current.version, expected_version, f"contract {contract_id}")
        day = today(uow.settings.load(), at)
        signed = ct.sign(current, signed_on=signed_on or day, today=day, at=at)
        _save(uow, signed, current.version)
        _events_for(uow, current, signed)
        uow.commit()
    return signed


def terminate_contract(
    uow_factory: UowFactory, caller: Caller, contract_id: str, *, reason: str, expected_version: int
) -> ct.Contract:
    at = now()
    with uow_factory() as uow:
        current = load(uow, caller, contract_id)
        check_version(current.version, expected_version, f"contract {contract_id}")
        ended = ct.terminate(current, reason=reason, at=at)
        _save(uow, ended, current.version)
        uow.record(ContractTerminated(ended))
        uow.commit()
    return ended


def renewals_due(
    uow_factory: UowFactory, caller: Caller, *, as_of: date | None, days_before: int | None
) -> list[ct.Contract]:
    """Active contracts visible to the caller that end within the reminder lead time of `as_of`."""
    with uow_factory(read_only=True) as uow:
        settings = uow.settings.load()
        day = as_of or today(settings)
        lead = settings.renewal_reminder_days if days_before is None else days_before
        if not 0 <= lead <= 365:
            raise InvalidArgument("days_before must be 0..365", code="days_before_invalid", field="days_before")
        candidates = uow.contracts.ending_between(day, day + timedelta(days=lead), limit=1000)
    return [
        c for c in candidates if ct.renewal_due(c, as_of=day, days_before=lead) and caller.can_see_owner(c.owner_id)
    ]


@dataclasses.dataclass(frozen=True)
class ContractSweep:
    activated: int
    expired: int


def sweep_contracts(uow_factory: UowFactory, *, as_of: date, at: datetime | None = None) -> ContractSweep:
    """Activate signed contracts whose start date has come and expire active ones past their end
    (one transaction per contract; a rerun for the same day acts on nothing twice)."""
    at = at or now()
    activated = expired = 0
    for finder, move in (("to_activate", ct.activate_if_due), ("to_expire", ct.expire_if_due)):
        while True:
            with uow_factory(read_only=True) as uow:
                batch = getattr(uow.contracts, finder)(as_of, SWEEP_BATCH)
            if not batch:
                break
            for candidate in batch:
                with uow_factory() as uow:
                    current = uow.contracts.get(candidate.id, for_update=True)
                    after = move(current, today=as_of, at=at) if current is not None else None
                    if after is None:
                        continue
                    _save(uow, after, current.version)  # type: ignore[union-attr]
                    _events_for(uow, current, after)  # type: ignore[arg-type]
                    uow.commit()
                if after.status == ct.EXPIRED:
                    expired += 1
                else:
                    activated += 1
            if len(batch) < SWEEP_BATCH:
                break
    return ContractSweep(activated, expired)


def _on_outcome(uow: SalesUnitOfWork, c: ct.Contract, approval: ap.Approval, at: datetime) -> None:
    current = uow.contracts.get(c.id, for_update=True)
    assert current is not None
    _save(uow, ct.approval_outcome(current, approval.passed, at), current.version)


approvals.register(
    approvals.Subject(
        record_type="contract",
        load=lambda uow, record_id: uow.contracts.get(record_id),
        owner=lambda c: c.owner_id,
        summary=_summary,
        on_outcome=_on_outcome,
    )
)
