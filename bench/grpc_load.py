"""Closed-loop load over grpc.aio: `concurrency` callers, each issuing its next call when the last returns."""

from __future__ import annotations

import asyncio
import collections
import dataclasses
import time
from collections.abc import Awaitable, Callable

import grpc

from bench.stats import LatencySummary, LoadResult

# A call to measure: given the sequence number of the call (0, 1, 2, ...), await one RPC.
Call = Callable[[int], Awaitable[object]]


@dataclasses.dataclass
class _Tally:
    latencies: list[float] = dataclasses.field(default_factory=list)
    errors: collections.Counter[str] = dataclasses.field(default_factory=collections.Counter)
    issued: int = 0


async def closed_loop(
    call: Call,
    *,
    concurrency: int,
    seconds: float | None = None,
    total: int | None = None,
    label: str = "grpc.aio",
) -> tuple[LoadResult, dict[str, int]]:
    """Run `call` from `concurrency` coroutines until `seconds` elapse or `total` calls were issued.

    At least one of `seconds` / `total` must be given. Returns the LoadResult (latency of every
    successful call, wall time from first issue to last completion) and the count of each failed
    call's gRPC status name (or exception type).
    """
    if seconds is None and total is None:
        raise ValueError("give seconds, total or both")
    tally = _Tally()
    started = time.perf_counter()
    deadline = started + seconds if seconds is not None else float("inf")

    async def caller() -> None:
        while time.perf_counter() < deadline and (total is None or tally.issued < total):
            n = tally.issued
            tally.issued += 1
            t0 = time.perf_counter()
            try:
                await call(n)
            except grpc.aio.AioRpcError as exc:
                tally.errors[exc.code().name] += 1
            except (TimeoutError, OSError) as exc:
                tally.errors[type(exc).__name__] += 1
            else:
                tally.latencies.append(time.perf_counter() - t0)

    await asyncio.gather(*(caller() for _ in range(concurrency)))
    elapsed = time.perf_counter() - started
    errors = sum(tally.errors.values())
    result = LoadResult(label, len(tally.latencies), errors, elapsed, LatencySummary.of(tally.latencies))
    return result, dict(tally.errors)
