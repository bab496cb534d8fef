"""The pool timers' body, outside nameko so it can be tested: each job runs under its own Redis
lock (O2: `SET NX PX` with a random token, released only by its holder), so with several worker
replicas one runs it and the others skip at once. Counts are logged per run (O4)."""

from __future__ import annotations

import contextlib
import logging
import secrets
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

from prometheus_client import Counter, Histogram

from customers.config import CustomersSettings
from customers.domain import jobs
from customers.domain.commands import UowFactory

log = logging.getLogger("crm.customers.jobs")

# Compare-and-delete: a lock whose TTL ran out and was taken by another replica is not ours.
_RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end"
JOBS = ("reminders", "sweep", "purge")

# O4: every run's counts and duration, exported on CRM_METRICS_PORT.
JOB_ITEMS = Counter(
    "crm_customers_pool_job_items_total", "Items the pool jobs handled, by job and outcome", ["job", "outcome"]
)
JOB_RUNS = Counter("crm_customers_pool_job_runs_total", "Pool job runs by result", ["job", "result"])
JOB_SECONDS = Histogram("crm_customers_pool_job_seconds", "Duration of one pool job run", ["job"])


def lock_key(prefix: str, job: str) -> str:
    return f"{prefix}:customers:lock:{job}"


@contextlib.contextmanager
def job_lock(redis: Any, prefix: str, job: str, *, ttl_ms: int) -> Iterator[bool]:
    """Yields True when this process holds the job's lock (and releases it after), else False."""
    key, token = lock_key(prefix, job), secrets.token_hex(16)
    held = bool(redis.set(key, token, nx=True, px=ttl_ms))
    try:
        yield held
    finally:
        if held:
            redis.eval(_RELEASE, 1, key, token)


def run_pool_jobs(
    uow_factory: UowFactory,
    settings: CustomersSettings,
    redis: Any,
    prefix: str,
    *,
    as_of: datetime | None = None,
    ttl_ms: int = 15 * 60 * 1000,
) -> dict[str, Any]:
    """Reminders first (C6: owners hear before anything goes), then the sweep, then the purge.
    Returns each job's result, or None for a job another replica holds."""
    tz = settings.org_timezone
    work: dict[str, Callable[[], Any]] = {
        "reminders": lambda: jobs.run_reminders(uow_factory, as_of=as_of, tz=tz),
        "sweep": lambda: jobs.run_recycle_sweep(
            uow_factory,
            as_of=as_of,
            tz=tz,
            max_share=settings.recycle_max_share,
            guard_min=settings.recycle_guard_min,
        ),
        "purge": lambda: jobs.run_purge(uow_factory, retention_days=settings.purge_retention_days),
    }
    results: dict[str, Any] = {}
    for job in JOBS:
        with job_lock(redis, prefix, job, ttl_ms=ttl_ms) as held:
            if not held:
                log.info("pool job %s: another worker holds the lock; skipped", job)
                results[job] = None
                continue
            try:
                with JOB_SECONDS.labels(job).time():
                    results[job] = work[job]()
            except Exception:
                log.exception("pool job %s failed; it runs again on the next tick", job)
                JOB_RUNS.labels(job, "failed").inc()
                results[job] = None
                continue
        JOB_RUNS.labels(job, "ok").inc()
        _log(job, results[job])
        _count(job, results[job])
    return results


def _log(job: str, result: Any) -> None:
    if isinstance(result, jobs.SweepResult):
        log.info(
            "recycle sweep as of %s: evaluated=%d acted=%d skipped=%d exempted=%d failed=%d guard=%s (%.2fs)",
            result.as_of.isoformat(),
            result.evaluated,
            result.acted,
            result.skipped,
            result.exempted,
            result.failed,
            result.stopped_by_guard,
            result.seconds,
        )
    elif isinstance(result, jobs.RemindersResult):
        log.info(
            "reminders as of %s: recycle_warnings=%d follow_ups_due=%d skipped=%d failed=%d",
            result.as_of.isoformat(),
            result.recycle_warnings,
            result.follow_ups_due,
            result.skipped,
            result.failed,
        )
    else:
        log.info(
            "recycle-bin purge: purged=%d contacts=%d more=%s", len(result.customer_ids), result.contacts, result.more
        )


def _count(job: str, result: Any) -> None:
    if isinstance(result, jobs.SweepResult):
        outcomes = {
            "evaluated": result.evaluated,
            "acted": result.acted,
            "skipped": result.skipped,
            "exempted": result.exempted,
            "failed": result.failed,
        }
        if result.stopped_by_guard:
            JOB_RUNS.labels(job, "stopped_by_guard").inc()
    elif isinstance(result, jobs.RemindersResult):
        outcomes = {
            "recycle_warning": result.recycle_warnings,
            "follow_up_due": result.follow_ups_due,
            "skipped": result.skipped,
            "failed": result.failed,
        }
    else:
        outcomes = {"purged": len(result.customer_ids)}
    for outcome, n in outcomes.items():
        if n:
            JOB_ITEMS.labels(job, outcome).inc(n)
