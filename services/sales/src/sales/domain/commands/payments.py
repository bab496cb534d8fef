"""Payment plans, receipts and the overdue sweep (S6-S12)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from crm_chassis import approvals as ap
from crm_chassis.errors import AlreadyExists, FailedPrecondition, InvalidArgument, NotFound
from crm_chassis.identity import Caller
from sales.domain import contract as ct
from sales.domain import order as od
from sales.domain import payments as pm
from sales.domain.commands import approvals
from sales.domain.commands.base import UowFactory, new_id, readable, today
from sales.domain.commands.contracts import load as load_contract
from sales.domain.common import (
    Page,
    actor_of,
    bounded,
    check_paths,
    check_version,
    concurrent_write,
    format_money,
    found,
    list_request,
    money,
    now,
    required_text,
)
from sales.domain.events import PaymentOverdue, PaymentPlanCreated, PaymentReceived
from sales.domain.ports import SalesUnitOfWork

OVERDUE_BATCH = 500
RECEIPT_UPDATABLE = frozenset({"method", "reference", "note"})


@dataclasses.dataclass(frozen=True)
class PlanView:
    """A plan with its instalments' derived states as of a date (S6, S9: computed, never stored)."""

    plan: pm.PaymentPlan
    states: list[pm.InstalmentState]
    as_of: date
    contract_status: str

    @property
    def received(self) -> Decimal:
        return sum((s.received for s in self.states), Decimal(0))

    @property
    def outstanding(self) -> Decimal:
        return sum((s.outstanding for s in self.states), Decimal(0))


def contract_basis(c: ct.Contract) -> pm.PlanBasis:
    return pm.PlanBasis("contract", c.id, c.number, c.customer_id, c.owner_id, c.currency, c.value, c.status)


def order_basis(o: od.Order) -> pm.PlanBasis:
    status = pm.ORDER_STATUS_AS_CONTRACT[o.status]
    return pm.PlanBasis("order", o.id, o.number, o.customer_id, o.owner_id, o.currency, o.totals.total, status)


def basis_of(uow: SalesUnitOfWork, plan: pm.PaymentPlan) -> pm.PlanBasis:
    """The contract or order the plan belongs to."""
    if plan.order_id:
        order = uow.orders.get(plan.order_id)
        assert order is not None
        return order_basis(order)
    contract = uow.contracts.get(plan.contract_id)
    assert contract is not None
    return contract_basis(contract)


def load_basis(
    uow: SalesUnitOfWork, caller: Caller, contract_id: str, order_id: str, *, code: str = "plan.contract_or_order"
) -> pm.PlanBasis:
    """The contract or the order the caller names (exactly one), within the caller's scope."""
    if bool(contract_id) == bool(order_id):
        raise InvalidArgument("name either the contract or the order", code=code, field="contract_id")
    if contract_id:
        return contract_basis(load_contract(uow, caller, contract_id))
    return order_basis(found(uow.orders.get(order_id, for_update=True), "order", order_id, caller))


def _plan_of(uow: SalesUnitOfWork, basis: pm.PlanBasis) -> pm.PaymentPlan | None:
    return uow.plans.for_order(basis.id) if basis.kind == "order" else uow.plans.for_contract(basis.id)


def _view(uow: SalesUnitOfWork, plan: pm.PaymentPlan, basis: pm.PlanBasis, as_of: date | None) -> PlanView:
    settings = uow.settings.load()
    day = as_of or today(settings)
    states = pm.plan_states(
        plan,
        uow.receipts.for_plan(plan.id),
        as_of=day,
        grace_days=settings.payment_grace_days,
        contract_status=basis.status,
    )
    return PlanView(plan, states, day, basis.status)


