"""What the sales use cases need from storage (implemented in sales.persistence)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Protocol, TypeVar

from crm_chassis.approvals import Actor, Approval
from sales.domain.catalogue import PriceList, Product
from sales.domain.common import ListRequest, Page
from sales.domain.contract import Contract
from sales.domain.conversions import LeadConversion
from sales.domain.customers import CustomerRef
from sales.domain.invoice import Invoice
from sales.domain.opportunity import Opportunity, StageChange
from sales.domain.order import Order
from sales.domain.payments import Instalment, PaymentPlan, Receipt
from sales.domain.quote import Quote
from sales.domain.settings import SalesSettings
from sales.domain.target import Target

T = TypeVar("T")


class Records(Protocol[T]):
    """The storage of one kind of versioned record."""

    def add(self, item: T) -> None: ...

    def get(self, record_id: str, *, for_update: bool = False) -> T | None:
        """The record; `for_update` locks its row until the transaction ends (PostgreSQL)."""
        ...

    def update(self, item: T, *, expected_version: int) -> bool:
        """Write the record if the stored version is still `expected_version`."""
        ...

    def page(self, request: ListRequest) -> Page[T]: ...


class ProductRecords(Records[Product], Protocol):
    def by_sku(self, sku: str) -> Product | None: ...

    def many(self, ids: Iterable[str]) -> dict[str, Product]: ...


class PriceListRecords(Records[PriceList], Protocol):
    def in_effect(self, on: date, currency: str) -> list[PriceList]: ...


class OpportunityRecords(Records[Opportunity], Protocol):
    def history(self, opportunity_id: str) -> list[StageChange]: ...

    def add_history(self, change: StageChange) -> None: ...


class QuoteRecords(Records[Quote], Protocol):
    def add_revision(self, quote: Quote) -> None:
        """Keep the quote as it was (a revision snapshot)."""
        ...

    def revisions(self, quote_id: str) -> list[Quote]: ...


class OrderRecords(Records[Order], Protocol):
    def many(self, ids: Iterable[str]) -> dict[str, Order]: ...


class ContractRecords(Records[Contract], Protocol):
    def to_activate(self, today: date, limit: int) -> list[Contract]: ...

    def to_expire(self, today: date, limit: int) -> list[Contract]: ...

    def ending_between(self, first: date, last: date, limit: int) -> list[Contract]: ...


class PlanRecords(Records[PaymentPlan], Protocol):
    def for_contract(self, contract_id: str) -> PaymentPlan | None: ...

    def for_order(self, order_id: str) -> PaymentPlan | None: ...

    def overdue_candidates(self, due_before: date, after_id: str, limit: int) -> list[tuple[Instalment, Decimal]]:
        """Instalments due before `due_before` whose approved receipts do not cover them (with what
        they received), ordered by id, after `after_id` (keyset batches)."""
        ...


class ReceiptRecords(Records[Receipt], Protocol):
    def for_plan(self, plan_id: str) -> list[Receipt]: ...

    def for_contract(self, contract_id: str) -> list[Receipt]: ...


class InvoiceRecords(Records[Invoice], Protocol):
    def for_contract(self, contract_id: str) -> list[Invoice]: ...

    def for_order(self, order_id: str) -> list[Invoice]: ...


class TargetRecords(Records[Target], Protocol):
    def by_key(self, month: str, metric: str, scope_type: str, scope_id: str) -> Target | None: ...


class ApprovalRecords(Protocol):
    def for_record(self, record_type: str, record_id: str, *, for_update: bool = False) -> Approval | None: ...

    def get(self, approval_id: str) -> Approval | None: ...

    def save(self, approval: Approval, *, owner_id: str, summary: str, expected_version: int) -> bool:
        """Insert (expected_version 0) or update the approval of a record."""
        ...

    def pending(self, actor: Actor, limit: int, cursor: str) -> Page[Approval]:
        """Open approvals whose current step `actor` may decide, oldest first."""
        ...

    def summary(self, approval_id: str) -> tuple[str, str]:
        """(owner id, summary) stored with the approval."""
        ...


class CustomerRefs(Protocol):
    def get(self, customer_id: str) -> CustomerRef | None: ...

    def put(self, ref: CustomerRef) -> None: ...

    def repoint(self, victim_id: str, survivor_id: str) -> int:
        """Point every sales record of `victim_id` at `survivor_id`; returns how many changed."""
        ...


class LeadConversionRecords(Protocol):
    def get(self, conversion_id: str, *, for_update: bool = False) -> LeadConversion | None: ...

    def put(self, conversion: LeadConversion) -> None:
        """Insert or replace the conversion's row."""
        ...


class SettingsStore(Protocol):
    def load(self) -> SalesSettings: ...

    def save(self, settings: SalesSettings, *, expected_version: int) -> bool: ...


class Numbers(Protocol):
    def next(self, series: str) -> int:
        """The next number of a series (e.g. "Q2026"), starting at 1."""
        ...


class Notices(Protocol):
    def claim(self, key: str, kind: str, day: date) -> bool:
        """Record a notice for (key, kind, day); False if it was already recorded (sent once)."""
        ...


class SalesUnitOfWork(Protocol):
    customers: CustomerRefs
    products: ProductRecords
    price_lists: PriceListRecords
    opportunities: OpportunityRecords
    quotes: QuoteRecords
    orders: OrderRecords
    contracts: ContractRecords
    plans: PlanRecords
    receipts: ReceiptRecords
    invoices: InvoiceRecords
    targets: TargetRecords
    approvals: ApprovalRecords
    settings: SettingsStore
    numbers: Numbers
    notices: Notices
    conversions: LeadConversionRecords

    def __enter__(self) -> SalesUnitOfWork: ...

    def __exit__(self, *exc: object) -> None: ...

    def record(self, event: object) -> None: ...

    def commit(self) -> None: ...
