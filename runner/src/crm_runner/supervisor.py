"""Runs the suite's processes, prefixes their output, restarts crashed ones, stops them cleanly."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO

from crm_runner.suite import Process

COLORS = ["36", "32", "33", "35", "34", "96", "92", "93", "95", "94"]


def executable(name: str) -> str:
    """`name` from this interpreter's bin folder (the venv) if it is there, else from PATH."""
    local = Path(sys.executable).parent / name
    if local.exists():
        return str(local)
    found = shutil.which(name)
    if not found:
        raise FileNotFoundError(f"command {name!r} not found; run `make install` first")
    return found


def _die_with_parent() -> None:
    """In the child: get SIGTERM if the runner itself dies (Linux), so no process is orphaned."""
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


class Supervisor:
    """Owns child processes. Output goes to `log_dir/<name>.log` and, if `echo`, to stdout prefixed."""

    def __init__(self, log_dir: Path, *, echo: bool = True, restart: bool = True) -> None:
        self.log_dir = log_dir
        self.echo = echo
        self.restart = restart
        self.procs: dict[str, tuple[Process, subprocess.Popen[bytes]]] = {}
        self.restarts: dict[str, int] = {}
        self.held: set[str] = set()  # stopped or killed on purpose: not restarted
        self._lock = threading.Lock()
        self._stopping = False
        self._width = 16
        log_dir.mkdir(parents=True, exist_ok=True)

    def start(self, proc: Process) -> None:
        self.held.discard(proc.name)
        argv = [executable(proc.argv[0]), *proc.argv[1:]]
        child = subprocess.Popen(
            argv,
            env=proc.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # Ctrl-C reaches the runner only; it stops children in order
            preexec_fn=_die_with_parent,
        )
        with self._lock:
            self.procs[proc.name] = (proc, child)
        color = COLORS[len(self.procs) % len(COLORS)]
        assert child.stdout is not None
        threading.Thread(target=self._pump, args=(proc.name, child.stdout, color), daemon=True).start()

    def _pump(self, name: str, stream: IO[bytes], color: str) -> None:
        prefix = f"\033[{color}m{name:<{self._width}}|\033[0m " if sys.stdout.isatty() else f"{name:<{self._width}}| "
        with open(self.log_dir / f"{name}.log", "ab") as log:
            for line in iter(stream.readline, b""):
                log.write(line)
                log.flush()
                if self.echo:
                    sys.stdout.write(prefix + line.decode(errors="replace"))
                    sys.stdout.flush()

    def pid(self, name: str) -> int:
        return self.procs[name][1].pid

    def alive(self, name: str) -> bool:
        return name in self.procs and self.procs[name][1].poll() is None

    def kill(self, name: str) -> None:
        """SIGKILL a process (fault tests: no chance to clean up); it stays down until started."""
        self.held.add(name)
        _, child = self.procs[name]
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGKILL)
        child.wait()

    def stop(self, name: str, timeout: float = 10.0) -> None:
        """SIGTERM, then SIGKILL after `timeout` seconds; it stays down until started."""
        self.held.add(name)
        _, child = self.procs[name]
        if child.poll() is None:
            try:
                os.killpg(child.pid, signal.SIGTERM)
                child.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(child.pid, signal.SIGKILL)
                child.wait()
            except ProcessLookupError:
                pass

    def stop_all(self, timeout: float = 10.0) -> None:
        self._stopping = True
        names = list(self.procs)
        # Gateway first, then the rest in reverse start order.
        for name in reversed(names):
            _, child = self.procs[name]
            if child.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(child.pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        for name in names:
            _, child = self.procs[name]
            try:
                child.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(child.pid, signal.SIGKILL)
                child.wait()

    def watch_once(self) -> list[str]:
        """Restart processes that died on their own (with backoff); returns their names."""
        died = []
        if self._stopping:
            return died
        for name, (proc, child) in list(self.procs.items()):
            code = child.poll()
            if code is not None and self.restart and name not in self.held:
                n = self.restarts.get(name, 0) + 1
                self.restarts[name] = n
                print(f"runner: {name} exited with code {code}; restarting (#{n})", flush=True)
                time.sleep(min(5.0, 0.5 * n))
                self.start(proc)
                died.append(name)
        return died
