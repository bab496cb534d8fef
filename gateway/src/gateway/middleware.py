"""Pure ASGI middleware: request ids + logs + metrics + last-resort 500, and the body size limit."""

from __future__ import annotations

import asyncio
import logging
import re
import time
import uuid

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from crm_chassis.logs import log_context
from gateway.metrics import GatewayMetrics
from gateway.problems import GENERIC_500_DETAIL, ProblemError, problem_response

log = logging.getLogger("gateway.http")

_ID_RE = re.compile(r"^[A-Za-z0-9._:\-]{1,128}$")
_QUIET_PATHS = frozenset({"/healthz", "/readyz", "/metrics"})
# The API answers JSON only: nothing may be framed, run or referred from it. The docs page loads
# Swagger UI (scripts, styles) and gets the headers without a Content-Security-Policy.
_SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Resource-Policy": "same-site",
}
_API_CSP = "default-src 'none'; frame-ancestors 'none'"
_HSTS = "max-age=31536000; includeSubDomains"


def security_headers(out: MutableHeaders, scope: Scope) -> None:
    """Add the security headers to a response (existing values win)."""
    for name, value in _SECURITY_HEADERS.items():
        out.setdefault(name, value)
    if not scope.get("path", "").startswith("/docs"):
        out.setdefault("Content-Security-Policy", _API_CSP)
    if scope.get("scheme") == "https":
        out.setdefault("Strict-Transport-Security", _HSTS)


def _clean_id(value: str | None) -> str | None:
    return value if value is not None and _ID_RE.match(value) else None


def route_template(scope: Scope) -> str:
    """The matched route's path template (`/v1/customers/{customer_id}`), bounded label values."""
    route = scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) else "unmatched"


class RequestContextMiddleware:
    """Outermost layer: ids in and out, log context, access log, metrics, and a problem+json 500
    for anything that escaped (the stack trace is logged, never sent)."""

    def __init__(self, app: ASGIApp, metrics: GatewayMetrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        request_id = _clean_id(headers.get("x-request-id")) or uuid.uuid4().hex
        correlation_id = _clean_id(headers.get("x-correlation-id")) or request_id
        state = scope.setdefault("state", {})
        state["request_id"] = request_id
        state["correlation_id"] = correlation_id

        status = 500
        started = False

        async def send_with_ids(message: Message) -> None:
            nonlocal status, started
            if message["type"] == "http.response.start":
                started = True
                status = message["status"]
                out = MutableHeaders(scope=message)
                out["X-Request-ID"] = request_id
                out["X-Correlation-ID"] = correlation_id
                security_headers(out, scope)
            await send(message)

        t0 = time.perf_counter()
        with log_context(request_id=request_id, correlation_id=correlation_id):
            try:
                await self.app(scope, receive, send_with_ids)
            except asyncio.CancelledError:
                if not started:
                    status = 499  # the client went away before an answer (nginx's convention)
                raise
            except Exception:
                log.exception("unhandled error", extra={"method": scope["method"], "path": scope["path"]})
                if started:
                    raise
                response = problem_response(scope, 500, "internal", GENERIC_500_DETAIL)
                await response(scope, receive, send_with_ids)
            finally:
                elapsed = time.perf_counter() - t0
                route = route_template(scope)
                self.metrics.observe_http(scope["method"], route, status, elapsed)
                principal = state.get("principal")
                log.log(
                    logging.DEBUG if scope["path"] in _QUIET_PATHS and status < 500 else logging.INFO,
                    "%s %s %s",
                    scope["method"],
                    scope["path"],
                    status,
                    extra={
                        "http_method": scope["method"],
                        "path": scope["path"],
                        "route": route,
                        "status": status,
                        "duration_ms": round(elapsed * 1000, 2),
                        "user_id": getattr(principal, "user_id", None),
                    },
                )


class BodyTooLarge(ProblemError):
    def __init__(self, limit: int) -> None:
        super().__init__(
            413,
            "request.too_large",
            f"The request body is larger than the {limit} bytes this gateway accepts.",
        )


def _has_nul(scope: Scope) -> bool:
    """A NUL character in the path or the query string (percent-encoded or not)."""
    query = scope.get("query_string", b"")
    return "\x00" in scope.get("path", "") or b"%00" in query or b"\x00" in query


class BodyLimitMiddleware:
    """Refuse bodies above `max_bytes`: at once from Content-Length (nothing is read), and by counting
    streamed chunks otherwise (reading stops at the first chunk over the limit). Also refuses, before
    any route runs, a URL holding a NUL character: no id, filter or parameter means one, and
    databases refuse it in text (a 400 here instead of a 5xx from a service)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if _has_nul(scope):
            await problem_response(
                scope,
                400,
                "request.invalid",
                "The URL contains a NUL character (%00), which no path or parameter accepts.",
            )(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length")
        if declared is not None:
            try:
                length = int(declared)
            except ValueError:
                length = -1
            if length < 0:
                await problem_response(scope, 400, "request.bad_content_length", "Content-Length is not valid.")(
                    scope, receive, send
                )
                return
            if length > self.max_bytes:
                exc = BodyTooLarge(self.max_bytes)
                await problem_response(scope, exc.status, exc.code, exc.detail, headers={"Connection": "close"})(
                    scope, receive, send
                )
                return

        received = 0
        response_started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal response_started
            if message["type"] == "http.response.start":
                response_started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge as exc:
            if response_started:
                raise
            await problem_response(scope, exc.status, exc.code, exc.detail, headers={"Connection": "close"})(
                scope, receive, send
            )
