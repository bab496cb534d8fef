"""`/v1/campaigns`: campaigns with budget approval, cost entries and target-list members.

Submitting moves a draft to `pending_approval` when its budget is over the configured threshold
(otherwise straight to `approved`); `approve` / `reject` need `campaigns:approve` and never decide
one's own submission; `start`, `complete`, `cancel` and edits need `campaigns:edit`."""

from typing import Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import Field
from starlette.responses import Response

from crm.common.v1 import paging_pb2
from crm.marketing.v1 import marketing_service_pb2 as pb
from gateway.bodies import json_body, request_body_doc
from gateway.field_rules import ResourceFields
from gateway.identity.principal import Principal, require
from gateway.list_query import ListQuery, check_list_query
from gateway.openapi import problem_responses
from gateway.representations.marketing import (
    Campaign,
    CampaignPage,
    CostPage,
    CostRecorded,
    MemberPage,
    MembersAdded,
    marketing_json,
)
from gateway.representations.sales import IsoDate, MoneyIn, StrictModel
from gateway.route_kit import ID_PATTERN, IDEMPOTENCY_PARAMETER, idempotent, page_response, record_response
from gateway.routes.marketing_common import (
    UPSTREAM_ERRORS,
    IdPath,
    add_action,
    add_create,
    add_get,
    add_list,
    add_patch,
    body_values,
    call,
    list_options,
    proto,
)

VIEW, CREATE, EDIT, APPROVE = "campaigns:view", "campaigns:create", "campaigns:edit", "campaigns:approve"
CampaignType = Literal["exhibition", "seminar", "online_ads", "email", "sms", "referral", "other"]

router = APIRouter(prefix="/v1/campaigns", tags=["campaigns"])
MEMBER_FIELDS = ResourceFields("campaign_members", ())


class CampaignPatch(StrictModel):
    """Changed fields only (draft campaigns)."""

    name: str | None = Field(default=None, min_length=1, max_length=200)
    type: CampaignType | None = None
    channel: str | None = Field(default=None, max_length=100)
    start_date: IsoDate | None = None
    end_date: IsoDate | None = None
    owner_id: str | None = Field(default=None, pattern=ID_PATTERN)
    budget: MoneyIn | None = None
    expected_revenue: MoneyIn | None = None
    description: str | None = Field(default=None, max_length=4000)


class CampaignCreate(CampaignPatch):
    name: str = Field(min_length=1, max_length=200)
    type: CampaignType
    budget: MoneyIn
    owner_id: str | None = Field(default=None, pattern=ID_PATTERN, description="Default: you")


class CampaignQuery(ListQuery):
    status: Literal["draft", "pending_approval", "approved", "running", "completed", "cancelled"] | None = None
    type: CampaignType | None = None
    owner_id: str | None = Field(default=None, pattern=ID_PATTERN)


class Comment(StrictModel):
    comment: str | None = Field(default=None, max_length=2000, description="Required to reject")


class CostIn(StrictModel):
    amount: MoneyIn
    incurred_on: IsoDate | None = Field(default=None, description="Default: today")
    description: str | None = Field(default=None, max_length=500)


class MembersIn(StrictModel):
    lead_ids: list[str] = Field(default_factory=list, max_length=1000)
    customer_filter: str | None = Field(
        default=None, max_length=2000, description="A customers list filter (AIP-160), read with your data scope"
    )
    customer_limit: int | None = Field(default=None, ge=1, le=5000)


class MemberQuery(ListQuery):
    response_status: Literal["sent", "responded", "converted"] | None = None
    member_type: Literal["lead", "customer"] | None = None


class PageQuery(StrictModel):
    limit: int = Field(default=50, ge=1, le=200)
    cursor: str | None = Field(default=None, min_length=1, max_length=1024)


