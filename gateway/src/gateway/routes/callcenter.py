"""`/v1/callcenter/...` quick actions while a customer is on the line (issue 9): log the call (with
a callback: the call's next follow-up, reminded like any other), and capture a lead for an
unknown number. Opening a work order or a complaint uses `POST /v1/work-orders` (channel
`call_center`) and `POST /v1/complaints` as they are."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, ConfigDict, Field
from starlette.responses import JSONResponse, Response

from crm.customers.v1 import customers_service_pb2 as cpb
from crm.marketing.v1 import marketing_service_pb2 as mpb
from gateway.bodies import Instant, json_body, request_body_doc
from gateway.identity.principal import Principal, require
from gateway.openapi import problem_responses
from gateway.problems import ProblemError
from gateway.protojson import timestamp_of
from gateway.representations.customers import activity_json
from gateway.representations.marketing import marketing_json
from gateway.route_kit import ID_PATTERN, IDEMPOTENCY_PARAMETER, PRIVATE, idempotent, upstream_call
from gateway.routes.customer_overview import PHONE_PATTERN

router = APIRouter(prefix="/v1/callcenter", tags=["customer 360"])
_customers, _marketing = upstream_call("customers"), upstream_call("marketing")
_ERRORS = problem_responses(400, 401, 403, 404, 409, 413, 415, 422, 429, 502, 503, 504)
CALL_SOURCE = "call_center"


class CallLog(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False)

    customer_id: str = Field(pattern=ID_PATTERN)
    contact_id: str | None = Field(default=None, pattern=ID_PATTERN)
    notes: str = Field(default="", max_length=10_000, description="What was said")
    callback_at: Instant | None = Field(default=None, description="Call back then (a reminder is due)")


class CallLogged(BaseModel):
    activity: dict


class CallerLead(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    phone: str = Field(min_length=3, max_length=40, pattern=PHONE_PATTERN)
    contact_name: str = Field(min_length=1, max_length=200)
    company: str | None = Field(default=None, max_length=200)
    product_interest: str | None = Field(default=None, max_length=200)
    notes: str | None = Field(default=None, max_length=4000)


class LeadCaptured(BaseModel):
    lead: dict
    merged: bool = Field(description="The number matched a recent lead: a touch was added to it")


@router.post(
    "/calls",
    summary="Log the call on the customer (optionally with a callback time)",
    status_code=201,
    response_model=CallLogged,
    responses={201: {"description": "Logged"}, **_ERRORS},
    openapi_extra={**request_body_doc(CallLog), "parameters": [IDEMPOTENCY_PARAMETER]},
)
async def log_call(
    request: Request,
    principal: Annotated[Principal, Depends(require("activities:create"))],
    body: Annotated[CallLog, Depends(json_body(CallLog))],
) -> Response:
    if body.callback_at is not None and body.callback_at <= datetime.now(UTC):
        raise ProblemError(
            400,
            "request.invalid",
            "callback_at must be in the future.",
            errors=[{"field": "callback_at", "location": "body", "message": "in the past", "type": "value_error"}],
        )
    message = cpb.LogActivityRequest(
        customer_id=body.customer_id,
        contact_id=body.contact_id or "",
        type="call",
        content=body.notes,
        next_follow_up_at=timestamp_of(body.callback_at),
    )

    async def produce() -> Response:
        reply = await _customers(request, principal, "LogActivity", message)
        return JSONResponse({"activity": activity_json(reply.activity)}, status_code=201, headers=PRIVATE)

    return await idempotent(request, principal, produce)


@router.post(
    "/leads",
    summary="Capture a lead for a caller the CRM does not know (source call_center, assigned by the rules)",
    status_code=201,
    response_model=LeadCaptured,
    responses={
        201: {"description": "A new lead"},
        200: {
            "description": "The number matched a recent lead: a touch was added",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/LeadCaptured"}}},
        },
        **_ERRORS,
    },
    openapi_extra={**request_body_doc(CallerLead), "parameters": [IDEMPOTENCY_PARAMETER]},
)
async def capture_lead(
    request: Request,
    principal: Annotated[Principal, Depends(require("leads:create"))],
    body: Annotated[CallerLead, Depends(json_body(CallerLead))],
) -> Response:
    fields = mpb.LeadFields(
        contact_name=body.contact_name,
        company=body.company or "",
        phones=[body.phone],
        source=CALL_SOURCE,
        product_interest=body.product_interest or "",
        notes=body.notes or "",
    )
    message = mpb.CreateLeadRequest(lead=fields, auto_assign=True)

    async def produce() -> Response:
        reply = await _marketing(request, principal, "CreateLead", message)
        merged = reply.merged
        body_out = {"lead": marketing_json(reply.lead), "merged": merged}
        return JSONResponse(body_out, status_code=200 if merged else 201, headers=PRIVATE)

    return await idempotent(request, principal, produce)