def create_plan(
    uow_factory: UowFactory,
    caller: Caller,
    contract_id: str,
    instalments: list[pm.InstalmentInput],
    *,
    order_id: str = "",
) -> PlanView:
    """A plan on a contract or an order whose instalments add up exactly to its value; nothing is
    written otherwise."""
    at = now()
    with uow_factory() as uow:
        basis = load_basis(uow, caller, contract_id, order_id)
        if basis.status in (ct.EXPIRED, ct.TERMINATED):
            raise FailedPrecondition(
                f"{basis.kind} {basis.number} is closed", code=f"plan.{basis.kind}_closed", field=f"{basis.kind}_id"
            )
        if basis.kind == "order" and basis.status != "active":
            # A draft order's lines (and total) may still change; its plan waits for the confirmation.
            raise FailedPrecondition(
                f"order {basis.number} is not confirmed; plan its payments once it is",
                code="plan.order_not_confirmed",
                field="order_id",
            )
        if _plan_of(uow, basis) is not None:
            raise AlreadyExists(
                f"{basis.kind} {basis.number} already has a payment plan", code="plan.exists", field=f"{basis.kind}_id"
            )
        plan_id = new_id()
        plan = pm.PaymentPlan(
            id=plan_id,
            contract_id=basis.id if basis.kind == "contract" else "",
            order_id=basis.id if basis.kind == "order" else "",
            customer_id=basis.customer_id,
            owner_id=basis.owner_id,
            currency=basis.currency,
            instalments=pm.build_instalments(plan_id, instalments, contract_value=basis.value, new_id=new_id),
            version=1,
            created_at=at,
            updated_at=at,
            created_by=actor_of(caller),
        )
        uow.plans.add(plan)
        uow.record(PaymentPlanCreated(plan))
        view = _view(uow, plan, basis, None)
        uow.commit()
    return view


def get_plan(
    uow_factory: UowFactory,
    caller: Caller,
    *,
    plan_id: str,
    contract_id: str,
    as_of: date | None,
    order_id: str = "",
) -> PlanView:
    with uow_factory(read_only=True) as uow:
        if plan_id:
            plan = uow.plans.get(plan_id)
        elif contract_id:
            plan = uow.plans.for_contract(contract_id)
        elif order_id:
            plan = uow.plans.for_order(order_id)
        else:
            raise InvalidArgument("name the plan, its contract or its order", code="plan.id_required", field="id")
        plan = readable(uow, plan, "plan", plan_id or contract_id or order_id, caller)
        return _view(uow, plan, basis_of(uow, plan), as_of)


def list_plans(uow_factory: UowFactory, caller: Caller, **page: Any) -> Page[pm.PaymentPlan]:
    with uow_factory(read_only=True) as uow:
        return uow.plans.page(list_request(caller, **page))


def update_plan(
    uow_factory: UowFactory,
    caller: Caller,
    plan_id: str,
    *,
    expected_version: int,
    instalments: list[pm.InstalmentInput],
) -> PlanView:
    """Replace the instalments that have no receipts (S10); the plan must still add up."""
    at = now()
    with uow_factory() as uow:
        plan = found(uow.plans.get(plan_id, for_update=True) if plan_id else None, "plan", plan_id, caller)
        check_version(plan.version, expected_version, f"plan {plan_id}")
        basis = basis_of(uow, plan)
        touched = set(pm.received_by_instalment(uow.receipts.for_plan(plan.id), counting=False))
        updated = pm.replan(plan, instalments, touched=touched, contract_value=basis.value, new_id=new_id, at=at)
        if not uow.plans.update(updated, expected_version=plan.version):
            raise concurrent_write(f"plan {plan_id}")
        view = _view(uow, updated, basis, None)
        uow.commit()
    return view


# -- receipts -----------------------------------------------------------------------------------


def _receipt_summary(r: pm.Receipt) -> str:
    return f"Receipt of {format_money(r.amount, r.currency)} received {r.received_on}"


