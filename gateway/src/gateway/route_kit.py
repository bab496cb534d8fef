"""Small pieces every resource route uses the same way: answers with ETags, the Idempotency-Key
contract on POST, OpenAPI fragments for the headers involved, and a page of items."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from google.protobuf import struct_pb2
from google.protobuf.message import Message
from pydantic import BaseModel
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from gateway.conditional import etag_for
from gateway.field_rules import CUSTOM
from gateway.idempotency import run_idempotent
from gateway.identity.principal import Principal
from gateway.problems import ProblemError
from gateway.protojson import optional_text
from gateway.runtime import runtime_of

ID_PATTERN = r"^[A-Za-z0-9_-]{1,128}$"
PRIVATE = {"Cache-Control": "private, no-cache"}
ETAG_HEADER_DOC = {"ETag": {"description": 'The record version, e.g. `"3"`', "schema": {"type": "string"}}}

IDEMPOTENCY_PARAMETER = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    # What gateway.idempotency accepts (else 400 idempotency.invalid_key): 1..255 visible ASCII.
    "schema": {"type": "string", "pattern": "^[\\x21-\\x7E]{1,255}$"},
    "description": "Repeat a POST safely: the same key and body answer the first response again (24 h); "
    "the same key with another body is a 422.",
}


def if_match_parameter(required: bool) -> dict[str, Any]:
    return {
        "name": "If-Match",
        "in": "header",
        "required": required,
        # What gateway.conditional.expected_version accepts (else 400 request.if_match_invalid).
        "schema": {"type": "string", "pattern": '^(\\*|"[0-9]{1,18}")$'},
        "description": 'The ETag you read (e.g. `"3"`); a stale one is answered 412'
        + (", a missing one 428." if required else "."),
    }


def record_response(data: dict[str, Any], version: int, *, status: int = 200, **headers: str) -> JSONResponse:
    """`data` with its ETag and the private no-cache policy."""
    return JSONResponse(data, status_code=status, headers={"ETag": etag_for(version), **PRIVATE, **headers})


def page_response(items: list[dict[str, Any]], next_cursor: str) -> JSONResponse:
    return JSONResponse({"items": items, "next_cursor": optional_text(next_cursor)}, headers=PRIVATE)


async def idempotent(request: Request, principal: Principal, produce: Callable[[], Awaitable[Response]]) -> Response:
    """Run a POST under the Idempotency-Key contract (the body read by `json_body` is the
    fingerprint; a POST without a body fingerprints as null)."""
    payload = getattr(request.state, "json_body", None)
    return await run_idempotent(request, runtime_of(request).idempotency, principal.user_id, payload, produce)


def to_struct(values: dict[str, Any] | None) -> struct_pb2.Struct | None:
    if values is None:
        return None
    struct = struct_pb2.Struct()
    struct.update(values)
    return struct


def fill_patch(body: BaseModel, patch: Message) -> list[str]:
    """Copy the fields present in `body` (a JSON merge patch: absent = unchanged, null = clear)
    into the proto `patch`; answer the update-mask paths (custom fields as `custom.<key>`)."""
    paths: list[str] = []
    for name in sorted(body.model_fields_set):
        value = getattr(body, name)
        if name == CUSTOM:
            for key, custom_value in (value or {}).items():
                paths.append(f"custom.{key}")
                if custom_value is not None:
                    patch.custom.update({key: custom_value})  # type: ignore[attr-defined]
            continue
        paths.append(name)
        if isinstance(value, list):
            getattr(patch, name).extend(value)
        elif value is not None:
            setattr(patch, name, value)
    if not paths:
        raise ProblemError(400, "request.empty_patch", "Name at least one field to change.")
    return paths


def written_fields(body: BaseModel) -> dict[str, Any]:
    """The fields a merge patch writes, for the field-permission check (a null clears, which is a
    write too)."""
    return {name: ("" if getattr(body, name) is None else getattr(body, name)) for name in body.model_fields_set}


UpstreamCall = Callable[..., Awaitable[Any]]


def upstream_call(upstream: str) -> UpstreamCall:
    """`call(request, principal, method, message, **kw)` for routes of one upstream: the deadline,
    the principal's identity metadata, gRPC errors as problems (`Upstreams.call`'s keywords pass
    through: `conditional`, `field_location`)."""

    async def call(request: Request, principal: Principal, method: str, message: Any, **kw: Any) -> Any:
        return await runtime_of(request).upstreams.call(upstream, method, message, principal.caller(request), **kw)

    return call
