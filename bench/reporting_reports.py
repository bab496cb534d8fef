"""Reporting: projection throughput and standard-report latency on a large synthetic load (issue 8).

`python -m bench.reporting_reports [--db sqlite|postgresql|both] [--events 5000]
[--opportunities 1000000] [--work-orders 200000] [--runs 10]`

In-process, as the reporting worker and gRPC server run it (no broker): a fresh migrated database
(an SQLite file, or a private PostgreSQL database from crm_testkit).

1. **Projection throughput**: `--events` synthetic envelopes (customers, activities, opportunity
   create/stage/won, orders, work orders created and resolved) delivered one by one through
   `ReportingWorker`'s handlers (inbox, archive and read-model writes, one transaction each, as the
   worker does). Target >= 1,000 events/s.
2. **Report latency**: `--opportunities` opportunities (with a stage-history row each),
   `--work-orders` work orders and proportional customers, activities, orders, instalments, leads,
   visits, complaints and return visits bulk-loaded straight into the read models, then each of the
   21 standard reports run `--runs` times unrestricted (an admin) and as one of 50 reps, for the
   year. Reports p50 and p99 per report; target p99 < 200 ms. The sizes used are printed with the
   figures. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import types
import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from bench import report
from bench.report import Row, at_least, below, say
from bench.stats import percentile
from bench.suite import add_db_argument, databases, interrupt_on_signals
from crm_chassis.db import make_engine, make_session_factory, read_transaction, transaction
from crm_chassis.handling import HandlerRuntime
from crm_chassis.inbox import Inbox
from crm_chassis.migrations import upgrade
from reporting.config import SPEC
from reporting.domain.query import Scope, parse_period
from reporting.events.worker import _ZONE, ReportingWorker
from reporting.persistence import tables as t
from reporting.persistence.projector import refill_opportunity_aggregates
from reporting.persistence.rebuild import rebuild
from reporting.persistence.reports import STANDARD, run_standard

NAME = "reporting"
THROUGHPUT_TARGET = 1_000.0
P99_TARGET_MS = 200.0
OWNERS = [f"rep{i:02d}" for i in range(50)]
STAGES = ("qualify", "needs", "proposal", "negotiation")
YEAR = 2026


def _ts(day: date, hour: int = 3) -> str:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC).isoformat().replace("+00:00", "Z")


def _day(rng: random.Random) -> date:
    return date(YEAR, 1, 1) + timedelta(days=rng.randrange(365))


def _envelopes(n: int, rng: random.Random) -> list[dict[str, Any]]:
    """A mix of the events a busy day brings, each a valid envelope dict."""
    out: list[dict[str, Any]] = []

    def env(producer: str, event_type: str, schema: str, agg: str, version: int, data: dict, day: date) -> None:
        out.append(
            {
                "event_id": str(uuid.uuid4()),
                "event_type": event_type,
                "schema": schema,
                "occurred_at": _ts(day),
                "producer": producer,
                "aggregate_id": agg,
                "aggregate_version": version,
                "correlation_id": None,
                "causation_id": None,
                "actor_user_id": None,
                "data": data,
            }
        )

    while len(out) < n:
        kind = len(out) % 6
        day, owner, rid = _day(rng), rng.choice(OWNERS), str(uuid.uuid4())
        if kind == 0:
            c = {"id": rid, "owner_id": owner, "classification": "vip", "industry": "tech", "created_at": _ts(day)}
            env("customers", "customer_created", "crm.customers.v1.CustomerCreated", rid, 1, {"customer": c}, day)
        elif kind == 1:
            a = {"id": rid, "customer_id": rid, "type": "call", "actor_id": owner, "occurred_at": _ts(day)}
            env("customers", "activity_logged", "crm.customers.v1.ActivityLogged", rid, 0, {"activity": a}, day)
        elif kind in (2, 3):
            o = {
                "id": rid,
                "owner_id": owner,
                "stage": "qualify",
                "status": "open",
                "probability": 20,
                "amount": {"currency_code": "CNY", "minor_units": "1000000"},
                "expected_close_date": (day + timedelta(days=60)).isoformat(),
                "created_at": _ts(day),
            }
            env("sales", "opportunity_created", "crm.sales.v1.OpportunityCreated", rid, 1, {"opportunity": o}, day)
            won = {**o, "stage": "won", "status": "won", "probability": 100, "closed_at": _ts(day, 9)}
            change = {"id": str(uuid.uuid4()), "from_stage": "qualify", "to_stage": "won", "at": _ts(day, 9)}
            env(
                "sales",
                "opportunity_won",
                "crm.sales.v1.OpportunityWon",
                rid,
                2,
                {"opportunity": won, "change": change},
                day,
            )
        elif kind == 4:
            w = {
                "id": rid,
                "type": "repair",
                "priority": "normal",
                "status": "new",
                "owner_id": owner,
                "created_at": _ts(day),
            }
            env(
                "service_desk",
                "work_order_created",
                "crm.service_desk.v1.WorkOrderCreated",
                rid,
                1,
                {"work_order": w},
                day,
            )
        else:
            lines = [{"product_id": "P1", "name": "Widget", "net": {"currency_code": "CNY", "minor_units": "500000"}}]
            o = {
                "id": rid,
                "owner_id": owner,
                "status": "confirmed",
                "confirmed_at": _ts(day),
                "totals": {"total": {"currency_code": "CNY", "minor_units": "500000"}},
                "lines": lines,
            }
            env("sales", "order_confirmed", "crm.sales.v1.OrderConfirmed", rid, 2, {"order": o}, day)
    return out[:n]


def projection_throughput(factory, n: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Events/s through the worker's handlers (inbox + archive + projection, one transaction each)."""

    def no_parking(_seconds: float) -> None:
        raise AssertionError("a handler failed")

    runtime = HandlerRuntime("reporting", Inbox(factory, t.inbox), "amqp://unused", max_attempts=1, sleep=no_parking)
    worker = types.SimpleNamespace(name="reporting", runtime=runtime)
    bodies = _envelopes(n, random.Random(1))
    started, cpu = time.perf_counter(), time.process_time()
    for body in bodies:
        outcome = getattr(ReportingWorker, f"on_{body['event_type']}")(worker, body)
        assert outcome == "applied", outcome
    elapsed, cpu_used = time.perf_counter() - started, time.process_time() - cpu
    return n / elapsed, n / cpu_used


