"""`/v1/invoices`: invoices requested against an approved contract, or against a confirmed order
sold without a contract, or one of their receipts (tax included), approved through the invoice
flow, then issued with a number, or voided."""

from typing import Literal

from fastapi import APIRouter
from pydantic import Field

from crm.sales.v1 import sales_service_pb2 as pb
from gateway.list_query import ListQuery
from gateway.representations.sales import Invoice, IsoDate, MoneyIn, Percent, StrictModel, page_model
from gateway.route_kit import ID_PATTERN
from gateway.routes.sales_common import add_action, add_create, add_get, add_list, add_patch, body_values, proto

VIEW, CREATE, EDIT, ISSUE, VOID = (
    "invoices:view",
    "invoices:create",
    "invoices:edit",
    "invoices:approve",
    "invoices:delete",
)

router = APIRouter(prefix="/v1/invoices", tags=["invoices"])


class BillingIn(StrictModel):
    """The customer's billing details as snapshotted on the invoice."""

    title: str | None = Field(default=None, max_length=200)
    tax_id: str | None = Field(default=None, max_length=64)
    bank: str | None = Field(default=None, max_length=200)
    address: str | None = Field(default=None, max_length=500)


class InvoicePatch(StrictModel):
    billing: BillingIn | None = None
    note: str | None = Field(default=None, max_length=2000)


class InvoiceCreate(StrictModel):
    """Name the contract; or, for a sale without a contract, the order or one of its receipts."""

    contract_id: str | None = Field(default=None, pattern=ID_PATTERN)
    amount: MoneyIn = Field(description="Tax included")
    tax_rate: Percent | None = Field(default=None, description="Default: the organisation's tax rate")
    billing: BillingIn
    order_id: str | None = Field(default=None, pattern=ID_PATTERN)
    receipt_id: str | None = Field(default=None, pattern=ID_PATTERN)
    note: str | None = Field(default=None, max_length=2000)


class InvoiceQuery(ListQuery):
    contract_id: str | None = Field(default=None, pattern=ID_PATTERN)
    order_id: str | None = Field(default=None, pattern=ID_PATTERN)
    customer_id: str | None = Field(default=None, pattern=ID_PATTERN)
    status: Literal["pending_approval", "approved", "rejected", "withdrawn", "issued", "void"] | None = None


class IssueBody(StrictModel):
    invoice_number: str = Field(min_length=1, max_length=64)
    issued_on: IsoDate | None = Field(default=None, description="Default: today")


class VoidBody(StrictModel):
    reason: str = Field(min_length=1, max_length=1000)


add_list(
    router,
    permission=VIEW,
    rpc="ListInvoices",
    request_type=pb.ListInvoicesRequest,
    items_field="invoices",
    page_model=page_model(Invoice, "InvoicePage"),
    query_model=InvoiceQuery,
    summary="List the invoices you may see",
    terms=lambda q: {
        "contract_id": q.contract_id,
        "order_id": q.order_id,
        "customer_id": q.customer_id,
        "status": q.status,
    },
)
add_create(
    router,
    permission=CREATE,
    rpc="RequestInvoice",
    body_model=InvoiceCreate,
    build=lambda b: proto(pb.RequestInvoiceRequest, body_values(b)),
    reply_field="invoice",
    model=Invoice,
    summary="Request an invoice against an approved contract or a confirmed order, or one of their receipts "
    "(never beyond the contract amount or order total)",
    location="/v1/invoices",
)
add_get(
    router,
    permission=VIEW,
    rpc="GetInvoice",
    request_type=pb.GetInvoiceRequest,
    reply_field="invoice",
    model=Invoice,
    summary="Get one invoice",
)
add_patch(
    router,
    permission=EDIT,
    rpc="UpdateInvoice",
    request_type=pb.UpdateInvoiceRequest,
    body_model=InvoicePatch,
    reply_field="invoice",
    model=Invoice,
    summary="Change the billing snapshot or note of an invoice not yet issued (If-Match required)",
)
add_action(
    router,
    "issue",
    permission=ISSUE,
    rpc="IssueInvoice",
    request_type=pb.IssueInvoiceRequest,
    body_model=IssueBody,
    reply_field="invoice",
    model=Invoice,
    summary="Issue an approved invoice with its number (needs `invoices:approve`)",
)
add_action(
    router,
    "void",
    permission=VOID,
    rpc="VoidInvoice",
    request_type=pb.VoidInvoiceRequest,
    body_model=VoidBody,
    reply_field="invoice",
    model=Invoice,
    summary="Void an approved or issued invoice with a reason (needs `invoices:delete`)",
)
