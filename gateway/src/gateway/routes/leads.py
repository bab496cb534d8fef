"""`/v1/leads`: leads with their touches and conversion state.

A hand-entered lead stays with its creator unless `auto_assign` asks for the assignment rules; an
intake matching a lead's phone or email within the dedupe window adds a touch to it instead
(answer 200 with `merged: true`, not 201). Actions: `assign` (a manager: `lead_pool:transfer` or `leads:transfer`),
`grab` (from the pool: `lead_pool:edit`, daily claim limit), `release`, `convert`, `disqualify`
(`leads:edit`). Conversion answers at once with `conversion.state = pending`; the customer,
contact and opportunity ids appear on the lead as the customers and sales services answer, and a
conflict (the customer is owned by someone else) is shown with that owner."""

from typing import Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import Field
from starlette.responses import Response

from crm.common.v1 import paging_pb2
from crm.marketing.v1 import marketing_service_pb2 as pb
from gateway.bodies import json_body, request_body_doc
from gateway.identity.principal import Principal, require
from gateway.list_query import ListQuery
from gateway.openapi import problem_responses
from gateway.representations.marketing import Lead, LeadIntake, LeadPage, TouchPage, marketing_json
from gateway.representations.sales import IsoDate, MoneyIn, StrictModel
from gateway.route_kit import ID_PATTERN, IDEMPOTENCY_PARAMETER, idempotent, page_response, record_response
from gateway.routes.marketing_common import (
    CREATED_HEADERS,
    UPSTREAM_ERRORS,
    IdPath,
    add_action,
    add_get,
    add_list,
    add_patch,
    body_values,
    call,
    proto,
)

VIEW, CREATE, EDIT = "leads:view", "leads:create", "leads:edit"
POOL_EDIT = "lead_pool:edit"
# Assigning to someone else: a sales manager holds `lead_pool:transfer`, a marketer `leads:transfer`.
ASSIGN = ("lead_pool:transfer", "leads:transfer")
Status = Literal["new", "assigned", "contacted", "qualified", "converted", "disqualified", "returned"]

router = APIRouter(prefix="/v1/leads", tags=["leads"])


class UtmIn(StrictModel):
    source: str | None = Field(default=None, max_length=200)
    medium: str | None = Field(default=None, max_length=200)
    campaign: str | None = Field(default=None, max_length=200)
    term: str | None = Field(default=None, max_length=200)
    content: str | None = Field(default=None, max_length=200)


class LeadPatch(StrictModel):
    """Changed fields only; `status` may move to `contacted` or `qualified`."""

    company: str | None = Field(default=None, max_length=200)
    contact_name: str | None = Field(default=None, max_length=100)
    title: str | None = Field(default=None, max_length=100)
    phones: list[str] | None = Field(default=None, max_length=5)
    emails: list[str] | None = Field(default=None, max_length=5)
    region: str | None = Field(default=None, max_length=100)
    industry: str | None = Field(default=None, max_length=100)
    source: str | None = Field(default=None, max_length=50)
    campaign_id: str | None = Field(default=None, pattern=ID_PATTERN)
    product_interest: str | None = Field(default=None, max_length=200)
    estimated_budget: MoneyIn | None = None
    notes: str | None = Field(default=None, max_length=4000)
    utm: UtmIn | None = None
    status: Literal["contacted", "qualified"] | None = None


class LeadCreate(LeadPatch):
    status: None = Field(default=None, description="Not settable on create")
    auto_assign: bool = Field(default=False, description="Assign by the rules instead of keeping it yourself")


class LeadQuery(ListQuery):
    status: Status | None = None
    owner_id: str | None = Field(default=None, pattern=ID_PATTERN)
    campaign_id: str | None = Field(default=None, pattern=ID_PATTERN)
    source: str | None = Field(default=None, pattern=r"^[a-z_]{1,50}$")


class AssignIn(StrictModel):
    owner_id: str = Field(pattern=ID_PATTERN)
    reason: str | None = Field(default=None, max_length=200)


class ReasonIn(StrictModel):
    reason: str = Field(min_length=1, max_length=500)


class ReleaseIn(StrictModel):
    reason: str | None = Field(default=None, max_length=100)


class OpportunityIn(StrictModel):
    name: str | None = Field(default=None, max_length=200)
    amount: MoneyIn
    expected_close_date: IsoDate | None = None
    stage: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9_]{0,39}$")


class ConvertIn(StrictModel):
    create_opportunity: bool = False
    opportunity: OpportunityIn | None = None
    customer_id: str | None = Field(default=None, pattern=ID_PATTERN, description="Link to this existing customer")


class PageQuery(StrictModel):
    limit: int = Field(default=50, ge=1, le=200)
    cursor: str | None = Field(default=None, min_length=1, max_length=1024)


