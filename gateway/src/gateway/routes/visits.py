"""On-site visits: `/v1/work-orders/{id}/visits` (list, schedule) and `/v1/visits/{id}` (read,
`check-in`, `check-out`). There is deliberately no `GET /v1/visits` list: `/v1/work-orders/../visits`
would resolve to it. Check-out records work done, parts and labour; on a billable work order it
records a service charge. `visits:view` reads, `visits:create` schedules, `visits:edit` checks in/out."""

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import Field
from starlette.responses import Response

from crm.service_desk.v1 import service_desk_service_pb2 as pb
from gateway.bodies import Instant
from gateway.field_rules import ResourceFields
from gateway.identity.principal import Principal, require
from gateway.list_query import ListQuery, check_list_query
from gateway.openapi import problem_responses
from gateway.representations.sales import MoneyIn, Quantity, exponent
from gateway.representations.service_desk import (
    UPSTREAM_ERRORS,
    CheckedOut,
    IdPath,
    StrictModel,
    Visit,
    add_action,
    add_create,
    add_get,
    body_values,
    call,
    desk_json,
    options_of,
    page_model,
    proto,
)
from gateway.route_kit import ID_PATTERN, page_response

VIEW, CREATE, EDIT = "visits:view", "visits:create", "visits:edit"

router = APIRouter(prefix="/v1/visits", tags=["visits"])
by_work_order = APIRouter(prefix="/v1/work-orders", tags=["visits"])
VisitPage = page_model(Visit, "VisitPage")


class ScheduleBody(StrictModel):
    window_start: Instant = Field(description="ISO-8601 with offset")
    window_end: Instant = Field(description="After window_start, at most 24 h later")
    technician_id: str | None = Field(default=None, pattern=ID_PATTERN, description="Default: the assignee")

    model_config = {"extra": "forbid", "strict": False}


class Location(StrictModel):
    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)

    model_config = {"extra": "forbid", "strict": False}


class CheckInBody(StrictModel):
    location: Location


class PartIn(StrictModel):
    sku: str | None = Field(default=None, max_length=64)
    name: str = Field(min_length=1, max_length=200)
    quantity: Quantity = "1"
    unit_price: MoneyIn


class CheckOutBody(StrictModel):
    location: Location
    work_done: str | None = Field(default=None, max_length=4000)
    parts: list[PartIn] | None = Field(default=None, max_length=100)
    labour_minutes: int | None = Field(default=None, ge=0, le=1440)


def _money(m: MoneyIn) -> dict[str, Any]:
    from decimal import Decimal

    return {"currency_code": m.currency, "minor_units": str(int(Decimal(m.amount).scaleb(exponent(m.currency))))}


def _schedule(body: ScheduleBody, work_order_id: str) -> pb.ScheduleVisitRequest:
    message = pb.ScheduleVisitRequest(work_order_id=work_order_id, technician_id=body.technician_id or "")
    message.window_start.FromDatetime(body.window_start)
    message.window_end.FromDatetime(body.window_end)
    return message


add_create(
    by_work_order,
    permission=CREATE,
    rpc="ScheduleVisit",
    body_model=ScheduleBody,
    build=_schedule,
    reply_field="visit",
    model=Visit,
    summary="Schedule an on-site visit on an open work order (time window, technician)",
    location="/v1/visits",
    path="/{id}/visits",
)


async def list_work_order_visits(
    request: Request,
    id: str = IdPath,
    query: ListQuery = Query(),
    principal: Principal = Depends(require(VIEW)),
) -> Response:
    check_list_query(principal, ResourceFields("visits", ()), query)
    message = pb.ListVisitsRequest(options=options_of(query, {"work_order_id": id}))
    reply = await call(request, principal, "ListVisits", message, field_location="query")
    return page_response([desk_json(v) for v in reply.visits], reply.page.next_cursor)


by_work_order.add_api_route(
    "/{id}/visits",
    list_work_order_visits,
    methods=["GET"],
    summary="The visits of one work order",
    response_model=VisitPage,
    responses=problem_responses(400, 401, 403, *UPSTREAM_ERRORS),
)

add_get(
    router,
    permission=VIEW,
    rpc="GetVisit",
    request_type=pb.GetVisitRequest,
    reply_field="visit",
    model=Visit,
    summary="Get one visit",
)
add_action(
    router,
    "check-in",
    permission=EDIT,
    rpc="CheckInVisit",
    body_model=CheckInBody,
    reply_field="visit",
    model=Visit,
    build=lambda i, b, v: proto(pb.CheckInVisitRequest, {"id": i, "expected_version": v, **body_values(b)}),
    summary="Arrive: the time (now) and your location",
)


def _check_out(record_id: str, body: CheckOutBody, version: int) -> pb.CheckOutVisitRequest:
    values = body_values(body)
    values["parts"] = [
        {**p.model_dump(exclude_none=True, exclude={"unit_price"}), "unit_price": _money(p.unit_price)}
        for p in body.parts or []
    ]
    return proto(pb.CheckOutVisitRequest, {"id": record_id, "expected_version": version, **values})


add_action(
    router,
    "check-out",
    permission=EDIT,
    rpc="CheckOutVisit",
    body_model=CheckOutBody,
    model=CheckedOut,
    build=_check_out,
    summary="Leave: work done, parts and labour (400/409 `visit.not_checked_in` before check-in); a billable "
    "work order gets a service charge",
)
