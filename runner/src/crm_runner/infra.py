"""Make sure RabbitMQ, Redis (and for tests PostgreSQL) answer, starting or installing them locally.

Order of attempts for a server on this machine: already reachable -> start the installed
server -> on Debian as root, install it with apt and start it -> stop with a clear message.
A URL pointing at another host is never started, only checked.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path
from urllib.parse import urlparse

LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", ""}


class InfraError(RuntimeError):
    """A required server is not reachable and could not be started."""


def reachable(host: str, port: int, timeout: float = 1.0) -> bool:
    try:
        with socket.create_connection((host or "127.0.0.1", port), timeout=timeout):
            return True
    except OSError:
        return False


def _wait(host: str, port: int, what: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if reachable(host, port):
            return
        time.sleep(0.5)
    raise InfraError(f"{what} did not start listening on {host}:{port} within {seconds:.0f}s")


def _can_apt() -> bool:
    return os.geteuid() == 0 and shutil.which("apt-get") is not None


def _apt_install(*packages: str, echo=print) -> None:
    echo(f"  installing {' '.join(packages)} with apt-get (one time)")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", *packages], check=True, env=env, stdout=subprocess.DEVNULL)


def _host_port(url: str, default_port: int) -> tuple[str, int]:
    parsed = urlparse(url)
    return parsed.hostname or "127.0.0.1", parsed.port or default_port


def ensure_rabbitmq(amqp_url: str, echo=print) -> None:
    host, port = _host_port(amqp_url, 5672)
    if reachable(host, port):
        return
    if host not in LOCAL_HOSTS:
        raise InfraError(f"RabbitMQ at {host}:{port} is not reachable (CRM_AMQP_URL)")
    if not shutil.which("rabbitmq-server"):
        if not _can_apt():
            raise InfraError(
                "RabbitMQ is not running and not installed: install rabbitmq-server "
                "(Debian: apt-get install rabbitmq-server) or set CRM_AMQP_URL"
            )
        _apt_install("rabbitmq-server", echo=echo)
    echo("  starting RabbitMQ (rabbitmq-server -detached)")
    subprocess.run(["rabbitmq-server", "-detached"], check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait(host, port, "RabbitMQ", 90)


def ensure_redis(redis_url: str, var_dir: Path, echo=print) -> None:
    host, port = _host_port(redis_url, 6379)
    if reachable(host, port):
        return
    if host not in LOCAL_HOSTS:
        raise InfraError(f"Redis at {host}:{port} is not reachable (CRM_REDIS_URL)")
    if not shutil.which("redis-server"):
        if not _can_apt():
            raise InfraError(
                "Redis is not running and not installed: install redis-server "
                "(Debian: apt-get install redis-server) or set CRM_REDIS_URL"
            )
        _apt_install("redis-server", echo=echo)
    data = var_dir / "redis"
    data.mkdir(parents=True, exist_ok=True)
    echo(f"  starting Redis on port {port}")
    subprocess.run(
        [
            "redis-server",
            "--daemonize",
            "yes",
            "--bind",
            "127.0.0.1",
            "--port",
            str(port),
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(data),
            "--logfile",
            str(data / "redis.log"),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    _wait(host, port, "Redis", 30)


def ensure_postgres(url: str, echo=print) -> None:
    """PostgreSQL for the tests; a fresh apt install gets password 'postgres' for user postgres."""
    host, port = _host_port(url, 5432)
    if reachable(host, port):
        return
    if host not in LOCAL_HOSTS:
        raise InfraError(f"PostgreSQL at {host}:{port} is not reachable")
    fresh = False
    if not glob.glob("/usr/lib/postgresql/*/bin/postgres"):
        if not _can_apt():
            raise InfraError(
                "PostgreSQL is not running and not installed: install postgresql "
                "(Debian: apt-get install postgresql) or set CRM_TEST_POSTGRES_URL"
            )
        _apt_install("postgresql", echo=echo)
        fresh = True
    versions = sorted(os.listdir("/etc/postgresql")) if os.path.isdir("/etc/postgresql") else []
    if not versions:
        raise InfraError("PostgreSQL is installed but has no cluster in /etc/postgresql")
    echo(f"  starting PostgreSQL {versions[-1]}")
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", versions[-1], "main", "start"], check=False)
    _wait(host, port, "PostgreSQL", 60)
    if fresh:
        subprocess.run(["su", "postgres", "-c", "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\""], check=True)
