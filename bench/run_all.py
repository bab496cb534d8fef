"""Run every benchmark and print one summary table (figures, floors, ARCHITECTURE §11 ceilings, ratios).

`python -m bench.run_all [--db sqlite|postgresql|both] [--seconds 20] [--events 3000] [--rows 50000]` (`make bench`).
Each benchmark starts and removes its own private suite per database. Figures are printed, never
asserted: the exit status is 0 when every benchmark ran (floors met or not), 1 if one failed to
run, 130 on Ctrl-C.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections.abc import Callable, Sequence

from bench import customer_import, event_pipeline, gateway_read, report, screen_pop
from bench.report import Row, say
from bench.suite import add_db_argument, databases, interrupt_on_signals


def _attempt(what: str, job: Callable[[], list[Row]], failures: list[str]) -> list[Row]:
    """Run one benchmark; on an error (not Ctrl-C) print it, note it in `failures` and return no rows."""
    try:
        return job()
    except KeyboardInterrupt:
        raise
    except Exception as exc:
        traceback.print_exc()
        failures.append(f"{what}: {type(exc).__name__}: {exc}")
        say(f"{what} failed: {exc}")
        return []


def main(argv: Sequence[str] | None = None) -> int:
    """CLI entry: run every benchmark on the chosen databases, then print the summary."""
    parser = argparse.ArgumentParser(prog="python -m bench.run_all", description=__doc__)
    add_db_argument(parser)
    gateway_read.add_arguments(parser)
    event_pipeline.add_arguments(parser)
    customer_import.add_arguments(parser)
    args = parser.parse_args(argv)
    interrupt_on_signals()
    facts = report.machine_facts()
    started = time.monotonic()
    rows: list[Row] = []
    failures: list[str] = []
    generators: set[str] = set()
    try:
        for db in databases(args.db):

            def read(db: str = db) -> list[Row]:
                result = gateway_read.run(db, seconds=args.seconds, generator=args.generator)
                generators.add(result.gateway.generator)
                return result.rows()

            def pipeline(db: str = db) -> list[Row]:
                return event_pipeline.run(db, events=args.events).rows()

            rows += _attempt(f"{gateway_read.NAME}/{db}", read, failures)
            rows += _attempt(f"{event_pipeline.NAME}/{db}", pipeline, failures)

            def import_rows(db: str = db) -> list[Row]:
                return customer_import.run(db, rows=args.rows, existing=args.existing)

            rows += _attempt(f"{customer_import.NAME}/{db}", import_rows, failures)

            def pop(db: str = db) -> list[Row]:
                return screen_pop.run(db, seconds=args.seconds)

            rows += _attempt(f"{screen_pop.NAME}/{db}", pop, failures)
    except KeyboardInterrupt:
        say("interrupted; every suite started so far was cleaned up")
        return 130
    notes = [
        f"HTTP load generator: {', '.join(sorted(generators)) or 'n/a'}; concurrency {gateway_read.CONCURRENCY}; "
        f"{args.seconds:.0f}s per read phase; {args.events} events per pipeline run; "
        f"{args.rows} rows per customer import",
        f"total run time {time.monotonic() - started:.0f}s",
        *(f"FAILED TO RUN: {f}" for f in failures),
    ]
    report.print_summary("CRM benchmarks", rows, notes, facts=facts)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
