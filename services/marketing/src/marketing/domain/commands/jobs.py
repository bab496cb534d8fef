"""The first-contact timer: reminders, then leads not contacted in time go back to the pool.

One transaction per lead; the row is locked (`FOR UPDATE SKIP LOCKED` on PostgreSQL) and the
predicate re-evaluated inside it, so a user's contact committed first wins (C11). The predicate
functions are the domain's, shared by reminder and return (C6)."""

from __future__ import annotations

import dataclasses
import logging
from datetime import datetime, timedelta

from crm_chassis.identity import SYSTEM
from marketing.domain import events as ev
from marketing.domain import lead as ld
from marketing.domain.common import now
from marketing.domain.ports import UowFactory
from marketing.domain.settings import MarketingSettings

log = logging.getLogger("crm.marketing.jobs")
BATCH = 500


@dataclasses.dataclass(frozen=True)
class SweepResult:
    evaluated: int = 0
    reminded: int = 0
    returned: int = 0
    skipped: int = 0


def run_contact_sweep(
    uow_factory: UowFactory, settings: MarketingSettings, *, as_of: datetime | None = None
) -> SweepResult:
    """Reminds owners of leads nearing the first-contact deadline and returns overdue ones to the pool."""
    at = as_of or now()
    earliest = min(
        settings.contact_reminder_seconds or settings.contact_deadline_seconds, settings.contact_deadline_seconds
    )
    cutoff = at - timedelta(seconds=earliest)
    evaluated = reminded = returned = skipped = 0
    after = ""
    while True:
        with uow_factory(read_only=True) as uow:
            ids = uow.leads.uncontacted_ids(assigned_before=cutoff, after_id=after, limit=BATCH)
        if not ids:
            break
        after = ids[-1]
        for lead_id in ids:
            evaluated += 1
            with uow_factory() as uow:
                lead = uow.leads.get(lead_id, for_update=True, skip_locked=True)
                if lead is None:
                    skipped += 1
                    continue
                if ld.return_due(lead, at, settings.contact_deadline_seconds, settings.contact_reminder_seconds):
                    updated = ld.release(lead, at=at)
                    if uow.leads.update(updated, expected_version=lead.version):
                        uow.record(
                            ev.LeadReturnedToPool(updated, lead.owner_id, "uncontacted", SYSTEM.caller_service or "")
                        )
                        uow.commit()
                        returned += 1
                    continue
                if ld.reminder_due(lead, at, settings.contact_reminder_seconds):
                    updated = ld.reminded(lead, at)
                    if uow.leads.update(updated, expected_version=lead.version):
                        uow.commit()
                        reminded += 1
                        log.info("lead %s: owner %s reminded to make first contact", lead.id, lead.owner_id)
    return SweepResult(evaluated, reminded, returned, skipped)
