"""CSV import of customers, served by the customers service (`crm.customers.v1.CustomerImportService`).

- `POST /v1/imports/customers?mode=create_only|update_by_key|skip_duplicates&dry_run=true|false`:
  the file is the raw request body (`Content-Type: text/csv`; UTF-8, a BOM tolerated, header row
  first). The gateway's body limit (`CRM_MAX_BODY_BYTES`) applies before anything is read: a larger
  upload is a 413 and nothing is written. A malformed file is a 400 (`import.*`) and nothing is
  written. A good one answers 202 with the job; it runs in batches in the customers service.
- `GET /v1/imports/customers/{job_id}`: status and progress (rows done / total, counts).
- `GET /v1/imports/customers/{job_id}/report`: per-row results (created / updated / skipped /
  duplicate / invalid with the reason), in row order, paged.
- `GET /v1/imports/customers`: the import log (the caller's jobs; all for an unrestricted caller).

Permission: `customers:import`. Multipart uploads are not accepted (415): send the file as the body.
"""

from __future__ import annotations

import hashlib
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from starlette.responses import JSONResponse, Response

from crm.common.v1 import paging_pb2
from crm.customers.v1 import customer_import_service_pb2 as pb
from gateway.identity.principal import Principal, require
from gateway.openapi import problem_responses
from gateway.problems import ProblemError
from gateway.protojson import optional_text, to_json
from gateway.route_kit import ID_PATTERN, IDEMPOTENCY_PARAMETER, PRIVATE, idempotent, page_response, upstream_call

router = APIRouter(prefix="/v1/imports/customers", tags=["customers"])

CUSTOMERS_IMPORT = "customers:import"
JobId = Annotated[str, Path(pattern=ID_PATTERN, description="Import job id")]
_UPSTREAM_ERRORS = (429, 502, 503, 504)
_MODES = {
    "create_only": pb.IMPORT_MODE_CREATE_ONLY,
    "update_by_key": pb.IMPORT_MODE_UPDATE_BY_KEY,
    "skip_duplicates": pb.IMPORT_MODE_SKIP_DUPLICATES,
}
_CSV_TYPES = ("text/csv", "application/csv", "text/plain", "application/octet-stream")


_call = upstream_call("customers")


class ImportJob(BaseModel):
    id: str
    status: Literal["pending", "running", "completed", "failed"]
    mode: str
    dry_run: bool
    file_name: str
    created_by: str
    total_rows: int
    processed_rows: int
    progress: float = Field(description="processed_rows / total_rows, 0..1")
    created: int
    updated: int
    skipped: int
    duplicates: int
    invalid: int
    created_at: str | None = None
    updated_at: str | None = None
    finished_at: str | None = None
    error: str | None = None


class ImportJobPage(BaseModel):
    items: list[ImportJob]
    next_cursor: str | None


class ImportRow(BaseModel):
    row: int = Field(description="1 = the first row after the header")
    outcome: Literal["created", "updated", "skipped", "duplicate", "invalid"]
    customer_id: str | None
    code: str | None
    field: str | None
    reason: str | None


class ImportReport(BaseModel):
    job: ImportJob
    items: list[ImportRow]
    next_cursor: str | None


class StartQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    mode: Literal["create_only", "update_by_key", "skip_duplicates"] = Field(
        default="create_only",
        description="Rows matching an existing customer: an error (create_only), updated when you may edit "
        "it (update_by_key), or skipped (skip_duplicates)",
    )
    dry_run: bool = Field(default=False, description="Decide every row and write nothing but the report")
    file_name: str | None = Field(default=None, max_length=200)


class ReportQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    limit: int = Field(default=100, ge=1, le=200)
    cursor: str | None = Field(default=None, pattern=r"^[0-9]{1,10}$", description="From `next_cursor`")
    outcome: list[Literal["created", "updated", "skipped", "duplicate", "invalid"]] | None = Field(
        default=None, description="Only these outcomes"
    )


class LogQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    limit: int = Field(default=50, ge=1, le=200)
    cursor: str | None = Field(default=None, pattern=r"^[A-Za-z0-9_=-]{1,1024}$", description="From `next_cursor`")


def job_json(job: pb.ImportJob) -> dict[str, Any]:
    out = to_json(job)
    for name in ("total_rows", "processed_rows", "created", "updated", "skipped", "duplicates", "invalid"):
        out[name] = int(getattr(job, name))
    out["dry_run"] = job.dry_run
    out["file_name"] = job.file_name
    out["error"] = optional_text(job.error)
    out["progress"] = round(job.processed_rows / job.total_rows, 4) if job.total_rows else 0.0
    return out


