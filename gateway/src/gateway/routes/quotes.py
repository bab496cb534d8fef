"""`/v1/quotes`: priced quotes (lines resolved from the price lists), special-price approval,
sending, acceptance (which creates the draft order) and the PDF."""

from typing import Literal

from fastapi import APIRouter
from pydantic import Field

from crm.sales.v1 import sales_service_pb2 as pb
from gateway.list_query import ListQuery
from gateway.representations.sales import (
    Approval,
    Currency,
    IsoDate,
    LineIn,
    Percent,
    Quote,
    QuoteAccepted,
    QuoteSubmitted,
    StrictModel,
    page_model,
)
from gateway.route_kit import ID_PATTERN
from gateway.routes.sales_common import (
    add_action,
    add_create,
    add_decisions,
    add_get,
    add_list,
    add_patch,
    body_values,
    pdf_route,
    proto,
)

VIEW, CREATE, EDIT, APPROVE = "quotes:view", "quotes:create", "quotes:edit", "quotes:approve"

router = APIRouter(prefix="/v1/quotes", tags=["quotes"])


class QuotePatch(StrictModel):
    """Changed fields only (a draft, or an approved quote which returns to draft); `lines`
    replaces every line and is priced again."""

    lines: list[LineIn] | None = Field(default=None, min_length=1, max_length=200)
    tax_rate: Percent | None = Field(default=None, description="Default: the organisation's tax rate")
    valid_until: IsoDate | None = None
    terms: str | None = Field(default=None, max_length=10_000)
    title: str | None = Field(default=None, max_length=200)


class QuoteCreate(QuotePatch):
    customer_id: str = Field(pattern=ID_PATTERN)
    opportunity_id: str | None = Field(default=None, pattern=ID_PATTERN)
    owner_id: str | None = Field(default=None, pattern=ID_PATTERN, description="Default: you")
    currency: Currency
    lines: list[LineIn] = Field(min_length=1, max_length=200)
    valid_until: IsoDate = Field(description="The last day the customer may accept")


class QuoteQuery(ListQuery):
    customer_id: str | None = Field(default=None, pattern=ID_PATTERN)
    opportunity_id: str | None = Field(default=None, pattern=ID_PATTERN)
    owner_id: str | None = Field(default=None, pattern=ID_PATTERN)
    status: Literal["draft", "pending_approval", "approved", "sent", "accepted", "declined"] | None = None


class SubmitBody(StrictModel):
    comment: str | None = Field(default=None, max_length=2000)


add_list(
    router,
    permission=VIEW,
    rpc="ListQuotes",
    request_type=pb.ListQuotesRequest,
    items_field="quotes",
    page_model=page_model(Quote, "QuotePage"),
    query_model=QuoteQuery,
    summary="List the quotes you may see",
    terms=lambda q: {
        "customer_id": q.customer_id,
        "opportunity_id": q.opportunity_id,
        "owner_id": q.owner_id,
        "status": q.status,
    },
)
add_create(
    router,
    permission=CREATE,
    rpc="CreateQuote",
    body_model=QuoteCreate,
    build=lambda b: pb.CreateQuoteRequest(quote=proto(pb.QuoteFields, body_values(b))),
    reply_field="quote",
    model=Quote,
    summary="Create a draft quote; each line's price is resolved from the applicable price list",
    location="/v1/quotes",
)
add_get(
    router,
    permission=VIEW,
    rpc="GetQuote",
    request_type=pb.GetQuoteRequest,
    reply_field="quote",
    model=Quote,
    summary="Get one quote",
)
add_patch(
    router,
    permission=EDIT,
    rpc="UpdateQuote",
    request_type=pb.UpdateQuoteRequest,
    body_model=QuotePatch,
    reply_field="quote",
    model=Quote,
    summary="Change a draft quote (If-Match required)",
)
add_action(
    router,
    "submit",
    permission=EDIT,
    rpc="SubmitQuote",
    request_type=pb.SubmitQuoteRequest,
    body_model=SubmitBody,
    model=QuoteSubmitted,
    summary="Submit for special-price approval (no special price: approved without review)",
)
add_decisions(router, "quote", permission=APPROVE, approval_model=Approval)
add_action(
    router,
    "send",
    permission=EDIT,
    rpc="SendQuote",
    request_type=pb.SendQuoteRequest,
    reply_field="quote",
    model=Quote,
    summary="Send the quote (409 `quote.approval_required` for an unapproved special price)",
)
add_action(
    router,
    "accept",
    permission=EDIT,
    rpc="AcceptQuote",
    request_type=pb.AcceptQuoteRequest,
    model=QuoteAccepted,
    summary="Record the customer's acceptance of a sent quote; creates its draft order",
)
pdf_route(
    router, permission=VIEW, rpc="RenderQuotePdf", request_type=pb.RenderQuotePdfRequest, summary="The quote as PDF"
)
