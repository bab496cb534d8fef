"""Customer CSV import: 50,000 generated rows with the duplicate checks on (issue 4, target >= 2,000 rows/s).

`python -m bench.customer_import [--db sqlite|postgresql|both] [--rows 50000] [--existing 2000]`

In-process, like the customers gRPC server runs it (no broker needed): a fresh migrated database
(an SQLite file, or a private PostgreSQL database from crm_testkit), `--existing` customers
already there, then one CSV of `--rows` rows (companies with a phone, email and website; every
tenth a person with a mobile number; ~1 % copies of an existing name and ~1 % repeats of an earlier
row, so the hard-key checks find something) imported in `create_only` mode with the service's
batch size. Reports the rows/s of the upload check (parse + store the job) and of the processing
(batches of rows, keys, history, events and per-row results), and the ratio of the end-to-end
rate to the target. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import functools
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy import func, select

from bench import report
from bench.report import Row, at_least, say
from bench.suite import add_db_argument, databases, interrupt_on_signals
from crm_chassis.db import make_engine, make_session_factory
from crm_chassis.identity import Caller
from crm_chassis.migrations import upgrade
from customers.config import LOCAL_FIELD_KEY, SPEC
from customers.crypto import FieldCrypto
from customers.domain import imports as di
from customers.persistence import tables
from customers.persistence.views_imports import SqlViewsImportsUnitOfWork

NAME = "customer import"
TARGET = 2_000.0
ADMIN = Caller(user_id="admin", roles=("admin",))


def generate_csv(rows: int, *, existing: int, offset: int = 0) -> bytes:
    """The CSV: mostly new companies, some people, ~1 % duplicates of existing customers and
    ~1 % repeats of an earlier row of the same file."""
    lines = ["name,kind,level,industry,region,phone,email,website,tags"]
    for i in range(rows):
        n = offset + i
        if existing and i % 100 == 7:
            lines.append(f"Existing Company {i % existing} Ltd,company,B,steel,East,,,,")
            continue
        if i % 100 == 53 and i > 100:
            n = offset + i - 50  # a repeat of an earlier row
        if i % 10 == 3:
            lines.append(f"Person {n},person,C,,North,+86 139{n:08d},p{n}@mail.example,,vip")
        else:
            lines.append(
                f"Company {n} Trading Ltd,company,A,tools,South,021-6{n:07d},info{n}@c{n}.example,"
                f"https://www.c{n}.example,new;import"
            )
    return ("\n".join(lines) + "\n").encode()


def _seed(factory, crypto: FieldCrypto, existing: int) -> None:  # type: ignore[no-untyped-def]
    if not existing:
        return
    uow = functools.partial(SqlViewsImportsUnitOfWork, factory, crypto=crypto)
    data = "\n".join(["name,kind"] + [f"Existing Company {i} Ltd,company" for i in range(existing)]).encode()
    job = di.start_import(
        uow,
        ADMIN,
        data,
        mode="create_only",
        dry_run=False,
        file_name="seed.csv",
        column_map={},
        limits=di.ImportLimits(),
    )
    di.process_job(uow, job.id, limits=di.ImportLimits())


def run(db: str, *, rows: int, existing: int) -> list[Row]:
    crypto = FieldCrypto(LOCAL_FIELD_KEY)
    with tempfile.TemporaryDirectory(prefix="crm-bench-import-") as tmp:
        pg = None
        if db == "postgresql":
            from crm_testkit.infra import PostgresDatabase

            pg = PostgresDatabase()
            url = pg.url
        else:
            url = f"sqlite:///{Path(tmp) / 'customers.db'}"
        engine = None
        try:
            upgrade(url, SPEC.migrations_dir, echo=lambda *_: None)
            engine = make_engine(url)
            factory = make_session_factory(engine)
            _seed(factory, crypto, existing)
            uow = functools.partial(SqlViewsImportsUnitOfWork, factory, crypto=crypto)
            limits = di.ImportLimits(max_bytes=64 * 1024 * 1024, max_rows=max(rows, 100_000))
            data = generate_csv(rows, existing=existing)
            say(f"{NAME}/{db}: {rows} rows ({len(data) / 1e6:.1f} MB), {existing} existing customers")
            started, cpu_started = time.perf_counter(), time.process_time()
            job = di.start_import(
                uow, ADMIN, data, mode="create_only", dry_run=False, file_name="bench.csv", column_map={}, limits=limits
            )
            uploaded = time.perf_counter()
            done = di.process_job(uow, job.id, limits=limits)
            finished, cpu_finished = time.perf_counter(), time.process_time()
            assert done is not None and done.status == "completed", done
            with factory() as s:
                stored = s.execute(select(func.count()).select_from(tables.customers)).scalar()
        finally:
            if engine is not None:
                engine.dispose()
            if pg is not None:
                pg.close()
    upload_s, process_s, total_s = uploaded - started, finished - uploaded, finished - started
    rate = rows / total_s
    say(
        f"{NAME}/{db}: created {done.counts.created}, duplicates {done.counts.duplicates}, "
        f"invalid {done.counts.invalid}; {stored} customers stored; {total_s:.1f}s -> {rate:,.0f} rows/s "
        f"({rate / TARGET:.2f} x target)"
    )
    return [
        Row(NAME, db, "end-to-end rows/s (upload + all batches)", rate, "rows/s", at_least(TARGET)),
        Row(NAME, db, "ratio to the 2,000 rows/s target", rate / TARGET, "x"),
        Row(NAME, db, "rows per CPU-second of the importing process", rows / (cpu_finished - cpu_started), "rows/s"),
        Row(NAME, db, "upload check (parse + store job)", rows / upload_s, "rows/s"),
        Row(NAME, db, "batch processing", rows / process_s, "rows/s"),
        Row(NAME, db, "rows created", float(done.counts.created), ""),
        Row(NAME, db, "rows refused as duplicates", float(done.counts.duplicates), ""),
    ]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rows", type=int, default=50_000, help="rows in the generated CSV")
    parser.add_argument("--existing", type=int, default=2_000, help="customers stored before the import")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.customer_import", description=__doc__)
    add_db_argument(parser)
    add_arguments(parser)
    args = parser.parse_args(argv)
    interrupt_on_signals()
    rows: list[Row] = []
    for db in databases(args.db):
        rows += run(db, rows=args.rows, existing=args.existing)
    report.print_summary("Customer import", rows, [f"target >= {TARGET:,.0f} rows/s with duplicate checks on"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
