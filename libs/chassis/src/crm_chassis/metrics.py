"""Prometheus metrics shared by every process kind; `serve(port)` exposes them over HTTP."""

from __future__ import annotations

from prometheus_client import Counter, Histogram, start_http_server

EVENTS_PUBLISHED = Counter("crm_events_published_total", "Outbox events confirmed by the broker")
PUBLISH_FAILURES = Counter("crm_event_publish_failures_total", "Outbox events the broker refused or could not route")
EVENTS_HANDLED = Counter(
    "crm_events_handled_total", "Events handled by consumers", ["handler", "outcome"]
)  # outcome: applied | duplicate | retried | parked
GRPC_REQUESTS = Counter("crm_grpc_requests_total", "gRPC requests served", ["method", "code"])
GRPC_LATENCY = Histogram(
    "crm_grpc_request_seconds",
    "gRPC request latency",
    ["method"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5),
)


def serve(port: int) -> None:
    """Expose /metrics on `port`; 0 disables it."""
    if port:
        start_http_server(port)
