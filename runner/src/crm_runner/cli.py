"""`crm`: run the CRM suite locally.

crm up                 start RabbitMQ/Redis if needed, migrate, declare the bus, run every process
crm seed --demo        load demo data through the gateway (--no-sales: customers only)
crm status             health of every process
crm dlq list           messages parked in dead-letter queues
crm dlq replay         send parked messages back to their consumer
crm infra ensure       make sure RabbitMQ and Redis (and with --postgres, PostgreSQL) answer
crm migrate | bus-setup
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time

from crm_chassis import deadletter
from crm_chassis.topology import declare_all
from crm_runner import health, infra
from crm_runner.seed import seed_demo
from crm_runner.suite import SuiteConfig, registries
from crm_runner.supervisor import Supervisor, executable

DEFAULT_ADMIN_PASSWORD = "crm-admin"
DEFAULT_TEST_POSTGRES_URL = "postgresql://postgres:postgres@127.0.0.1:5432/postgres"


def say(msg: str) -> None:
    print(f"\033[1mcrm\033[0m {msg}" if sys.stdout.isatty() else f"crm {msg}", flush=True)


def ensure_infra(config: SuiteConfig, postgres: bool = False) -> None:
    say("checking RabbitMQ and Redis")
    infra.ensure_rabbitmq(config.amqp_url)
    infra.ensure_redis(config.redis_url, config.var_dir)
    if postgres:
        infra.ensure_postgres(os.environ.get("CRM_TEST_POSTGRES_URL", DEFAULT_TEST_POSTGRES_URL))


def migrate(config: SuiteConfig) -> None:
    config.var_dir.mkdir(parents=True, exist_ok=True)
    jobs = config.migrations()
    for i, job in enumerate(jobs, 1):
        say(f"migrating [{i}/{len(jobs)}] {job.name.removesuffix('-migrate')}")
        result = subprocess.run([executable(job.argv[0]), *job.argv[1:]], env=job.env, capture_output=True, text=True)
        sys.stdout.write("".join(f"    {line}\n" for line in result.stdout.splitlines()))
        if result.returncode != 0:
            sys.stderr.write(result.stderr)
            raise SystemExit(f"migration of {job.name} failed (exit {result.returncode})")


def bus_setup(config: SuiteConfig) -> None:
    declared = declare_all(config.amqp_url, registries())
    say(f"bus declared ({len(declared)} exchanges/queues)")


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def cmd_up(args: argparse.Namespace) -> int:
    # Explicit handlers: a shell starting us in the background leaves SIGINT ignored, and
    # SIGTERM (systemd, docker, CI) must stop the suite as cleanly as Ctrl-C.
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    config = SuiteConfig.from_env()
    started = time.monotonic()
    ensure_infra(config)
    migrate(config)
    bus_setup(config)
    supervisor = Supervisor(config.var_dir / "log", echo=not args.quiet)
    procs = config.processes()
    say(f"starting {len(procs)} processes (logs also in {config.var_dir / 'log'})")
    for proc in procs:
        supervisor.start(proc)
    try:
        result = health.wait_healthy(config, timeout=args.timeout)
        bad = [c for c in result if not c.ok]
        if bad:
            say("not healthy: " + ", ".join(f"{c.name} ({c.detail})" for c in bad))
        else:
            password = os.environ.get("CRM_ADMIN_PASSWORD") or DEFAULT_ADMIN_PASSWORD
            url = f"http://127.0.0.1:{config.gateway_port}"
            say(f"ready in {time.monotonic() - started:.1f}s")
            say(f"gateway:  {url}   (API docs: {url}/docs)")
            say(
                f"login:    admin / {password}"
                + ("   (local default; set CRM_ADMIN_PASSWORD)" if "CRM_ADMIN_PASSWORD" not in os.environ else "")
            )
            say("demo data: crm seed --demo    stop: Ctrl-C")
        while True:
            supervisor.watch_once()
            time.sleep(0.5)
    except KeyboardInterrupt:
        say("stopping")
    finally:
        # A second Ctrl-C must not cut the orderly stop short.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        supervisor.stop_all()
        say("stopped")
    return 0


def cmd_seed(args: argparse.Namespace) -> int:
    config = SuiteConfig.from_env()
    if not args.demo:
        say("nothing to seed: pass --demo")
        return 2
    password = os.environ.get("CRM_ADMIN_PASSWORD") or DEFAULT_ADMIN_PASSWORD
    say(f"seeding {args.count} demo customers")
    seed_demo(f"http://127.0.0.1:{config.gateway_port}", "admin", password, args.count, echo=print, sales=args.sales)
    say("done; see GET /v1/reports/customers/summary")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    config = SuiteConfig.from_env()
    result = health.checks(config)
    for check in result:
        print(f"  {'ok  ' if check.ok else 'DOWN'}  {check.name:<22} {check.detail}")
    return 0 if all(c.ok for c in result) else 1


def _queues(service: str | None) -> list[str]:
    return [q for r in registries() if service in (None, r.service) for q in r.queues()]


def cmd_dlq(args: argparse.Namespace) -> int:
    config = SuiteConfig.from_env()
    queues = [args.queue] if args.queue else _queues(args.service)
    if args.action == "list":
        total = 0
        for queue in queues:
            parked = deadletter.list_parked(config.amqp_url, queue, limit=args.limit)
            total += len(parked)
            if parked or args.verbose:
                print(f"{queue}.dlq: {len(parked)} message(s)")
            for p in parked:
                print(
                    f"  {p.event_id or '-'}  {p.event_type or '-'}  parked {p.parked_at}  "
                    f"attempts={p.attempts} replays={p.replays}\n    error: {p.error}"
                )
        print(f"{total} parked message(s) in {len(queues)} dead-letter queue(s)")
        return 0
    replayed = sum(deadletter.replay(config.amqp_url, q, event_id=args.event_id) for q in queues)
    print(f"replayed {replayed} message(s)")
    return 0


def cmd_infra(args: argparse.Namespace) -> int:
    ensure_infra(SuiteConfig.from_env(), postgres=args.postgres)
    say("infrastructure is reachable")
    return 0


def cmd_reporting(args: argparse.Namespace) -> int:
    """`crm reporting rebuild`: delegate to `crm-reporting rebuild` with the reporting service's settings."""
    from crm_runner.suite import specs

    config = SuiteConfig.from_env()
    spec = next(s for s in specs() if s.bus_name == "reporting")
    argv = [executable("crm-reporting"), args.action, "--batch", str(args.batch)]
    return subprocess.run(argv, env=config.service_env(spec)).returncode


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="crm", description="Run the CRM suite locally.")
    sub = parser.add_subparsers(dest="command", required=True)
    up = sub.add_parser("up", help="start everything in the foreground (Ctrl-C stops)")
    up.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for health")
    up.add_argument("--quiet", action="store_true", help="do not echo process logs")
    up.set_defaults(fn=cmd_up)
    seed = sub.add_parser("seed", help="load demo data through the gateway")
    seed.add_argument("--demo", action="store_true")
    seed.add_argument("--count", type=int, default=300)
    seed.add_argument("--no-sales", dest="sales", action="store_false", help="customers only, no sales data")
    seed.set_defaults(fn=cmd_seed)
    sub.add_parser("status", help="health of every process").set_defaults(fn=cmd_status)
    dlq = sub.add_parser("dlq", help="dead-letter queues")
    dlq.add_argument("action", choices=["list", "replay"])
    dlq.add_argument("--service", help="only this consuming service")
    dlq.add_argument("--queue", help="only this consumer queue")
    dlq.add_argument("--event-id", help="replay only this event")
    dlq.add_argument("--limit", type=int, default=100)
    dlq.add_argument("-v", "--verbose", action="store_true")
    dlq.set_defaults(fn=cmd_dlq)
    inf = sub.add_parser("infra", help="infrastructure")
    inf.add_argument("action", choices=["ensure"])
    inf.add_argument("--postgres", action="store_true", help="also PostgreSQL (tests)")
    inf.set_defaults(fn=cmd_infra)
    sub.add_parser("migrate", help="migrate every service").set_defaults(fn=lambda a: migrate(SuiteConfig.from_env()))
    sub.add_parser("bus-setup", help="declare the bus").set_defaults(fn=lambda a: bus_setup(SuiteConfig.from_env()))
    rep = sub.add_parser("reporting", help="reporting read models")
    rep.add_argument("action", choices=["rebuild"], help="empty the read models and re-apply the event archive")
    rep.add_argument("--batch", type=int, default=1000, help="events read from the archive at a time")
    rep.set_defaults(fn=cmd_reporting)
    args = parser.parse_args(argv)
    try:
        sys.exit(args.fn(args) or 0)
    except infra.InfraError as exc:
        print(f"crm: {exc}", file=sys.stderr)
        sys.exit(1)
