"""The OpenAPI document: problem+json error responses, bearer auth, body models, no 422."""

from __future__ import annotations

import copy
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from pydantic import BaseModel

from gateway.bodies import DOCUMENTED_BODY_MODELS
from gateway.problems import PROBLEM_MEDIA_TYPE, Problem

_DESCRIPTIONS = {
    304: "Not modified (the `If-None-Match` ETag matches)",
    400: "Invalid request: malformed JSON, unknown or wrongly typed fields, or refused by the service",
    401: "Missing, invalid or expired credentials",
    403: "Not permitted",
    404: "Not found",
    409: "Conflict with the current state (or a request with the same Idempotency-Key still running)",
    412: "Precondition failed: the If-Match ETag is stale",
    413: "Request body too large",
    415: "Body is not application/json",
    422: "The Idempotency-Key was already used with a different request",
    428: "Precondition required: send If-Match with the ETag you read",
    429: "Rate limited; see Retry-After",
    500: "Unexpected gateway error",
    502: "The service failed",
    503: "The service (or a dependency) is unavailable; see Retry-After",
    504: "The service did not answer within the deadline",
}


_RETRY_AFTER = {
    "description": "Seconds to wait before trying again",
    "required": True,
    "schema": {"type": "string", "pattern": "^[0-9]+$"},
}
# Headers that come with a problem of this status (Retry-After is always sent with 429 and 503).
_HEADERS: dict[int, dict[str, Any]] = {
    401: {
        "WWW-Authenticate": {
            "description": '`Bearer` (no token) or `Bearer error="invalid_token"` on routes that take a token',
            "schema": {"type": "string"},
        }
    },
    429: {"Retry-After": _RETRY_AFTER},
    503: {"Retry-After": _RETRY_AFTER},
}


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` entries documenting problem+json answers for `statuses`."""
    out: dict[int | str, dict[str, Any]] = {}
    for status in statuses:
        response: dict[str, Any] = {
            "description": _DESCRIPTIONS.get(status, "Error"),
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        if status in _HEADERS:
            response["headers"] = copy.deepcopy(_HEADERS[status])
        out[status] = response
    return out


def _add_model(schemas: dict[str, Any], model: type[BaseModel]) -> None:
    schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
    for name, definition in schema.pop("$defs", {}).items():
        schemas.setdefault(name, definition)
    schemas[model.__name__] = schema


def install_openapi(app: FastAPI) -> None:
    def build() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        doc = get_openapi(
            title=app.title,
            version=app.version,
            description=app.description,
            routes=app.routes,
            tags=app.openapi_tags,
        )
        schemas = doc.setdefault("components", {}).setdefault("schemas", {})
        for model in (Problem, *DOCUMENTED_BODY_MODELS):
            _add_model(schemas, model)
        # Validation failures are 400 problem+json here; drop FastAPI's generated 422 everywhere.
        for path_item in doc.get("paths", {}).values():
            for operation in path_item.values():
                if isinstance(operation, dict):
                    responses = operation.get("responses", {})
                    if "HTTPValidationError" in str(responses.get("422", "")):
                        responses.pop("422")
        schemas.pop("HTTPValidationError", None)
        schemas.pop("ValidationError", None)
        app.openapi_schema = doc
        return doc

    app.openapi = build  # type: ignore[method-assign]
