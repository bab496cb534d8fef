"""Payment plans, receipts and their allocation (S6-S12).

- A plan belongs to a contract or, for a sale without a contract, to an order (issue 6); its
  instalments add up exactly to that record's value (S8). An order plays the contract's part:
  it is effective once confirmed (receipts need that, S7) and void when cancelled.
- A receipt is allocated to instalments: lines the user gives first, the rest FIFO by due date
  (S6). Only approved receipts count as received (S7); allocations of receipts that are in
  review reserve their share so two receipts never fill the same instalment twice.
- Statuses and overdue are derived at query time from the facts and an `as_of` date (S6, S9):
  overdue = due_date + grace_days < as_of and received < planned.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from decimal import Decimal

from crm_chassis import approvals as ap
from crm_chassis.errors import FailedPrecondition, InvalidArgument
from sales.domain.common import bounded, money

MAX_INSTALMENTS = 120
ZERO = Decimal(0)

# Derived instalment statuses (S6).
PENDING_EFFECTIVE = "pending_effective"
DUE = "due"
PARTIALLY_RECEIVED = "partially_received"
COMPLETED = "completed"
OVERDUE = "overdue"
VOID = "void"

# Receipt statuses: the approval engine's outcome of the receipt.
RECEIPT_COUNTS = frozenset({ap.APPROVED, ap.APPROVED_WITHOUT_REVIEW})
RECEIPT_RESERVES = RECEIPT_COUNTS | {ap.IN_REVIEW}


@dataclasses.dataclass(frozen=True)
class Instalment:
    id: str
    plan_id: str
    seq: int
    due_date: date
    amount: Decimal  # planned, minor units
    note: str = ""


@dataclasses.dataclass(frozen=True)
class PaymentPlan:
    id: str
    contract_id: str
    customer_id: str
    owner_id: str
    currency: str
    instalments: tuple[Instalment, ...]
    version: int
    created_at: datetime
    updated_at: datetime
    created_by: str
    order_id: str = ""  # set (and contract_id empty) for a plan on an order

    @property
    def total(self) -> Decimal:
        return sum((i.amount for i in self.instalments), ZERO)


@dataclasses.dataclass(frozen=True)
class Allocation:
    instalment_id: str
    amount: Decimal


@dataclasses.dataclass(frozen=True)
class Receipt:
    id: str
    contract_id: str
    plan_id: str
    customer_id: str
    owner_id: str
    amount: Decimal
    currency: str
    received_on: date  # the bank date the user enters (S12)
    method: str
    reference: str
    note: str
    status: str  # in_review | approved | approved_without_review | rejected | withdrawn | voided
    allocations: tuple[Allocation, ...]
    approved_at: datetime | None
    version: int
    created_at: datetime
    updated_at: datetime
    created_by: str

    order_id: str = ""  # set (and contract_id empty) for a receipt against an order's plan

    @property
    def counts(self) -> bool:
        return self.status in RECEIPT_COUNTS

    @property
    def reserves(self) -> bool:
        return self.status in RECEIPT_RESERVES


@dataclasses.dataclass(frozen=True)
class PlanBasis:
    """The record a plan belongs to, as the plan rules see it: a contract, or an order."""

    kind: str  # "contract" or "order"
    id: str
    number: str
    customer_id: str
    owner_id: str
    currency: str
    value: Decimal  # minor units: the contract value, or the order total
    # In the contract's vocabulary (draft, pending_approval, approved, ..., terminated): an order
    # is "draft" until confirmed, "active" once confirmed or fulfilled, "terminated" if cancelled.
    status: str


ORDER_STATUS_AS_CONTRACT = {"draft": "draft", "confirmed": "active", "fulfilled": "active", "cancelled": "terminated"}


@dataclasses.dataclass(frozen=True)
class InstalmentState:
    instalment: Instalment
    received: Decimal
    outstanding: Decimal
    status: str
    overdue: bool
    days_overdue: int


@dataclasses.dataclass(frozen=True)
class InstalmentInput:
    due_date: date | None
    amount: Decimal
    note: str = ""


def build_instalments(
    plan_id: str, inputs: list[InstalmentInput], *, contract_value: Decimal, new_id
) -> tuple[Instalment, ...]:  # type: ignore[no-untyped-def]
    """Instalments numbered by due date; InvalidArgument unless they add up to the contract value."""
    if not inputs:
        raise InvalidArgument("a plan needs at least one instalment", code="plan.empty", field="instalments")
    if len(inputs) > MAX_INSTALMENTS:
        raise InvalidArgument(f"at most {MAX_INSTALMENTS} instalments", code="plan.too_many", field="instalments")
    for i, item in enumerate(inputs):
        if item.due_date is None:
            raise InvalidArgument(
                f"instalments[{i}].due_date is required", code="instalment.due_date_required", field=f"instalments[{i}]"
            )
        money(item.amount, f"instalments[{i}].amount", positive=True)
    check_adds_up(sum((i.amount for i in inputs), ZERO), contract_value)
    ordered = sorted(enumerate(inputs), key=lambda p: (p[1].due_date, p[0]))
    return tuple(
        Instalment(new_id(), plan_id, seq, item.due_date, item.amount, bounded(item.note, "note", max_len=200))  # type: ignore[arg-type]
        for seq, (_, item) in enumerate(ordered, 1)
    )


def check_adds_up(planned: Decimal, contract_value: Decimal) -> None:
    if planned != contract_value:
        gap = contract_value - planned
        raise InvalidArgument(
            f"the instalments add up to {planned}, the contract value (or order total) is {contract_value} "
            f"(minor units; gap {gap})",
            code="plan.total_mismatch",
            field="instalments",
            details={"planned": str(planned), "contract_value": str(contract_value), "gap": str(gap)},
        )


def replan(
    plan: PaymentPlan,
    inputs: list[InstalmentInput],
    *,
    touched: set[str],
    contract_value: Decimal,
    new_id,  # type: ignore[no-untyped-def]
    at: datetime,
) -> PaymentPlan:
    """S10: instalments with receipts stay as they are; the others are replaced by `inputs`, and
    everything together must still add up to the contract value."""
    kept = [i for i in plan.instalments if i.id in touched]
    kept_total = sum((i.amount for i in kept), ZERO)
    for i, item in enumerate(inputs):
        if item.due_date is None:
            raise InvalidArgument(
                f"instalments[{i}].due_date is required", code="instalment.due_date_required", field=f"instalments[{i}]"
            )
        money(item.amount, f"instalments[{i}].amount", positive=True)
    if not kept and not inputs:
        raise InvalidArgument("a plan needs at least one instalment", code="plan.empty", field="instalments")
    check_adds_up(kept_total + sum((i.amount for i in inputs), ZERO), contract_value)
    fresh = [Instalment(new_id(), plan.id, 0, x.due_date, x.amount, x.note) for x in inputs]  # type: ignore[arg-type]
    everything = sorted([*kept, *fresh], key=lambda i: (i.due_date, i.seq == 0, i.seq))
    renumbered = tuple(dataclasses.replace(i, seq=n) for n, i in enumerate(everything, 1))
    return dataclasses.replace(plan, instalments=renumbered, version=plan.version + 1, updated_at=at)


def allocate(
    amount: Decimal,
    instalments: Iterable[Instalment],
    reserved: Mapping[str, Decimal],
    explicit: list[Allocation],
) -> tuple[Allocation, ...]:
    """Spread `amount` over the instalments: the user's lines first, the rest FIFO by due date.

    `reserved`: what receipts that count or are in review already take of each instalment.
    InvalidArgument when a line names another plan's instalment or more than it still needs, or
    when the amount is more than the plan still needs (no prepayment here, S8)."""
    by_id = {i.id: i for i in instalments}
    left = {i.id: i.amount - reserved.get(i.id, ZERO) for i in by_id.values()}
    taken: dict[str, Decimal] = {}
    rest = amount
    for n, line in enumerate(explicit):
        where = f"allocations[{n}]"
        if line.instalment_id not in by_id:
            raise InvalidArgument(
                f"{where}: not an instalment of this plan", code="allocation.unknown_instalment", field=where
            )
        money(line.amount, f"{where}.amount", positive=True)
        if line.amount > left[line.instalment_id]:
            raise InvalidArgument(
                f"{where}: the instalment needs only {left[line.instalment_id]}",
                code="allocation.exceeds_instalment",
                field=where,
            )
        left[line.instalment_id] -= line.amount
        taken[line.instalment_id] = taken.get(line.instalment_id, ZERO) + line.amount
        rest -= line.amount
    if rest < 0:
        raise InvalidArgument(
            "the allocations add up to more than the receipt", code="allocation.exceeds_receipt", field="allocations"
        )
    for inst in sorted(by_id.values(), key=lambda i: (i.due_date, i.seq)):
        if rest == 0:
            break
        share = min(rest, left[inst.id])
        if share > 0:
            left[inst.id] -= share
            taken[inst.id] = taken.get(inst.id, ZERO) + share
            rest -= share
    if rest > 0:
        raise InvalidArgument(
            f"the receipt is {rest} more than the plan still needs",
            code="receipt.exceeds_plan",
            field="amount",
            details={"excess": str(rest)},
        )
    order = {i.id: (i.due_date, i.seq) for i in by_id.values()}
    return tuple(Allocation(k, v) for k, v in sorted(taken.items(), key=lambda kv: order[kv[0]]))


def received_by_instalment(receipts: Iterable[Receipt], *, counting: bool = True) -> dict[str, Decimal]:
    """Allocated amounts per instalment, of receipts that count (or, with counting=False, that reserve)."""
    out: dict[str, Decimal] = {}
    for r in receipts:
        if r.counts if counting else r.reserves:
            for a in r.allocations:
                out[a.instalment_id] = out.get(a.instalment_id, ZERO) + a.amount
    return out


def is_overdue(due_date: date, grace_days: int, as_of: date, received: Decimal, planned: Decimal) -> bool:
    """S9: due_date + grace_days < as_of and received < planned."""
    return due_date + timedelta(days=grace_days) < as_of and received < planned


def instalment_state(
    inst: Instalment, received: Decimal, *, as_of: date, grace_days: int, contract_status: str
) -> InstalmentState:
    outstanding = max(inst.amount - received, ZERO)
    overdue = False
    days = 0
    if contract_status == "terminated" and received < inst.amount:
        status = VOID
    elif contract_status in ("draft", "pending_approval"):
        status = PENDING_EFFECTIVE
    elif received >= inst.amount:
        status = COMPLETED
    elif is_overdue(inst.due_date, grace_days, as_of, received, inst.amount):
        status, overdue = OVERDUE, True
        days = (as_of - inst.due_date).days
    elif received > 0:
        status = PARTIALLY_RECEIVED
    else:
        status = DUE
    return InstalmentState(inst, received, outstanding, status, overdue, days)


def plan_states(
    plan: PaymentPlan, receipts: Iterable[Receipt], *, as_of: date, grace_days: int, contract_status: str
) -> list[InstalmentState]:
    received = received_by_instalment(receipts)
    return [
        instalment_state(
            i, received.get(i.id, ZERO), as_of=as_of, grace_days=grace_days, contract_status=contract_status
        )
        for i in plan.instalments
    ]


def require_effective_contract(contract_status: str, contract_number: str) -> None:
    """S7: receipts need an approved contract."""
    if contract_status not in ("approved", "signed", "active", "expired"):
        raise FailedPrecondition(
            f"contract {contract_number} is {contract_status}; receipts need an approved contract",
            code="receipt.contract_not_approved",
            field="contract_id",
        )


def require_effective(basis: PlanBasis, record: str = "receipt") -> None:
    """S7: receipts (and invoices) need an approved contract, or a confirmed (not cancelled) order."""
    if basis.kind == "contract":
        require_effective_contract(basis.status, basis.number)
    elif basis.status != "active":
        raise FailedPrecondition(
            f"order {basis.number} is not confirmed; {record}s need a confirmed order",
            code=f"{record}.order_not_confirmed",
            field="order_id",
        )


def check_receipt_within_contract(amount: Decimal, receipts: Iterable[Receipt], contract_value: Decimal) -> None:
    """S8: approved plus in-review receipts never exceed the contract amount."""
    taken = sum((r.amount for r in receipts if r.reserves), ZERO)
    if taken + amount > contract_value:
        raise InvalidArgument(
            f"receipts would reach {taken + amount}, more than the contract value {contract_value}",
            code="receipt.exceeds_contract",
            field="amount",
            details={"received": str(taken), "contract_value": str(contract_value)},
        )
