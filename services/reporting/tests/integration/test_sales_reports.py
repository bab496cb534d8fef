"""Standard reports 1-12 from a known customers + sales history (scenario_sales), with exact
figures; a rep sees only their own rows, a manager the department, filters narrow further."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from crm_chassis.errors import InvalidArgument
from crm_chassis.identity import Caller

sys.path.insert(0, str(Path(__file__).parent))
from scenario_sales import DEPARTMENTS, events

pytestmark = pytest.mark.integration

REP_A = Caller(user_id="a", visible_owners=frozenset({"a"}))
MANAGER = Caller(user_id="m", visible_owners=frozenset({"a", "b", "m"}))


@pytest.fixture
def sales(feed):
    for event in events():
        feed.send(*event)
    return feed


def rows(records):
    return [tuple(r.values()) for r in records]


def test_sales_funnel(sales):
    assert rows(sales.report("sales_funnel")) == [("proposal", 2, 400000, 200000), ("qualify", 1, 10000, 1000)]
    assert rows(sales.report("sales_funnel", "2026-02")) == [
        ("proposal", 1, 300000, 150000),
        ("qualify", 1, 10000, 1000),
    ]
    assert rows(sales.report("sales_funnel", caller=REP_A)) == [
        ("proposal", 1, 100000, 50000),
        ("qualify", 1, 10000, 1000),
    ]
    assert rows(sales.report("sales_funnel", caller=MANAGER, owners={"b"})) == [("proposal", 1, 300000, 150000)]


def test_win_loss(sales):
    assert rows(sales.report("win_loss", "2026-Q1")) == [
        ("2026-03", "a", 1, 0, 100.0, 200000, ""),
        ("2026-03", "b", 0, 1, 0.0, 0, "price: 1"),
    ]
    assert rows(sales.report("win_loss", "2026-02")) == []


def test_pipeline_forecast(sales):
    assert rows(sales.report("pipeline_forecast")) == [("2026-04", 2, 110000, 51000), ("2026-05", 1, 300000, 150000)]
    assert rows(sales.report("pipeline_forecast", "2026-05")) == [("2026-05", 1, 300000, 150000)]


def test_target_attainment(sales):
    got = rows(sales.report("target_attainment", "2026", departments=DEPARTMENTS))
    assert got == [
        ("company", "", "receipts", "2026-03", 100000, 60000, 60.0),
        ("department", "d1", "won_amount", "2026-03", 150000, 200000, 133.33),
        ("user", "a", "contract_amount", "2026-03", 250000, 200000, 80.0),
    ]
    quarter = rows(sales.report("target_attainment", "2026", departments=DEPARTMENTS, granularity="quarter"))
    assert [r[3] for r in quarter] == ["2026-Q1"] * 3
    # Rep b: no user target of theirs, and a's actuals are outside the scope.
    as_b = rows(
        sales.report(
            "target_attainment",
            "2026",
            caller=Caller(user_id="b", visible_owners=frozenset({"b"})),
            departments=DEPARTMENTS,
        )
    )
    assert as_b == [
        ("company", "", "receipts", "2026-03", 100000, 0, 0.0),
        ("department", "d1", "won_amount", "2026-03", 150000, 0, 0.0),
    ]


def test_sales_by_product_and_orders_trend(sales):
    assert rows(sales.report("sales_by_product", "2026-03")) == [
        ("", "P1", "Widget", 2, 230000),
        ("", "P2", "Service", 1, 50000),
    ]
    assert rows(sales.report("orders_trend", "2026")) == [("2026-03", 2, 280000)]
    assert rows(sales.report("orders_trend", "2026", caller=REP_A, granularity="day")) == [("2026-03-11", 1, 200000)]


def test_receivables(sales):
    assert rows(sales.report("receivables", as_of="2026-05-20")) == [
        ("planned_vs_received", "2026-03", 100000, 60000, 40000, None),
        ("planned_vs_received", "2026-04", 100000, 0, 100000, None),
        ("ageing", "not_yet_due", None, None, 0, 0),
        ("ageing", "1-30", None, None, 0, 0),
        ("ageing", "31-60", None, None, 100000, 1),
        ("ageing", "61-90", None, None, 40000, 1),
        ("ageing", "90+", None, None, 0, 0),
    ]
    # As of the day before the receipt, i1 is still fully outstanding and 1-30 days late.
    ageing = {r[1]: r[4] for r in rows(sales.report("receivables", as_of="2026-03-19")) if r[0] == "ageing"}
    assert ageing == {"not_yet_due": 100000, "1-30": 100000, "31-60": 0, "61-90": 0, "90+": 0}


def test_rep_activity_and_new_customers(sales):
    assert rows(sales.report("rep_activity")) == [
        ("2026-03-02", "a", 2),
        ("2026-03-02", "b", 1),
        ("2026-03-09", "a", 1),
    ]
    assert rows(sales.report("rep_activity", granularity="month", caller=REP_A)) == [("2026-03", "a", 3)]
    assert rows(sales.report("new_customers", "2026")) == [("2026-01", "a", 2), ("2026-02", "b", 1)]


def test_customer_distribution_pool_flow_and_dormant(sales):
    assert rows(sales.report("customer_distribution")) == [
        ("classification", "important", 1),
        ("classification", "potential", 1),
        ("classification", "vip", 2),
        ("industry", "retail", 2),
        ("industry", "tech", 2),
        ("region", "east", 2),
        ("region", "west", 2),
        ("source", "fair", 1),
        ("source", "web", 3),
    ]
    assert rows(sales.report("pool_flow")) == [("a", 1, 1, 0, 1, 0), ("b", 0, 0, 0, 1, 0)]
    assert rows(sales.report("dormant_customers", as_of="2026-03-31", days="30")) == [("a", 2, 30), ("b", 1, 30)]
    assert rows(sales.report("dormant_customers", as_of="2026-03-31", days="60")) == [("a", 1, 60), ("b", 1, 60)]


def test_bad_requests_are_refused(sales):
    with pytest.raises(InvalidArgument) as unknown:
        sales.report("no_such_report")
    assert unknown.value.code == "report.unknown"
    with pytest.raises(InvalidArgument) as backwards:
        sales.report("sales_funnel", "2026-03-31..2026-03-01")
    assert backwards.value.code == "report.period_invalid"
    with pytest.raises(InvalidArgument):
        sales.report("orders_trend", granularity="fortnight")
    with pytest.raises(InvalidArgument):
        sales.report("sales_funnel", colour="red")
