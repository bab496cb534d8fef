"""A private, disposable copy of the suite for one benchmark run.

Each run gets its own RabbitMQ vhost, Redis key prefix, var dir, ports and (for PostgreSQL) its own
databases, built with crm_testkit. Everything is torn down when the `running_suite` block exits,
whether it ends normally, with an error or with Ctrl-C / SIGTERM.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import secrets
import shutil
import signal
import tempfile
import time
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import FrameType

import httpx
import redis as redis_lib

from bench.report import say
from crm_testkit.cluster import Cluster
from crm_testkit.infra import PostgresDatabase, Vhost
from crm_testkit.wait import eventually

DATABASES = ("sqlite", "postgresql")
DEFAULT_REDIS = "redis://127.0.0.1:6379/0"
# Services whose databases move to PostgreSQL in a PostgreSQL run (the ones the benchmarks exercise).
PG_SERVICES = ("customers", "reporting")
# gRPC metadata of an admin caller (docs/conventions.md, "Identity on the wire").
ADMIN_METADATA = (("x-crm-user-id", "admin"), ("x-crm-roles", "admin"))
# High enough that the gateway's rate limiter never throttles a benchmark (it still runs).
UNTHROTTLED = str(10**9)
READY_TIMEOUT = 120.0


@dataclasses.dataclass(frozen=True)
class BenchSuite:
    """A started, healthy private suite and what a benchmark needs to talk to it."""

    cluster: Cluster
    db: str
    admin_password: str

    def database_url(self, bus_name: str) -> str:
        """SQLAlchemy URL of a service's database (SQLite file or private PostgreSQL database)."""
        return self.cluster.config.database_urls[bus_name]

    def grpc_target(self, bus_name: str) -> str:
        """host:port of a service's gRPC server."""
        return self.cluster.grpc_target(bus_name)

    @property
    def gateway_url(self) -> str:
        """Base URL of the gateway (only meaningful when the gateway process was started)."""
        return self.cluster.gateway_url


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    """Add `--db sqlite|postgresql|both` (default both) to a benchmark's command line."""
    parser.add_argument("--db", choices=[*DATABASES, "both"], default="both", help="service databases (default both)")


def databases(choice: str) -> list[str]:
    """The database kinds a --db value stands for, in run order."""
    return list(DATABASES) if choice == "both" else [choice]


def interrupt_on_signals() -> None:
    """Make SIGINT and SIGTERM raise KeyboardInterrupt, so every cleanup block still runs.

    SIGINT is set explicitly because a shell starts background jobs with SIGINT ignored.
    """

    def handler(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, handler)


def _wait_gateway_alive(cluster: Cluster) -> None:
    """Poll the gateway's /healthz until it answers 200.

    Not /readyz: that one also wants the marketing, sales and service-desk servers, which the
    benchmarks do not start.
    """

    def alive() -> bool:
        if not cluster.supervisor.alive("gateway"):
            raise AssertionError(f"gateway exited:\n{cluster.log_tail('gateway')}")
        return httpx.get(f"{cluster.gateway_url}/healthz", timeout=2).status_code == 200

    eventually(alive, timeout=READY_TIMEOUT, interval=0.2, what="the gateway to answer /healthz")


def _delete_redis_keys(url: str, prefix: str) -> None:
    """Delete every Redis key under `prefix` (best effort: Redis being gone is not an error here)."""
    with contextlib.suppress(redis_lib.RedisError):
        client = redis_lib.Redis.from_url(url)
        keys = list(client.scan_iter(f"{prefix}*"))
        if keys:
            client.delete(*keys)
        client.close()


@contextlib.contextmanager
def _show_logs_on_error(cluster: Cluster, names: Sequence[str]) -> Iterator[None]:
    """Print the tail of each process log if the enclosed block raises anything but Ctrl-C."""
    try:
        yield
    except KeyboardInterrupt:
        raise
    except BaseException:
        for name in names:
            say(f"--- last lines of {name}.log ---\n{cluster.log_tail(name, 15)}")
        raise


@contextlib.contextmanager
def running_suite(db: str, processes: Sequence[str], *, label: str) -> Iterator[BenchSuite]:
    """Start `processes` of a private suite on `db` ("sqlite" or "postgresql") and yield it once healthy.

    Promises: on leaving the block (normally, by error or by KeyboardInterrupt) the processes are
    stopped, the vhost is deleted, the PostgreSQL databases are dropped, the Redis keys are deleted
    and the temporary var dir is removed. Progress is printed as `[bench]` lines.
    """
    if db not in DATABASES:
        raise ValueError(f"unknown database kind {db!r}; expected one of {DATABASES}")
    started = time.monotonic()
    with contextlib.ExitStack() as stack:
        var_root = Path(tempfile.mkdtemp(prefix=f"crm-bench-{label}-"))
        stack.callback(shutil.rmtree, var_root, ignore_errors=True)
        say(f"{label}/{db}: creating a private vhost, Redis prefix and var dir {var_root}")
        vhost = Vhost()
        stack.callback(vhost.close)
        redis_url = os.environ.get("CRM_TEST_REDIS_URL", DEFAULT_REDIS)
        prefix = f"crm_bench_{uuid.uuid4().hex[:10]}"
        stack.callback(_delete_redis_keys, redis_url, prefix)
        database_urls: dict[str, str] = {}
        if db == "postgresql":
            for bus_name in PG_SERVICES:
                pg = PostgresDatabase()
                stack.callback(pg.close)
                database_urls[bus_name] = pg.url
            say(f"{label}/{db}: created PostgreSQL databases for {', '.join(PG_SERVICES)}")
        admin_password = secrets.token_urlsafe(16)
        cluster = Cluster(
            var_root / "var",
            vhost.url,
            redis_url,
            prefix,
            database_urls=database_urls,
            extra_env={
                "CRM_LOG_LEVEL": "WARNING",
                "CRM_RATE_LIMIT_PER_MINUTE": UNTHROTTLED,
                "CRM_LOGIN_RATE_LIMIT_PER_MINUTE": UNTHROTTLED,
                "CRM_ADMIN_PASSWORD": admin_password,
                "CRM_JWT_SECRET": secrets.token_hex(32),
            },
        )
        stack.callback(cluster.close)
        stack.callback(say, f"{label}/{db}: stopping the suite; removing its vhost, databases and files")
        stack.enter_context(_show_logs_on_error(cluster, processes))
        say(f"{label}/{db}: migrating databases and declaring the bus")
        cluster.prepare()
        cluster.start(*processes)
        say(f"{label}/{db}: started {len(processes)} processes, waiting for them to be healthy")
        cluster.wait_ready(*(p for p in processes if p != "gateway"), timeout=READY_TIMEOUT)
        if "gateway" in processes:
            _wait_gateway_alive(cluster)
        say(f"{label}/{db}: suite ready in {time.monotonic() - started:.1f}s")
        yield BenchSuite(cluster=cluster, db=db, admin_password=cluster.config.extra_env["CRM_ADMIN_PASSWORD"])