add_list(
    router,
    permission=VIEW,
    rpc="ListCampaigns",
    build=lambda q, options: pb.ListCampaignsRequest(options=options),
    items_field="campaigns",
    page_model=CampaignPage,
    query_model=CampaignQuery,
    summary="List the campaigns you may see (newest first)",
    terms=lambda q: {"status": q.status, "type": q.type, "owner_id": q.owner_id},
)
add_create(
    router,
    permission=CREATE,
    rpc="CreateCampaign",
    body_model=CampaignCreate,
    build=lambda b: pb.CreateCampaignRequest(campaign=proto(pb.CampaignFields, body_values(b))),
    reply_field="campaign",
    model=Campaign,
    summary="Create a draft campaign",
    location="/v1/campaigns",
)
add_get(
    router,
    permission=VIEW,
    rpc="GetCampaign",
    request_type=pb.GetCampaignRequest,
    reply_field="campaign",
    model=Campaign,
    summary="Get one campaign (with its approval history and actual cost)",
)
add_patch(
    router,
    permission=EDIT,
    rpc="UpdateCampaign",
    build=lambda id, version, body, paths: pb.UpdateCampaignRequest(
        id=id, expected_version=version, patch=proto(pb.CampaignFields, body_values(body)), fields=paths
    ),
    body_model=CampaignPatch,
    reply_field="campaign",
    model=Campaign,
    summary="Change a draft campaign (If-Match required)",
)
for _verb, _permission, _summary in (
    ("submit", EDIT, "Submit for approval (approved at once when the budget is under the threshold)"),
    ("approve", APPROVE, "Approve a pending campaign (needs `campaigns:approve`; not your own submission)"),
    ("reject", APPROVE, "Reject a pending campaign with a comment (back to draft)"),
    ("start", EDIT, "Start an approved campaign"),
    ("complete", EDIT, "Complete a running campaign"),
    ("cancel", EDIT, "Cancel a campaign that is not completed"),
):
    add_action(
        router,
        _verb,
        permission=_permission,
        rpc="TransitionCampaign",
        build=lambda id, body, version, verb=_verb: pb.TransitionCampaignRequest(
            id=id, action=verb, expected_version=version, comment=(body.comment if body else None) or ""
        ),
        body_model=Comment if _verb in ("approve", "reject", "cancel") else None,
        reply_field="campaign",
        model=Campaign,
        summary=_summary,
    )


# -- costs -------------------------------------------------------------------------------------------


@router.get(
    "/{id}/costs",
    summary="The campaign's cost entries (oldest first)",
    response_model=CostPage,
    responses=problem_responses(400, 401, 403, 404, *UPSTREAM_ERRORS),
)
async def list_costs(
    request: Request,
    id: str = IdPath,
    query: PageQuery = Query(),
    principal: Principal = Depends(require(VIEW)),
) -> Response:
    message = pb.ListCampaignCostsRequest(
        campaign_id=id, page=paging_pb2.PageRequest(limit=query.limit, cursor=query.cursor or "")
    )
    reply = await call(request, principal, "ListCampaignCosts", message, field_location="query")
    return page_response([marketing_json(c) for c in reply.costs], reply.page.next_cursor)


@router.post(
    "/{id}/costs",
    summary="Record a cost; the campaign's actual cost accumulates",
    status_code=201,
    response_model=CostRecorded,
    responses=problem_responses(400, 401, 403, 404, 409, 413, 415, 422, *UPSTREAM_ERRORS),
    openapi_extra={**request_body_doc(CostIn), "parameters": [IDEMPOTENCY_PARAMETER]},
)
async def record_cost(
    request: Request,
    id: str = IdPath,
    principal: Principal = Depends(require(EDIT)),
    body: CostIn = Depends(json_body(CostIn)),
) -> Response:
    message = proto(pb.RecordCampaignCostRequest, {"campaign_id": id, **body_values(body)})

    async def produce() -> Response:
        reply = await call(request, principal, "RecordCampaignCost", message)
        return record_response(marketing_json(reply), reply.campaign.version, status=201)

    return await idempotent(request, principal, produce)


# -- members -----------------------------------------------------------------------------------------


@router.get(
    "/{id}/members",
    summary="The campaign's target list with each member's response status",
    response_model=MemberPage,
    responses=problem_responses(400, 401, 403, 404, *UPSTREAM_ERRORS),
)
async def list_members(
    request: Request,
    id: str = IdPath,
    query: MemberQuery = Query(),
    principal: Principal = Depends(require(VIEW)),
) -> Response:
    check_list_query(principal, MEMBER_FIELDS, query)
    options = list_options(query, {"response_status": query.response_status, "member_type": query.member_type})
    reply = await call(
        request,
        principal,
        "ListCampaignMembers",
        pb.ListCampaignMembersRequest(campaign_id=id, options=options),
        field_location="query",
    )
    return page_response([marketing_json(m) for m in reply.members], reply.page.next_cursor)


@router.post(
    "/{id}/members",
    summary="Add members from leads and/or a customers filter (already-members are skipped)",
    response_model=MembersAdded,
    responses=problem_responses(400, 401, 403, 404, 409, 413, 415, 422, *UPSTREAM_ERRORS),
    openapi_extra={**request_body_doc(MembersIn), "parameters": [IDEMPOTENCY_PARAMETER]},
)
async def add_members(
    request: Request,
    id: str = IdPath,
    principal: Principal = Depends(require(EDIT)),
    body: MembersIn = Depends(json_body(MembersIn)),
) -> Response:
    message = pb.AddCampaignMembersRequest(
        campaign_id=id,
        lead_ids=body.lead_ids,
        customer_filter=body.customer_filter or "",
        customer_limit=body.customer_limit or 0,
    )

    async def produce() -> Response:
        reply = await call(request, principal, "AddCampaignMembers", message)
        return record_response(marketing_json(reply), reply.campaign.version)

    return await idempotent(request, principal, produce)
