"""HTTP load without wrk: an asyncio client on raw streams, one keep-alive HTTP/1.1 connection per caller."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Sequence
from urllib.parse import urlparse

from bench.stats import LatencySummary, LoadResult


class _Closed(Exception):
    """The server closed the connection (or sent something unparseable); reconnect."""


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bool]:
    """Read one whole HTTP/1.1 response; returns (status, server keeps the connection open)."""
    status_line = await reader.readline()
    parts = status_line.split(None, 2)
    if len(parts) < 2 or not parts[0].startswith(b"HTTP/"):
        raise _Closed(status_line[:80])
    status = int(parts[1])
    length, chunked, keep_alive = 0, False, True
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b"\n", b""):
            break
        name, _, value = line.partition(b":")
        name, value = name.strip().lower(), value.strip().lower()
        if name == b"content-length":
            length = int(value)
        elif name == b"transfer-encoding" and b"chunked" in value:
            chunked = True
        elif name == b"connection" and value == b"close":
            keep_alive = False
    if chunked:
        while True:
            size = int((await reader.readline()).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    elif length:
        await reader.readexactly(length)
    return status, keep_alive


async def _run(
    base_url: str, paths: Sequence[str], token: str, concurrency: int, seconds: float
) -> tuple[list[float], int]:
    url = urlparse(base_url)
    host, port = url.hostname or "127.0.0.1", url.port or 80
    head = f"Host: {host}:{port}\r\nAuthorization: Bearer {token}\r\nAccept: application/json\r\n\r\n"
    latencies: list[float] = []
    errors = 0
    deadline = time.perf_counter() + seconds

    async def caller() -> None:
        nonlocal errors
        rng = random.Random()
        connection: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
        while time.perf_counter() < deadline:
            t0 = time.perf_counter()
            try:
                if connection is None:
                    connection = await asyncio.open_connection(host, port)
                reader, writer = connection
                writer.write(f"GET {rng.choice(paths)} HTTP/1.1\r\n{head}".encode())
                status, keep_alive = await asyncio.wait_for(_read_response(reader), timeout=5)
            except (TimeoutError, OSError, asyncio.IncompleteReadError, _Closed, ValueError):
                errors += 1
                if connection is not None:
                    connection[1].close()
                connection = None
                continue
            if status >= 400:
                errors += 1
            else:
                latencies.append(time.perf_counter() - t0)
            if not keep_alive:
                connection[1].close()
                connection = None
        if connection is not None:
            connection[1].close()

    await asyncio.gather(*(caller() for _ in range(concurrency)))
    return latencies, errors


def run_asyncio(base_url: str, paths: Sequence[str], token: str, *, concurrency: int, seconds: float) -> LoadResult:
    """GET random `paths` with a bearer `token` from `concurrency` keep-alive connections for `seconds`.

    Latencies are of successful (status < 400) responses only; errors count transport failures
    and responses with status >= 400.
    """
    started = time.perf_counter()
    latencies, errors = asyncio.run(_run(base_url, paths, token, concurrency, seconds))
    elapsed = time.perf_counter() - started
    return LoadResult("asyncio (raw streams)", len(latencies), errors, elapsed, LatencySummary.of(latencies))