def record_receipt(
    uow_factory: UowFactory,
    caller: Caller,
    *,
    contract_id: str,
    amount: Decimal,
    received_on: date | None,
    method: str,
    reference: str,
    note: str,
    allocations: list[pm.Allocation],
    order_id: str = "",
) -> pm.Receipt:
    """Record money received against a contract's or an order's plan: allocated (the user's
    lines, then FIFO), then approved through the receipt flow (without review when none is
    configured)."""
    at = now()
    with uow_factory() as uow:
        basis = load_basis(uow, caller, contract_id, order_id)
        pm.require_effective(basis)
        plan = _plan_of(uow, basis)
        if plan is None:
            raise FailedPrecondition(
                f"{basis.kind} {basis.number} has no payment plan", code="receipt.no_plan", field=f"{basis.kind}_id"
            )
        plan = uow.plans.get(plan.id, for_update=True)  # receipts of one plan are recorded one at a time
        assert plan is not None
        amount = money(amount, "amount", positive=True)
        settings = uow.settings.load()
        day = today(settings, at)
        if received_on is None:
            raise InvalidArgument(
                "received_on (the bank date) is required", code="received_on_required", field="received_on"
            )
        if received_on > day:
            raise InvalidArgument(
                "received_on is in the future", code="receipt.received_on_future", field="received_on"
            )
        existing = uow.receipts.for_plan(plan.id)
        pm.check_receipt_within_contract(amount, existing, basis.value)
        lines = pm.allocate(amount, plan.instalments, pm.received_by_instalment(existing, counting=False), allocations)
        receipt = pm.Receipt(
            id=new_id(),
            contract_id=plan.contract_id,
            order_id=plan.order_id,
            plan_id=plan.id,
            customer_id=basis.customer_id,
            owner_id=basis.owner_id,
            amount=amount,
            currency=basis.currency,
            received_on=received_on,
            method=bounded(method, "method", max_len=40) or "bank_transfer",
            reference=bounded(reference, "reference", max_len=100),
            note=bounded(note, "note", max_len=1000),
            status=ap.IN_REVIEW,
            allocations=lines,
            approved_at=None,
            version=1,
            created_at=at,
            updated_at=at,
            created_by=actor_of(caller),
        )
        uow.receipts.add(receipt)
        approval = approvals.submit(uow, approvals.subject_for("receipt"), receipt, receipt.id, caller, at)
        if not approval.is_open:
            receipt = _apply_outcome(uow, receipt, approval, at)
        uow.commit()
    return receipt


def _apply_outcome(uow: SalesUnitOfWork, receipt: pm.Receipt, approval: ap.Approval, at: datetime) -> pm.Receipt:
    updated = dataclasses.replace(
        receipt,
        status=approval.status,
        approved_at=at if approval.passed else None,
        version=receipt.version + 1,
        updated_at=at,
    )
    if not uow.receipts.update(updated, expected_version=receipt.version):
        raise concurrent_write(f"receipt {receipt.id}")
    if approval.passed:
        uow.record(PaymentReceived(updated))
    return updated


def _load_receipt(uow: SalesUnitOfWork, caller: Caller, receipt_id: str, for_update: bool = False) -> pm.Receipt:
    return found(
        uow.receipts.get(receipt_id, for_update=for_update) if receipt_id else None, "receipt", receipt_id, caller
    )


def get_receipt(uow_factory: UowFactory, caller: Caller, receipt_id: str) -> pm.Receipt:
    with uow_factory(read_only=True) as uow:
        return readable(uow, uow.receipts.get(receipt_id) if receipt_id else None, "receipt", receipt_id, caller)


def list_receipts(uow_factory: UowFactory, caller: Caller, **page: Any) -> Page[pm.Receipt]:
    with uow_factory(read_only=True) as uow:
        return uow.receipts.page(list_request(caller, **page))


def update_receipt(
    uow_factory: UowFactory,
    caller: Caller,
    receipt_id: str,
    *,
    expected_version: int,
    patch: Mapping[str, Any],
    paths: list[str],
) -> pm.Receipt:
    """Only the descriptive fields change; amounts and dates are facts (void and record again)."""
    check_paths(paths, RECEIPT_UPDATABLE)
    at = now()
    with uow_factory() as uow:
        current = _load_receipt(uow, caller, receipt_id, for_update=True)
        check_version(current.version, expected_version, f"receipt {receipt_id}")
        changes = {
            p: bounded(patch.get(p, ""), p, max_len={"method": 40, "reference": 100, "note": 1000}[p]) for p in paths
        }
        if all(getattr(current, k) == v for k, v in changes.items()):
            return current
        updated = dataclasses.replace(current, version=current.version + 1, updated_at=at, **changes)
        if not uow.receipts.update(updated, expected_version=current.version):
            raise concurrent_write(f"receipt {receipt_id}")
        uow.commit()
    return updated