add_list(
    router,
    permission=VIEW,
    rpc="ListLeads",
    build=lambda q, options: pb.ListLeadsRequest(options=options),
    items_field="leads",
    page_model=LeadPage,
    query_model=LeadQuery,
    summary="List the leads you may see, and the pool's (newest first)",
    terms=lambda q: {"status": q.status, "owner_id": q.owner_id, "campaign_id": q.campaign_id, "source": q.source},
)


@router.post(
    "",
    summary="Create a lead (201), or add a touch to the recent duplicate it matches (200, merged)",
    status_code=201,
    response_model=LeadIntake,
    responses={
        201: {"description": "Created", "headers": CREATED_HEADERS},
        200: {
            "description": "Merged into an existing lead as a touch",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/LeadIntake"}}},
        },
        **problem_responses(400, 401, 403, 409, 413, 415, 422, *UPSTREAM_ERRORS),
    },
    openapi_extra={**request_body_doc(LeadCreate), "parameters": [IDEMPOTENCY_PARAMETER]},
)
async def create_lead(
    request: Request,
    principal: Principal = Depends(require(CREATE)),
    body: LeadCreate = Depends(json_body(LeadCreate)),
) -> Response:
    values = body_values(body)
    auto = values.pop("auto_assign", False)
    message = pb.CreateLeadRequest(lead=proto(pb.LeadFields, values), auto_assign=auto)

    async def produce() -> Response:
        reply = await call(request, principal, "CreateLead", message)
        if reply.merged:
            return record_response(marketing_json(reply), reply.lead.version)
        return record_response(
            marketing_json(reply), reply.lead.version, status=201, Location=f"/v1/leads/{reply.lead.id}"
        )

    return await idempotent(request, principal, produce)


add_get(
    router,
    permission=VIEW,
    rpc="GetLead",
    request_type=pb.GetLeadRequest,
    reply_field="lead",
    model=Lead,
    summary="Get one lead with its conversion state",
)
add_patch(
    router,
    permission=EDIT,
    rpc="UpdateLead",
    build=lambda id, version, body, paths: pb.UpdateLeadRequest(
        id=id, expected_version=version, patch=proto(pb.LeadFields, body_values(body)), fields=paths
    ),
    body_model=LeadPatch,
    reply_field="lead",
    model=Lead,
    summary="Change a lead or move it to contacted / qualified (If-Match required)",
)
add_action(
    router,
    "assign",
    permission=ASSIGN,
    rpc="AssignLead",
    build=lambda id, body, version: pb.AssignLeadRequest(
        id=id, expected_version=version, owner_id=body.owner_id, reason=body.reason or ""
    ),
    body_model=AssignIn,
    reply_field="lead",
    model=Lead,
    summary="Assign or reassign a lead (managers; no claim limit)",
)
add_action(
    router,
    "grab",
    permission=POOL_EDIT,
    rpc="GrabLead",
    build=lambda id, body, version: pb.GrabLeadRequest(id=id),
    reply_field="lead",
    model=Lead,
    versioned=False,
    summary="Take a lead from the pool (daily claim limit per rep)",
)
add_action(
    router,
    "release",
    permission=EDIT,
    rpc="ReleaseLead",
    build=lambda id, body, version: pb.ReleaseLeadRequest(
        id=id, expected_version=version, reason=(body.reason if body else None) or ""
    ),
    reply_field="lead",
    model=Lead,
    summary="Return your lead to the pool",
)
add_action(
    router,
    "convert",
    permission=EDIT,
    rpc="ConvertLead",
    build=lambda id, body, version: proto(
        pb.ConvertLeadRequest, {"id": id, "expected_version": version, **body_values(body)}
    ),
    body_model=ConvertIn,
    reply_field="lead",
    model=Lead,
    summary="Convert the lead (customer + contact, optionally an opportunity); state pending until resolved",
)
add_action(
    router,
    "disqualify",
    permission=EDIT,
    rpc="DisqualifyLead",
    build=lambda id, body, version: pb.DisqualifyLeadRequest(id=id, expected_version=version, reason=body.reason),
    body_model=ReasonIn,
    reply_field="lead",
    model=Lead,
    summary="Disqualify the lead with a reason",
)


@router.get(
    "/{id}/touches",
    summary="Every intake of the person (the first and each merged duplicate), oldest first",
    response_model=TouchPage,
    responses=problem_responses(400, 401, 403, 404, *UPSTREAM_ERRORS),
)
async def list_touches(
    request: Request,
    id: str = IdPath,
    query: PageQuery = Query(),
    principal: Principal = Depends(require(VIEW)),
) -> Response:
    message = pb.ListLeadTouchesRequest(
        lead_id=id, page=paging_pb2.PageRequest(limit=query.limit, cursor=query.cursor or "")
    )
    reply = await call(request, principal, "ListLeadTouches", message, field_location="query")
    return page_response([marketing_json(t) for t in reply.touches], reply.page.next_cursor)
