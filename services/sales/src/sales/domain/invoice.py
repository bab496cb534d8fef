"""Invoices (S13): requested against a contract (optionally one of its orders or receipts), or
against an order sold without a contract (or one of its receipts), with a tax rate and a snapshot
of the billing profile, approved through the engine, then issued with a number and an issue date,
or voided. Invoices never exceed the contract amount or the order total (S8)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal

from crm_chassis.errors import FailedPrecondition, InvalidArgument
from sales.domain.common import HUNDRED, bounded, minor, required_text

PENDING_APPROVAL = "pending_approval"
APPROVED = "approved"
REJECTED = "rejected"
WITHDRAWN = "withdrawn"
ISSUED = "issued"
VOID = "void"
STATUSES = (PENDING_APPROVAL, APPROVED, REJECTED, WITHDRAWN, ISSUED, VOID)
# Invoices that take their share of the contract amount.
COUNTING = frozenset({PENDING_APPROVAL, APPROVED, ISSUED})
UPDATABLE = frozenset({"billing", "note"})


@dataclasses.dataclass(frozen=True)
class BillingProfile:
    """The customer's billing details as they were when the invoice was requested."""

    title: str
    tax_id: str = ""
    bank: str = ""
    address: str = ""


@dataclasses.dataclass(frozen=True)
class Invoice:
    id: str
    contract_id: str
    order_id: str
    receipt_id: str
    customer_id: str
    owner_id: str
    amount: Decimal  # tax included, minor units
    currency: str
    tax_rate: Decimal
    billing: BillingProfile
    note: str
    status: str
    invoice_number: str
    issued_on: date | None
    void_reason: str
    version: int
    created_at: datetime
    updated_at: datetime
    created_by: str

    @property
    def tax_amount(self) -> Decimal:
        """The tax inside the tax-included amount."""
        return minor(self.amount * self.tax_rate / (HUNDRED + self.tax_rate))

    @property
    def net_amount(self) -> Decimal:
        return self.amount - self.tax_amount


def clean_billing(b: BillingProfile) -> BillingProfile:
    return BillingProfile(
        title=required_text(b.title, "billing.title"),
        tax_id=bounded(b.tax_id, "billing.tax_id", max_len=64),
        bank=bounded(b.bank, "billing.bank", max_len=200),
        address=bounded(b.address, "billing.address", max_len=300),
    )


def check_within_contract(amount: Decimal, invoices: Iterable[Invoice], contract_value: Decimal) -> None:
    taken = sum((i.amount for i in invoices if i.status in COUNTING), Decimal(0))
    if taken + amount > contract_value:
        raise InvalidArgument(
            f"invoices would reach {taken + amount}, more than the contract value {contract_value}",
            code="invoice.exceeds_contract",
            field="amount",
            details={"invoiced": str(taken), "contract_value": str(contract_value)},
        )


def _bump(i: Invoice, at: datetime, **changes: object) -> Invoice:
    return dataclasses.replace(i, version=i.version + 1, updated_at=at, **changes)  # type: ignore[arg-type]


def approval_outcome(i: Invoice, status: str, at: datetime) -> Invoice:
    return _bump(i, at, status=status)


def issue(i: Invoice, *, number: str, issued_on: date | None, today: date, at: datetime) -> Invoice:
    if i.status != APPROVED:
        raise FailedPrecondition(
            f"only an approved invoice can be issued (it is {i.status})", code="invoice.not_approved", field="status"
        )
    day = issued_on or today
    if day > today:
        raise InvalidArgument("issued_on is in the future", code="invoice.issued_on_future", field="issued_on")
    return _bump(
        i, at, status=ISSUED, invoice_number=required_text(number, "invoice_number", max_len=64), issued_on=day
    )


def void(i: Invoice, *, reason: str, at: datetime) -> Invoice:
    if i.status not in (APPROVED, ISSUED):
        raise FailedPrecondition(f"invoice is {i.status}; nothing to void", code="invoice.not_voidable", field="status")
    return _bump(i, at, status=VOID, void_reason=required_text(reason, "reason", max_len=500))


def ensure_editable(i: Invoice) -> None:
    if i.status not in (PENDING_APPROVAL, APPROVED):
        raise FailedPrecondition(
            f"invoice is {i.status}; it cannot change", code="invoice.not_editable", field="status"
        )
