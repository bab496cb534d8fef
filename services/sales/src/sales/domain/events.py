"""Domain events of the sales service (events/outgoing.py turns them into published messages)."""

from __future__ import annotations

import dataclasses
from datetime import date

from crm_chassis.approvals import Approval
from sales.domain.contract import Contract
from sales.domain.invoice import Invoice
from sales.domain.opportunity import Opportunity, StageChange
from sales.domain.order import Order
from sales.domain.payments import InstalmentState, PaymentPlan, Receipt
from sales.domain.quote import Quote
from sales.domain.target import Target


@dataclasses.dataclass(frozen=True)
class OpportunityCreated:
    opportunity: Opportunity


@dataclasses.dataclass(frozen=True)
class OpportunityStageChanged:
    opportunity: Opportunity
    change: StageChange


@dataclasses.dataclass(frozen=True)
class OpportunityWon:
    opportunity: Opportunity
    change: StageChange


@dataclasses.dataclass(frozen=True)
class OpportunityLost:
    opportunity: Opportunity
    change: StageChange


@dataclasses.dataclass(frozen=True)
class QuoteSent:
    quote: Quote


@dataclasses.dataclass(frozen=True)
class QuoteAccepted:
    quote: Quote


@dataclasses.dataclass(frozen=True)
class OrderConfirmed:
    order: Order


@dataclasses.dataclass(frozen=True)
class OrderFulfilled:
    order: Order


@dataclasses.dataclass(frozen=True)
class OrderCancelled:
    order: Order


@dataclasses.dataclass(frozen=True)
class ContractActivated:
    contract: Contract


@dataclasses.dataclass(frozen=True)
class ContractExpired:
    contract: Contract


@dataclasses.dataclass(frozen=True)
class ContractTerminated:
    contract: Contract


@dataclasses.dataclass(frozen=True)
class PaymentPlanCreated:
    plan: PaymentPlan


@dataclasses.dataclass(frozen=True)
class PaymentReceived:
    receipt: Receipt


@dataclasses.dataclass(frozen=True)
class PaymentOverdue:
    plan: PaymentPlan
    state: InstalmentState
    as_of: date
    number: str  # of the plan's contract, or of its order


@dataclasses.dataclass(frozen=True)
class InvoiceIssued:
    invoice: Invoice


@dataclasses.dataclass(frozen=True)
class TargetSet:
    target: Target


@dataclasses.dataclass(frozen=True)
class ApprovalRequested:
    approval: Approval
    owner_id: str
    summary: str


@dataclasses.dataclass(frozen=True)
class ApprovalDecided:
    approval: Approval
    owner_id: str
    summary: str
