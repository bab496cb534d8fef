"""Benchmark 1: reading one customer through the gateway vs. straight from the customers gRPC server.

Creates ~200 customers, logs in as admin, then for N seconds at concurrency 32:
`GET /v1/customers/{random id}` through the gateway (wrk, or an asyncio client without wrk), and
`CustomersService.GetCustomer` over grpc.aio with admin metadata. Prints throughput, p50, p99,
errors and the gateway/direct throughput ratio. Run: `python -m bench.gateway_read [--db ...]`.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import functools
import random
import sys
from collections.abc import Sequence

import grpc
import httpx

from bench import report
from bench.grpc_load import closed_loop
from bench.http_load import run_asyncio
from bench.report import Row, at_least, below, say
from bench.stats import LoadResult, ratio
from bench.suite import ADMIN_METADATA, BenchSuite, add_db_argument, databases, interrupt_on_signals, running_suite
from bench.wrk import ensure_wrk, run_wrk
from crm.customers.v1 import customers_service_pb2 as pb
from crm.customers.v1 import customers_service_pb2_grpc as pb_grpc

NAME = "gateway read"
PROCESSES = (
    "customers-grpc",
    "customers-worker",
    "customers-relay",
    "reporting-grpc",
    "reporting-worker",
    "reporting-relay",
    "gateway",
)
CONCURRENCY = 32
WARMUP_SECONDS = 2.0
# ARCHITECTURE §11 ceilings (trivial work, everything local, 2 cores).
CEILING_GATEWAY = "~1.5k req/s (FastAPI → trivial gRPC, 32 conns)"
CEILING_GATEWAY_P99 = "~60 ms"
CEILING_DIRECT = "~3.5k calls/s (trivial unary, 32 grpc.aio)"
CEILING_RATIO = "~0.43 (1.5k / 3.5k)"


@dataclasses.dataclass(frozen=True)
class GatewayReadResult:
    """Figures of one run on one database."""

    db: str
    customers: int
    gateway: LoadResult
    direct: LoadResult

    @property
    def ratio(self) -> float:
        """Gateway throughput / direct gRPC throughput."""
        return ratio(self.gateway.throughput, self.direct.throughput)

    def rows(self) -> list[Row]:
        """The figures as report rows, with floors and §11 ceilings."""
        g, d = self.gateway, self.direct
        row = functools.partial(Row, NAME, self.db)
        return [
            row(f"gateway GET throughput ({g.generator})", g.throughput, "req/s", at_least(500), CEILING_GATEWAY),
            row("gateway GET p50", g.latency.p50 * 1000, "ms"),
            row("gateway GET p99", g.latency.p99 * 1000, "ms", below(100), CEILING_GATEWAY_P99),
            row("gateway GET errors", g.errors, ""),
            row("direct gRPC GetCustomer throughput", d.throughput, "calls/s", None, CEILING_DIRECT),
            row("direct gRPC p50", d.latency.p50 * 1000, "ms"),
            row("direct gRPC p99", d.latency.p99 * 1000, "ms"),
            row("direct gRPC errors", d.errors, ""),
            row("ratio gateway / direct", self.ratio, "", at_least(0.5), CEILING_RATIO),
        ]


async def _create_customers(target: str, count: int) -> list[str]:
    """Create `count` customers over gRPC (16 at a time) and return their ids."""
    ids: list[str] = []
    async with grpc.aio.insecure_channel(target) as channel:
        stub = pb_grpc.CustomersServiceStub(channel)

        async def create(n: int) -> None:
            request = pb.CreateCustomerRequest(name=f"Bench reader {n:04d}", owner_id=f"u-bench-{n % 10}", level="B")
            response = await stub.CreateCustomer(request, metadata=ADMIN_METADATA, timeout=10)
            ids.append(response.customer.id)

        _, errors = await closed_loop(create, concurrency=16, total=count)
    if errors:
        raise RuntimeError(f"creating customers failed: {errors}")
    return ids


async def _direct_reads(target: str, ids: Sequence[str], *, concurrency: int, seconds: float) -> LoadResult:
    """GetCustomer(random id) over one grpc.aio channel from `concurrency` callers for `seconds`."""
    async with grpc.aio.insecure_channel(target) as channel:
        stub = pb_grpc.CustomersServiceStub(channel)
        requests = [pb.GetCustomerRequest(id=i) for i in ids]
        rng = random.Random()

        async def get(_: int) -> None:
            await stub.GetCustomer(rng.choice(requests), metadata=ADMIN_METADATA, timeout=5)

        await closed_loop(get, concurrency=concurrency, seconds=min(WARMUP_SECONDS, seconds))
        result, errors = await closed_loop(get, concurrency=concurrency, seconds=seconds, label="grpc.aio")
    if errors:
        say(f"direct gRPC errors: {errors}")
    return result


def _login(suite: BenchSuite) -> str:
    """An admin access token from the gateway's login (raises on any non-2xx answer)."""
    response = httpx.post(
        f"{suite.gateway_url}/v1/auth/login",
        json={"username": "admin", "password": suite.admin_password},
        timeout=10,
    )
    response.raise_for_status()
    token: str = response.json()["access_token"]
    return token


