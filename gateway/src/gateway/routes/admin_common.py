"""Pieces shared by the organisation admin routes: a transaction run off the event loop, page
queries, and the common problems."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

from crm_chassis.db import transaction
from gateway.conditional import etag_for, if_match_fails
from gateway.problems import ProblemError
from gateway.runtime import runtime_of

T = TypeVar("T")

ID_PATTERN = r"^[A-Za-z0-9_-]{1,128}$"
NO_STORE = {"Cache-Control": "private, no-cache"}


async def in_transaction(request: Request, work: Callable[[Session], T]) -> T:
    """Run `work(session)` in one database transaction on a worker thread; commits when it returns,
    rolls back when it raises (ProblemError included)."""

    def run() -> T:
        with transaction(runtime_of(request).sessions) as session:
            return work(session)

    return await run_in_threadpool(run)


async def in_authz_transaction(request: Request, work: Callable[[Session], T]) -> T:
    """`in_transaction` for a change to users, roles or departments: once committed, every gateway
    process is told (the next request of any user sees it)."""
    result = await in_transaction(request, work)
    await runtime_of(request).org_policy.changed()
    return result


def not_nullable(schema: dict[str, Any]) -> None:
    """`json_schema_extra` of an optional body field that may be left out but not sent as `null`
    (the model says `X | None` so "absent" can be told apart; the route refuses an explicit null):
    documents it as a plain `X`."""
    branches = [b for b in schema.pop("anyOf", []) if b.get("type") != "null"]
    if len(branches) == 1:
        schema.update(branches[0])
    elif branches:
        schema["anyOf"] = branches
    schema.pop("default", None)


class PageQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    limit: int = Field(default=50, ge=1, le=200, description="Page size, 1..200")
    cursor: str | None = Field(default=None, pattern=ID_PATTERN, description="From `next_cursor`")


def not_found(kind: str, ident: str) -> ProblemError:
    return ProblemError(404, f"{kind}.not_found", f"No {kind[:-1] if kind.endswith('s') else kind} {ident!r}.")


def invalid(code: str, field: str, message: str) -> ProblemError:
    """A 400 naming the offending body field."""
    return ProblemError(
        400, code, message, errors=[{"field": field, "location": "body", "message": message, "type": code}]
    )


def require_current(if_match: str | None, version: int) -> None:
    """412 `resource.stale` when the request's `If-Match` names another version than `version`."""
    if if_match_fails(if_match, etag_for(version)):
        raise ProblemError(
            412, "resource.stale", "The record changed since you read it (If-Match does not match); read it again."
        )


def etag_headers(version: int) -> dict[str, str]:
    """`ETag` (the record version) plus the private no-cache policy of admin answers."""
    return {"ETag": etag_for(version), **NO_STORE}


IF_MATCH_DOC = {
    "parameters": [
        {
            "name": "If-Match",
            "in": "header",
            "required": False,
            "schema": {"type": "string"},
            "description": "The ETag you read; a stale one is answered 412.",
        }
    ]
}
