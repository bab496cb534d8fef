"""The customer pool's scheduled jobs (DOMAIN_RULES C6, C11, O1-O5): recycle sweep, recycle
warnings, follow-up reminders and the recycle-bin purge.

Each takes an explicit `as_of` (tests freeze time by passing it) and is idempotent: a rerun for
the same moment makes the same decisions and acts at most once per (job, as_of day, entity).
The worker's timers call these functions directly; RPCs let an admin run them too.
"""

from __future__ import annotations

import dataclasses
import logging
import time
from datetime import datetime
from zoneinfo import ZoneInfo

from crm_chassis import pools as engine
from crm_chassis.identity import SYSTEM, Caller
from customers.domain import pool as dp
from customers.domain.commands import UowFactory, now
from customers.domain.events import FollowUpDue, PoolRecycleWarning
from customers.domain.pool_commands import default_pool, return_to_pool
from customers.domain.recycle import Purged, purge_deleted

log = logging.getLogger("crm.customers.jobs")
BATCH = 500


@dataclasses.dataclass
class SweepResult:
    as_of: datetime
    evaluated: int = 0
    acted: int = 0
    skipped: int = 0
    exempted: int = 0
    failed: int = 0
    customer_ids: list[str] = dataclasses.field(default_factory=list)
    stopped_by_guard: bool = False
    seconds: float = 0.0


@dataclasses.dataclass
class RemindersResult:
    as_of: datetime
    recycle_warnings: int = 0
    follow_ups_due: int = 0
    skipped: int = 0
    failed: int = 0


def _candidates(uow_factory: UowFactory, rule: engine.PoolRule, as_of: datetime, tz: ZoneInfo, result: SweepResult):
    """Ids the rule makes due at `as_of` (read-only keyset walk, O3)."""
    due: list[str] = []
    after = ""
    while True:
        with uow_factory(read_only=True) as uow:
            batch = uow.pools.owned_batch(after_id=after, limit=BATCH)
            grace = uow.pools.grace([c.id for c in batch])
        for customer in batch:
            result.evaluated += 1
            decision = dp.decide(customer, rule, grace.get(customer.id), as_of, tz)
            if decision.exempt or decision.in_grace:
                result.exempted += 1
            elif decision.due is not None:
                due.append(customer.id)
        if len(batch) < BATCH:
            return due
        after = batch[-1].id


def run_recycle_sweep(
    uow_factory: UowFactory,
    *,
    as_of: datetime | None = None,
    tz: ZoneInfo,
    dry_run: bool = False,
    confirm: bool = False,
    max_share: float = 0.05,
    guard_min: int = 10,
    caller: Caller = SYSTEM,
) -> SweepResult:
    """Return every due customer to the pool (C7), one transaction per customer with the row
    locked and the predicate re-evaluated inside it (C11): a follow-up or transfer that commits
    first wins, and a row another transaction holds is skipped (retried next run).

    O4 guard: when more than `max_share` of the owned customers (and more than `guard_min`) would
    go, nothing is recycled unless `confirm`. O5: `dry_run` reaches the same decisions, writes nothing."""
    started = time.monotonic()
    as_of = as_of or now()
    result = SweepResult(as_of)
    with uow_factory(read_only=True) as uow:
        pool, rule = default_pool(uow)
        owned_total = uow.pools.owned_total()
    due = _candidates(uow_factory, rule, as_of, tz, result)
    if dry_run:
        result.customer_ids = due
        result.seconds = time.monotonic() - started
        return result
    if due and not confirm and len(due) > max(guard_min, max_share * owned_total):
        result.stopped_by_guard = True
        result.customer_ids = due
        log.warning(
            "recycle sweep stopped: %d of %d owned customers would be recycled (share guard %.0f%%); "
            "an admin must confirm the run",
            len(due),
            owned_total,
            max_share * 100,
        )
        result.seconds = time.monotonic() - started
        return result
    for customer_id in due:
        try:
            with uow_factory() as uow:
                current = uow.pools.lock_customer(customer_id)
                if current is None:
                    result.skipped += 1
                    continue
                decision = dp.decide(current, rule, uow.pools.grace([current.id]).get(current.id), as_of, tz)
                if decision.due is None:
                    result.skipped += 1  # followed up, transferred, locked or released meanwhile
                    continue
                return_to_pool(
                    uow,
                    caller,
                    current,
                    pool,
                    reason=dp.RECYCLE,
                    at=now(),
                    rule=rule,
                    trigger=decision.due.reason,
                )
                uow.commit()
            result.acted += 1
            result.customer_ids.append(customer_id)
        except Exception:  # one failure never stops the run (O3)
            result.failed += 1
            log.exception("recycling customer %s failed; retried next run", customer_id)
    result.seconds = time.monotonic() - started
    return result


def run_reminders(uow_factory: UowFactory, *, as_of: datetime | None = None, tz: ZoneInfo) -> RemindersResult:
    """Recycle warnings (C6: same clocks as the sweep, once per customer, tier and local day) and
    follow-up reminders (`follow_up_due`, once per activity whose next_follow_up_at has come)."""
    as_of = as_of or now()
    result = RemindersResult(as_of)
    today = engine.local_date(as_of, tz)
    with uow_factory(read_only=True) as uow:
        _, rule = default_pool(uow)
    after = ""
    while True:
        with uow_factory(read_only=True) as uow:
            batch = uow.pools.owned_batch(after_id=after, limit=BATCH)
            grace = uow.pools.grace([c.id for c in batch])
        for customer in batch:
            warning = dp.warning(customer, rule, grace.get(customer.id), as_of, tz)
            if warning is None:
                continue
            try:
                with uow_factory() as uow:
                    if not uow.pools.mark_reminder(customer.id, warning.days_left, today, at=now()):
                        result.skipped += 1
                        continue
                    uow.record(
                        PoolRecycleWarning(
                            customer,
                            warning.days_left,
                            warning.recycle_on.isoformat(),
                            warning.trigger,
                            rule.rule_id,
                            rule.version,
                        )
                    )
                    uow.commit()
                result.recycle_warnings += 1
            except Exception:
                result.failed += 1
                log.exception("recycle warning for customer %s failed; retried next run", customer.id)
        if len(batch) < BATCH:
            break
        after = batch[-1].id
    while True:
        with uow_factory() as uow:
            due = uow.pools.due_follow_ups(as_of, limit=BATCH)
            for activity in due:
                customer = uow.customers.get(activity.customer_id)
                uow.pools.mark_follow_up(activity.id, at=now())
                if customer is None or customer.deleted:
                    result.skipped += 1
                    continue
                uow.record(FollowUpDue(activity, customer.owner_id, customer.name, customer.version))
                result.follow_ups_due += 1
            uow.commit()
        if len(due) < BATCH:
            break
    return result


def run_purge(uow_factory: UowFactory, *, retention_days: int) -> Purged:
    """The recycle-bin purge (C28) with the configured retention, as the system."""
    return purge_deleted(uow_factory, SYSTEM, older_than_days=retention_days, limit=0)
