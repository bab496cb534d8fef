"""The one SQL engine behind standard and custom reports: a validated QuerySpec over a dataset,
restricted to the caller's scope and period, grouped and aggregated in the database."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Date, Integer, String, and_, case, cast, func, literal, select
from sqlalchemy.orm import Session
from sqlalchemy.sql import ColumnElement, FromClause

from reporting.domain.datasets import DATASETS
from reporting.domain.query import Column, Dataset, QuerySpec, Scope, Table, split_bucket, validate
from reporting.persistence import tables as t


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


class _Source:
    """The FROM clause of a dataset and how to name its columns (derived ones included)."""

    def __init__(self, session: Session, dataset: Dataset, cube: Any = None) -> None:
        self.pg = _dialect(session) == "postgresql"
        self.dataset = dataset
        self.cube = cube
        name = dataset.table
        if cube is not None:
            self.from_ = cube
            # Day keys hold "" for none: read back as NULL, as in the opportunities table.
            self.cols = {k: (func.nullif(c, "") if k.endswith("_day") else c) for k, c in cube.c.items()}
        elif name == "rm_order_lines":
            self.from_: FromClause = t.order_lines.join(t.orders, t.orders.c.id == t.order_lines.c.order_id)
            self.cols = {**dict(t.orders.c.items()), **dict(t.order_lines.c.items())}
        else:
            table = t.metadata.tables[name]
            self.from_ = table
            self.cols = dict(table.c.items())
        # Aggregates joined only when a derived column needs them (one hash join, not a subquery per row).
        self._joined: dict[str, Any] = {}

    def _join(self, name: str) -> Any:
        if name not in self._joined:
            c = self.cols
            if name == "visits":
                v = t.visits
                sub = (
                    select(v.c.work_order_id, func.count().label("n"))
                    .where(v.c.status == "completed")
                    .group_by(v.c.work_order_id)
                    .subquery("completed_visits")
                )
                self.from_ = self.from_.outerjoin(sub, sub.c.work_order_id == c["id"])
            else:
                s = t.lead_statuses
                rank = case(
                    (s.c.status == "converted", 3),
                    (s.c.status == "qualified", 2),
                    (s.c.status == "contacted", 1),
                    else_=0,
                )
                converted = case((s.c.status == "converted", s.c.at), else_=None)
                sub = (
                    select(s.c.lead_id, func.max(rank).label("reached"), func.min(converted).label("converted_at"))
                    .group_by(s.c.lead_id)
                    .subquery("lead_progress")
                )
                self.from_ = self.from_.outerjoin(sub, sub.c.lead_id == c["id"])
            self._joined[name] = sub
        return self._joined[name]

    def col(self, name: str) -> ColumnElement[Any]:
        c = self.cols
        if name in c:
            return c[name]
        if name == "weighted_amount":
            return c["amount"] * c["probability"] / 100.0
        if name == "close_day":
            return c["close_month"] + literal("-01")
        if name == "month_day":
            return c["month"] + literal("-01")
        if name == "rep":
            return func.coalesce(func.nullif(c["to_owner_id"], ""), c["from_owner_id"])
        if name == "completed_visits":
            return func.coalesce(self._join("visits").c.n, 0)
        if name == "first_time_fix":
            visits = self.col("completed_visits")
            return case(
                (and_(c["resolved_at"].isnot(None), c["reopen_count"] == 0, visits <= 1), "yes"),
                (c["resolved_at"].isnot(None), "no"),
                else_="open",
            )
        if name in _FLAGS:
            return case((_FLAGS[name](self), 1), else_=0)
        if name == "won_amount":
            return case((c["status"] == "won", c["amount"]), else_=0)
        if name == "stage_reached":
            return func.coalesce(self._join("leads").c.reached, 0)
        if name == "days_to_convert":
            at = self._join("leads").c.converted_at
            if self.pg:
                return func.extract("epoch", at - c["created_at"]) / 86400.0
            return func.julianday(at) - func.julianday(c["created_at"])
        raise KeyError(name)

    def bucket(self, day: ColumnElement[Any], bucket: str) -> ColumnElement[Any]:
        if bucket == "day":
            return day
        if bucket == "month":
            return func.substr(day, 1, 7)
        if bucket == "year":
            return func.substr(day, 1, 4)
        if bucket == "quarter":
            quarter = (cast(func.substr(day, 6, 2), Integer) + 2) / 3
            return func.substr(day, 1, 4) + literal("-Q") + cast(quarter, String)
        # week: the Monday that starts it
        if self.pg:
            return func.to_char(func.date_trunc("week", cast(day, Date)), "YYYY-MM-DD")
        return func.date(day, "-6 days", "weekday 1")


def _flag_fr_met(s: _Source) -> ColumnElement[Any]:
    return and_(s.cols["responded"].is_(True), s.cols["first_response_breached"].is_(False))


def _flag_res_met(s: _Source) -> ColumnElement[Any]:
    return and_(s.cols["resolved_at"].isnot(None), s.cols["resolution_breached"].is_(False))


# Derived 0/1 fields: sum them to count the rows meeting the condition.
_FLAGS = {
    "responded_n": lambda s: s.cols["responded"].is_(True),
    "fr_due_n": lambda s: (s.cols["responded"].is_(True)) | (s.cols["first_response_breached"].is_(True)),
    "fr_met_n": _flag_fr_met,
    "resolved_n": lambda s: s.cols["resolved_at"].isnot(None),
    "res_due_n": lambda s: (s.cols["resolved_at"].isnot(None)) | (s.cols["resolution_breached"].is_(True)),
    "res_met_n": _flag_res_met,
    "ftf_n": lambda s: s.col("first_time_fix") == "yes",
    "open_n": lambda s: s.cols["status"].notin_(("resolved", "closed", "cancelled")),
    "promoter_n": lambda s: s.cols["nps"] >= 9,
    "detractor_n": lambda s: s.cols["nps"] <= 6,
    "converted_n": lambda s: s.col("stage_reached") == 3,
    "won_n": lambda s: s.cols["status"] == "won",
    "lost_n": lambda s: s.cols["status"] == "lost",
    "completed_n": lambda s: s.cols["status"] == "completed",
}


def _department(source: _Source, scope: Scope) -> ColumnElement[Any]:
    owner = source.col(source.dataset.owner)
    if not scope.departments:
        return literal("")
    return case({o: d for o, d in sorted(scope.departments.items())}, value=owner, else_=literal(""))


# Measures the opportunity pre-aggregates answer: (fn, field) -> expression over a cube's columns.
_CUBE_MEASURES: dict[tuple[str, str | None], Callable[[Any], ColumnElement[Any]]] = {
    ("count", None): lambda c: func.sum(c.n),
    ("sum", "amount"): lambda c: func.sum(c.amount),
    ("sum", "weighted_amount"): lambda c: func.sum(c.weighted_x100) / 100.0,
    ("sum", "won_n"): lambda c: func.sum(case((c.status == "won", c.n), else_=0)),
    ("sum", "lost_n"): lambda c: func.sum(case((c.status == "lost", c.n), else_=0)),
    ("sum", "won_amount"): lambda c: func.sum(case((c.status == "won", c.amount), else_=0)),
}
_DERIVED_NEEDS = {"close_day": "close_month", "weighted_amount": "amount"}


def _pick_cube(dataset: Dataset, spec: QuerySpec, scope: Scope) -> Any:
    """The smallest opportunity pre-aggregate holding every column `spec` needs, else None."""
    if dataset.name != "opportunities":
        return None
    if any((m.fn, m.field) not in _CUBE_MEASURES for m in spec.measures):
        return None
    needed: set[str] = set()
    if scope.effective_owners() is not None or "department" in spec.group_by:
        needed.add(dataset.owner)
    for name in spec.group_by:
        base, bucket = split_bucket(name)
        if bucket is not None:
            needed.add(dataset.dates[base])
        elif base != "department":
            needed.add(dataset.dimensions[base])
    for f in spec.filters:
        needed.add(dataset.dimensions.get(f.field) or dataset.fields.get(f.field) or dataset.dates[f.field])
    if scope.period.start is not None or scope.period.end is not None:
        needed.add(dataset.dates[spec.date_basis or dataset.default_date])
    needed = {_DERIVED_NEEDS.get(n, n) for n in needed}
    for cube in (t.opp_by_campaign, t.opp_by_closed, t.opp_by_created):
        if needed <= set(cube.c.keys()) - {"n", "amount", "weighted_x100"}:
            return cube
    return None


def _measure(source: _Source, fn: str, field: str | None) -> ColumnElement[Any]:
    if source.cube is not None:
        return _CUBE_MEASURES[(fn, field)](source.cube.c)
    if fn == "count":
        return func.count()
    assert field is not None
    dataset = source.dataset
    col = source.col(dataset.fields.get(field) or dataset.dimensions[field])
    if fn == "distinct":
        return func.count(func.distinct(col))
    return {"sum": func.sum, "avg": func.avg, "min": func.min, "max": func.max}[fn](col)


def _value(raw: Any) -> Any:
    if raw is None or isinstance(raw, bool | int | str):
        return raw
    number = float(raw)
    return int(number) if number.is_integer() else round(number, 4)


def run_query(session: Session, spec: QuerySpec, scope: Scope, *, title: str = "", basis: str = "") -> Table:
    """Answer `spec` over the rows `scope` allows (owners, period); values are plain numbers/strings."""
    dataset = DATASETS.get(spec.dataset)
    if dataset is None:
        from crm_chassis.errors import InvalidArgument

        raise InvalidArgument(
            f"unknown dataset {spec.dataset!r} (one of {', '.join(sorted(DATASETS))})",
            code="report.unknown_dataset",
            field="dataset",
        )
    validate(dataset, spec)
    source = _Source(session, dataset, _pick_cube(dataset, spec, scope))
    outputs: list[ColumnElement[Any]] = []
    columns: list[Column] = []
    for name in spec.group_by:
        base, bucket = split_bucket(name)
        if bucket is not None:
            expr = source.bucket(source.col(dataset.dates[base]), bucket)
        elif base == "department":
            expr = _department(source, scope)
        else:
            expr = source.col(dataset.dimensions[base])
        outputs.append(expr.label(f"g{len(outputs)}"))
        columns.append(Column(name, "dimension"))
    for i, m in enumerate(spec.measures):
        outputs.append(_measure(source, m.fn, m.field).label(f"m{i}"))
        columns.append(Column(m.label, "measure"))
    query = select(*outputs)
    for col, value in dataset.fixed:
        query = query.where(source.col(col) == value)
    owners = scope.effective_owners()
    if owners is not None:
        query = query.where(source.col(dataset.owner).in_(sorted(owners)))
    day = source.col(dataset.dates[spec.date_basis or dataset.default_date])
    if scope.period.start is not None:
        query = query.where(day >= scope.period.start_text)
    if scope.period.end is not None:
        query = query.where(day <= scope.period.end_text)
    for f in spec.filters:
        name = dataset.dimensions.get(f.field) or dataset.fields.get(f.field) or dataset.dates[f.field]
        col = source.col(name)
        if f.op == "in":
            values = f.value if isinstance(f.value, list | tuple) else [f.value]
            query = query.where(col.in_(list(values)))
        else:
            op = {"eq": "__eq__", "ne": "__ne__", "gt": "__gt__", "gte": "__ge__", "lt": "__lt__", "lte": "__le__"}[
                f.op
            ]
            query = query.where(getattr(col, op)(f.value))
    if spec.group_by:
        query = query.group_by(*[outputs[i] for i in range(len(spec.group_by))])
    names = [c.name for c in columns]
    order = []
    for key, desc in spec.sort:
        expr = outputs[names.index(key)]
        order.append(expr.desc() if desc else expr.asc())
    order.extend(outputs[i].asc() for i in range(len(spec.group_by)))
    if order:
        query = query.order_by(*order)
    query = query.select_from(source.from_).limit(spec.limit)
    rows = [[_value(v) for v in row] for row in session.execute(query).all()]
    return Table(columns=columns, rows=rows, title=title or dataset.label, basis=basis)
