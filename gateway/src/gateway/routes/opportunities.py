"""`/v1/opportunities`: deals from qualification to won or lost, with stage history. Stage moves,
win and lose need `opportunities:edit`; reopening a closed one needs `opportunities:approve`."""

from typing import Literal

from fastapi import APIRouter
from pydantic import Field

from crm.sales.v1 import sales_service_pb2 as pb
from gateway.list_query import ListQuery
from gateway.representations.sales import (
    IsoDate,
    MoneyIn,
    Opportunity,
    OpportunityDetail,
    StrictModel,
    page_model,
    sales_json,
)
from gateway.route_kit import ID_PATTERN
from gateway.routes.sales_common import add_action, add_create, add_get, add_list, add_patch, body_values, proto

VIEW, CREATE, EDIT, REOPEN = "opportunities:view", "opportunities:create", "opportunities:edit", "opportunities:approve"
STAGE_PATTERN = r"^[a-z][a-z0-9_]{0,39}$"

router = APIRouter(prefix="/v1/opportunities", tags=["opportunities"])


class CompetitorIn(StrictModel):
    name: str = Field(min_length=1, max_length=200)
    strengths: str | None = Field(default=None, max_length=2000)
    price: MoneyIn | None = None


class OpportunityPatch(StrictModel):
    """Changed fields only (open opportunities); `competitors` replaces the list."""

    contact_id: str | None = Field(default=None, pattern=ID_PATTERN)
    name: str | None = Field(default=None, min_length=1, max_length=200)
    amount: MoneyIn | None = None
    probability: int | None = Field(default=None, ge=0, le=100)
    expected_close_date: IsoDate | None = None
    source_campaign_id: str | None = Field(default=None, pattern=ID_PATTERN)
    owner_id: str | None = Field(default=None, pattern=ID_PATTERN)
    competitors: list[CompetitorIn] | None = Field(default=None, max_length=50)
    next_step: str | None = Field(default=None, max_length=500)


class OpportunityCreate(OpportunityPatch):
    customer_id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1, max_length=200)
    amount: MoneyIn
    stage: str | None = Field(default=None, pattern=STAGE_PATTERN, description="Default: the first configured stage")
    owner_id: str | None = Field(default=None, pattern=ID_PATTERN, description="Default: you")


class OpportunityQuery(ListQuery):
    customer_id: str | None = Field(default=None, pattern=ID_PATTERN)
    owner_id: str | None = Field(default=None, pattern=ID_PATTERN)
    status: Literal["open", "won", "lost"] | None = None
    stage: str | None = Field(default=None, pattern=STAGE_PATTERN)


class StageMove(StrictModel):
    to_stage: str = Field(pattern=STAGE_PATTERN, description="An open stage (not `won` / `lost`)")
    probability: int | None = Field(default=None, ge=0, le=100, description="Default: the stage's probability")


class WinBody(StrictModel):
    amount: MoneyIn | None = Field(default=None, description="The final amount; absent keeps the current one")


class LoseBody(StrictModel):
    lost_reason: str = Field(min_length=1, max_length=1000)


class ReopenBody(StrictModel):
    reason: str = Field(min_length=1, max_length=1000)
    to_stage: str | None = Field(default=None, pattern=STAGE_PATTERN, description="Default: the stage it closed from")


add_list(
    router,
    permission=VIEW,
    rpc="ListOpportunities",
    request_type=pb.ListOpportunitiesRequest,
    items_field="opportunities",
    page_model=page_model(Opportunity, "OpportunityPage"),
    query_model=OpportunityQuery,
    summary="List the opportunities you may see (newest first)",
    terms=lambda q: {"customer_id": q.customer_id, "owner_id": q.owner_id, "status": q.status, "stage": q.stage},
)
add_create(
    router,
    permission=CREATE,
    rpc="CreateOpportunity",
    body_model=OpportunityCreate,
    build=lambda b: pb.CreateOpportunityRequest(opportunity=proto(pb.OpportunityFields, body_values(b))),
    reply_field="opportunity",
    model=Opportunity,
    summary="Create an opportunity for an existing customer (400 `customer.unknown` otherwise)",
    location="/v1/opportunities",
)
add_get(
    router,
    permission=VIEW,
    rpc="GetOpportunity",
    request_type=pb.GetOpportunityRequest,
    reply_field="opportunity",
    model=OpportunityDetail,
    summary="Get one opportunity with its stage history",
    extra=lambda reply: {"stage_history": [sales_json(s) for s in reply.stage_history]},
)
add_patch(
    router,
    permission=EDIT,
    rpc="UpdateOpportunity",
    request_type=pb.UpdateOpportunityRequest,
    body_model=OpportunityPatch,
    reply_field="opportunity",
    model=Opportunity,
    summary="Change an open opportunity (If-Match required)",
)
add_action(
    router,
    "stage",
    permission=EDIT,
    rpc="ChangeOpportunityStage",
    request_type=pb.ChangeOpportunityStageRequest,
    body_model=StageMove,
    reply_field="opportunity",
    model=Opportunity,
    summary="Move an open opportunity to another open stage",
)
add_action(
    router,
    "win",
    permission=EDIT,
    rpc="WinOpportunity",
    request_type=pb.WinOpportunityRequest,
    body_model=WinBody,
    reply_field="opportunity",
    model=Opportunity,
    summary="Close as won (probability 100)",
)
add_action(
    router,
    "lose",
    permission=EDIT,
    rpc="LoseOpportunity",
    request_type=pb.LoseOpportunityRequest,
    body_model=LoseBody,
    reply_field="opportunity",
    model=Opportunity,
    summary="Close as lost with a reason (probability 0)",
)
add_action(
    router,
    "reopen",
    permission=REOPEN,
    rpc="ReopenOpportunity",
    request_type=pb.ReopenOpportunityRequest,
    body_model=ReopenBody,
    reply_field="opportunity",
    model=Opportunity,
    summary="Reopen a won or lost opportunity (needs `opportunities:approve`; a reason is required)",
)
