"""Standard reports 13-21 from a known marketing + service-desk history (scenario_service, plus
the sales history for campaign won amounts), with exact figures."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from crm_chassis.identity import Caller

sys.path.insert(0, str(Path(__file__).parent))
from scenario_sales import events as sales_events
from scenario_service import events as service_events

pytestmark = pytest.mark.integration


@pytest.fixture
def fed(feed):
    for event in sales_events() + service_events():
        feed.send(*event)
    return feed


def rows(records):
    return [tuple(r.values()) for r in records]


def test_lead_reports(fed):
    assert rows(fed.report("lead_sources")) == [("fair", 2, 1, 50.0, 4.0), ("web", 2, 1, 50.0, 6.0)]
    assert rows(fed.report("lead_sources", caller=Caller(user_id="a", visible_owners=frozenset({"a"})))) == [
        ("web", 2, 1, 50.0, 6.0)
    ]
    assert rows(fed.report("lead_funnel")) == [
        ("new", 4, 100.0),
        ("contacted", 3, 75.0),
        ("qualified", 2, 50.0),
        ("converted", 2, 50.0),
    ]
    assert rows(fed.report("lead_funnel", "2026-01-04..2026-01-31")) == [
        ("new", 2, 100.0),
        ("contacted", 1, 50.0),
        ("qualified", 1, 50.0),
        ("converted", 1, 50.0),
    ]


def test_campaign_roi(fed):
    assert rows(fed.report("campaign_roi")) == [
        ("Spring fair", 50000, 2, 1, 200000, 300.0),
        ("Webinar", 0, 0, 0, 0, None),
    ]


def test_work_order_reports(fed):
    assert rows(fed.report("work_order_volume")) == [
        ("install", "assigned", "normal", 1),
        ("repair", "closed", "high", 1),
        ("repair", "resolved", "normal", 1),
    ]
    assert rows(fed.report("sla_compliance")) == [
        ("high", 1, 1, 100.0, 1, 1, 100.0),
        ("normal", 2, 0, 0.0, 1, 0, 0.0),
    ]
    assert rows(fed.report("resolution_time")) == [("repair", 2, 420.0, 1, 50.0)]
    assert rows(fed.report("work_order_volume", caller=Caller(user_id="b", visible_owners=frozenset({"b"})))) == [
        ("repair", "resolved", "normal", 1)
    ]
    assert rows(fed.report("work_order_volume", "2026-02-02..2026-02-02")) == [("repair", "resolved", "normal", 1)]


def test_complaints_satisfaction_and_workload(fed):
    assert rows(fed.report("complaints")) == [("quality", "high", 2, 240.0, 240), ("service", "low", 1, 1440.0, 1440)]
    assert rows(fed.report("satisfaction")) == [("2026-02", 2, 4.0, 1, 1, 0.0), ("2026-03", 1, 4.0, 0, 0, 0.0)]
    assert rows(fed.report("technician_workload")) == [("t1", 0, 3, 3, 135), ("t2", 1, 1, 0, 0)]
    assert rows(fed.report("technician_workload", "2026-02-03..2026-02-28")) == [
        ("t1", 0, 1, 1, 45),
        ("t2", 1, 1, 0, 0),
    ]
