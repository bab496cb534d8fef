"""HTTP load with wrk: a Lua script picks a random customer id per request and reports percentiles as JSON."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from bench.report import say
from bench.stats import LatencySummary, LoadResult

RESULT_MARK = "BENCH_WRK_RESULT "
_SAFE = re.compile(r"^[A-Za-z0-9._~/-]+$")  # what may be pasted inside a Lua string literal unescaped

_SCRIPT = """
local paths = {%(paths)s}
local headers = {["Authorization"] = "Bearer %(token)s"}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
end

function init(args)
  math.randomseed(os.time() * 1000 + (tid or 0))
end

function request()
  return wrk.format("GET", paths[math.random(#paths)], headers)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '%(mark)s{"requests": %%d, "duration_us": %%d, "connect": %%d, "read": %%d, "write": %%d, ' ..
    '"status": %%d, "timeout": %%d, "p50_us": %%d, "p99_us": %%d, "max_us": %%d}\\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50.0), latency:percentile(99.0), latency.max))
end
"""


def ensure_wrk() -> str | None:
    """Path of the wrk binary; if missing and running as root, install it with apt-get first (printed).

    Returns None when wrk is not installed and cannot be installed here.
    """
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        say("wrk is not installed (and this is not root with apt-get): using the asyncio client")
        return None
    say("wrk is not installed; running as root, so installing it: apt-get install -y wrk")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "-q", "wrk"]
    subprocess.run(install, env=env, capture_output=True, check=False)
    if not shutil.which("wrk"):  # the package lists may be missing or stale
        subprocess.run(["apt-get", "update", "-q"], env=env, capture_output=True, check=False)
        subprocess.run(install, env=env, capture_output=True, check=False)
    found = shutil.which("wrk")
    say(f"wrk installed at {found}" if found else "installing wrk failed: using the asyncio client")
    return found


def lua_script(paths: Sequence[str], token: str) -> str:
    """The wrk Lua script: random path from `paths`, bearer `token`, one JSON result line at the end."""
    for value in (*paths, token):
        if not _SAFE.match(value):
            raise ValueError(f"refusing to paste {value!r} into a Lua string")
    quoted = ", ".join(f'"{p}"' for p in paths)
    return _SCRIPT % {"paths": quoted, "token": token, "mark": RESULT_MARK}


def parse_result(output: str) -> LoadResult:
    """The LoadResult from wrk's stdout (the script's JSON line); ValueError if the line is missing."""
    for line in output.splitlines():
        if line.startswith(RESULT_MARK):
            data = json.loads(line[len(RESULT_MARK) :])
            break
    else:
        raise ValueError(f"wrk printed no result line:\n{output[-2000:]}")
    transport_errors = data["connect"] + data["read"] + data["write"] + data["timeout"]
    errors = transport_errors + data["status"]
    latency = LatencySummary(
        count=data["requests"], p50=data["p50_us"] / 1e6, p99=data["p99_us"] / 1e6, max=data["max_us"] / 1e6
    )
    return LoadResult("wrk", data["requests"] - data["status"], errors, data["duration_us"] / 1e6, latency)


def run_wrk(
    wrk: str, base_url: str, paths: Sequence[str], token: str, *, concurrency: int, seconds: float, threads: int = 2
) -> LoadResult:
    """Run wrk against `base_url` for `seconds` with `concurrency` keep-alive connections and return its figures.

    Error count = transport errors (connect/read/write/timeout) + responses with status >= 400.
    """
    with tempfile.TemporaryDirectory(prefix="crm-bench-wrk-") as tmp:
        script = Path(tmp) / "read.lua"
        script.write_text(lua_script(paths, token))
        argv = [
            wrk,
            f"--threads={min(threads, concurrency)}",
            f"--connections={concurrency}",
            f"--duration={max(1, round(seconds))}s",
            "--timeout=5s",
            f"--script={script}",
            base_url,
        ]
        result = subprocess.run(argv, capture_output=True, text=True, check=False, timeout=seconds + 60)
    if result.returncode != 0:
        raise RuntimeError(f"wrk failed (exit {result.returncode}): {result.stderr.strip()}")
    return parse_result(result.stdout)
