"""RFC 9457 problem details: the one shape every gateway error takes.

Raise `ProblemError` anywhere (dependencies, routes, helpers); the exception handlers installed by
`install_handlers` render it, and also turn Starlette/FastAPI's own errors (404, 405, body
validation) and anything unexpected into problem+json. FastAPI's default 422 never escapes.
"""

from __future__ import annotations

import json
import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy.exc import DBAPIError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.routing import Match

log = logging.getLogger("gateway.problems")

PROBLEM_MEDIA_TYPE = "application/problem+json"
# `type` is a URN built from the stable code; clients branch on `code` (or `type`), never on `detail`.
PROBLEM_TYPE_PREFIX = "urn:crm:problem:"

GENERIC_500_DETAIL = "The gateway hit an unexpected error. It has been logged; quote the request_id when reporting it."


class FieldError(BaseModel):
    """One invalid input field."""

    field: str = Field(description="Dotted path of the field, e.g. `owner_id` or `items.0.name`")
    location: str = Field(description="`body`, `query`, `path` or `header`")
    message: str
    type: str = Field(description="Machine-readable reason, e.g. `string_type`, `extra_forbidden`, `missing`")


class Problem(BaseModel):
    """RFC 9457 problem details, served as `application/problem+json`."""

    model_config = ConfigDict(json_schema_extra={"description": "RFC 9457 problem details"})

    type: str = Field(description="URI identifying the problem type (`urn:crm:problem:<code>`)")
    title: str = Field(description="Short summary of the HTTP status")
    status: int
    detail: str = Field(description="Human-readable explanation of this occurrence")
    code: str = Field(description="Stable machine-readable error code, e.g. `customer.name_required`")
    instance: str = Field(description="Path of the request that failed")
    request_id: str
    errors: list[FieldError] | None = Field(default=None, description="Per-field errors (validation only)")


class ProblemError(Exception):
    """An error answered as problem+json. `headers` are added to the response (Retry-After, Allow...)."""

    def __init__(
        self,
        status: int,
        code: str,
        detail: str,
        *,
        headers: dict[str, str] | None = None,
        errors: list[dict[str, str]] | None = None,
        details: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(f"{status} {code}: {detail}")
        self.status = status
        self.code = code
        self.detail = detail
        self.headers = dict(headers or {})
        self.errors = errors
        # Machine-readable facts about the refusal (e.g. the record a duplicate collides with).
        self.details = details


def _title(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def problem_body(
    *,
    status: int,
    code: str,
    detail: str,
    instance: str,
    request_id: str,
    errors: list[dict[str, str]] | None = None,
    details: dict[str, Any] | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": PROBLEM_TYPE_PREFIX + code,
        "title": _title(status),
        "status": status,
        "detail": detail,
        "code": code,
        "instance": instance,
        "request_id": request_id,
    }
    if errors is not None:
        body["errors"] = errors
    if details:
        body["details"] = details
    return body


def request_id_of(scope_or_request: Any) -> str:
    scope = scope_or_request.scope if isinstance(scope_or_request, Request) else scope_or_request
    return str(scope.get("state", {}).get("request_id", "")) or "-"


def problem_response(
    request_or_scope: Any,
    status: int,
    code: str,
    detail: str,
    *,
    headers: dict[str, str] | None = None,
    errors: list[dict[str, str]] | None = None,
    details: dict[str, Any] | None = None,
) -> Response:
    scope = request_or_scope.scope if isinstance(request_or_scope, Request) else request_or_scope
    body = problem_body(
        status=status,
        code=code,
        detail=detail,
        instance=scope.get("path", ""),
        request_id=request_id_of(scope),
        errors=errors,
        details=details,
    )
    return Response(
        content=json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode(),
        status_code=status,
        headers=headers,
        media_type=PROBLEM_MEDIA_TYPE,
    )


def field_errors(exc: ValidationError | RequestValidationError, *, default_location: str = "body") -> list[dict]:
    """Pydantic/FastAPI errors as `FieldError` dicts (no input values echoed back)."""
    out = []
    for err in exc.errors():
        loc = [str(part) for part in err.get("loc", ())]
        location = default_location
        if loc and loc[0] in ("body", "query", "path", "header", "cookie"):
            location, loc = loc[0], loc[1:]
        out.append(
            {
                "field": ".".join(loc) or "(root)",
                "location": location,
                "message": str(err.get("msg", "invalid value")),
                "type": str(err.get("type", "invalid")),
            }
        )
    return out


# Codes for Starlette's own HTTP errors (routing, body limit...).
_HTTP_CODES = {
    400: "request.bad",
    401: "auth.required",
    403: "permission.denied",
    404: "route.not_found",
    405: "method.not_allowed",
    413: "request.too_large",
    415: "request.unsupported_media_type",
}


_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


def allowed_methods(app: FastAPI, scope: dict[str, Any]) -> list[str]:
    """Every method some route serves at this path (Starlette's own Allow names only the first
    route that matched the path, e.g. POST but not GET on /v1/customers)."""
    allowed = []
    for method in _METHODS:
        probe = {**scope, "method": method}
        if any(route.matches(probe)[0] is Match.FULL for route in app.router.routes):
            allowed.append(method)
    return allowed


def install_handlers(app: FastAPI) -> None:
    """Make every error leave the app as problem+json."""

    async def on_problem(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ProblemError)
        return problem_response(
            request, exc.status, exc.code, exc.detail, headers=exc.headers, errors=exc.errors, details=exc.details
        )

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        status = exc.status_code
        code = _HTTP_CODES.get(status, f"http.{status}")
        if status == 404:
            detail = f"No route matches {request.url.path}."
        elif status == 405:
            detail = f"{request.method} is not allowed on {request.url.path}."
        elif status == 413:
            detail = "The request body is larger than this gateway accepts."
        else:
            detail = exc.detail if isinstance(exc.detail, str) else _title(status)
        headers = dict(exc.headers or {})
        if status == 405 and (methods := allowed_methods(app, dict(request.scope))):
            headers["Allow"] = ", ".join(methods)
        return problem_response(request, status, code, detail, headers=headers)

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        errors = field_errors(exc)
        if any(e["type"] == "json_invalid" for e in errors):
            return problem_response(request, 400, "request.malformed_json", "The request body is not valid JSON.")
        return problem_response(request, 400, "request.invalid", "The request has invalid fields.", errors=errors)

    async def on_database_down(request: Request, exc: Exception) -> Response:
        # The gateway's own database (organisation, tokens, audit) cannot be reached: a retryable
        # outage, not a bug. Errors of a query itself (DBAPIError without connection loss) are 500s.
        assert isinstance(exc, DBAPIError)
        if not (isinstance(exc, OperationalError) or exc.connection_invalidated):
            return await on_unexpected(request, exc)
        log.error("gateway database unavailable on %s %s: %s", request.method, request.url.path, exc.orig)
        return problem_response(
            request,
            503,
            "database.unavailable",
            "The gateway's database is unavailable right now; retry later.",
            headers={"Retry-After": "5"},
        )

    async def on_unexpected(request: Request, exc: Exception) -> Response:
        log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
        return problem_response(request, 500, "internal", GENERIC_500_DETAIL)

    app.add_exception_handler(ProblemError, on_problem)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(DBAPIError, on_database_down)
    app.add_exception_handler(Exception, on_unexpected)
