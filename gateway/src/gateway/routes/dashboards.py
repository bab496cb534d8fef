"""`/v1/dashboards`: each user's dashboard, an ordered list of saved reports (standard report names
or `definition:<id>`) with their default period and parameters."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field
from starlette.responses import Response

from crm.reporting.v1 import reporting_service_pb2 as pb
from gateway.bodies import json_body, request_body_doc
from gateway.conditional import expected_version
from gateway.identity.policy import REPORTS_VIEW
from gateway.identity.principal import Principal, require
from gateway.openapi import problem_responses
from gateway.route_kit import if_match_parameter, record_response
from gateway.routes.reports import PERIOD_PATTERN, UPSTREAM_ERRORS, call

router = APIRouter(prefix="/v1/dashboards", tags=["reports"])


class DashboardItemIn(BaseModel):
    model_config = {"extra": "forbid"}
    report: str = Field(max_length=80, description='A standard report name or "definition:<id>"')
    title: str = Field(default="", max_length=200)
    period: str = Field(default="", pattern=PERIOD_PATTERN + "|^$")
    params: dict[str, str] = Field(default_factory=dict, max_length=5)


class DashboardIn(BaseModel):
    model_config = {"extra": "forbid"}
    items: list[DashboardItemIn] = Field(max_length=50)


def dashboard_json(d: pb.Dashboard) -> dict[str, Any]:
    items = []
    for item in d.items:
        base = (
            f"/v1/report-definitions/{item.report.removeprefix('definition:')}/run"
            if item.report.startswith("definition:")
            else f"/v1/reports/{item.report}"
        )
        items.append(
            {
                "report": item.report,
                "title": item.title,
                "period": item.period,
                "params": dict(item.params),
                "href": base,
            }
        )
    return {"user_id": d.user_id, "items": items, "version": int(d.version)}


@router.get("", summary="Your dashboard", responses=problem_responses(401, 403, *UPSTREAM_ERRORS))
async def get_dashboard(request: Request, principal: Annotated[Principal, Depends(require(REPORTS_VIEW))]) -> Response:
    reply = await call(request, principal, "GetDashboard", pb.GetDashboardRequest())
    return record_response(dashboard_json(reply.dashboard), reply.dashboard.version)


@router.put(
    "",
    summary='Replace your dashboard (If-Match: the version read, "0" for a first save)',
    responses=problem_responses(400, 401, 403, 404, 409, 412, 413, 415, 428, *UPSTREAM_ERRORS),
    openapi_extra={**request_body_doc(DashboardIn), "parameters": [if_match_parameter(required=True)]},
)
async def save_dashboard(
    request: Request,
    principal: Annotated[Principal, Depends(require(REPORTS_VIEW))],
    body: DashboardIn = Depends(json_body(DashboardIn)),
) -> Response:
    version = expected_version(request.headers.get("if-match"), required=True)
    message = pb.SaveDashboardRequest(
        items=[pb.DashboardItem(report=i.report, title=i.title, period=i.period, params=i.params) for i in body.items],
        expected_version=version,
    )
    reply = await call(request, principal, "SaveDashboard", message, conditional=version > 0)
    return record_response(dashboard_json(reply.dashboard), reply.dashboard.version)
