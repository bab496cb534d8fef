"""The report builder's vocabulary (pure): datasets, dimensions, measures, filters, periods.

A `QuerySpec` asks one dataset for up to three group-by dimensions (a time bucket is written
`<date>:<day|week|month|quarter|year>`, e.g. `created:month`), measures (`count`, or
`sum|avg|min|max|distinct:<field>`), filters, sort and limit. `validate` refuses anything unknown
with InvalidArgument naming the offending part, before any SQL runs. Standard and custom reports
run through the same engine (reporting.persistence.query).
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date, timedelta
from typing import Any

from crm_chassis.errors import InvalidArgument

TIME_BUCKETS = ("day", "week", "month", "quarter", "year")
AGGREGATES = ("count", "sum", "avg", "min", "max", "distinct")
OPERATORS = ("eq", "ne", "in", "gt", "gte", "lt", "lte")
MAX_GROUP_BY = 3
MAX_LIMIT = 10_000


@dataclasses.dataclass(frozen=True)
class Dataset:
    """A read model the builder may query.

    `dimensions`: public name -> column name (or an expression name the engine knows);
    `fields`: numeric public name -> column; `dates`: public name -> `*_day` column;
    `owner`: the column the caller's data scope and the owner filter apply to.
    """

    name: str
    table: str
    owner: str
    dates: dict[str, str]
    dimensions: dict[str, str]
    fields: dict[str, str]
    label: str
    # Always-on conditions (column -> value), e.g. live customers only.
    fixed: tuple[tuple[str, Any], ...] = ()

    @property
    def default_date(self) -> str:
        return next(iter(self.dates))


@dataclasses.dataclass(frozen=True)
class Measure:
    fn: str
    field: str | None = None

    @property
    def label(self) -> str:
        return self.fn if self.field is None else f"{self.fn}_{self.field}"


@dataclasses.dataclass(frozen=True)
class Filter:
    field: str
    op: str
    value: Any


@dataclasses.dataclass(frozen=True)
class QuerySpec:
    dataset: str
    group_by: tuple[str, ...] = ()
    measures: tuple[Measure, ...] = (Measure("count"),)
    filters: tuple[Filter, ...] = ()
    sort: tuple[tuple[str, bool], ...] = ()  # (output column, descending)
    limit: int = 1000
    date_basis: str | None = None  # which of the dataset's dates the period applies to
    # Standard reports may group by more than the builder's three dimensions.
    internal: bool = False


@dataclasses.dataclass(frozen=True)
class Period:
    """Inclusive local dates; None = open."""

    start: date | None = None
    end: date | None = None

    @property
    def start_text(self) -> str | None:
        return None if self.start is None else self.start.isoformat()

    @property
    def end_text(self) -> str | None:
        return None if self.end is None else self.end.isoformat()


@dataclasses.dataclass(frozen=True)
class Scope:
    """Who asks and over what: `visible_owners` is the caller's data scope (None = all), `owners`
    an explicit owner filter (owner and/or department members, None = none), `departments` maps
    owner ids to their department for the `department` dimension."""

    visible_owners: frozenset[str] | None = None
    owners: frozenset[str] | None = None
    period: Period = Period()
    departments: dict[str, str] = dataclasses.field(default_factory=dict)

    def effective_owners(self) -> frozenset[str] | None:
        if self.visible_owners is None:
            return self.owners
        if self.owners is None:
            return self.visible_owners
        return self.visible_owners & self.owners


@dataclasses.dataclass
class Column:
    name: str
    kind: str  # "dimension" | "measure"


@dataclasses.dataclass
class Table:
    """A report answer: columns and rows (values are str, int, float or None)."""

    columns: list[Column]
    rows: list[list[Any]]
    title: str = ""
    basis: str = ""
    chart: str = "bar"

    def records(self) -> list[dict[str, Any]]:
        names = [c.name for c in self.columns]
        return [dict(zip(names, row, strict=True)) for row in self.rows]


def split_bucket(name: str) -> tuple[str, str | None]:
    base, _, bucket = name.partition(":")
    return base, bucket or None


def validate(dataset: Dataset, spec: QuerySpec) -> None:
    """Refuse unknown dimensions, measures, filters and sort keys, or too many group-bys."""
    if len(spec.group_by) > MAX_GROUP_BY and not spec.internal:
        raise InvalidArgument(
            f"at most {MAX_GROUP_BY} group-by dimensions", code="report.too_many_dimensions", field="group_by"
        )
    for name in spec.group_by:
        base, bucket = split_bucket(name)
        if bucket is not None:
            if base not in dataset.dates or bucket not in TIME_BUCKETS:
                raise InvalidArgument(
                    f"unknown time dimension {name!r} (dates: {', '.join(dataset.dates)}; "
                    f"buckets: {', '.join(TIME_BUCKETS)})",
                    code="report.unknown_dimension",
                    field="group_by",
                )
        elif base not in dataset.dimensions and base != "department":
            raise InvalidArgument(
                f"unknown dimension {name!r} of {dataset.name} (one of {', '.join(sorted(dataset.dimensions))})",
                code="report.unknown_dimension",
                field="group_by",
            )
    if not spec.measures:
        raise InvalidArgument("at least one measure", code="report.unknown_measure", field="measures")
    for m in spec.measures:
        if m.fn not in AGGREGATES:
            raise InvalidArgument(
                f"unknown measure {m.fn!r} (one of {', '.join(AGGREGATES)})",
                code="report.unknown_measure",
                field="measures",
            )
        if m.fn == "count" and m.field is None:
            continue
        known = dataset.fields if m.fn != "distinct" else {**dataset.fields, **dataset.dimensions}
        if m.field not in known:
            raise InvalidArgument(
                f"unknown measure field {m.field!r} for {m.fn} (one of {', '.join(sorted(known))})",
                code="report.unknown_measure",
                field="measures",
            )
    for f in spec.filters:
        if f.field not in dataset.dimensions and f.field not in dataset.fields and f.field not in dataset.dates:
            raise InvalidArgument(f"unknown filter field {f.field!r}", code="report.unknown_filter", field="filters")
        values = f.value if f.op == "in" and isinstance(f.value, list | tuple) else [f.value]
        numeric = f.field in dataset.fields
        for value in values:
            ok = (
                isinstance(value, int | float) and not isinstance(value, bool)
                if numeric
                else isinstance(value, str | bool) or (f.field in dataset.dates and isinstance(value, str))
            )
            if f.field in dataset.dates and not (isinstance(value, str) and _DAY.match(value)):
                ok = False
            if not ok:
                kind = "a number" if numeric else ("a YYYY-MM-DD date" if f.field in dataset.dates else "text")
                raise InvalidArgument(
                    f"filter {f.field!r} takes {kind}, not {value!r}",
                    code="report.filter_value_invalid",
                    field="filters",
                )
        if f.op not in OPERATORS:
            raise InvalidArgument(
                f"unknown filter operator {f.op!r} (one of {', '.join(OPERATORS)})",
                code="report.unknown_filter",
                field="filters",
            )
    outputs = set(spec.group_by) | {m.label for m in spec.measures}
    for key, _ in spec.sort:
        if key not in outputs:
            raise InvalidArgument(
                f"cannot sort by {key!r}: not an output column", code="report.unknown_sort", field="sort"
            )
    if not 1 <= spec.limit <= MAX_LIMIT:
        raise InvalidArgument(f"limit must be 1..{MAX_LIMIT}", code="report.limit_invalid", field="limit")
    if spec.date_basis is not None and spec.date_basis not in dataset.dates:
        raise InvalidArgument(
            f"unknown date basis {spec.date_basis!r}", code="report.unknown_dimension", field="date_basis"
        )


_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _parse_day(text: str) -> date:
    if not _DAY.match(text):
        raise ValueError(text)
    return date.fromisoformat(text)


def parse_period(text: str | None, start: str | None = None, end: str | None = None) -> Period:
    """`period` = YYYY | YYYY-Qn | YYYY-MM | YYYY-MM-DD | <day>..<day> (either side may be empty),
    or explicit `start` / `end` days. InvalidArgument on a malformed period or an end before its start."""
    try:
        if text:
            text = text.strip()
            if ".." in text:
                a, _, b = text.partition("..")
                start, end = a or None, b or None
            elif re.fullmatch(r"\d{4}", text):
                return Period(date(int(text), 1, 1), date(int(text), 12, 31))
            elif m := re.fullmatch(r"(\d{4})-[Qq]([1-4])", text):
                year, q = int(m[1]), int(m[2])
                first = date(year, 3 * q - 2, 1)
                nxt = date(year + (q == 4), 1 if q == 4 else 3 * q + 1, 1)
                return Period(first, nxt - timedelta(days=1))
            elif m := re.fullmatch(r"(\d{4})-(\d{2})", text):
                year, month = int(m[1]), int(m[2])
                first = date(year, month, 1)
                nxt = date(year + (month == 12), 1 if month == 12 else month + 1, 1)
                return Period(first, nxt - timedelta(days=1))
            else:
                start = end = text
        period = Period(_parse_day(start) if start else None, _parse_day(end) if end else None)
    except ValueError:
        raise InvalidArgument(
            f"period {text or f'{start}..{end}'!r} is not YYYY, YYYY-Qn, YYYY-MM, YYYY-MM-DD or <day>..<day>",
            code="report.period_invalid",
            field="period",
        ) from None
    if period.start and period.end and period.end < period.start:
        raise InvalidArgument(
            f"the period ends ({period.end}) before it starts ({period.start})",
            code="report.period_invalid",
            field="period",
        )
    return period


def spec_from_dict(body: dict[str, Any]) -> QuerySpec:
    """A QuerySpec from a saved definition's JSON (InvalidArgument if malformed)."""
    try:
        measures = []
        for raw in body.get("measures") or ["count"]:
            fn, _, field = str(raw).partition(":")
            measures.append(Measure(fn, field or None))
        filters = tuple(
            Filter(str(f["field"]), str(f.get("op", "eq")), f.get("value")) for f in body.get("filters") or []
        )
        sort = []
        for raw in body.get("sort") or []:
            raw = str(raw)
            sort.append((raw[1:], True) if raw.startswith("-") else (raw, False))
        return QuerySpec(
            dataset=str(body["dataset"]),
            group_by=tuple(str(g) for g in body.get("group_by") or []),
            measures=tuple(measures),
            filters=filters,
            sort=tuple(sort),
            limit=int(body.get("limit") or 1000),
            date_basis=body.get("date_basis") or None,
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise InvalidArgument(f"malformed report definition: {exc}", code="report.definition_invalid") from None