def _pick_wrk(generator: str) -> str | None:
    """The wrk binary to use for `generator` ("auto", "wrk" or "asyncio"); None means the asyncio client.

    "auto" and "wrk" install wrk when missing and running as root; "wrk" raises if that fails.
    """
    wrk = ensure_wrk() if generator in ("auto", "wrk") else None
    if generator == "wrk" and wrk is None:
        raise RuntimeError("--generator wrk asked for, but wrk is not available")
    return wrk


def _gateway_reads(
    suite: BenchSuite, paths: Sequence[str], token: str, *, seconds: float, wrk: str | None
) -> LoadResult:
    """Load the gateway with GET `paths` for `seconds` (after a short warm-up) with wrk, or asyncio if None."""
    if wrk:
        say(f"gateway: load generator wrk ({wrk}), {CONCURRENCY} connections, 2 threads")
        run_wrk(wrk, suite.gateway_url, paths, token, concurrency=CONCURRENCY, seconds=WARMUP_SECONDS)
        return run_wrk(wrk, suite.gateway_url, paths, token, concurrency=CONCURRENCY, seconds=seconds)
    say(f"gateway: load generator asyncio raw-stream client, {CONCURRENCY} keep-alive connections")
    run_asyncio(suite.gateway_url, paths, token, concurrency=CONCURRENCY, seconds=WARMUP_SECONDS)
    return run_asyncio(suite.gateway_url, paths, token, concurrency=CONCURRENCY, seconds=seconds)


def run(db: str, *, seconds: float = 20.0, customers: int = 200, generator: str = "auto") -> GatewayReadResult:
    """Run the benchmark on a private suite using `db` and return its figures (the suite is gone afterwards)."""
    wrk = _pick_wrk(generator)
    with running_suite(db, PROCESSES, label="gateway-read") as suite:
        target = suite.grpc_target("customers")
        say(f"{NAME}/{db}: creating {customers} customers over gRPC")
        ids = asyncio.run(_create_customers(target, customers))
        token = _login(suite)
        paths = [f"/v1/customers/{i}" for i in ids]
        check = httpx.get(suite.gateway_url + paths[0], headers={"Authorization": f"Bearer {token}"}, timeout=10)
        check.raise_for_status()
        say(f"{NAME}/{db}: logged in as admin; GET through the gateway for {seconds:.0f}s at concurrency {CONCURRENCY}")
        gateway = _gateway_reads(suite, paths, token, seconds=seconds, wrk=wrk)
        say(
            f"{NAME}/{db}: gateway {gateway.throughput:,.0f} req/s, p50 {gateway.latency.p50 * 1000:.1f} ms, "
            f"p99 {gateway.latency.p99 * 1000:.1f} ms, {gateway.errors} errors"
        )
        say(f"{NAME}/{db}: direct gRPC GetCustomer for {seconds:.0f}s with {CONCURRENCY} concurrent grpc.aio calls")
        direct = asyncio.run(_direct_reads(target, ids, concurrency=CONCURRENCY, seconds=seconds))
        say(
            f"{NAME}/{db}: direct {direct.throughput:,.0f} calls/s, p50 {direct.latency.p50 * 1000:.1f} ms, "
            f"p99 {direct.latency.p99 * 1000:.1f} ms, {direct.errors} errors"
        )
    result = GatewayReadResult(db, len(ids), gateway, direct)
    say(f"{NAME}/{db}: ratio gateway/direct = {result.ratio:.2f}")
    return result


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options this benchmark shares with bench.run_all."""
    parser.add_argument("--seconds", type=float, default=20.0, help="measured seconds per load phase (default 20)")
    parser.add_argument(
        "--generator",
        choices=["auto", "wrk", "asyncio"],
        default="auto",
        help="HTTP load generator: wrk if available (installed when root), else asyncio (default auto)",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """CLI entry: run on the chosen databases and print the summary table; exit 130 on Ctrl-C."""
    parser = argparse.ArgumentParser(prog="python -m bench.gateway_read", description=__doc__)
    add_db_argument(parser)
    add_arguments(parser)
    parser.add_argument("--customers", type=int, default=200, help="customers to create and read (default 200)")
    args = parser.parse_args(argv)
    interrupt_on_signals()
    facts = report.machine_facts()
    rows: list[Row] = []
    try:
        for db in databases(args.db):
            rows += run(db, seconds=args.seconds, customers=args.customers, generator=args.generator).rows()
    except KeyboardInterrupt:
        say("interrupted; the suite was cleaned up")
        return 130
    report.print_summary(f"{NAME} benchmark", rows, facts=facts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
