"""`/v1/report-definitions`: saved custom reports (dataset, <= 3 group-bys incl. time buckets,
measures, filters, sort, limit), shared or private, run through the standard reports' engine."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from google.protobuf import json_format, struct_pb2
from pydantic import BaseModel, Field
from starlette.responses import JSONResponse, Response

from crm.reporting.v1 import reporting_service_pb2 as pb
from gateway.bodies import json_body, request_body_doc
from gateway.conditional import expected_version
from gateway.identity.policy import REPORTS_CREATE, REPORTS_EDIT, REPORTS_VIEW
from gateway.identity.principal import Principal, require
from gateway.openapi import problem_responses
from gateway.protojson import timestamp_text
from gateway.route_kit import ID_PATTERN, PRIVATE, if_match_parameter, record_response
from gateway.routes.reports import (
    FORMAT_RESPONSES,
    UPSTREAM_ERRORS,
    ReportQuery,
    call,
    check_export,
    report_filter,
    report_response,
)

router = APIRouter(prefix="/v1/report-definitions", tags=["reports"])
IdPath = Path(pattern=ID_PATTERN, description="Definition id")


class FilterIn(BaseModel):
    model_config = {"extra": "forbid"}
    field: str = Field(max_length=64)
    op: Literal["eq", "ne", "in", "gt", "gte", "lt", "lte"] = "eq"
    value: str | int | float | bool | list[str | int | float] | None = None


class QueryIn(BaseModel):
    """What to compute: unknown datasets, dimensions or measures are answered 400."""

    model_config = {"extra": "forbid"}
    dataset: str = Field(max_length=64, description="A dataset of `GET /v1/reports`")
    group_by: list[str] = Field(
        default_factory=list, max_length=3, description='Dimensions or time buckets, e.g. "stage", "created:month"'
    )
    measures: list[str] = Field(
        default_factory=lambda: ["count"],
        min_length=1,
        max_length=10,
        description='"count" or "<sum|avg|min|max|distinct>:<field>"',
    )
    filters: list[FilterIn] = Field(default_factory=list, max_length=20)
    sort: list[str] = Field(default_factory=list, max_length=4, description='Output columns, "-" for descending')
    limit: int = Field(default=1000, ge=1, le=10_000)
    date_basis: str | None = Field(default=None, max_length=64, description="Which date the period applies to")


class DefinitionIn(BaseModel):
    model_config = {"extra": "forbid"}
    name: str = Field(min_length=1, max_length=200)
    shared: bool = False
    query: QueryIn


def _struct(query: QueryIn) -> struct_pb2.Struct:
    s = struct_pb2.Struct()
    s.update(query.model_dump(exclude_none=True))
    return s


def definition_json(d: pb.ReportDefinition) -> dict[str, Any]:
    return {
        "id": d.id,
        "name": d.name,
        "owner_id": d.owner_id,
        "shared": d.shared,
        "query": json_format.MessageToDict(d.query),
        "version": int(d.version),
        "created_at": timestamp_text(d, "created_at"),
        "run": f"/v1/report-definitions/{d.id}/run",
    }


@router.get(
    "", summary="Your report definitions and the shared ones", responses=problem_responses(401, 403, *UPSTREAM_ERRORS)
)
async def list_definitions(
    request: Request, principal: Annotated[Principal, Depends(require(REPORTS_VIEW))]
) -> Response:
    reply = await call(request, principal, "ListReportDefinitions", pb.ListReportDefinitionsRequest())
    return JSONResponse({"items": [definition_json(d) for d in reply.definitions]}, headers=PRIVATE)


@router.post(
    "",
    status_code=201,
    summary="Save a custom report definition",
    responses=problem_responses(400, 401, 403, 413, 415, *UPSTREAM_ERRORS),
    openapi_extra=request_body_doc(DefinitionIn),
)
async def create_definition(
    request: Request,
    principal: Annotated[Principal, Depends(require(REPORTS_CREATE))],
    body: DefinitionIn = Depends(json_body(DefinitionIn)),
) -> Response:
    message = pb.SaveReportDefinitionRequest(name=body.name, shared=body.shared, query=_struct(body.query))
    reply = await call(request, principal, "SaveReportDefinition", message)
    d = reply.definition
    return record_response(definition_json(d), d.version, status=201, Location=f"/v1/report-definitions/{d.id}")


@router.get("/{id}", summary="One report definition", responses=problem_responses(400, 401, 403, 404, *UPSTREAM_ERRORS))
async def get_definition(
    request: Request, principal: Annotated[Principal, Depends(require(REPORTS_VIEW))], id: str = IdPath
) -> Response:
    reply = await call(request, principal, "GetReportDefinition", pb.GetReportDefinitionRequest(id=id))
    return record_response(definition_json(reply.definition), reply.definition.version)


@router.put(
    "/{id}",
    summary="Replace your report definition (If-Match required)",
    responses=problem_responses(400, 401, 403, 404, 409, 412, 413, 415, 428, *UPSTREAM_ERRORS),
    openapi_extra={**request_body_doc(DefinitionIn), "parameters": [if_match_parameter(required=True)]},
)
async def replace_definition(
    request: Request,
    principal: Annotated[Principal, Depends(require(REPORTS_EDIT))],
    id: str = IdPath,
    body: DefinitionIn = Depends(json_body(DefinitionIn)),
) -> Response:
    version = expected_version(request.headers.get("if-match"), required=True)
    message = pb.SaveReportDefinitionRequest(
        id=id, name=body.name, shared=body.shared, query=_struct(body.query), expected_version=version
    )
    reply = await call(request, principal, "SaveReportDefinition", message, conditional=True)
    return record_response(definition_json(reply.definition), reply.definition.version)


@router.delete(
    "/{id}",
    status_code=204,
    summary="Delete your report definition",
    responses=problem_responses(400, 401, 403, 404, *UPSTREAM_ERRORS),
)
async def delete_definition(
    request: Request, principal: Annotated[Principal, Depends(require(REPORTS_EDIT))], id: str = IdPath
) -> Response:
    await call(request, principal, "DeleteReportDefinition", pb.DeleteReportDefinitionRequest(id=id))
    return Response(status_code=204)


@router.get(
    "/{id}/run",
    summary="Run a saved definition within your data scope (JSON, CSV, XLSX, SVG or PNG)",
    responses={**FORMAT_RESPONSES, **problem_responses(400, 401, 403, 404, *UPSTREAM_ERRORS)},
)
async def run_definition(
    request: Request,
    principal: Annotated[Principal, Depends(require(REPORTS_VIEW))],
    query: Annotated[ReportQuery, Query()],
    id: str = IdPath,
) -> Response:
    check_export(principal, query)
    f = await report_filter(request, query)
    reply = await call(request, principal, "RunReportDefinition", pb.RunReportDefinitionRequest(id=id, filter=f))
    return report_response(reply.table, query, period=query.period)
