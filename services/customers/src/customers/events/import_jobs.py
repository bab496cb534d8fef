"""The import timer's body, outside nameko so it can be tested (no grpc here).

Advances unfinished import jobs for a bounded time per tick under a Redis lock (`SET NX PX`
with a random token, released only by its holder), so with several worker replicas one works
and the others skip. The lock only saves work: correctness comes from the job row itself (each
batch commits with a compare-and-set on the job's last committed row), so a gRPC call advancing
the same job at the same time cannot write a row twice.
"""

from __future__ import annotations

import logging
from typing import Any

from customers.domain import imports as di
from customers.events.pool_jobs import job_lock

log = logging.getLogger("crm.customers.imports")


def run_import_jobs(
    uow_factory: Any, limits: di.ImportLimits, redis: Any, prefix: str, *, seconds: float
) -> int | None:
    """Jobs advanced this tick, or None when another replica holds the lock."""
    with job_lock(redis, prefix, "imports", ttl_ms=int((seconds + 60) * 1000)) as held:
        if not held:
            return None
        try:
            ran = di.process_pending(uow_factory, limits=limits, seconds=seconds)
        except Exception:
            log.exception("import timer failed; it runs again on the next tick")
            return 0
    if ran:
        log.info("import timer advanced %d job(s)", ran)
    return ran
