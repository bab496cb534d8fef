"""Pure report rules: periods, builder validation, ageing buckets (R4), rates, NPS and ROI."""

from datetime import date

import pytest

from crm_chassis.errors import InvalidArgument
from reporting.domain.datasets import DATASETS
from reporting.domain.measures import ageing_bucket, nps, rate, roi
from reporting.domain.query import Filter, Measure, Period, QuerySpec, Scope, parse_period, spec_from_dict, validate


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2026", date(2026, 1, 1), date(2026, 12, 31)),
        ("2026-Q1", date(2026, 1, 1), date(2026, 3, 31)),
        ("2026-q4", date(2026, 10, 1), date(2026, 12, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2026-12", date(2026, 12, 1), date(2026, 12, 31)),
        ("2026-03-05", date(2026, 3, 5), date(2026, 3, 5)),
        ("2026-03-05..2026-04-01", date(2026, 3, 5), date(2026, 4, 1)),
        ("..2026-04-01", None, date(2026, 4, 1)),
        ("2026-03-05..", date(2026, 3, 5), None),
        (None, None, None),
    ],
)
def test_periods(text, start, end):
    assert parse_period(text) == Period(start, end)


@pytest.mark.parametrize("text", ["2026-13", "2026-Q5", "yesterday", "2026-02-30", "2026-04-01..2026-03-01"])
def test_bad_periods_are_refused(text):
    with pytest.raises(InvalidArgument) as refused:
        parse_period(text)
    assert refused.value.code == "report.period_invalid"


def test_the_builder_refuses_what_it_does_not_know():
    opps = DATASETS["opportunities"]
    validate(opps, QuerySpec("opportunities", ("stage", "created:quarter", "department"), (Measure("sum", "amount"),)))
    cases = [
        (QuerySpec("opportunities", ("colour",)), "report.unknown_dimension"),
        (QuerySpec("opportunities", ("created:fortnight",)), "report.unknown_dimension"),
        (QuerySpec("opportunities", ("a", "b", "c", "d")), "report.too_many_dimensions"),
        (QuerySpec("opportunities", (), (Measure("median", "amount"),)), "report.unknown_measure"),
        (QuerySpec("opportunities", (), (Measure("sum", "stage"),)), "report.unknown_measure"),
        (QuerySpec("opportunities", (), sort=(("amount", True),)), "report.unknown_sort"),
        (QuerySpec("opportunities", (), limit=0), "report.limit_invalid"),
    ]
    for spec, code in cases:
        with pytest.raises(InvalidArgument) as refused:
            validate(opps, spec)
        assert refused.value.code == code, spec


def test_definitions_parse_measures_filters_and_sort():
    spec = spec_from_dict(
        {
            "dataset": "work_orders",
            "group_by": ["type"],
            "measures": ["count", "avg:resolution_minutes"],
            "filters": [{"field": "status", "op": "in", "value": ["resolved", "closed"]}],
            "sort": ["-count"],
            "limit": 5,
        }
    )
    assert spec.measures == (Measure("count"), Measure("avg", "resolution_minutes"))
    assert spec.sort == (("count", True),) and spec.limit == 5
    validate(DATASETS["work_orders"], spec)


def test_scope_intersects_visible_owners_with_the_owner_filter():
    assert Scope().effective_owners() is None
    assert Scope(owners=frozenset({"a"})).effective_owners() == {"a"}
    assert Scope(visible_owners=frozenset({"a", "b"}), owners=frozenset({"b", "c"})).effective_owners() == {"b"}


@pytest.mark.parametrize(
    ("due", "bucket"),
    [
        ("2026-05-20", "not_yet_due"),
        ("2026-06-01", "not_yet_due"),
        ("2026-05-19", "1-30"),
        ("2026-04-20", "1-30"),
        ("2026-04-19", "31-60"),
        ("2026-03-21", "31-60"),
        ("2026-03-20", "61-90"),
        ("2026-02-19", "61-90"),
        ("2026-02-18", "90+"),
    ],
)
def test_ageing_counts_from_the_due_date(due, bucket):
    assert ageing_bucket(due, date(2026, 5, 20)) == bucket


def test_rates_nps_and_roi():
    assert rate(1, 3) == 33.33 and rate(0, 0) is None
    assert nps(5, 2, 10) == 30.0 and nps(0, 0, 0) is None
    assert roi(200, 50) == 300.0 and roi(10, 0) is None


@pytest.mark.parametrize(
    ("field", "op", "value"),
    [
        ("amount", "gt", "abc"),
        ("amount", "in", [1, "x"]),
        ("stage", "eq", 3),
        ("created", "gte", "March"),
        ("amount", "eq", True),
    ],
)
def test_filter_values_must_fit_the_field(field, op, value):
    spec = QuerySpec("opportunities", filters=(Filter(field, op, value),))
    with pytest.raises(InvalidArgument) as refused:
        validate(DATASETS["opportunities"], spec)
    assert refused.value.code == "report.filter_value_invalid"
    validate(DATASETS["opportunities"], QuerySpec("opportunities", filters=(Filter("amount", "gte", 100),)))
    validate(DATASETS["opportunities"], QuerySpec("opportunities", filters=(Filter("created", "gte", "2026-01-01"),)))
