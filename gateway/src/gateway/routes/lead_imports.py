"""`POST /v1/imports/leads?dry_run=true|false&auto_assign=true|false`: CSV lead import.

The file is the raw request body (`Content-Type: text/csv`; UTF-8, a BOM tolerated, header row
first; columns: company, contact_name, title, phone(s), email(s), region, industry, source,
campaign_id, product_interest, notes, estimated_budget (minor units), currency, utm_*). The whole
file is checked first (a malformed one is a 400 `import.*`, nothing written); each row then goes
through the same intake as a form (duplicates within the window merge into touches), written whole
or not at all. The answer is the per-row report; a dry run decides every row and writes nothing.
Permission: `leads:import`. Imported leads stay with the importer unless `auto_assign`."""

from __future__ import annotations

import hashlib
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from starlette.responses import JSONResponse, Response

from crm.marketing.v1 import marketing_service_pb2 as pb
from gateway.identity.principal import Principal, require
from gateway.openapi import problem_responses
from gateway.problems import ProblemError
from gateway.representations.marketing import ImportReport, marketing_json
from gateway.route_kit import IDEMPOTENCY_PARAMETER, idempotent
from gateway.routes.marketing_common import UPSTREAM_ERRORS, call

router = APIRouter(prefix="/v1/imports/leads", tags=["leads"])
_CSV_TYPES = ("text/csv", "application/csv", "text/plain", "application/octet-stream")


class ImportQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    dry_run: bool = Field(default=False, description="Decide every row and write nothing")
    auto_assign: bool = Field(default=False, description="Assign by the rules (unmatched to the pool)")
    file_name: str | None = Field(default=None, max_length=200)


@router.post(
    "",
    summary="Import leads from a CSV (raw text/csv body); answers the per-row report",
    response_model=ImportReport,
    responses=problem_responses(400, 401, 403, 409, 413, 415, 422, *UPSTREAM_ERRORS),
    openapi_extra={
        "parameters": [IDEMPOTENCY_PARAMETER],
        "requestBody": {"required": True, "content": {"text/csv": {"schema": {"type": "string", "format": "binary"}}}},
    },
)
async def import_leads(
    request: Request,
    principal: Annotated[Principal, Depends(require("leads:import"))],
    query: Annotated[ImportQuery, Query()],
) -> Response:
    data = await request.body()
    media = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    if media not in _CSV_TYPES:
        raise ProblemError(
            415, "request.unsupported_media_type", "Send the CSV file as the request body with Content-Type: text/csv."
        )
    if not data.strip():
        raise ProblemError(400, "import.empty", "The request body is empty; a CSV file is expected.")
    request.state.json_body = {
        "sha256": hashlib.sha256(data).hexdigest(),
        "dry_run": query.dry_run,
        "auto_assign": query.auto_assign,
    }

    async def produce() -> Response:
        message = pb.ImportLeadsRequest(
            csv=data, dry_run=query.dry_run, auto_assign=query.auto_assign, file_name=query.file_name or ""
        )
        reply = await call(request, principal, "ImportLeads", message)
        return JSONResponse(marketing_json(reply))

    return await idempotent(request, principal, produce)
