"""Benchmark 2: customers created over gRPC flowing through outbox → relay → RabbitMQ → reporting worker.

Creates N customers (default 3000) as fast as 32 concurrent grpc.aio calls allow, waits until the
reporting read model counts all N, then measures from the databases: per event,
lag = reporting `inbox.processed_at` - customers `outbox.created_at` (joined on event id).
Prints create rate, pipeline throughput N / (last processed_at - first created_at), p50/p99/max lag,
and the split of the lag into relay (created → published) and consume (published → processed).
Run: `python -m bench.event_pipeline [--db ...] [--events 3000]`.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import functools
import math
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime

import grpc
from sqlalchemy import create_engine, select

from bench import report
from bench.grpc_load import closed_loop
from bench.report import Row, at_least, below, say
from bench.stats import LatencySummary, LoadResult
from bench.suite import ADMIN_METADATA, BenchSuite, add_db_argument, databases, interrupt_on_signals, running_suite
from crm.customers.v1 import customers_service_pb2 as cpb
from crm.customers.v1 import customers_service_pb2_grpc as cgrpc
from crm.reporting.v1 import reporting_service_pb2 as rpb
from crm.reporting.v1 import reporting_service_pb2_grpc as rgrpc
from customers.persistence.tables import outbox
from reporting.persistence.tables import inbox

NAME = "event pipeline"
PROCESSES = (
    "customers-grpc",
    "customers-worker",
    "customers-relay",
    "reporting-grpc",
    "reporting-worker",
    "reporting-relay",
)
EVENT_TYPE = "customer_created"
HANDLER = "reporting.on_customer_created"
CONCURRENCY = 32
# ARCHITECTURE §11 ceilings (trivial work, everything local, 2 cores).
CEILING_CREATE = "~3.5k calls/s (trivial unary, 32 grpc.aio)"
CEILING_PIPELINE = {
    "sqlite": "~350 ev/s (one worker, SQLite)",
    "postgresql": "~1.1k ev/s (one worker, PG + psycogreen)",
}
CEILING_RELAY = "1.6k ev/s confirm-each; 14k pipelined"


def utc(value: datetime) -> datetime:
    """`value` as an aware UTC datetime: naive values (SQLite) are taken to be UTC already."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


@dataclasses.dataclass(frozen=True)
class PipelineResult:
    """Figures of one run on one database (durations in seconds)."""

    db: str
    events: int
    create: LoadResult
    matched: int
    span_seconds: float
    lag: LatencySummary
    relay_lag: LatencySummary
    consume_lag: LatencySummary

    @property
    def throughput(self) -> float:
        """Events through the whole pipeline per second: matched / (last processed - first created)."""
        return self.matched / self.span_seconds if self.span_seconds > 0 else math.nan

    def rows(self) -> list[Row]:
        """The figures as report rows, with floors and §11 ceilings."""
        row = functools.partial(Row, NAME, self.db)
        ms = 1000.0
        return [
            row(f"create rate ({CONCURRENCY} grpc.aio)", self.create.throughput, "cust/s", None, CEILING_CREATE),
            row("create p99", self.create.latency.p99 * ms, "ms"),
            row("pipeline throughput", self.throughput, "ev/s", at_least(500), CEILING_PIPELINE[self.db]),
            row("lag p50", self.lag.p50 * ms, "ms"),
            row("lag p99", self.lag.p99 * ms, "ms", below(1000)),
            row("lag max", self.lag.max * ms, "ms"),
            row("relay part p50 (created→published)", self.relay_lag.p50 * ms, "ms", None, CEILING_RELAY),
            row("relay part p99", self.relay_lag.p99 * ms, "ms"),
            row("consume part p50 (published→processed)", self.consume_lag.p50 * ms, "ms"),
            row("consume part p99", self.consume_lag.p99 * ms, "ms"),
        ]


async def _create(target: str, events: int, concurrency: int) -> LoadResult:
    """Create `events` customers over one grpc.aio channel with `concurrency` callers; raise if any failed."""
    async with grpc.aio.insecure_channel(target) as channel:
        stub = cgrpc.CustomersServiceStub(channel)

        async def create(n: int) -> None:
            request = cpb.CreateCustomerRequest(name=f"Bench pipeline {n:05d}", owner_id=f"u-bench-{n % 20}")
            await stub.CreateCustomer(request, metadata=ADMIN_METADATA, timeout=30)

        result, errors = await closed_loop(create, concurrency=concurrency, total=events, label="grpc.aio")
    if errors:
        raise RuntimeError(f"{sum(errors.values())} of {events} creates failed: {errors}")
    return result


