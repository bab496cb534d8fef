"""`/v1/contracts`: contracts over confirmed orders, draft -> pending approval -> approved ->
signed -> active -> expired / terminated, with warranty coverage and the PDF."""

from typing import Annotated, Literal

from fastapi import APIRouter
from pydantic import Field

from crm.sales.v1 import sales_service_pb2 as pb
from gateway.list_query import ListQuery
from gateway.representations.sales import (
    Approval,
    Contract,
    ContractSubmitted,
    Currency,
    IsoDate,
    MoneyIn,
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

VIEW, CREATE, EDIT, APPROVE = "contracts:view", "contracts:create", "contracts:edit", "contracts:approve"

router = APIRouter(prefix="/v1/contracts", tags=["contracts"])
OrderId = Annotated[str, Field(pattern=ID_PATTERN)]


class CoverageIn(StrictModel):
    product_id: str = Field(pattern=ID_PATTERN)
    until: IsoDate = Field(description="Covered until (inclusive)")
    description: str | None = Field(default=None, max_length=500)


class ContractPatch(StrictModel):
    """Changed fields only (draft contracts); `coverage` and `order_ids` replace their lists."""

    order_ids: list[OrderId] | None = Field(default=None, max_length=100)
    title: str | None = Field(default=None, max_length=200)
    value: MoneyIn | None = None
    start_date: IsoDate | None = None
    end_date: IsoDate | None = None
    terms: str | None = Field(default=None, max_length=20_000)
    coverage: list[CoverageIn] | None = Field(default=None, max_length=200)
    owner_id: str | None = Field(default=None, pattern=ID_PATTERN)


class ContractCreate(ContractPatch):
    customer_id: str = Field(pattern=ID_PATTERN)
    order_ids: list[OrderId] = Field(
        default_factory=list, max_length=100, description="Confirmed orders of the customer"
    )
    value: MoneyIn | None = Field(default=None, description="Default: the orders' total")
    currency: Currency | None = Field(default=None, description="Needed when `value` is absent")
    start_date: IsoDate
    end_date: IsoDate


class ContractQuery(ListQuery):
    customer_id: str | None = Field(default=None, pattern=ID_PATTERN)
    owner_id: str | None = Field(default=None, pattern=ID_PATTERN)
    status: Literal["draft", "pending_approval", "approved", "signed", "active", "expired", "terminated"] | None = None


class SubmitBody(StrictModel):
    comment: str | None = Field(default=None, max_length=2000)


class SignBody(StrictModel):
    signed_on: IsoDate | None = Field(default=None, description="Default: today")


class TerminateBody(StrictModel):
    reason: str = Field(min_length=1, max_length=1000)


def _create(body: ContractCreate) -> pb.CreateContractRequest:
    return pb.CreateContractRequest(contract=proto(pb.ContractFields, body_values(body)))


add_list(
    router,
    permission=VIEW,
    rpc="ListContracts",
    request_type=pb.ListContractsRequest,
    items_field="contracts",
    page_model=page_model(Contract, "ContractPage"),
    query_model=ContractQuery,
    summary="List the contracts you may see",
    terms=lambda q: {"customer_id": q.customer_id, "owner_id": q.owner_id, "status": q.status},
)
add_create(
    router,
    permission=CREATE,
    rpc="CreateContract",
    body_model=ContractCreate,
    build=_create,
    reply_field="contract",
    model=Contract,
    summary="Create a draft contract over confirmed orders (value defaults to their total)",
    location="/v1/contracts",
)
add_get(
    router,
    permission=VIEW,
    rpc="GetContract",
    request_type=pb.GetContractRequest,
    reply_field="contract",
    model=Contract,
    summary="Get one contract",
)
add_patch(
    router,
    permission=EDIT,
    rpc="UpdateContract",
    request_type=pb.UpdateContractRequest,
    body_model=ContractPatch,
    reply_field="contract",
    model=Contract,
    summary="Change a draft contract (If-Match required)",
)
add_action(
    router,
    "submit",
    permission=EDIT,
    rpc="SubmitContract",
    request_type=pb.SubmitContractRequest,
    body_model=SubmitBody,
    model=ContractSubmitted,
    summary="Submit for approval (draft -> pending_approval)",
)
add_decisions(router, "contract", permission=APPROVE, approval_model=Approval)
add_action(
    router,
    "sign",
    permission=EDIT,
    rpc="SignContract",
    request_type=pb.SignContractRequest,
    body_model=SignBody,
    reply_field="contract",
    model=Contract,
    summary="Record the signature of an approved contract (active at once when its start date has come)",
)
add_action(
    router,
    "terminate",
    permission=EDIT,
    rpc="TerminateContract",
    request_type=pb.TerminateContractRequest,
    body_model=TerminateBody,
    reply_field="contract",
    model=Contract,
    summary="Terminate a signed or active contract with a reason",
)
pdf_route(
    router,
    permission=VIEW,
    rpc="RenderContractPdf",
    request_type=pb.RenderContractPdfRequest,
    summary="The contract as PDF",
)
