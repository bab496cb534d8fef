"""The first-contact timer's body, outside nameko so it can be tested: it runs under a Redis lock
(`SET NX PX` with a random token, released only by its holder), so with several worker replicas
one runs it and the others skip at once (O2)."""

from __future__ import annotations

import contextlib
import logging
import secrets
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from marketing.domain.commands.jobs import SweepResult, run_contact_sweep
from marketing.domain.ports import UowFactory
from marketing.domain.settings import MarketingSettings

log = logging.getLogger("crm.marketing.jobs")
_RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end"


def lock_key(prefix: str, job: str) -> str:
    return f"{prefix}:marketing:lock:{job}"


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


def run_locked_sweep(
    uow_factory: UowFactory,
    settings: MarketingSettings,
    redis: Any,
    prefix: str,
    *,
    as_of: datetime | None = None,
    ttl_ms: int = 10 * 60 * 1000,
) -> SweepResult | None:
    """The contact sweep if this process got the lock; None when another replica holds it."""
    with job_lock(redis, prefix, "contact_sweep", ttl_ms=ttl_ms) as held:
        if not held:
            log.info("contact sweep: another worker holds the lock; skipped")
            return None
        result = run_contact_sweep(uow_factory, settings, as_of=as_of)
    log.info(
        "contact sweep: %d evaluated, %d reminded, %d returned to the pool, %d skipped (locked)",
        result.evaluated,
        result.reminded,
        result.returned,
        result.skipped,
    )
    return result
