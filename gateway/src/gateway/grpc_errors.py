"""The one table turning a service's gRPC status into an HTTP problem.

Services put a stable machine-readable reason in the trailing metadata key `x-crm-error-code`
(e.g. `customer.name_required`), optionally the offending field in `x-crm-error-field`, and a
human message in the status details (the chassis gRPC bootstrap writes all three). For client
errors (4xx) they are passed through as the problem's `code`, `errors[].field` and `detail`.
For server-side failures the details may hold internals (addresses, exception text), so the
client gets a generic message and the details go to the log only.

FAILED_PRECONDITION -> 409: "the record is not in a state that allows this" (a business conflict
the client resolves by re-reading), not a failed HTTP precondition. ABORTED is the chassis's
VersionConflict (a stale version): 409, or 412 Precondition Failed when the request carried
`If-Match` (the route passes `conditional=True`).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import grpc

from crm_chassis.grpc_server import ERROR_CODE_KEY, ERROR_DETAIL_PREFIX, ERROR_FIELD_KEY
from gateway.problems import ProblemError

log = logging.getLogger("gateway.upstream")

RETRY_AFTER_SECONDS = 2

_CODE_RE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$")
_MAX_DETAIL = 500


@dataclass(frozen=True)
class HttpMapping:
    status: int
    # Pass the service's code and details through (client errors), or answer generically.
    passthrough: bool
    # Code used when the service sent none (or, for server errors, always).
    fallback_code: str
    retry_after: bool = False


STATUS_TO_HTTP: dict[grpc.StatusCode, HttpMapping] = {
    grpc.StatusCode.INVALID_ARGUMENT: HttpMapping(400, True, "request.invalid"),
    grpc.StatusCode.OUT_OF_RANGE: HttpMapping(400, True, "request.out_of_range"),
    grpc.StatusCode.NOT_FOUND: HttpMapping(404, True, "resource.not_found"),
    grpc.StatusCode.ALREADY_EXISTS: HttpMapping(409, True, "resource.already_exists"),
    grpc.StatusCode.FAILED_PRECONDITION: HttpMapping(409, True, "resource.state_conflict"),
    grpc.StatusCode.ABORTED: HttpMapping(409, True, "resource.conflict"),
    grpc.StatusCode.PERMISSION_DENIED: HttpMapping(403, True, "permission.denied"),
    grpc.StatusCode.UNAUTHENTICATED: HttpMapping(401, True, "auth.required"),
    grpc.StatusCode.RESOURCE_EXHAUSTED: HttpMapping(429, True, "upstream.busy", retry_after=True),
    grpc.StatusCode.UNAVAILABLE: HttpMapping(503, False, "upstream.unavailable", retry_after=True),
    grpc.StatusCode.DEADLINE_EXCEEDED: HttpMapping(504, False, "upstream.timeout"),
}
DEFAULT_MAPPING = HttpMapping(502, False, "upstream.error")
STALE_IF_MATCH = HttpMapping(412, True, "resource.version_conflict")

_GENERIC_DETAIL = {
    503: "The {upstream} service is unavailable right now; retry later.",
    504: "The {upstream} service did not answer in time.",
    502: "The {upstream} service failed to handle the request.",
}


def _trailer(metadata: object, wanted: str) -> str | None:
    """A trailing-metadata value, if present and well formed (a dotted lower-case identifier)."""
    for item in metadata or ():  # type: ignore[attr-defined]
        key, value = item[0], item[1]
        if key == wanted:
            text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
            if len(text) <= 100 and _CODE_RE.match(text):
                return text
    return None


_DETAIL_VALUE_MAX = 200
_MAX_DETAILS = 10


def _details(metadata: object) -> dict[str, str] | None:
    """The service's `x-crm-detail-<key>` trailers as `{key: value}` (key with `_`), bounded."""
    out: dict[str, str] = {}
    for item in metadata or ():  # type: ignore[attr-defined]
        key, value = item[0], item[1]
        if not key.startswith(ERROR_DETAIL_PREFIX) or len(out) >= _MAX_DETAILS:
            continue
        name = key.removeprefix(ERROR_DETAIL_PREFIX).replace("-", "_")
        text = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
        if _CODE_RE.match(name) and len(text) <= _DETAIL_VALUE_MAX:
            out[name] = text
    return out or None


def to_problem(
    exc: grpc.RpcError, upstream: str, method: str, *, conditional: bool = False, field_location: str = "body"
) -> ProblemError:
    """Translate a failed call into the ProblemError the client sees. `field_location`: where the
    request fields the service validated came from (`body` for writes, `query` for lists)."""
    code: grpc.StatusCode = exc.code()  # type: ignore[attr-defined]
    details = (exc.details() or "").strip()  # type: ignore[attr-defined]
    mapping = STATUS_TO_HTTP.get(code, DEFAULT_MAPPING)
    if conditional and code == grpc.StatusCode.ABORTED:
        mapping = STALE_IF_MATCH
    headers = {"Retry-After": str(RETRY_AFTER_SECONDS)} if mapping.retry_after else {}
    if mapping.passthrough:
        trailers = exc.trailing_metadata()  # type: ignore[attr-defined]
        service_code = _trailer(trailers, ERROR_CODE_KEY) or mapping.fallback_code
        detail = details[:_MAX_DETAIL] if details else "The request was refused by the service."
        errors = None
        field = _trailer(trailers, ERROR_FIELD_KEY)
        if field is not None and mapping.status == 400:
            errors = [{"field": field, "location": field_location, "message": detail, "type": service_code}]
        return ProblemError(
            mapping.status, service_code, detail, headers=headers, errors=errors, details=_details(trailers)
        )
    log.warning(
        "upstream call failed",
        extra={"upstream": upstream, "rpc": method, "grpc_status": code.name, "grpc_details": details[:1000]},
    )
    detail = _GENERIC_DETAIL.get(mapping.status, _GENERIC_DETAIL[502]).format(upstream=upstream.replace("_", "-"))
    return ProblemError(mapping.status, mapping.fallback_code, detail, headers=headers)
