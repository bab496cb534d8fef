"""`/v1/audit-log`: logins and every change to users, roles, permissions and the organisation,
plus reveals of masked values (admin only), newest first."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from starlette.responses import JSONResponse, Response

from gateway.identity.policy import ORG_ADMIN
from gateway.identity.principal import Principal, require
from gateway.openapi import problem_responses
from gateway.routes.admin_common import ID_PATTERN, NO_STORE, in_transaction
from gateway.store import audit

router = APIRouter(prefix="/v1/audit-log", tags=["organisation"])


class AuditQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    limit: int = Field(default=50, ge=1, le=200)
    cursor: str | None = Field(default=None, pattern=r"^[0-9]{1,18}$", description="From `next_cursor`")
    action: str | None = Field(
        default=None, pattern=r"^[a-z_.]{1,64}$", description="e.g. `auth.login`, `role.updated`"
    )
    actor_id: str | None = Field(default=None, pattern=ID_PATTERN)
    target_id: str | None = Field(default=None, pattern=ID_PATTERN)


class AuditEntry(BaseModel):
    id: int
    at: str = Field(description="ISO-8601 UTC")
    actor_id: str | None
    action: str
    target_type: str
    target_id: str | None
    detail: dict[str, Any]


class AuditPage(BaseModel):
    items: list[AuditEntry]
    next_cursor: str | None


def entry_json(entry: audit.AuditEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "at": entry.at.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
        "actor_id": entry.actor_id,
        "action": entry.action,
        "target_type": entry.target_type,
        "target_id": entry.target_id,
        "detail": entry.detail,
    }


@router.get(
    "",
    summary="Read the audit log, newest first",
    response_model=AuditPage,
    responses=problem_responses(400, 401, 403, 429),
)
async def read_audit_log(
    request: Request,
    principal: Annotated[Principal, Depends(require(ORG_ADMIN))],
    query: Annotated[AuditQuery, Query()],
) -> Response:
    rows = await in_transaction(
        request,
        lambda s: audit.entries(
            s,
            limit=query.limit + 1,
            before_id=int(query.cursor) if query.cursor else None,
            action=query.action,
            actor_id=query.actor_id,
            target_id=query.target_id,
        ),
    )
    more = len(rows) > query.limit
    rows = rows[: query.limit]
    return JSONResponse(
        {"items": [entry_json(e) for e in rows], "next_cursor": str(rows[-1].id) if more else None}, headers=NO_STORE
    )
