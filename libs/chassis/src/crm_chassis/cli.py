"""The command line of every service: ``crm-<svc> migrate|bus-setup|grpc|worker|relay|probe``.

One image, the process kind chosen by the command. Each kind imports only what it needs: the
worker patches eventlet before anything else and never loads grpcio; the gRPC server never
loads nameko.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from typing import Any

from crm_chassis.service import ServiceSpec, load_settings
from crm_chassis.settings import ConfigError


def resolve(path: str) -> Any:
    """Import "package.module:attribute"."""
    module, _, attr = path.partition(":")
    return getattr(importlib.import_module(module), attr)


def main(spec: ServiceSpec, argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=f"crm-{spec.name}", description=f"The {spec.name} service.")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="apply database migrations")
    sub.add_parser("bus-setup", help="declare exchanges, consumer queues, bindings and dead-letter queues")
    sub.add_parser("grpc", help="serve the gRPC API")
    sub.add_parser("worker", help="run the nameko event worker")
    sub.add_parser("relay", help="publish committed outbox events")
    probe = sub.add_parser("probe", help="exit 0 if this pod's worker/relay heartbeat is fresh")
    probe.add_argument("--max-age", type=float, default=30.0)
    args = parser.parse_args(argv)

    if args.command == "worker":
        # Must precede every other import that touches sockets or threads.
        import warnings

        warnings.filterwarnings("ignore", message=".*[Ee]ventlet.*", category=DeprecationWarning)
        import eventlet

        eventlet.monkey_patch()

    try:
        settings = load_settings(spec)
    except ConfigError as exc:
        print(f"crm-{spec.name}: {exc}", file=sys.stderr)
        return 2

    from crm_chassis import logs

    logs.configure(spec.bus_name, settings.log_level, settings.log_format)
    handler = globals()[f"_cmd_{args.command.replace('-', '_')}"]
    return int(handler(spec, settings, args) or 0)


def _engine(settings, *, green: bool = False):  # type: ignore[no-untyped-def]
    from crm_chassis.db import make_engine, make_session_factory

    if green and settings.database_url.startswith("postgresql"):
        from psycogreen.eventlet import patch_psycopg

        patch_psycopg()
    # One connection per gRPC thread (or nameko worker), so no call waits for or reopens a connection.
    engine = make_engine(settings.database_url, pool_size=max(settings.grpc_workers, settings.worker_concurrency))
    return engine, make_session_factory(engine)


def _cmd_migrate(spec, settings, args) -> int:  # type: ignore[no-untyped-def]
    from crm_chassis.migrations import migrations_dir_for, upgrade

    print(f"{spec.name}: migrating {_redact(settings.database_url)}")
    upgrade(settings.database_url, migrations_dir_for(spec.migrations_dir))
    return 0


def _cmd_bus_setup(spec, settings, args) -> int:  # type: ignore[no-untyped-def]
    from crm_chassis.topology import declare_all

    for line in declare_all(settings.amqp_url, [resolve(spec.registry)]):
        print(f"{spec.name}: declared {line}")
    return 0


def _cmd_grpc(spec, settings, args) -> int:  # type: ignore[no-untyped-def]
    from crm_chassis import metrics
    from crm_chassis.grpc_server import GrpcApp

    _, factory = _engine(settings)
    register, table = resolve(spec.grpc_builder)(settings, factory)
    metrics.serve(settings.metrics_port)
    GrpcApp(
        register=register,
        error_table=table,
        host=settings.grpc_host,
        port=settings.grpc_port,
        max_workers=settings.grpc_workers,
    ).run_until_signal()
    return 0


def _cmd_worker(spec, settings, args) -> int:  # type: ignore[no-untyped-def]
    from crm_chassis import metrics
    from crm_chassis.handling import HandlerRuntime
    from crm_chassis.inbox import Inbox
    from crm_chassis.worker import run_worker

    _, factory = _engine(settings, green=True)
    metadata = resolve(spec.metadata)
    runtime = HandlerRuntime(
        spec.bus_name,
        Inbox(factory, metadata.tables["inbox"]),
        settings.amqp_url,
        max_attempts=settings.handler_max_attempts,
        retry_base_seconds=settings.handler_retry_seconds,
        heartbeat_file=settings.heartbeat_file,
    )
    metrics.serve(settings.metrics_port)
    run_worker(resolve(spec.worker), runtime, max_workers=settings.worker_concurrency)
    return 0


def _cmd_relay(spec, settings, args) -> int:  # type: ignore[no-untyped-def]
    import signal

    from crm_chassis import metrics
    from crm_chassis.relay import Relay

    engine, factory = _engine(settings)
    metadata = resolve(spec.metadata)
    relay = Relay(
        engine,
        factory,
        metadata.tables["outbox"],
        settings.amqp_url,
        batch_size=settings.relay_batch_size,
        heartbeat_file=settings.heartbeat_file,
    )
    signal.signal(signal.SIGTERM, lambda *_: relay.stop())
    signal.signal(signal.SIGINT, lambda *_: relay.stop())
    metrics.serve(settings.metrics_port)
    logging.getLogger("crm.relay").info("relay started")
    relay.run_forever()
    return 0


def _cmd_probe(spec, settings, args) -> int:  # type: ignore[no-untyped-def]
    from crm_chassis.heartbeat import age

    if not settings.heartbeat_file:
        print("CRM_HEARTBEAT_FILE is not set", file=sys.stderr)
        return 1
    seconds = age(settings.heartbeat_file)
    if seconds is None or seconds > args.max_age:
        print(f"heartbeat stale ({seconds if seconds is None else round(seconds, 1)} s)", file=sys.stderr)
        return 1
    print(f"ok ({seconds:.1f} s)")
    return 0


def _redact(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
