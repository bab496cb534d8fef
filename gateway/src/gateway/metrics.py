"""Prometheus metrics of one gateway app (its own registry, so several apps can live in one process)."""

from __future__ import annotations

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Histogram,
    gc_collector,
    generate_latest,
    platform_collector,
    process_collector,
)

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class GatewayMetrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        process_collector.ProcessCollector(registry=self.registry)
        platform_collector.PlatformCollector(registry=self.registry)
        gc_collector.GCCollector(registry=self.registry)
        self.http_requests = Counter(
            "crm_gateway_http_requests",
            "HTTP requests answered, by method, route template and status",
            ("method", "route", "status"),
            registry=self.registry,
        )
        self.http_latency = Histogram(
            "crm_gateway_http_request_duration_seconds",
            "HTTP request latency by method and route template",
            ("method", "route"),
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )
        self.upstream_calls = Counter(
            "crm_gateway_upstream_calls",
            "gRPC calls to services, by upstream, method and gRPC status",
            ("upstream", "method", "code"),
            registry=self.registry,
        )
        self.upstream_latency = Histogram(
            "crm_gateway_upstream_call_duration_seconds",
            "gRPC call latency by upstream and method",
            ("upstream", "method"),
            buckets=LATENCY_BUCKETS,
            registry=self.registry,
        )

    def observe_http(self, method: str, route: str, status: int, seconds: float) -> None:
        self.http_requests.labels(method, route, str(status)).inc()
        self.http_latency.labels(method, route).observe(seconds)

    def observe_upstream(self, upstream: str, method: str, code: str, seconds: float) -> None:
        self.upstream_calls.labels(upstream, method, code).inc()
        self.upstream_latency.labels(upstream, method).observe(seconds)

    def render(self) -> bytes:
        return generate_latest(self.registry)
