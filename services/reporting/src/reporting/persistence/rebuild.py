"""Rebuild every read model from the event archive (`crm-reporting rebuild`, `crm reporting rebuild`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo

from sqlalchemy.orm import Session, sessionmaker

from crm_chassis.db import transaction
from reporting.domain.facts import writes_for
from reporting.persistence.projector import apply, archived, archived_count, empty_projections, to_event


def rebuild(
    factory: sessionmaker[Session], zone: tzinfo, *, echo: Callable[[str], None] = print, batch: int = 1000
) -> int:
    """Empty every projection and re-apply the archive in occurrence order, in one transaction
    (readers see the old read models until it commits). Answers the number of events applied.

    Stop the reporting worker while it runs (its handlers would wait on the emptied tables'
    locks); the archive keeps every event, so a rebuild can always be run again.
    """
    with transaction(factory) as session:
        total = archived_count(session)
        echo(f"reporting rebuild: {total} archived event(s); emptying the read models")
        empty_projections(session)
        done = 0
        for envelopes in archived(session, batch=batch):
            for envelope in envelopes:
                apply(session, writes_for(to_event(envelope), zone))
            done += len(envelopes)
            echo(f"reporting rebuild: {done}/{total} ({100 * done // max(total, 1)}%)")
    echo(f"reporting rebuild: done, {done} event(s) applied")
    return done
