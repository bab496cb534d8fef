"""`POST /v1/public/forms/{form_key}/submissions`: public lead capture, no login.

- Rate-limited per client address in Redis (`CRM_PUBLIC_FORM_RATE_LIMIT_PER_MINUTE`, default 20):
  over the limit answers 429 with `Retry-After`, before the body is read.
- The body is a JSON object (or an HTML form post, `application/x-www-form-urlencoded`) of field
  name -> text, at most `CRM_PUBLIC_FORM_MAX_BYTES` (default 16 KiB, 413 above) and 50 fields;
  `utm_source`, `utm_medium`, `utm_campaign`, `utm_term`, `utm_content` are taken as UTM parameters.
  Anything else malformed is a 400/415 problem and nothing is stored.
- The form's honeypot field filled in: answered 202 like a real submission, stored nowhere.
- A real submission answers 202 with the form's thank-you message; the lead it created or the
  duplicate it was merged into is not disclosed. `Idempotency-Key` (optional) makes a resubmission
  of the same key a no-op.
"""

from __future__ import annotations

import json
import uuid
from typing import Annotated, Any
from urllib.parse import parse_qsl

from fastapi import APIRouter, Depends, Path, Request
from pydantic import BaseModel
from starlette.responses import JSONResponse, Response

from crm.marketing.v1 import marketing_service_pb2 as pb
from crm_chassis.identity import Caller
from gateway.openapi import problem_responses
from gateway.problems import ProblemError
from gateway.runtime import runtime_of

router = APIRouter(prefix="/v1/public/forms", tags=["public"])

FormKey = Annotated[str, Path(pattern=r"^[a-z0-9][a-z0-9-]{2,62}$", description="The form's public key")]
UTM_PREFIX = "utm_"
UTM_KEYS = ("source", "medium", "campaign", "term", "content")
MAX_FIELDS = 50
MAX_VALUE = 4000
PUBLIC_CALLER = "public-forms"


class Accepted(BaseModel):
    accepted: bool
    message: str


async def _limit(request: Request) -> None:
    """429 + Retry-After when this client address is over the public form rate limit."""
    rt = runtime_of(request)
    address = request.client.host if request.client else "unknown"
    await rt.rate_limiter.enforce("public_form", address, rt.settings.public_form_rate_limit_per_minute)


def _invalid(detail: str, field: str = "body") -> ProblemError:
    return ProblemError(
        400,
        "request.invalid",
        detail,
        errors=[{"field": field, "location": "body", "message": detail, "type": "value_error"}],
    )


def parse_values(raw: bytes, content_type: str) -> dict[str, str]:
    """The submitted field values; a ProblemError for anything that is not a flat map of text."""
    media = content_type.split(";")[0].strip().lower()
    if media == "application/json":
        try:
            data: Any = json.loads(raw)
        except (ValueError, UnicodeDecodeError, RecursionError):
            raise ProblemError(400, "request.malformed_json", "The request body is not valid JSON.") from None
        if not isinstance(data, dict):
            raise _invalid("The body must be a JSON object of field name -> text.")
        pairs = list(data.items())
    elif media == "application/x-www-form-urlencoded":
        try:
            pairs = parse_qsl(raw.decode("utf-8"), keep_blank_values=True, strict_parsing=bool(raw.strip()))
        except (ValueError, UnicodeDecodeError):
            raise _invalid("The form body is not valid URL-encoded UTF-8.") from None
    else:
        raise ProblemError(
            415, "request.unsupported_media_type", "Send application/json or application/x-www-form-urlencoded."
        )
    if len(pairs) > MAX_FIELDS:
        raise _invalid(f"At most {MAX_FIELDS} fields.")
    values: dict[str, str] = {}
    for key, value in pairs:
        if not isinstance(key, str) or not key or len(key) > 64:
            raise _invalid("Field names are 1-64 characters.")
        if not isinstance(value, str):
            raise _invalid(f"{key} must be text.", key)
        if len(value) > MAX_VALUE or "\x00" in value:
            raise _invalid(f"{key} is too long or holds a NUL character.", key)
        values[key] = value
    return values


@router.post(
    "/{form_key}/submissions",
    status_code=202,
    summary="Submit a public web form (no login; rate-limited per client address)",
    response_model=Accepted,
    responses={
        202: {"description": "Accepted (also when the honeypot was filled: nothing is stored then)"},
        **problem_responses(400, 404, 409, 413, 415, 429, 502, 503, 504),
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": {"type": "object", "additionalProperties": {"type": "string"}}},
                "application/x-www-form-urlencoded": {"schema": {"type": "object"}},
            },
        },
        "security": [],
    },
)
async def submit(request: Request, form_key: FormKey, _: None = Depends(_limit)) -> Response:
    raw = await request.body()
    max_bytes = runtime_of(request).settings.public_form_max_bytes
    if len(raw) > max_bytes:
        raise ProblemError(413, "request.too_large", f"A form submission is at most {max_bytes} bytes.")
    if not raw.strip():
        raise ProblemError(400, "request.malformed_json", "The request body is empty.")
    values = parse_values(raw, request.headers.get("content-type") or "")
    utm = {k: values.pop(UTM_PREFIX + k) for k in UTM_KEYS if UTM_PREFIX + k in values}
    submission_id = (request.headers.get("idempotency-key") or "").strip()[:100] or str(uuid.uuid4())
    state = request.scope.get("state", {})
    request_id = str(state.get("request_id", ""))
    caller = Caller(
        caller_service=PUBLIC_CALLER,
        request_id=request_id,
        correlation_id=str(state.get("correlation_id", request_id)),
    )
    message = pb.SubmitFormRequest(
        form_key=form_key,
        values=values,
        submission_id=submission_id,
        utm=pb.Utm(**utm),
        client_address=request.client.host if request.client else "",
    )
    reply = await runtime_of(request).upstreams.call("marketing", "SubmitForm", message, caller)
    return JSONResponse({"accepted": True, "message": reply.thank_you_message}, status_code=202)
