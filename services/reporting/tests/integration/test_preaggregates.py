"""The opportunity pre-aggregates answer exactly what the opportunities table answers, and the
pipeline reports use them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from crm_chassis.db import read_transaction, transaction
from reporting.domain.datasets import DATASETS
from reporting.domain.query import Filter, Measure, QuerySpec, Scope, parse_period
from reporting.persistence import tables
from reporting.persistence.projector import refill_opportunity_aggregates
from reporting.persistence.query import _pick_cube, run_query

sys.path.insert(0, str(Path(__file__).parent))
from scenario_sales import events

pytestmark = pytest.mark.integration

SPECS = [
    QuerySpec(
        "opportunities", ("stage",), (Measure("count"), Measure("sum", "amount"), Measure("sum", "weighted_amount"))
    ),
    QuerySpec("opportunities", ("close_month", "owner"), (Measure("count"),), (Filter("status", "eq", "open"),)),
    QuerySpec(
        "opportunities",
        ("closed:month", "owner"),
        (Measure("sum", "won_n"), Measure("sum", "lost_n")),
        date_basis="closed",
    ),
    QuerySpec("opportunities", ("created:week", "status"), (Measure("sum", "won_amount"),)),
    QuerySpec(
        "opportunities", ("lost_reason",), (Measure("count"),), (Filter("status", "eq", "lost"),), date_basis="closed"
    ),
]
SCOPES = [
    Scope(),
    Scope(visible_owners=frozenset({"a"})),
    Scope(period=parse_period("2026-02")),
    Scope(period=parse_period("2026-Q1"), owners=frozenset({"b"})),
]


def test_pre_aggregates_equal_the_table(feed):
    for event in events():
        feed.send(*event)
    with read_transaction(feed.factory) as session:
        for spec in SPECS:
            assert _pick_cube(DATASETS["opportunities"], spec, Scope(period=parse_period("2026"))) is not None, spec
            for scope in SCOPES:
                fast = run_query(session, spec, scope)
                # A max() measure is not pre-aggregated: the same query from the opportunities table.
                slow = run_query(
                    session,
                    QuerySpec(**{**spec.__dict__, "measures": (*spec.measures, Measure("max", "amount"))}),
                    scope,
                )
                assert fast.rows == [row[:-1] for row in slow.rows], (spec, scope)
        cube = _pick_cube(DATASETS["opportunities"], SPECS[0], Scope())
        assert cube is tables.opp_by_created
    kept = feed.dump()
    assert kept["rm_opp_by_created"], "the projector keeps the pre-aggregates"
    with transaction(feed.factory) as session:
        refill_opportunity_aggregates(session)
    refilled = feed.dump()
    assert refilled["rm_opp_by_created"] == kept["rm_opp_by_created"]
    assert refilled["rm_opp_by_closed"] == kept["rm_opp_by_closed"]
    assert refilled["rm_opp_by_campaign"] == kept["rm_opp_by_campaign"] != []
