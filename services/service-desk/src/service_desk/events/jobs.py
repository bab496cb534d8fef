"""The worker's timers under a Redis lock (O2): a second replica skips a job another one is running.
The lock only saves duplicate work; the job marks written with each action make a double action
impossible even without it (domain/jobs.py)."""

from __future__ import annotations

import contextlib
import logging
import secrets
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from service_desk.domain import jobs
from service_desk.domain.commands import UowFactory
from service_desk.domain.settings import DeskSettings

log = logging.getLogger("crm.service_desk.jobs")
_RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end"


@contextlib.contextmanager
def job_lock(redis: Any, prefix: str, job: str, *, ttl_ms: int) -> Iterator[bool]:
    """Yields True when this process holds the job's lock (and releases it after), else False."""
    key, token = f"{prefix}:service_desk:job:{job}", secrets.token_hex(16)
    held = bool(redis.set(key, token, nx=True, px=ttl_ms))
    try:
        yield held
    finally:
        if held:
            redis.eval(_RELEASE, 1, key, token)


def run_timers(
    uow_factory: UowFactory,
    settings: DeskSettings,
    redis: Any,
    prefix: str,
    *,
    as_of: datetime | None = None,
    ttl_ms: int = 5 * 60 * 1000,
) -> dict[str, Any]:
    """SLA sweep, return-visit planning, complaint escalation, each under its lock; returns each
    job's count, or None for a job another replica holds (or that failed: it runs on the next tick)."""
    at = as_of or datetime.now(UTC)
    work = {
        "sla": lambda: jobs.sla_sweep(uow_factory, settings, as_of=at),
        "auto_assign": lambda: jobs.auto_assign_waiting(uow_factory, settings, as_of=at),
        "return_visits": lambda: jobs.plan_return_visits(uow_factory, settings, as_of=at),
        "complaint_escalation": lambda: jobs.escalate_complaints(uow_factory, settings, as_of=at),
    }
    results: dict[str, Any] = {}
    for job, run in work.items():
        with job_lock(redis, prefix, job, ttl_ms=ttl_ms) as held:
            if not held:
                log.info("service-desk job %s: another worker holds the lock; skipped", job)
                results[job] = None
                continue
            try:
                results[job] = run()
            except Exception:
                log.exception("service-desk job %s failed; it runs again on the next tick", job)
                results[job] = None
                continue
        log.info("service-desk job %s: %s", job, results[job])
    return results
