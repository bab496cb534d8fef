"""Invoice use cases (S13): request (snapshot + tax rate, approval), issue, void."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from crm_chassis import approvals as ap
from crm_chassis.errors import InvalidArgument
from crm_chassis.identity import Caller
from sales.domain import invoice as iv
from sales.domain import payments as pm
from sales.domain.commands import approvals
from sales.domain.commands.base import UowFactory, new_id, readable, today
from sales.domain.commands.payments import load_basis
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
    percent,
)
from sales.domain.events import InvoiceIssued
from sales.domain.ports import SalesUnitOfWork

_OUTCOME = {
    ap.APPROVED: iv.APPROVED,
    ap.APPROVED_WITHOUT_REVIEW: iv.APPROVED,
    ap.REJECTED: iv.REJECTED,
    ap.WITHDRAWN: iv.WITHDRAWN,
}


def _summary(i: iv.Invoice) -> str:
    return f"Invoice for {i.billing.title}: {format_money(i.amount, i.currency)} (tax {i.tax_rate.normalize():f}%)"


def request_invoice(
    uow_factory: UowFactory,
    caller: Caller,
    *,
    contract_id: str,
    amount: Decimal,
    tax_rate: str,
    billing: iv.BillingProfile,
    order_id: str,
    receipt_id: str,
    note: str,
) -> iv.Invoice:
    """An invoice against a contract (optionally naming one of its orders or receipts), or, for a
    sale without a contract, against a confirmed order or one of its receipts (issue 6); never
    beyond the contract value or order total (S8)."""
    at = now()
    with uow_factory() as uow:
        if not contract_id and not order_id and receipt_id:
            # A receipt alone names its contract or order.
            receipt = found(uow.receipts.get(receipt_id), "receipt", receipt_id, caller)
            contract_id, order_id = receipt.contract_id, "" if receipt.contract_id else receipt.order_id
        on_contract = bool(contract_id)
        basis = load_basis(uow, caller, contract_id, "" if on_contract else order_id, code="invoice.basis_required")
        pm.require_effective(basis, "invoice")
        amount = money(amount, "amount", positive=True)
        if on_contract:
            contract = uow.contracts.get(basis.id)
            if order_id and contract is not None and order_id not in contract.order_ids:
                raise InvalidArgument(
                    "the order is not part of the contract", code="invoice.order_mismatch", field="order_id"
                )
        if receipt_id:
            receipt = uow.receipts.get(receipt_id)
            holder = None if receipt is None else (receipt.contract_id if on_contract else receipt.order_id)
            if holder != basis.id:
                raise InvalidArgument(
                    f"the receipt is not one of the {basis.kind}'s",
                    code="invoice.receipt_mismatch",
                    field="receipt_id",
                )
        taken = uow.invoices.for_contract(basis.id) if on_contract else uow.invoices.for_order(basis.id)
        iv.check_within_contract(amount, taken, basis.value)
        invoice = iv.Invoice(
            id=new_id(),
            contract_id=basis.id if on_contract else "",
            order_id=order_id,
            receipt_id=receipt_id,
            customer_id=basis.customer_id,
            owner_id=basis.owner_id,
            amount=amount,
            currency=basis.currency,
            tax_rate=percent(tax_rate, "tax_rate", default=uow.settings.load().default_tax_rate),
            billing=iv.clean_billing(billing),
            note=bounded(note, "note", max_len=1000),
            status=iv.PENDING_APPROVAL,
            invoice_number="",
            issued_on=None,
            void_reason="",
            version=1,
            created_at=at,
            updated_at=at,
            created_by=actor_of(caller),
        )
        uow.invoices.add(invoice)
        approval = approvals.submit(uow, approvals.subject_for("invoice"), invoice, invoice.id, caller, at)
        if not approval.is_open:
            invoice = _apply_outcome(uow, invoice, approval, at)
        uow.commit()
    return invoice


def _apply_outcome(uow: SalesUnitOfWork, invoice: iv.Invoice, approval: ap.Approval, at: datetime) -> iv.Invoice:
    updated = iv.approval_outcome(invoice, _OUTCOME[approval.status], at)
    if not uow.invoices.update(updated, expected_version=invoice.version):
        raise concurrent_write(f"invoice {invoice.id}")
    return updated


def _load(uow: SalesUnitOfWork, caller: Caller, invoice_id: str, for_update: bool = False) -> iv.Invoice:
    return found(
        uow.invoices.get(invoice_id, for_update=for_update) if invoice_id else None, "invoice", invoice_id, caller
    )


def get_invoice(uow_factory: UowFactory, caller: Caller, invoice_id: str) -> iv.Invoice:
    with uow_factory(read_only=True) as uow:
        return readable(uow, uow.invoices.get(invoice_id) if invoice_id else None, "invoice", invoice_id, caller)


def list_invoices(uow_factory: UowFactory, caller: Caller, **page: Any) -> Page[iv.Invoice]:
    with uow_factory(read_only=True) as uow:
        return uow.invoices.page(list_request(caller, **page))


def update_invoice(
    uow_factory: UowFactory,
    caller: Caller,
    invoice_id: str,
    *,
    expected_version: int,
    patch: Mapping[str, Any],
    paths: list[str],
) -> iv.Invoice:
    check_paths(paths, iv.UPDATABLE)
    at = now()
    with uow_factory() as uow:
        current = _load(uow, caller, invoice_id, for_update=True)
        check_version(current.version, expected_version, f"invoice {invoice_id}")
        iv.ensure_editable(current)
        changes: dict[str, Any] = {}
        if "billing" in paths:
            changes["billing"] = iv.clean_billing(patch["billing"])
        if "note" in paths:
            changes["note"] = bounded(patch.get("note", ""), "note", max_len=1000)
        if all(getattr(current, k) == v for k, v in changes.items()):
            return current
        updated = dataclasses.replace(current, version=current.version + 1, updated_at=at, **changes)
        if not uow.invoices.update(updated, expected_version=current.version):
            raise concurrent_write(f"invoice {invoice_id}")
        uow.commit()
    return updated


def issue_invoice(
    uow_factory: UowFactory,
    caller: Caller,
    invoice_id: str,
    *,
    invoice_number: str,
    issued_on: date | None,
    expected_version: int,
) -> iv.Invoice:
    at = now()
    with uow_factory() as uow:
        current = _load(uow, caller, invoice_id, for_update=True)
        check_version(current.version, expected_version, f"invoice {invoice_id}")
        issued = iv.issue(
            current, number=invoice_number, issued_on=issued_on, today=today(uow.settings.load(), at), at=at
        )
        if not uow.invoices.update(issued, expected_version=current.version):
            raise concurrent_write(f"invoice {invoice_id}")
        uow.record(InvoiceIssued(issued))
        uow.commit()
    return issued


def void_invoice(
    uow_factory: UowFactory, caller: Caller, invoice_id: str, *, reason: str, expected_version: int
) -> iv.Invoice:
    at = now()
    with uow_factory() as uow:
        current = _load(uow, caller, invoice_id, for_update=True)
        check_version(current.version, expected_version, f"invoice {invoice_id}")
        voided = iv.void(current, reason=reason, at=at)
        if not uow.invoices.update(voided, expected_version=current.version):
            raise concurrent_write(f"invoice {invoice_id}")
        uow.commit()
    return voided


def _on_outcome(uow: SalesUnitOfWork, i: iv.Invoice, approval: ap.Approval, at: datetime) -> None:
    current = uow.invoices.get(i.id, for_update=True)
    assert current is not None
    _apply_outcome(uow, current, approval, at)


approvals.register(
    approvals.Subject(
        record_type="invoice",
        load=lambda uow, record_id: uow.invoices.get(record_id),
        owner=lambda i: i.owner_id,
        summary=_summary,
        on_outcome=_on_outcome,
    )
)
