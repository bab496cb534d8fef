"""Benchmark: the call-center screen pop (issue 9, target p99 < 150 ms at concurrency 16).

`python -m bench.screen_pop [--db sqlite|postgresql|both] [--seconds 20] [--customers 200]`

A private suite with the customers, sales and service-desk services and the gateway; `--customers` customers
(each with a mobile number, a contact, two activities and an open opportunity, like the demo data)
are created over gRPC, then `GET /v1/callcenter/screen-pop?phone=<random customer's number>` is
loaded through the gateway from 16 keep-alive connections: one number lookup, then seven sections
fetched from three services in parallel per request. Prints throughput, p50, p99 and errors; figures
are printed, never asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import sys
import time
from collections.abc import Sequence
from urllib.parse import quote

import grpc
import httpx

from bench import report
from bench.grpc_load import closed_loop
from bench.http_load import run_asyncio
from bench.report import Row, below, say
from bench.stats import LoadResult
from bench.suite import ADMIN_METADATA, add_db_argument, databases, interrupt_on_signals, running_suite
from crm.common.v1 import money_pb2
from crm.customers.v1 import customers_service_pb2 as cpb
from crm.customers.v1 import customers_service_pb2_grpc as cgrpc
from crm.sales.v1 import sales_service_pb2 as spb
from crm.sales.v1 import sales_service_pb2_grpc as sgrpc

NAME = "screen pop"
SERVICES = ("customers", "sales", "service-desk")
PROCESSES = (*(f"{service}-{kind}" for service in SERVICES for kind in ("grpc", "worker", "relay")), "gateway")
CONCURRENCY = 16
WARMUP_SECONDS = 2.0
TARGET_P99_MS = 150.0


def _phone(n: int) -> str:
    return f"+86 137 {n // 10000:04d} {n % 10000:04d}"


async def _seed(customers_target: str, sales_target: str, count: int) -> list[str]:
    """`count` customers with a contact, two activities and an open opportunity; their phones."""
    async with grpc.aio.insecure_channel(customers_target) as cch, grpc.aio.insecure_channel(sales_target) as sch:
        customers, sales = cgrpc.CustomersServiceStub(cch), sgrpc.SalesServiceStub(sch)
        ids: dict[int, str] = {}

        async def one(n: int) -> None:
            made = await customers.CreateCustomer(
                cpb.CreateCustomerRequest(name=f"Pop {n:05d}", phone=_phone(n), owner_id=f"u-pop-{n % 8}"),
                metadata=ADMIN_METADATA,
                timeout=10,
            )
            cid = made.customer.id
            ids[n] = cid
            await customers.CreateContact(
                cpb.CreateContactRequest(
                    customer_id=cid, name=f"Contact {n}", phones=[f"+86 138 0000 {n % 10000:04d}"]
                ),
                metadata=ADMIN_METADATA,
                timeout=10,
            )
            for content in ("Called about the renewal", "Sent the brochure"):
                await customers.LogActivity(
                    cpb.LogActivityRequest(customer_id=cid, type="call", content=content),
                    metadata=ADMIN_METADATA,
                    timeout=10,
                )

        _, errors = await closed_loop(one, concurrency=8, total=count)
        if errors:
            raise RuntimeError(f"creating customers failed: {errors}")

        async def opportunity(n: int) -> None:
            fields = spb.OpportunityFields(
                customer_id=ids[n], name=f"Deal {n}", amount=money_pb2.Money(currency_code="CNY", minor_units=900_000)
            )
            deadline = time.monotonic() + 60
            while True:  # sales learns each customer from `customer_created`
                try:
                    await sales.CreateOpportunity(
                        spb.CreateOpportunityRequest(opportunity=fields), metadata=ADMIN_METADATA, timeout=10
                    )
                    return
                except grpc.aio.AioRpcError as exc:
                    if exc.code() != grpc.StatusCode.INVALID_ARGUMENT or time.monotonic() > deadline:
                        raise
                    await asyncio.sleep(0.2)

        _, errors = await closed_loop(opportunity, concurrency=8, total=count)
        if errors:
            raise RuntimeError(f"creating opportunities failed: {errors}")
    return [_phone(n) for n in range(count)]


def run(db: str, *, seconds: float = 20.0, customers: int = 200) -> list[Row]:
    """Figures of one run on a private suite using `db`."""
    with running_suite(db, PROCESSES, label="screen-pop") as suite:
        say(f"{NAME}/{db}: creating {customers} customers with contacts, activities and opportunities")
        phones = asyncio.run(_seed(suite.grpc_target("customers"), suite.grpc_target("sales"), customers))
        login = httpx.post(
            f"{suite.gateway_url}/v1/auth/login",
            json={"username": "admin", "password": suite.admin_password},
            timeout=10,
        )
        login.raise_for_status()
        token = login.json()["access_token"]
        paths = [f"/v1/callcenter/screen-pop?phone={quote(p)}" for p in phones]
        check = httpx.get(suite.gateway_url + paths[0], headers={"Authorization": f"Bearer {token}"}, timeout=10)
        check.raise_for_status()
        sections = check.json()["sections"]
        if any(s["status"] != "ok" for s in sections.values()) or not check.json()["customer"]:
            raise RuntimeError(f"the screen pop is incomplete: {check.text[:300]}")
        say(f"{NAME}/{db}: GET screen-pop for {seconds:.0f}s at concurrency {CONCURRENCY}")
        run_asyncio(suite.gateway_url, paths, token, concurrency=CONCURRENCY, seconds=WARMUP_SECONDS)
        result: LoadResult = run_asyncio(suite.gateway_url, paths, token, concurrency=CONCURRENCY, seconds=seconds)
    say(
        f"{NAME}/{db}: {result.throughput:,.0f} req/s, p50 {result.latency.p50 * 1000:.1f} ms, "
        f"p99 {result.latency.p99 * 1000:.1f} ms, {result.errors} errors"
    )
    row = functools.partial(Row, NAME, db)
    return [
        row("screen pop throughput (16 conns)", result.throughput, "req/s"),
        row("screen pop p50", result.latency.p50 * 1000, "ms"),
        row("screen pop p99", result.latency.p99 * 1000, "ms", below(TARGET_P99_MS)),
        row("screen pop errors", result.errors, ""),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """CLI entry: run on the chosen databases and print the summary table; exit 130 on Ctrl-C."""
    parser = argparse.ArgumentParser(prog="python -m bench.screen_pop", description=__doc__)
    add_db_argument(parser)
    parser.add_argument("--seconds", type=float, default=20.0, help="measured seconds (default 20)")
    parser.add_argument("--customers", type=int, default=200, help="customers to create (default 200)")
    args = parser.parse_args(argv)
    interrupt_on_signals()
    facts = report.machine_facts()
    rows: list[Row] = []
    try:
        for db in databases(args.db):
            rows += run(db, seconds=args.seconds, customers=args.customers)
    except KeyboardInterrupt:
        say("interrupted; the suite was cleaned up")
        return 130
    report.print_summary(f"{NAME} benchmark", rows, facts=facts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
