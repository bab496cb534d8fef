"""`GET /v1/explain`: why a user can or cannot do something, see a record or a field."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, Response

from gateway.identity.explain import explain
from gateway.identity.policy import ORG_ADMIN
from gateway.identity.principal import Principal, current_principal
from gateway.openapi import problem_responses
from gateway.problems import ProblemError
from gateway.routes.admin_common import ID_PATTERN, NO_STORE
from gateway.runtime import runtime_of

router = APIRouter(prefix="/v1/explain", tags=["organisation"])


class ExplainQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    permission: str = Field(
        pattern=r"^[a-z][a-z0-9_]{0,63}:[a-z-]{1,32}$", description="`<module>:<action>`, e.g. `customers:edit`"
    )
    user_id: str | None = Field(default=None, pattern=ID_PATTERN, description="Whom to explain; yourself when omitted")
    owner_id: str | None = Field(default=None, pattern=ID_PATTERN, description="Owner of the record in question")
    field: str | None = Field(
        default=None, pattern=r"^[a-z][a-z0-9_]{0,63}\.[a-z][a-z0-9_.]{0,63}$", description="`<resource>.<field>`"
    )


class FieldExplanation(BaseModel):
    resource: str
    field: str
    access: str
    by_role: list[dict[str, str]]
    can_read: bool
    can_edit: bool
    can_reveal: bool


class Explanation(BaseModel):
    user_id: str
    active: bool
    roles: list[str]
    permission: str
    allowed: bool
    granted_by: list[str]
    scopes: list[dict[str, Any]]
    visible_owner_ids: list[str] | None = Field(description="null = every owner")
    owner_id: str | None = None
    record_in_scope: bool | None = None
    field: FieldExplanation | None = None
    reasons: list[str]


@router.get(
    "",
    summary="Explain why a user can or cannot act, see a record (by owner) or a field",
    description="Anyone may ask about themselves; asking about another user needs `organisation:admin`.",
    response_model=Explanation,
    responses=problem_responses(400, 401, 403, 429),
)
async def explain_access(
    request: Request,
    principal: Annotated[Principal, Depends(current_principal)],
    query: Annotated[ExplainQuery, Query()],
) -> Response:
    target = query.user_id or principal.user_id
    if target != principal.user_id and not principal.allows(ORG_ADMIN):
        raise ProblemError(403, "permission.denied", f"Explaining another user needs {ORG_ADMIN!r}.")
    rt = runtime_of(request)
    snap = await run_in_threadpool(rt.org_policy.snapshot)
    field = tuple(query.field.split(".", 1)) if query.field else None
    answer = explain(snap, target, query.permission, owner_id=query.owner_id, resource_field=field)  # type: ignore[arg-type]
    return JSONResponse(answer, headers=NO_STORE)
