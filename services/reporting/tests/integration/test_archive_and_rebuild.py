"""Every consumed event is archived once; the read models are the same whether events arrive in
order, shuffled, twice, replayed past the inbox, or are rebuilt from the archive."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from crm_chassis.db import transaction
from reporting.domain.facts import writes_for
from reporting.persistence import tables
from reporting.persistence.projector import apply, archived, to_event
from reporting.persistence.rebuild import rebuild

sys.path.insert(0, str(Path(__file__).parent))
from reporting_support import ZONE
from scenario_sales import events as sales_events
from scenario_service import events as service_events

pytestmark = pytest.mark.integration


def _all_events():
    return sales_events() + service_events()


def _figures(feed):
    return (
        feed.report("sales_funnel"),
        feed.report("receivables", as_of="2026-05-20"),
        feed.report("pool_flow"),
        feed.report("campaign_roi"),
        feed.report("lead_funnel"),
        feed.report("sla_compliance"),
        feed.report("satisfaction"),
    )


def _archive_size(feed) -> int:
    with transaction(feed.factory) as session:
        return session.execute(select(func.count()).select_from(tables.event_archive)).scalar()


def test_rebuild_equals_the_live_projection_and_order_does_not_matter(feed):
    for event in _all_events():
        feed.send(*event)
    live, figures = feed.dump(), _figures(feed)
    assert live["rm_opportunities"] and live["rm_work_orders"] and live["rm_leads"]
    assert _archive_size(feed) == len(feed.sent)

    lines: list[str] = []
    assert rebuild(feed.factory, ZONE, echo=lines.append, batch=7) == len(feed.sent)
    assert feed.dump() == live and _figures(feed) == figures
    assert lines[0].startswith(f"reporting rebuild: {len(feed.sent)} archived")
    assert f"{len(feed.sent)}/{len(feed.sent)} (100%)" in lines[-2]

    # Start again from nothing: every event twice, in a shuffled order.
    with transaction(feed.factory) as session:
        for t in (*tables.PROJECTIONS, tables.event_archive, tables.inbox):
            session.execute(delete(t))
    assert feed.dump() != live
    shuffled = feed.sent * 2
    random.Random(8).shuffle(shuffled)
    outcomes = [feed.deliver(body) for body in shuffled]
    assert outcomes.count("duplicate") == len(feed.sent)
    assert feed.dump() == live and _figures(feed) == figures
    assert _archive_size(feed) == len(feed.sent)

    # Replayed past the inbox (e.g. a projection re-run), newest first: nothing changes.
    with transaction(feed.factory) as session:
        batches = [env for batch in archived(session) for env in batch]
        for envelope in reversed(batches):
            apply(session, writes_for(to_event(envelope), ZONE))
    assert feed.dump() == live and _figures(feed) == figures


def test_an_older_version_never_replaces_a_newer_one(feed):
    newest_first = [e for e in sales_events() if e[2] == "o2"][::-1]
    for event in newest_first:
        feed.send(*event)
    opportunity = feed.dump()["rm_opportunities"]
    assert len(opportunity) == 1 and "won" in opportunity[0]
    assert [tuple(r.values())[:2] for r in feed.report("win_loss")] == [("2026-03", "a")]