def _bulk(session, table, rows_iter, batch: int = 20_000) -> int:  # type: ignore[no-untyped-def]
    done, buf = 0, []
    for row in rows_iter:
        buf.append(row)
        if len(buf) >= batch:
            session.execute(insert(table), buf)
            done += len(buf)
            buf = []
    if buf:
        session.execute(insert(table), buf)
        done += len(buf)
    return done


def load(factory, opportunities: int, work_orders: int) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Bulk-load synthetic read-model rows (what the projections would hold)."""
    rng = random.Random(7)
    now = datetime(YEAR, 6, 1, tzinfo=UTC)
    sizes: dict[str, int] = {}

    def opps():
        for i in range(opportunities):
            d = _day(rng)
            status = rng.choices(("open", "won", "lost"), (6, 2, 2))[0]
            yield {
                "id": f"o{i}",
                "version": 1,
                "customer_id": f"c{i % max(opportunities // 10, 1)}",
                "owner_id": OWNERS[i % len(OWNERS)],
                "stage": rng.choice(STAGES) if status == "open" else status,
                "status": status,
                "probability": rng.choice((10, 20, 50, 80)),
                "amount": rng.randrange(10_000, 10_000_000),
                "currency": "CNY",
                "close_month": (d + timedelta(days=60)).isoformat()[:7],
                "campaign_id": f"cmp{i % 20}" if i % 7 == 0 else "",
                "lead_id": "",
                "lost_reason": rng.choice(("price", "timing", "competitor")) if status == "lost" else "",
                "created_at": now,
                "created_day": d.isoformat(),
                "closed_day": (d + timedelta(days=30)).isoformat() if status != "open" else None,
            }

    def wos():
        for i in range(work_orders):
            d = _day(rng)
            resolved = i % 3 != 0
            yield {
                "id": f"w{i}",
                "version": 1,
                "customer_id": f"c{i}",
                "owner_id": OWNERS[i % len(OWNERS)],
                "assignee_id": f"tech{i % 40}",
                "type": rng.choice(("repair", "install", "maintenance")),
                "status": "resolved" if resolved else rng.choice(("new", "assigned", "in_progress")),
                "priority": rng.choice(("low", "normal", "high", "urgent")),
                "channel": "phone",
                "created_at": now,
                "created_day": d.isoformat(),
                "resolved_at": now if resolved else None,
                "resolution_minutes": rng.randrange(30, 3000) if resolved else None,
                "first_response_minutes": rng.randrange(5, 120),
                "responded": True,
                "first_response_breached": rng.random() < 0.1,
                "resolution_breached": resolved and rng.random() < 0.15,
                "reopen_count": 1 if rng.random() < 0.05 else 0,
            }

    small = max(opportunities // 10, 100)
    service = max(work_orders // 5, 100)
    with transaction(factory) as s:
        sizes["opportunities"] = _bulk(s, t.opportunities, opps())
    with transaction(factory) as s:
        sizes["stage changes"] = _bulk(
            s,
            t.stage_changes,
            (
                {
                    "id": f"s{i}",
                    "opportunity_id": f"o{i}",
                    "owner_id": OWNERS[i % len(OWNERS)],
                    "day": _day(rng).isoformat(),
                    "from_stage": "qualify",
                    "to_stage": "proposal",
                    "reason": "stage",
                }
                for i in range(opportunities)
            ),
        )
    with transaction(factory) as s:
        sizes["work orders"] = _bulk(s, t.work_orders, wos())
    with transaction(factory) as s:
        sizes["customers"] = _bulk(
            s,
            t.customer_facts,
            (
                {
                    "customer_id": f"c{i}",
                    "owner_id": OWNERS[i % len(OWNERS)],
                    "created_at": now,
                    "version": 1,
                    "event_at": now,
                    "deleted": False,
                    "classification": rng.choice(("vip", "normal", "potential")),
                    "industry": "tech",
                    "region": rng.choice(("east", "west")),
                    "source": "web",
                    "created_day": _day(rng).isoformat(),
                    "last_follow_up_at": now - timedelta(days=rng.randrange(200)),
                }
                for i in range(small)
            ),
        )
        sizes["owner moves"] = _bulk(
            s,
            t.owner_moves,
            (
                {
                    "event_id": f"m{i}",
                    "customer_id": f"c{i}",
                    "day": _day(rng).isoformat(),
                    "to_owner_id": OWNERS[i % len(OWNERS)],
                    "reason": "create" if i % 4 else "claim",
                }
                for i in range(small)
            ),
        )
        sizes["activities"] = _bulk(
            s,
            t.activities,
            (
                {
                    "id": f"a{i}",
                    "customer_id": f"c{i % small}",
                    "owner_id": OWNERS[i % len(OWNERS)],
                    "type": "call",
                    "day": _day(rng).isoformat(),
                    "follow_up": True,
                }
                for i in range(small)
            ),
        )
        sizes["orders"] = _bulk(
            s,
            t.orders,
            (
                {
                    "id": f"ord{i}",
                    "version": 2,
                    "owner_id": OWNERS[i % len(OWNERS)],
                    "status": "confirmed",
                    "total": 500_000,
                    "currency": "CNY",
                    "confirmed_day": _day(rng).isoformat(),
                }
                for i in range(small)
            ),
        )
        _bulk(
            s,
            t.order_lines,
            (
                {
                    "order_id": f"ord{i}",
                    "seq": 0,
                    "product_id": f"P{i % 200}",
                    "product_name": f"Product {i % 200}",
                    "category": f"cat{i % 12}",
                    "net": 500_000,
                }
                for i in range(small)
            ),
        )
        sizes["instalments"] = _bulk(
            s,
            t.instalments,
            (
                {
                    "id": f"i{i}",
                    "plan_id": f"pl{i // 3}",
                    "owner_id": OWNERS[i % len(OWNERS)],
                    "seq": i % 3,
                    "due_day": _day(rng).isoformat(),
                    "amount": 100_000,
                }
                for i in range(small)
            ),
        )
        _bulk(
            s,
            t.receipts,
            (
                {
                    "id": f"r{i}",
                    "version": 1,
                    "plan_id": f"pl{i // 3}",
                    "owner_id": OWNERS[i % len(OWNERS)],
                    "amount": 60_000,
                    "received_day": _day(rng).isoformat(),
                    "status": "approved",
                }
                for i in range(0, small, 2)
            ),
        )
        _bulk(
            s,
            t.allocations,
            ({"receipt_id": f"r{i}", "instalment_id": f"i{i}", "amount": 60_000} for i in range(0, small, 2)),
        )
        _bulk(
            s,
            t.targets,
            (
                {
                    "id": f"t{i}",
                    "version": 1,
                    "month": f"{YEAR}-{1 + i % 12:02d}",
                    "metric": "won_amount",
                    "scope_type": "user",
                    "scope_id": OWNERS[i % len(OWNERS)],
                    "value": 50_000_000,
                }
                for i in range(len(OWNERS) * 12)
            ),
        )
        sizes["leads"] = _bulk(
            s,
            t.leads,
            (
                {
                    "id": f"L{i}",
                    "version": 1,
                    "owner_id": OWNERS[i % len(OWNERS)],
                    "source": rng.choice(("web", "fair", "ads")),
                    "campaign_id": f"cmp{i % 20}",
                    "status": "new",
                    "created_at": now,
                    "created_day": _day(rng).isoformat(),
                }
                for i in range(small)
            ),
        )
        _bulk(
            s,
            t.lead_statuses,
            (
                {"lead_id": f"L{i}", "status": rng.choice(("new", "contacted", "qualified", "converted")), "at": now}
                for i in range(small)
            ),
        )
        _bulk(
            s,
            t.campaigns,
            (
                {
                    "id": f"cmp{i}",
                    "version": 1,
                    "name": f"Campaign {i}",
                    "owner_id": OWNERS[i],
                    "actual_cost": 1_000_000,
                    "start_day": f"{YEAR}-01-01",
                }
                for i in range(20)
            ),
        )
        sizes["visits"] = _bulk(
            s,
            t.visits,
            (
                {
                    "id": f"v{i}",
                    "version": 1,
                    "work_order_id": f"w{i}",
                    "technician_id": f"tech{i % 40}",
                    "status": "completed",
                    "day": _day(rng).isoformat(),
                    "labour_minutes": 60,
                }
                for i in range(service)
            ),
        )
        sizes["complaints"] = _bulk(
            s,
            t.complaints,
            (
                {
                    "id": f"cp{i}",
                    "version": 1,
                    "owner_id": OWNERS[i % len(OWNERS)],
                    "category": rng.choice(("quality", "service")),
                    "severity": rng.choice(("low", "high")),
                    "status": "resolved",
                    "created_day": _day(rng).isoformat(),
                    "handling_minutes": rng.randrange(60, 5000),
                }
                for i in range(service)
            ),
        )
        sizes["return visits"] = _bulk(
            s,
            t.return_visits,
            (
                {
                    "id": f"rv{i}",
                    "version": 1,
                    "assignee_id": OWNERS[i % len(OWNERS)],
                    "status": "completed",
                    "score": rng.randrange(1, 6),
                    "nps": rng.randrange(0, 11),
                    "completed_day": _day(rng).isoformat(),
                }
                for i in range(service)
            ),
        )
    with transaction(factory) as s:
        refill_opportunity_aggregates(s)
    return sizes


def _analyze(engine) -> None:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.commit()


def report_latency(factory, runs: int) -> list[tuple[str, str, float, float]]:  # type: ignore[no-untyped-def]
    """(report, who, p50 ms, p99 ms) for every standard report, as an admin and as one rep."""
    out = []
    params = {"as_of": f"{YEAR}-06-30", "days": "30"}
    for name, rep in STANDARD.items():
        for who, visible in (("admin", None), ("rep", frozenset({OWNERS[3]}))):
            scope = Scope(visible_owners=visible, period=parse_period(str(YEAR)))
            wanted = {k: v for k, v in params.items() if k in rep.params}
            samples = []
            for _ in range(runs):
                started = time.perf_counter()
                with read_transaction(factory) as session:
                    run_standard(session, name, scope, wanted, _ZONE)
                samples.append((time.perf_counter() - started) * 1000)
            out.append((name, who, percentile(samples, 50), percentile(samples, 99)))
            say(f"{NAME}: {name:<22} {who:<5} p50 {out[-1][2]:8.1f} ms  p99 {out[-1][3]:8.1f} ms")
    return out


def run(db: str, *, events: int, opportunities: int, work_orders: int, runs: int) -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="crm-bench-reporting-") as tmp:
        pg = None
        if db == "postgresql":
            from crm_testkit.infra import PostgresDatabase

            pg = PostgresDatabase()
            url = pg.url
        else:
            url = f"sqlite:///{Path(tmp) / 'reporting.db'}"
        engine = None
        try:
            upgrade(url, SPEC.migrations_dir, echo=lambda *_: None)
            engine = make_engine(url)
            factory = make_session_factory(engine)
            rate, cpu_rate = projection_throughput(factory, events)
            say(f"{NAME}/{db}: projection {rate:,.0f} events/s ({cpu_rate:,.0f} per CPU-second) over {events} events")
            started = time.perf_counter()
            rebuilt = rebuild(factory, _ZONE, echo=lambda *_: None)
            rebuild_rate = rebuilt / (time.perf_counter() - started)
            say(f"{NAME}/{db}: rebuild from the archive {rebuild_rate:,.0f} events/s")
            started = time.perf_counter()
            sizes = load(factory, opportunities, work_orders)
            _analyze(engine)
            say(f"{NAME}/{db}: loaded {sizes} in {time.perf_counter() - started:.0f}s")
            latencies = report_latency(factory, runs)
        finally:
            if engine is not None:
                engine.dispose()
            if pg is not None:
                pg.close()
    size = f"{sizes['opportunities']:,} opps / {sizes['work orders']:,} WOs"
    rows = [
        Row(
            NAME,
            db,
            f"projection throughput ({events} events, inbox+archive+projection)",
            rate,
            "ev/s",
            at_least(THROUGHPUT_TARGET),
        ),
        Row(NAME, db, "projection events per CPU-second", cpu_rate, "ev/s"),
        Row(NAME, db, "rebuild from the archive (one transaction)", rebuild_rate, "ev/s", at_least(THROUGHPUT_TARGET)),
    ]
    for name, who, p50, p99 in latencies:
        rows.append(Row(NAME, db, f"{name} ({who}) p50, {size}", p50, "ms"))
        rows.append(Row(NAME, db, f"{name} ({who}) p99, {size}", p99, "ms", below(P99_TARGET_MS)))
    return rows


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--reporting-events", dest="reporting_events", type=int, default=5_000, help="events projected")
    parser.add_argument("--opportunities", type=int, default=1_000_000, help="opportunities loaded for report latency")
    parser.add_argument("--work-orders", dest="work_orders", type=int, default=200_000, help="work orders loaded")
    parser.add_argument("--runs", type=int, default=10, help="runs of each report per caller")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.reporting_reports", description=__doc__)
    add_db_argument(parser)
    add_arguments(parser)
    args = parser.parse_args(argv)
    interrupt_on_signals()
    rows: list[Row] = []
    for db in databases(args.db):
        rows += run(
            db,
            events=args.reporting_events,
            opportunities=args.opportunities,
            work_orders=args.work_orders,
            runs=args.runs,
        )
    report.print_summary(
        "Reporting",
        rows,
        [
            f"targets: projection >= {THROUGHPUT_TARGET:,.0f} events/s; standard report p99 < {P99_TARGET_MS:.0f} ms",
            f"loaded: {args.opportunities:,} opportunities, {args.work_orders:,} work orders; "
            f"{args.runs} runs per report",
        ],
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
