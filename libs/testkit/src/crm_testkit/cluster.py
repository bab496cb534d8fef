"""A private copy of the suite (or part of it) for one test: own vhost, databases, ports, var dir."""

from __future__ import annotations

import dataclasses
import random
import socket
import subprocess
import threading
from pathlib import Path

from crm_chassis.migrations import upgrade
from crm_chassis.topology import declare_all
from crm_runner import health
from crm_runner.suite import SuiteConfig, registries, specs
from crm_runner.supervisor import Supervisor, executable
from crm_testkit.wait import eventually


def _free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def free_port_block(size: int) -> int:
    """The first of `size` consecutive free ports."""
    for _ in range(200):
        base = random.randint(20000, 40000)
        if all(_free(base + i) for i in range(size)):
            return base
    raise RuntimeError("no free port block found")


class Cluster:
    """Runs chosen processes of the suite against isolated infrastructure."""

    def __init__(
        self,
        var_dir: Path,
        amqp_url: str,
        redis_url: str,
        redis_prefix: str,
        database_urls: dict[str, str] | None = None,
        extra_env: dict[str, str] | None = None,
    ) -> None:
        base = SuiteConfig.from_env(environ={}, var_dir=var_dir)
        self.config = dataclasses.replace(
            base,
            amqp_url=amqp_url,
            redis_url=redis_url,
            redis_prefix=redis_prefix,
            grpc_port_base=free_port_block(len(specs())),
            gateway_port=free_port_block(1),
            database_urls={**base.database_urls, **(database_urls or {})},
            log_format="text",
            extra_env={
                "CRM_HANDLER_RETRY_SECONDS": "0.05",
                "CRM_JWT_SECRET": f"test-secret-{redis_prefix}-" + "x" * 32,
                "CRM_ADMIN_PASSWORD": "test-admin-pw",
                **(extra_env or {}),
            },
        )
        # Like Kubernetes and `crm up`, restart a process that exits by itself (crash-only workers).
        self.supervisor = Supervisor(var_dir / "log", echo=False, restart=True)
        self._watching = threading.Event()
        threading.Thread(target=self._watch, daemon=True).start()
        self._procs = {p.name: p for p in self.config.processes()}

    def _watch(self) -> None:
        while not self._watching.wait(0.5):
            self.supervisor.watch_once()

    def restarts(self, name: str) -> int:
        """How often `name` exited by itself and was restarted."""
        return self.supervisor.restarts.get(name, 0)

    # -- preparation ------------------------------------------------------------------------
    def prepare(self) -> None:
        """Migrate every service database and the gateway's (admin user included), declare the bus."""
        for spec in specs():
            upgrade(self.config.database_urls[spec.bus_name], spec.migrations_dir, echo=lambda *_: None)
        job = next(p for p in self.config.migrations() if p.name == "gateway-migrate")
        result = subprocess.run([executable(job.argv[0]), *job.argv[1:]], env=job.env, capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"crm-gateway migrate failed (exit {result.returncode}):\n{result.stdout[-3000:]}")
        declare_all(self.config.amqp_url, registries())

    # -- processes ----------------------------------------------------------------------------
    def start(self, *names: str) -> None:
        for name in names:
            self.supervisor.start(self._procs[name])

    def kill(self, name: str) -> None:
        self.supervisor.kill(name)

    def stop(self, name: str) -> None:
        self.supervisor.stop(name)

    def wait_ready(self, *names: str, timeout: float = 60.0) -> None:
        """Poll until the named processes report healthy (gRPC SERVING, fresh heartbeat, readyz 200)."""
        wanted = set(names)

        def ready() -> bool:
            for name in wanted:
                if not self.supervisor.alive(name):
                    raise AssertionError(f"{name} exited; see {self.log_path(name)}:\n{self.log_tail(name)}")
            results = {c.name: c for c in health.checks(self.config) if c.name in wanted}
            return all(results[n].ok for n in wanted)

        eventually(ready, timeout=timeout, interval=0.2, what=f"{', '.join(sorted(wanted))} to be healthy")

    def grpc_target(self, bus_name: str) -> str:
        return f"127.0.0.1:{self.config.grpc_port(bus_name)}"

    @property
    def gateway_url(self) -> str:
        return f"http://127.0.0.1:{self.config.gateway_port}"

    def log_path(self, name: str) -> Path:
        return self.config.var_dir / "log" / f"{name}.log"

    def log_tail(self, name: str, lines: int = 30) -> str:
        try:
            return "\n".join(self.log_path(name).read_text(errors="replace").splitlines()[-lines:])
        except FileNotFoundError:
            return "(no log)"

    def close(self) -> None:
        self._watching.set()
        self.supervisor.stop_all(timeout=10)
