"""`/v1/customers/{id}/activities`: the follow-up log of a customer (calls, visits, meetings,
emails, notes). Logging a qualifying activity moves the customer's last follow-up time, which is
what keeps it out of the pool."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from starlette.responses import JSONResponse, Response

from crm.common.v1 import paging_pb2
from crm.customers.v1 import customers_service_pb2 as pb
from gateway.bodies import Instant, json_body, request_body_doc
from gateway.identity.principal import Principal, require
from gateway.list_query import ListQuery
from gateway.openapi import problem_responses
from gateway.problems import ProblemError
from gateway.protojson import timestamp_of
from gateway.representations.customers import Activity, ActivityPage, Customer, activity_json, customer_json
from gateway.route_kit import ID_PATTERN, IDEMPOTENCY_PARAMETER, PRIVATE, idempotent, page_response
from gateway.runtime import runtime_of

router = APIRouter(prefix="/v1/customers/{customer_id}/activities", tags=["activities"])

ACTIVITIES_VIEW = "activities:view"
ACTIVITIES_CREATE = "activities:create"
CustomerId = Annotated[str, Path(pattern=ID_PATTERN, description="Customer id")]
_UPSTREAM_ERRORS = (429, 502, 503, 504)


class ActivityCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False)

    type: Literal["call", "visit", "meeting", "email", "note"]
    content: str = Field(default="", max_length=10_000)
    occurred_at: Instant | None = Field(default=None, description="When it happened (default now; not future)")
    contact_id: str | None = Field(default=None, pattern=ID_PATTERN)
    opportunity_id: str | None = Field(default=None, pattern=ID_PATTERN)
    work_order_id: str | None = Field(default=None, pattern=ID_PATTERN)
    next_follow_up_at: Instant | None = Field(default=None, description="A reminder is due then")


class ActivityLogged(BaseModel):
    activity: Activity
    customer: Customer = Field(description="The customer after the activity (last follow-up time)")


@router.get(
    "",
    summary="The follow-up log of a customer, newest first",
    response_model=ActivityPage,
    responses=problem_responses(400, 401, 403, 404, *_UPSTREAM_ERRORS),
)
async def list_activities(
    request: Request,
    principal: Annotated[Principal, Depends(require(ACTIVITIES_VIEW))],
    customer_id: CustomerId,
    query: Annotated[ListQuery, Query()],
) -> Response:
    if query.filter or query.order_by:
        raise ProblemError(400, "request.invalid", "Activities are listed newest first and take no filter.")
    message = pb.ListActivitiesRequest(
        customer_id=customer_id, page=paging_pb2.PageRequest(limit=query.limit, cursor=query.cursor or "")
    )
    reply = await runtime_of(request).upstreams.call(
        "customers", "ListActivities", message, principal.caller(request), field_location="query"
    )
    return page_response([activity_json(a) for a in reply.activities], reply.page.next_cursor)


@router.post(
    "",
    summary="Log a follow-up activity on a customer",
    status_code=201,
    response_model=ActivityLogged,
    responses={
        201: {"description": "Logged"},
        **problem_responses(400, 401, 403, 404, 409, 413, 415, 422, *_UPSTREAM_ERRORS),
    },
    openapi_extra={**request_body_doc(ActivityCreate), "parameters": [IDEMPOTENCY_PARAMETER]},
)
async def log_activity(
    request: Request,
    principal: Annotated[Principal, Depends(require(ACTIVITIES_CREATE))],
    customer_id: CustomerId,
    body: Annotated[ActivityCreate, Depends(json_body(ActivityCreate))],
) -> Response:
    message = pb.LogActivityRequest(
        customer_id=customer_id,
        type=body.type,
        content=body.content,
        contact_id=body.contact_id or "",
        opportunity_id=body.opportunity_id or "",
        work_order_id=body.work_order_id or "",
        occurred_at=timestamp_of(body.occurred_at),
        next_follow_up_at=timestamp_of(body.next_follow_up_at),
    )
    # The customer is read with the caller's customer scope; the activity permission decides the write.
    caller = principal.caller(request)

    async def produce() -> Response:
        reply = await runtime_of(request).upstreams.call("customers", "LogActivity", message, caller)
        body_out = {"activity": activity_json(reply.activity), "customer": customer_json(reply.customer, principal)}
        return JSONResponse(body_out, status_code=201, headers=PRIVATE)

    return await idempotent(request, principal, produce)
