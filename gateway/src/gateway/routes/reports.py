"""`/v1/reports/...`: read models of the reporting service."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field
from starlette.responses import JSONResponse, Response

from crm.reporting.v1 import reporting_service_pb2 as pb
from gateway.identity.policy import REPORTS_VIEW
from gateway.identity.principal import Principal, require
from gateway.openapi import problem_responses
from gateway.protojson import timestamp_text
from gateway.runtime import runtime_of

router = APIRouter(prefix="/v1/reports", tags=["reports"])


class OwnerCount(BaseModel):
    owner_id: str
    count: int


class CustomerSummary(BaseModel):
    total: int = Field(description="Customers visible to the caller")
    by_owner: list[OwnerCount]
    as_of: str | None = Field(description="ISO-8601 UTC time of the newest event in the read model; null if none")


@router.get(
    "/customers/summary",
    summary="Customer totals, overall and per owner, within your data scope",
    response_model=CustomerSummary,
    responses=problem_responses(401, 403, 429, 502, 503, 504),
)
async def customer_summary(
    request: Request, principal: Annotated[Principal, Depends(require(REPORTS_VIEW))]
) -> Response:
    reply = await runtime_of(request).upstreams.call(
        "reporting", "GetCustomerSummary", pb.GetCustomerSummaryRequest(), principal.caller(request)
    )
    return JSONResponse(
        {
            "total": int(reply.total),
            "by_owner": [{"owner_id": row.owner_id, "count": int(row.count)} for row in reply.by_owner],
            "as_of": timestamp_text(reply, "as_of"),
        },
        headers={"Cache-Control": "private, no-cache"},
    )