def void_receipt(
    uow_factory: UowFactory, caller: Caller, receipt_id: str, *, reason: str, expected_version: int
) -> pm.Receipt:
    """A counted receipt stops counting; the instalments' received amounts follow at once (S7)."""
    at = now()
    with uow_factory() as uow:
        current = _load_receipt(uow, caller, receipt_id, for_update=True)
        check_version(current.version, expected_version, f"receipt {receipt_id}")
        approval = uow.approvals.for_record("receipt", current.id, for_update=True)
        if approval is None or not current.counts:
            raise FailedPrecondition(
                f"receipt is {current.status}; only a counted receipt is voided",
                code="receipt.not_voidable",
                field="status",
            )
        voided_approval = ap.void(
            approval, approvals.actor(caller), at=at, comment=required_text(reason, "reason", max_len=500)
        )
        if not uow.approvals.save(
            voided_approval,
            owner_id=current.owner_id,
            summary=_receipt_summary(current),
            expected_version=approval.version,
        ):
            raise concurrent_write(f"receipt {receipt_id}")
        updated = dataclasses.replace(
            current, status=ap.VOIDED, version=current.version + 1, updated_at=at, note=current.note
        )
        if not uow.receipts.update(updated, expected_version=current.version):
            raise concurrent_write(f"receipt {receipt_id}")
        uow.commit()
    return updated


def _on_outcome(uow: SalesUnitOfWork, r: pm.Receipt, approval: ap.Approval, at: datetime) -> None:
    current = uow.receipts.get(r.id, for_update=True)
    assert current is not None
    _apply_outcome(uow, current, approval, at)


approvals.register(
    approvals.Subject(
        record_type="receipt",
        load=lambda uow, record_id: uow.receipts.get(record_id),
        owner=lambda r: r.owner_id,
        summary=_receipt_summary,
        on_outcome=_on_outcome,
    )
)


# -- overdue ------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class OverdueSweep:
    evaluated: int
    flagged: int  # payment_overdue events emitted this run
    already: int  # overdue, but already flagged for this date


def flag_overdue(uow_factory: UowFactory, *, as_of: date) -> OverdueSweep:
    """Emit `payment_overdue` once per (instalment, local date) for every instalment overdue on
    `as_of` (S9, S11); the worker's timer calls it daily, and a rerun for the same date emits nothing.
    One transaction per instalment; keyset batches of 500."""
    evaluated = flagged = already = 0
    after = ""
    with uow_factory(read_only=True) as uow:
        settings = uow.settings.load()
    while True:
        with uow_factory(read_only=True) as uow:
            batch = uow.plans.overdue_candidates(as_of, after, OVERDUE_BATCH)
        for inst, _ in batch:
            evaluated += 1
            with uow_factory() as uow:
                plan = uow.plans.get(inst.plan_id)
                if plan is None:
                    continue
                basis = basis_of(uow, plan)
                states = pm.plan_states(
                    plan,
                    uow.receipts.for_plan(plan.id),
                    as_of=as_of,
                    grace_days=settings.payment_grace_days,
                    contract_status=basis.status,
                )
                state = next(s for s in states if s.instalment.id == inst.id)
                if not state.overdue:
                    continue
                if not uow.notices.claim(inst.id, "overdue", as_of):
                    already += 1
                    continue
                uow.record(PaymentOverdue(plan, state, as_of, basis.number))
                uow.commit()
                flagged += 1
        if len(batch) < OVERDUE_BATCH:
            break
        after = batch[-1][0].id
    return OverdueSweep(evaluated, flagged, already)


def require_plan(uow: SalesUnitOfWork, plan_id: str) -> pm.PaymentPlan:
    plan = uow.plans.get(plan_id)
    if plan is None:
        raise NotFound(f"plan {plan_id} not found", code="plan.not_found", field="plan_id")
    return plan