def _wait_for_read_model(target: str, events: int, timeout: float) -> float:
    """Poll reporting's GetCustomerSummary until total == `events`; returns seconds waited.

    Raises TimeoutError (with the last total) when `timeout` seconds pass first.
    """
    started = time.monotonic()
    last_said = started
    total = -1
    with grpc.insecure_channel(target) as channel:
        stub = rgrpc.ReportingServiceStub(channel)
        while True:
            try:
                answer = stub.GetCustomerSummary(rpb.GetCustomerSummaryRequest(), metadata=ADMIN_METADATA, timeout=5)
                total = answer.total
            except grpc.RpcError as exc:
                say(f"reporting summary failed ({exc.code().name}); retrying")  # type: ignore[attr-defined]
            now = time.monotonic()
            if total >= events:
                return now - started
            if now - started > timeout:
                raise TimeoutError(f"reporting counted {total} of {events} customers after {timeout:.0f}s")
            if now - last_said >= 2:
                say(f"reporting read model has {total}/{events} customers")
                last_said = now
            time.sleep(0.2)


def _measure(suite: BenchSuite, events: int, create: LoadResult) -> PipelineResult:
    """Join outbox (customers DB) and inbox (reporting DB) rows on event id and compute the figures."""
    customers_db = create_engine(suite.database_url("customers"))
    reporting_db = create_engine(suite.database_url("reporting"))
    try:
        with customers_db.connect() as conn:
            produced = conn.execute(
                select(outbox.c.event_id, outbox.c.created_at, outbox.c.published_at).where(
                    outbox.c.event_type == EVENT_TYPE
                )
            ).all()
        with reporting_db.connect() as conn:
            query = select(inbox.c.event_id, inbox.c.processed_at).where(inbox.c.handler == HANDLER)
            consumed = conn.execute(query).all()
    finally:
        customers_db.dispose()
        reporting_db.dispose()
    processed = {row.event_id: utc(row.processed_at) for row in consumed}
    lags, relay, consume = [], [], []
    for row in produced:
        done = processed.get(row.event_id)
        if done is None:
            continue
        created = utc(row.created_at)
        lags.append((done - created).total_seconds())
        if row.published_at is not None:
            published = utc(row.published_at)
            relay.append((published - created).total_seconds())
            consume.append((done - published).total_seconds())
    if len(lags) != events:
        say(f"warning: {len(produced)} outbox rows, {len(processed)} inbox rows, {len(lags)} matched of {events}")
    first_created = min(utc(row.created_at) for row in produced)
    span = (max(processed.values()) - first_created).total_seconds()
    return PipelineResult(
        db=suite.db,
        events=events,
        create=create,
        matched=len(lags),
        span_seconds=span,
        lag=LatencySummary.of(lags),
        relay_lag=LatencySummary.of(relay),
        consume_lag=LatencySummary.of(consume),
    )


def run(db: str, *, events: int = 3000, concurrency: int = CONCURRENCY) -> PipelineResult:
    """Run the benchmark on a private suite using `db` and return its figures (the suite is gone afterwards)."""
    with running_suite(db, PROCESSES, label="event-pipeline") as suite:
        say(f"{NAME}/{db}: creating {events} customers with {concurrency} concurrent grpc.aio calls")
        create = asyncio.run(_create(suite.grpc_target("customers"), events, concurrency))
        say(
            f"{NAME}/{db}: created {create.ok} in {create.seconds:.1f}s ({create.throughput:,.0f}/s, "
            f"p99 {create.latency.p99 * 1000:.0f} ms); waiting for the reporting read model"
        )
        waited = _wait_for_read_model(suite.grpc_target("reporting"), events, timeout=60 + events / 25)
        say(f"{NAME}/{db}: reporting has all {events} ({waited:.1f}s after the last create); reading the tables")
        result = _measure(suite, events, create)
    say(
        f"{NAME}/{db}: {result.throughput:,.0f} events/s; lag p50 {result.lag.p50 * 1000:.0f} ms, "
        f"p99 {result.lag.p99 * 1000:.0f} ms, max {result.lag.max * 1000:.0f} ms"
    )
    return result


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options this benchmark shares with bench.run_all."""
    parser.add_argument("--events", type=int, default=3000, help="customers to create (default 3000)")


def main(argv: Sequence[str] | None = None) -> int:
    """CLI entry: run on the chosen databases and print the summary table; exit 130 on Ctrl-C."""
    parser = argparse.ArgumentParser(prog="python -m bench.event_pipeline", description=__doc__)
    add_db_argument(parser)
    add_arguments(parser)
    parser.add_argument("--concurrency", type=int, default=CONCURRENCY, help="concurrent creates (default 32)")
    args = parser.parse_args(argv)
    interrupt_on_signals()
    facts = report.machine_facts()
    rows: list[Row] = []
    try:
        for db in databases(args.db):
            rows += run(db, events=args.events, concurrency=args.concurrency).rows()
    except KeyboardInterrupt:
        say("interrupted; the suite was cleaned up")
        return 130
    report.print_summary(f"{NAME} benchmark", rows, facts=facts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