@router.post(
    "",
    summary="Upload a CSV of customers (raw text/csv body); answers the import job (202)",
    status_code=202,
    response_model=ImportJob,
    responses={
        202: {"description": "The job; poll its URL (Location) for progress"},
        **problem_responses(400, 401, 403, 409, 413, 415, 422, *_UPSTREAM_ERRORS),
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "description": "The CSV file, UTF-8 (a BOM is tolerated), header row first; columns are customer "
            "fields (`name` required, `phone`/`phones`, `email`/`emails`, `tags` split on `;`) or `custom.<key>`",
            "content": {"text/csv": {"schema": {"type": "string", "format": "binary"}}},
        },
        "parameters": [IDEMPOTENCY_PARAMETER],
    },
)
async def start_import(
    request: Request,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_IMPORT))],
    query: Annotated[StartQuery, Query()],
) -> Response:
    # Read first: the gateway's body limit answers 413 for a too-large upload, whatever its type.
    data = await request.body()
    media = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    if media not in _CSV_TYPES:
        raise ProblemError(
            415, "request.unsupported_media_type", "Send the CSV file as the request body with Content-Type: text/csv."
        )
    if not data.strip():
        raise ProblemError(400, "import.empty", "The request body is empty; a CSV file is expected.")
    # The Idempotency-Key fingerprint: the file's digest and the options.
    request.state.json_body = {
        "sha256": hashlib.sha256(data).hexdigest(),
        "mode": query.mode,
        "dry_run": query.dry_run,
        "file_name": query.file_name,
    }

    async def produce() -> Response:
        message = pb.StartImportRequest(
            csv=data, mode=_MODES[query.mode], dry_run=query.dry_run, file_name=query.file_name or ""
        )
        reply = await _call(request, principal, "StartImport", message)
        return JSONResponse(
            job_json(reply.job),
            status_code=202,
            headers={"Location": f"/v1/imports/customers/{reply.job.id}", **PRIVATE},
        )

    return await idempotent(request, principal, produce)


@router.get(
    "",
    summary="The import log: your import jobs, newest first",
    response_model=ImportJobPage,
    responses=problem_responses(400, 401, 403, *_UPSTREAM_ERRORS),
)
async def list_imports(
    request: Request,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_IMPORT))],
    query: Annotated[LogQuery, Query()],
) -> Response:
    message = pb.ListImportsRequest(page=paging_pb2.PageRequest(limit=query.limit, cursor=query.cursor or ""))
    reply = await _call(request, principal, "ListImports", message, field_location="query")
    return page_response([job_json(j) for j in reply.jobs], reply.page.next_cursor)


@router.get(
    "/{job_id}",
    summary="An import job: status, progress and counts",
    response_model=ImportJob,
    responses=problem_responses(400, 401, 403, 404, *_UPSTREAM_ERRORS),
)
async def get_import(
    request: Request, principal: Annotated[Principal, Depends(require(CUSTOMERS_IMPORT))], job_id: JobId
) -> Response:
    reply = await _call(request, principal, "GetImport", pb.GetImportRequest(id=job_id))
    return JSONResponse(job_json(reply.job), headers=PRIVATE)


@router.get(
    "/{job_id}/report",
    summary="Per-row results of an import job, in row order",
    response_model=ImportReport,
    responses=problem_responses(400, 401, 403, 404, *_UPSTREAM_ERRORS),
)
async def import_report(
    request: Request,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_IMPORT))],
    job_id: JobId,
    query: Annotated[ReportQuery, Query()],
) -> Response:
    message = pb.GetImportReportRequest(
        id=job_id,
        page=paging_pb2.PageRequest(limit=query.limit, cursor=query.cursor or ""),
        outcomes=list(query.outcome or []),
    )
    reply = await _call(request, principal, "GetImportReport", message, field_location="query")
    items = [
        {
            "row": r.row,
            "outcome": r.outcome,
            "customer_id": optional_text(r.customer_id),
            "code": optional_text(r.code),
            "field": optional_text(r.field),
            "reason": optional_text(r.reason),
        }
        for r in reply.rows
    ]
    return JSONResponse(
        {"job": job_json(reply.job), "items": items, "next_cursor": optional_text(reply.page.next_cursor)},
        headers=PRIVATE,
    )
