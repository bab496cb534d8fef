"""`/v1/return-visits`: satisfaction calls planned automatically (N days after a work order closes,
M days after an order is fulfilled) or by hand; `complete` records the outcome, score 1-5 and NPS 0-10
(a low score opens a complaint or reopens the work order, per configuration)."""

from typing import Literal

from fastapi import APIRouter
from pydantic import Field

from crm.service_desk.v1 import service_desk_service_pb2 as pb
from gateway.list_query import ListQuery
from gateway.representations.sales import INT32_MAX, IsoDate
from gateway.representations.service_desk import (
    ReturnVisit,
    ReturnVisitCompleted,
    StrictModel,
    add_action,
    add_create,
    add_get,
    add_list,
    body_values,
    page_model,
    proto,
)
from gateway.route_kit import ID_PATTERN

VIEW, CREATE, EDIT = "return_visits:view", "return_visits:create", "return_visits:edit"

router = APIRouter(prefix="/v1/return-visits", tags=["return visits"])


class ReturnVisitCreate(StrictModel):
    work_order_id: str | None = Field(default=None, pattern=ID_PATTERN)
    order_id: str | None = Field(default=None, pattern=ID_PATTERN)
    due_on: IsoDate | None = Field(default=None, description="Default: today")
    assignee_id: str | None = Field(default=None, pattern=ID_PATTERN)


class ReturnVisitQuery(ListQuery):
    status: Literal["planned", "completed", "cancelled"] | None = None
    customer_id: str | None = Field(default=None, pattern=ID_PATTERN)
    work_order_id: str | None = Field(default=None, pattern=ID_PATTERN)
    order_id: str | None = Field(default=None, pattern=ID_PATTERN)
    rule: Literal["work_order_closed", "order_fulfilled", "manual"] | None = None


class CompleteBody(StrictModel):
    # Range checks are the service's (400 `return_visit.score_invalid` / `return_visit.nps_invalid`);
    # here only what a proto int32 can carry at all.
    score: int = Field(ge=-INT32_MAX - 1, le=INT32_MAX, description="Satisfaction 1..5")
    nps: int | None = Field(default=None, ge=-INT32_MAX - 1, le=INT32_MAX, description="Net promoter answer 0..10")
    outcome: str | None = Field(default=None, max_length=2000)


add_list(
    router,
    permission=VIEW,
    rpc="ListReturnVisits",
    request_type=pb.ListReturnVisitsRequest,
    items_field="return_visits",
    page_model=page_model(ReturnVisit, "ReturnVisitPage"),
    query_model=ReturnVisitQuery,
    summary="List return visits (latest due first)",
    terms=lambda q: {
        "status": q.status,
        "customer_id": q.customer_id,
        "work_order_id": q.work_order_id,
        "order_id": q.order_id,
        "rule": q.rule,
    },
)
add_create(
    router,
    permission=CREATE,
    rpc="CreateReturnVisit",
    body_model=ReturnVisitCreate,
    build=lambda b: proto(pb.CreateReturnVisitRequest, body_values(b)),
    reply_field="return_visit",
    model=ReturnVisit,
    summary="Plan a return visit by hand for a work order or an order",
    location="/v1/return-visits",
)
add_get(
    router,
    permission=VIEW,
    rpc="GetReturnVisit",
    request_type=pb.GetReturnVisitRequest,
    reply_field="return_visit",
    model=ReturnVisit,
    summary="Get one return visit",
)
add_action(
    router,
    "complete",
    permission=EDIT,
    rpc="CompleteReturnVisit",
    body_model=CompleteBody,
    model=ReturnVisitCompleted,
    build=lambda i, b, v: proto(pb.CompleteReturnVisitRequest, {"id": i, "expected_version": v, **body_values(b)}),
    summary="Record outcome, score (1-5) and NPS (0-10); a low score opens a complaint (complaint_id) or reopens "
    "the work order",
)
