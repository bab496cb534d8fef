"""JSON request bodies, read and validated by a dependency (not by FastAPI's body parameter).

Owning this step lets the gateway authenticate and rate-limit before it reads or parses a body
(dependencies run in declaration order), answer its own codes (415, `request.malformed_json`,
`request.invalid`) and keep the parsed JSON for the Idempotency-Key fingerprint. The OpenAPI
request body is declared with `request_body_doc` and the model is published by `gateway.openapi`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Annotated, Any, TypeVar

from pydantic import AfterValidator, AwareDatetime, BaseModel, ValidationError
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


# Limits of what a body may hold, whatever the route: every field of this API fits them, and past
# them the value would fail later as a 5xx (a protobuf int64, a Struct number, a service parsing
# a nested Struct, a PostgreSQL text column) instead of being refused as input.
MAX_DEPTH = 32
INT64 = (-(2**63), 2**63 - 1)


class _Refused(ValueError):
    """A JSON number outside what the API takes (raised while parsing)."""


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _parse_int(text: str) -> int:
    value = int(text)
    if not INT64[0] <= value <= INT64[1]:
        raise _Refused("an integer beyond 64 bits")
    return value


def _parse_float(text: str) -> float:
    value = float(text)
    if math.isinf(value):  # e.g. 1e999; NaN and Infinity themselves are refused as constants
        raise _Refused("a number beyond the double range")
    return value


def _inspect(data: Any) -> tuple[list[str], int]:
    """(dotted paths of every string, value or key, holding a NUL character; nesting depth).

    JSON allows `\\u0000` in strings, PostgreSQL text does not (and no CRM field means one).
    Iterative, so a deeply nested body that `json.loads` accepted cannot exhaust the stack here."""
    found: list[str] = []
    deepest = 0
    stack: list[tuple[str, int, Any]] = [("", 0, data)]
    while stack:
        path, depth, value = stack.pop()
        deepest = max(deepest, depth)
        if isinstance(value, str):
            if "\x00" in value:
                found.append(path or "(root)")
        elif isinstance(value, dict):
            for key, item in value.items():
                child = f"{path}.{key}" if path else str(key)
                if "\x00" in key:
                    found.append(child.replace("\x00", "\\u0000"))
                else:
                    stack.append((child, depth + 1, item))
        elif isinstance(value, list):
            stack.extend((f"{path}.{i}" if path else str(i), depth + 1, item) for i, item in enumerate(value))
    return sorted(found), deepest


def json_body(model: type[M]) -> Callable[[Request], Awaitable[M]]:
    """A dependency returning the request body validated as `model`."""

    async def read_body(request: Request) -> M:
        if not _is_json(request.headers.get("content-type")):
            raise ProblemError(415, "request.unsupported_media_type", "Send the body as application/json.")
        raw = await request.body()
        if not raw.strip():
            raise ProblemError(400, "request.malformed_json", "The request body is empty; a JSON object is expected.")
        try:
            data = json.loads(raw, parse_constant=_reject_constant, parse_int=_parse_int, parse_float=_parse_float)
        except _Refused as exc:
            raise ProblemError(400, "request.invalid", f"The request body holds {exc}.") from None
        except (ValueError, UnicodeDecodeError, RecursionError):
            raise ProblemError(400, "request.malformed_json", "The request body is not valid JSON.") from None
        nul, depth = _inspect(data)
        if depth > MAX_DEPTH:
            raise ProblemError(400, "request.invalid", f"The request body nests deeper than {MAX_DEPTH} levels.")
        if nul:
            raise ProblemError(
                400,
                "request.invalid",
                "The request body has strings with a NUL character (\\u0000).",
                errors=[
                    {"field": f, "location": "body", "message": "must not contain NUL (\\u0000)", "type": "string_nul"}
                    for f in nul[:20]
                ],
            )
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


def _in_timestamp_range(moment: datetime) -> datetime:
    """The instant in UTC; a ValueError (400) when UTC cannot hold it (years 1..9999, as protobuf
    Timestamps), e.g. `0001-01-01T00:00:00+00:01`."""
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        raise ValueError("the instant is outside years 1..9999 in UTC") from None


# An ISO-8601 instant with its offset, returned in UTC (every instant the API stores is UTC).
Instant = Annotated[AwareDatetime, AfterValidator(_in_timestamp_range)]
