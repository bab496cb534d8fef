"""`/v1/reports/...`: read models of the reporting service.

`/v1/reports` is the catalogue (standard reports and the builder's datasets);
`/v1/reports/{name}` runs one standard report as JSON, CSV, XLSX, SVG or PNG. The caller's data
scope travels as identity metadata (the service restricts every figure to the visible owners);
`owner=` and `department=` narrow it further (resolved here against the organisation).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, Response

from crm.reporting.v1 import reporting_service_pb2 as pb
from gateway.identity.policy import REPORTS_EXPORT, REPORTS_VIEW
from gateway.identity.principal import Principal, require
from gateway.openapi import problem_responses
from gateway.problems import ProblemError
from gateway.protojson import timestamp_text
from gateway.representations.reports import CHARTS, FORMATS, render
from gateway.route_kit import ID_PATTERN, PRIVATE, upstream_call
from gateway.runtime import runtime_of

router = APIRouter(prefix="/v1/reports", tags=["reports"])
call = upstream_call("reporting")
UPSTREAM_ERRORS = (429, 502, 503, 504)

Format = Literal["json", "csv", "xlsx", "svg", "png"]
Chart = Literal["bar", "line", "pie", "funnel"]
PERIOD_PATTERN = (
    r"^[0-9]{4}(-[Qq][1-4]|-[0-9]{2}(-[0-9]{2})?)?$|^([0-9]{4}-[0-9]{2}-[0-9]{2})?\.\.([0-9]{4}-[0-9]{2}-[0-9]{2})?$"
)


class OwnerCount(BaseModel):
    owner_id: str
    count: int


class CustomerSummary(BaseModel):
    total: int = Field(description="Customers visible to the caller")
    by_owner: list[OwnerCount]
    as_of: str | None = Field(description="ISO-8601 UTC time of the newest event in the read model; null if none")


class ReportQuery(BaseModel):
    """Filters every report takes (the service answers INVALID_ARGUMENT for a period ending before it starts)."""

    model_config = {"extra": "forbid"}

    period: str | None = Field(
        default=None,
        pattern=PERIOD_PATTERN,
        description="YYYY, YYYY-Qn, YYYY-MM, YYYY-MM-DD or <day>..<day> (local dates, inclusive)",
    )
    owner: list[str] | None = Field(default=None, description="Only these owners (repeat or comma-separate)")
    department: str | None = Field(default=None, pattern=ID_PATTERN, description="Only this department and below")
    format: Format = "json"
    chart: Chart | None = Field(default=None, description="Chart kind for svg/png; default the report's")
    granularity: Literal["day", "week", "month", "quarter", "year"] | None = None
    as_of: str | None = Field(default=None, pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", description="Local date")
    days: int | None = Field(default=None, ge=0, le=3650)


async def report_filter(request: Request, query: ReportQuery) -> pb.ReportFilter:
    """The request's filter: owner / department resolved to owner ids, departments of every user."""
    snap = await run_in_threadpool(runtime_of(request).org_policy.snapshot)
    departments = {user: dept for user, dept in snap.department_of.items() if dept}
    f = pb.ReportFilter(period=query.period or "", owner_departments=departments)
    owners: set[str] | None = None
    if query.owner:
        owners = {o.strip() for raw in query.owner for o in raw.split(",") if o.strip()}
    if query.department:
        members: set[str] = set()
        for dept in snap.subtree(query.department):
            members |= snap.members.get(dept, set())
        owners = members if owners is None else owners & members
    if owners is not None:
        f.restrict_owners = True
        f.owner_ids.extend(sorted(owners))
    for name in ("granularity", "as_of", "days"):
        value = getattr(query, name)
        if value is not None:
            f.params[name] = str(value)
    return f


def check_export(principal: Principal, query: ReportQuery) -> None:
    """CSV and XLSX files are exports (G6): they need `reports:export`."""
    if query.format in ("csv", "xlsx") and not principal.allows(REPORTS_EXPORT):
        raise ProblemError(403, "permission.denied", f"Exporting a report as {query.format} needs {REPORTS_EXPORT!r}.")


def report_response(table: pb.ReportTable, query: ReportQuery, **extra: Any) -> Response:
    body, media = render(table, query.format, query.chart, **extra)
    if isinstance(body, dict):
        return JSONResponse(body, headers=PRIVATE)
    headers = dict(PRIVATE)
    if query.format in ("csv", "xlsx"):
        headers["Content-Disposition"] = f'attachment; filename="{table.name or "report"}.{query.format}"'
    return Response(body, media_type=media, headers=headers)


FORMAT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The report (JSON table, or the file / chart asked for by `format`)",
        "content": {media: {} for media in FORMATS.values()},
    }
}


@router.get(
    "",
    summary="The report catalogue: the 21 standard reports and the report builder's datasets",
    responses=problem_responses(401, 403, *UPSTREAM_ERRORS),
)
async def catalogue(request: Request, principal: Annotated[Principal, Depends(require(REPORTS_VIEW))]) -> Response:
    reply = await call(request, principal, "ListReports", pb.ListReportsRequest())
    return JSONResponse(
        {
            "reports": [
                {
                    "name": r.name,
                    "number": r.number,
                    "title": r.title,
                    "basis": r.basis,
                    "chart": r.chart,
                    "params": list(r.params),
                    "href": f"/v1/reports/{r.name}",
                }
                for r in reply.reports
            ],
            "datasets": [
                {
                    "name": d.name,
                    "label": d.label,
                    "dimensions": list(d.dimensions),
                    "fields": list(d.fields),
                    "dates": list(d.dates),
                }
                for d in reply.datasets
            ],
            "formats": list(FORMATS),
            "charts": list(CHARTS),
        },
        headers=PRIVATE,
    )


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


@router.get(
    "/{name}",
    summary="Run a standard report, within your data scope, as JSON, CSV, XLSX, SVG or PNG",
    responses={**FORMAT_RESPONSES, **problem_responses(400, 401, 403, *UPSTREAM_ERRORS)},
)
async def run_report(
    request: Request,
    principal: Annotated[Principal, Depends(require(REPORTS_VIEW))],
    query: Annotated[ReportQuery, Query()],
    name: str = Path(pattern=r"^[a-z_]{1,64}$", description="Report name from the catalogue"),
) -> Response:
    check_export(principal, query)
    f = await report_filter(request, query)
    reply = await call(request, principal, "RunReport", pb.RunReportRequest(name=name, filter=f))
    return report_response(reply.table, query, period=query.period)
