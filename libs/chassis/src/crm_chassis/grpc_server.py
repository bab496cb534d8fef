"""gRPC server bootstrap: health, reflection, graceful stop, identity, error mapping, metrics.

Servicers stay thin: they translate proto <-> domain and let domain errors propagate; the
interceptor turns them into statuses through the service's error table, with the stable error
code in trailing metadata ``x-crm-error-code`` (the field in ``x-crm-error-field``, details in
``x-crm-detail-<key>``). Unexpected exceptions become INTERNAL with a
generic message; the stack trace goes to the log only.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
from collections.abc import Callable, Mapping
from concurrent import futures
from typing import Any

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection

from crm_chassis import errors, identity, metrics
from crm_chassis.logs import log_context

log = logging.getLogger("crm.grpc")
ERROR_CODE_KEY = "x-crm-error-code"
ERROR_FIELD_KEY = "x-crm-error-field"
# A domain error's details travel as one trailer each: `x-crm-detail-<key>` (key with `-` for `_`).
ERROR_DETAIL_PREFIX = "x-crm-detail-"

ErrorTable = Mapping[type[errors.DomainError], grpc.StatusCode]

BASE_ERROR_TABLE: dict[type[errors.DomainError], grpc.StatusCode] = {
    errors.InvalidArgument: grpc.StatusCode.INVALID_ARGUMENT,
    errors.NotFound: grpc.StatusCode.NOT_FOUND,
    errors.AlreadyExists: grpc.StatusCode.ALREADY_EXISTS,
    errors.FailedPrecondition: grpc.StatusCode.FAILED_PRECONDITION,
    errors.VersionConflict: grpc.StatusCode.ABORTED,
    errors.PermissionDenied: grpc.StatusCode.PERMISSION_DENIED,
}


def status_for(exc: errors.DomainError, table: ErrorTable) -> grpc.StatusCode:
    """The status for `exc`: its own class or nearest base class in `table`."""
    for cls in type(exc).__mro__:
        if cls in table:
            return table[cls]
    return grpc.StatusCode.FAILED_PRECONDITION


class ServiceInterceptor(grpc.ServerInterceptor):
    """Sets the caller identity and log ids, maps domain errors, records metrics."""

    def __init__(self, table: ErrorTable) -> None:
        self.table = table

    def intercept_service(self, continuation, handler_call_details):  # type: ignore[no-untyped-def]
        handler = continuation(handler_call_details)
        if handler is None or handler.unary_unary is None:
            return handler
        method = handler_call_details.method
        inner = handler.unary_unary
        table = self.table

        def call(request: Any, context: grpc.ServicerContext) -> Any:
            caller = identity.from_metadata({k: v for k, v in context.invocation_metadata()})
            token = identity.set_current(caller)
            started = time.perf_counter()
            code = grpc.StatusCode.OK
            try:
                with log_context(request_id=caller.request_id, correlation_id=caller.correlation_id):
                    try:
                        return inner(request, context)
                    except errors.DomainError as exc:
                        code = status_for(exc, table)
                        trailers = [(ERROR_CODE_KEY, exc.code)]
                        if exc.field:
                            trailers.append((ERROR_FIELD_KEY, exc.field))
                        trailers += [
                            (ERROR_DETAIL_PREFIX + key.replace("_", "-"), value) for key, value in exc.details.items()
                        ]
                        context.set_trailing_metadata(trailers)
                        context.abort(code, exc.message)
                    except Exception as exc:
                        if isinstance(exc, grpc.RpcError) or context.code() not in (None, grpc.StatusCode.OK):
                            code = context.code() or grpc.StatusCode.UNKNOWN
                            raise
                        code = grpc.StatusCode.INTERNAL
                        log.exception("unhandled error in %s", method)
                        context.set_trailing_metadata([(ERROR_CODE_KEY, "internal")])
                        context.abort(code, "internal error")
            finally:
                identity.reset(token)
                metrics.GRPC_REQUESTS.labels(method, code.name).inc()
                metrics.GRPC_LATENCY.labels(method).observe(time.perf_counter() - started)

        return grpc.unary_unary_rpc_method_handler(
            call,
            request_deserializer=handler.request_deserializer,
            response_serializer=handler.response_serializer,
        )


class GrpcApp:
    """A configured gRPC server for one service."""

    def __init__(
        self,
        *,
        register: Callable[[grpc.Server], list[str]],
        error_table: ErrorTable,
        host: str,
        port: int,
        max_workers: int = 16,
    ) -> None:
        self.server = grpc.server(
            futures.ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="grpc"),
            interceptors=[ServiceInterceptor(error_table)],
            options=[
                ("grpc.max_receive_message_length", 4 * 1024 * 1024),
                # Clients re-resolve and rebalance when a connection ages out, so pods added by a
                # scale-out get traffic (headless Service + client-side round robin).
                ("grpc.max_connection_age_ms", 5 * 60 * 1000),
                ("grpc.max_connection_age_grace_ms", 30 * 1000),
            ],
        )
        self.service_names = register(self.server)
        self.health = health.HealthServicer()
        health_pb2_grpc.add_HealthServicer_to_server(self.health, self.server)
        reflection.enable_server_reflection(
            [*self.service_names, health.SERVICE_NAME, reflection.SERVICE_NAME], self.server
        )
        self.port = self.server.add_insecure_port(f"{host}:{port}")
        if self.port == 0:
            raise RuntimeError(f"cannot bind gRPC port {host}:{port}")

    def start(self) -> None:
        self.server.start()
        for name in ["", *self.service_names]:
            self.health.set(name, health_pb2.HealthCheckResponse.SERVING)

    def stop(self, grace: float = 10.0) -> None:
        """Report NOT_SERVING, finish in-flight calls (up to `grace` s), then stop."""
        self.health.enter_graceful_shutdown()
        self.server.stop(grace).wait()

    def run_until_signal(self) -> None:
        self.start()
        log.info("gRPC server listening on port %d", self.port)
        done = threading.Event()

        def shutdown(signum, frame):  # type: ignore[no-untyped-def]
            log.info("stopping gRPC server (signal %d)", signum)
            threading.Thread(target=lambda: (self.stop(), done.set()), daemon=True).start()

        signal.signal(signal.SIGTERM, shutdown)
        signal.signal(signal.SIGINT, shutdown)
        done.wait()
