"""JSON request bodies, read and validated by a dependency (not by FastAPI's body parameter).

Owning this step lets the gateway authenticate and rate-limit before it reads or parses a body
(dependencies run in declaration order), answer its own codes (415, `request.malformed_json`,
`request.invalid`) and keep the parsed JSON for the Idempotency-Key fingerprint. The OpenAPI
request body is declared with `request_body_doc` and the model is published by `gateway.openapi`.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from starlette.requests import Request

from gateway.problems import ProblemError, field_errors

M = TypeVar("M", bound=BaseModel)

# Models named in request_body_doc; gateway.openapi adds their schemas to the document.
DOCUMENTED_BODY_MODELS: list[type[BaseModel]] = []


def _is_json(content_type: str | None) -> bool:
    if not content_type:
        return False
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or (media.startswith("application/") and media.endswith("+json"))


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def json_body(model: type[M]) -> Callable[[Request], Awaitable[M]]:
    """A dependency returning the request body validated as `model`."""

    async def read_body(request: Request) -> M:
        if not _is_json(request.headers.get("content-type")):
            raise ProblemError(415, "request.unsupported_media_type", "Send the body as application/json.")
        raw = await request.body()
        if not raw.strip():
            raise ProblemError(400, "request.malformed_json", "The request body is empty; a JSON object is expected.")
        try:
            data = json.loads(raw, parse_constant=_reject_constant)
        except (ValueError, UnicodeDecodeError, RecursionError):
            raise ProblemError(400, "request.malformed_json", "The request body is not valid JSON.") from None
        try:
            value = model.model_validate(data)
        except ValidationError as exc:
            raise ProblemError(
                400, "request.invalid", "The request body has invalid fields.", errors=field_errors(exc)
            ) from None
        request.state.json_body = data
        return value

    read_body.__name__ = f"json_body_{model.__name__}"
    return read_body


def request_body_doc(model: type[BaseModel], description: str = "") -> dict[str, Any]:
    """`openapi_extra` for a route whose body is read by `json_body(model)`."""
    if model not in DOCUMENTED_BODY_MODELS:
        DOCUMENTED_BODY_MODELS.append(model)
    body: dict[str, Any] = {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{model.__name__}"}}},
    }
    if description:
        body["description"] = description
    return {"requestBody": body}
