"""The 21 standard reports: each a few engine queries (reporting.persistence.query) plus pure
arithmetic (reporting.domain.measures), over the caller's scope and period.

Every report states its date basis, status filter and attribution rule (R2) in `basis`.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from crm_chassis.errors import InvalidArgument
from reporting.domain.facts import LEAD_FUNNEL
from reporting.domain.measures import AGEING_BUCKETS, AGEING_EDGES, nps, rate, roi
from reporting.domain.query import TIME_BUCKETS, Column, Filter, Measure, QuerySpec, Scope, Table
from reporting.persistence import tables as t
from reporting.persistence.query import run_query

Params = dict[str, str]


@dataclasses.dataclass(frozen=True)
class Context:
    session: Session
    scope: Scope
    params: Params
    zone: tzinfo

    def q(self, spec: QuerySpec) -> Table:
        return run_query(self.session, spec, self.scope)

    def granularity(self, default: str = "month") -> str:
        value = self.params.get("granularity") or default
        if value not in TIME_BUCKETS:
            raise InvalidArgument(
                f"granularity must be one of {', '.join(TIME_BUCKETS)}",
                code="report.param_invalid",
                field="granularity",
            )
        return value

    def as_of(self) -> date:
        raw = self.params.get("as_of")
        if not raw:
            return datetime.now(self.zone).date()
        try:
            return date.fromisoformat(raw)
        except ValueError:
            raise InvalidArgument("as_of must be YYYY-MM-DD", code="report.param_invalid", field="as_of") from None

    def int_param(self, name: str, default: int) -> int:
        raw = self.params.get(name)
        if not raw:
            return default
        try:
            value = int(raw)
        except ValueError:
            value = -1
        if value < 0:
            raise InvalidArgument(f"{name} must be a whole number >= 0", code="report.param_invalid", field=name)
        return value

    def owners_clause(self, column: Any) -> Any:
        owners = self.scope.effective_owners()
        return True if owners is None else column.in_(sorted(owners))


def _table(names: list[tuple[str, str]], rows: list[list[Any]]) -> Table:
    return Table([Column(n, k) for n, k in names], rows)


def _d(name: str) -> tuple[str, str]:
    return (name, "dimension")


def _m(name: str) -> tuple[str, str]:
    return (name, "measure")


# ---------------------------------------------------------------------------- 1-12 customers & sales


def sales_funnel(c: Context) -> Table:
    got = c.q(
        QuerySpec(
            "opportunities",
            ("stage",),
            (Measure("count"), Measure("sum", "amount"), Measure("sum", "weighted_amount")),
            (Filter("status", "eq", "open"),),
        )
    )
    rows = [[s, n, a or 0, round(w or 0)] for s, n, a, w in got.rows]
    rows.sort(key=lambda r: (-r[1], r[0]))
    return _table([_d("stage"), _m("count"), _m("amount"), _m("weighted_amount")], rows)


def win_loss(c: Context) -> Table:
    bucket = f"closed:{c.granularity()}"
    counts = c.q(
        QuerySpec(
            "opportunities",
            (bucket, "owner"),
            (Measure("sum", "won_n"), Measure("sum", "lost_n"), Measure("count"), Measure("sum", "won_amount")),
            (Filter("status", "in", ["won", "lost"]),),
            date_basis="closed",
            limit=10_000,
        )
    )
    reasons = c.q(
        QuerySpec(
            "opportunities",
            (bucket, "owner", "lost_reason"),
            (Measure("count"),),
            (Filter("status", "eq", "lost"),),
            date_basis="closed",
            limit=10_000,
        )
    )
    why: dict[tuple[str, str], list[str]] = defaultdict(list)
    for p, o, reason, n in sorted(reasons.rows, key=lambda r: (r[0], r[1], -r[3], r[2])):
        why[(p, o)].append(f"{reason or '(none)'}: {n}")
    rows = [
        [p, o, int(w or 0), int(lo or 0), rate(w, n), int(amount or 0), "; ".join(why.get((p, o), []))]
        for p, o, w, lo, n, amount in counts.rows
    ]
    return _table(
        [_d("period"), _d("owner"), _m("won"), _m("lost"), _m("win_rate"), _m("won_amount"), _d("lost_reasons")], rows
    )


def pipeline_forecast(c: Context) -> Table:
    got = c.q(
        QuerySpec(
            "opportunities",
            ("close_month",),
            (Measure("count"), Measure("sum", "amount"), Measure("sum", "weighted_amount")),
            (Filter("status", "eq", "open"),),
            date_basis="expected_close",
        )
    )
    return _table(
        [_d("close_month"), _m("count"), _m("amount"), _m("weighted_amount")],
        [[m, n, a or 0, round(w or 0)] for m, n, a, w in got.rows],
    )


def _period_label(month: str, granularity: str) -> str:
    if granularity == "year":
        return month[:4]
    if granularity == "quarter":
        return f"{month[:4]}-Q{(int(month[5:7]) + 2) // 3}"
    return month


def _actuals(c: Context) -> dict[str, dict[tuple[str, str], int]]:
    """metric -> (owner, month) -> actual (S16 definitions; credited owner for contracts)."""
    per: dict[str, dict[tuple[str, str], int]] = {}
    specs = {
        "contract_amount": QuerySpec(
            "contracts",
            ("owner", "signed:month"),
            (Measure("sum", "value"),),
            (Filter("status", "ne", "voided"),),
            limit=10_000,
        ),
        "receipts": QuerySpec("receipts", ("owner", "received:month"), (Measure("sum", "amount"),), limit=10_000),
        "won_amount": QuerySpec(
            "opportunities",
            ("owner", "closed:month"),
            (Measure("sum", "amount"),),
            (Filter("status", "eq", "won"),),
            date_basis="closed",
            limit=10_000,
        ),
        "order_amount": QuerySpec(
            "orders",
            ("owner", "confirmed:month"),
            (Measure("sum", "total"),),
            (Filter("status", "in", ["confirmed", "fulfilled"]),),
            limit=10_000,
        ),
        "new_customers": QuerySpec(
            "owner_moves",
            ("to_owner", "at:month"),
            (Measure("count"),),
            (Filter("reason", "eq", "create"), Filter("to_owner", "ne", "")),
            limit=10_000,
        ),
    }
    for metric, spec in specs.items():
        per[metric] = {(o, m): int(v or 0) for o, m, v in c.q(spec).rows if m}
    return per


def target_attainment(c: Context) -> Table:
    granularity = c.granularity("month")
    if granularity not in ("month", "quarter", "year"):
        raise InvalidArgument(
            "granularity must be month, quarter or year", code="report.param_invalid", field="granularity"
        )
    targets = run_query(
        c.session,
        QuerySpec(
            "targets",
            ("scope_type", "scope", "metric", "month"),
            (Measure("sum", "value"),),
            limit=10_000,
            internal=True,
        ),
        dataclasses.replace(c.scope, visible_owners=None, owners=None),
    )
    visible = c.scope.effective_owners()
    actuals = _actuals(c)
    wanted: dict[tuple[str, str, str, str], list[int]] = {}
    for scope_type, scope_id, metric, month, value in targets.rows:
        if scope_type == "user" and visible is not None and scope_id not in visible:
            continue
        key = (scope_type, scope_id, metric, _period_label(month, granularity))
        wanted.setdefault(key, [0, 0])[0] += int(value or 0)
        members: Callable[[str], bool]
        if scope_type == "user":
            members = lambda o, sid=scope_id: o == sid  # noqa: E731
        elif scope_type == "department":
            members = lambda o, sid=scope_id: c.scope.departments.get(o) == sid  # noqa: E731
        else:
            members = lambda o: True  # noqa: E731
        wanted[key][1] += sum(v for (o, m), v in actuals.get(metric, {}).items() if m == month and members(o))
    rows = [
        [st, sid, metric, period, tv, av, rate(av, tv)]
        for (st, sid, metric, period), (tv, av) in sorted(wanted.items())
    ]
    return _table(
        [_d("scope_type"), _d("scope"), _d("metric"), _d("period"), _m("target"), _m("actual"), _m("attainment")], rows
    )


def sales_by_product(c: Context) -> Table:
    got = c.q(
        QuerySpec(
            "order_lines",
            ("category", "product", "product_name"),
            (Measure("count"), Measure("sum", "net")),
            (Filter("status", "in", ["confirmed", "fulfilled"]),),
            sort=(("sum_net", True),),
        )
    )
    return _table([_d("category"), _d("product"), _d("product_name"), _m("lines"), _m("net")], got.rows)


def orders_trend(c: Context) -> Table:
    got = c.q(
        QuerySpec(
            "orders",
            (f"confirmed:{c.granularity()}",),
            (Measure("count"), Measure("sum", "total")),
            (Filter("status", "in", ["confirmed", "fulfilled"]),),
        )
    )
    return _table([_d("period"), _m("orders"), _m("revenue")], got.rows)


def receivables(c: Context) -> Table:
    as_of = c.as_of()
    planned = c.q(QuerySpec("instalments", ("due:month",), (Measure("sum", "amount"),), limit=10_000))
    received = c.q(QuerySpec("receipts", ("received:month",), (Measure("sum", "amount"),), limit=10_000))
    months: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for m, v in planned.rows:
        months[m][0] = int(v or 0)
    for m, v in received.rows:
        months[m][1] = int(v or 0)
    rows: list[list[Any]] = [["planned_vs_received", m, p, r, p - r, None] for m, (p, r) in sorted(months.items())]
    # Ageing (R4): outstanding = planned - received (receipts on or before as_of) per instalment.
    i, a, r = t.instalments, t.allocations, t.receipts
    paid = (
        select(a.c.instalment_id, func.sum(a.c.amount).label("paid"))
        .select_from(a.join(r, r.c.id == a.c.receipt_id))
        .where(r.c.received_day <= as_of.isoformat())
        .group_by(a.c.instalment_id)
        .subquery()
    )
    bucket = case(
        (i.c.due_day.is_(None), AGEING_BUCKETS[0]),
        *((i.c.due_day >= (as_of - timedelta(days=days)).isoformat(), name) for name, days in AGEING_EDGES),
        else_=AGEING_BUCKETS[-1],
    ).label("bucket")
    outstanding = (i.c.amount - func.coalesce(paid.c.paid, 0)).label("outstanding")
    per_instalment = (
        select(bucket, outstanding)
        .select_from(i.outerjoin(paid, paid.c.instalment_id == i.c.id))
        .where(c.owners_clause(i.c.owner_id))
        .subquery()
    )
    query = (
        select(per_instalment.c.bucket, func.sum(per_instalment.c.outstanding), func.count())
        .where(per_instalment.c.outstanding > 0)
        .group_by(per_instalment.c.bucket)
    )
    buckets = {b: [0, 0] for b in AGEING_BUCKETS}
    for name, total, n in c.session.execute(query):
        buckets[name] = [int(total), int(n)]
    rows += [["ageing", b, None, None, v, n] for b, (v, n) in buckets.items()]
    return _table([_d("section"), _d("key"), _m("planned"), _m("received"), _m("outstanding"), _m("instalments")], rows)


def rep_activity(c: Context) -> Table:
    got = c.q(
        QuerySpec("activities", (f"occurred:{c.granularity('week')}", "owner"), (Measure("count"),), limit=10_000)
    )
    return _table([_d("period"), _d("owner"), _m("follow_ups")], got.rows)


def new_customers(c: Context) -> Table:
    got = c.q(
        QuerySpec(
            "owner_moves",
            (f"at:{c.granularity()}", "to_owner"),
            (Measure("count"),),
            (Filter("reason", "eq", "create"), Filter("to_owner", "ne", "")),
            limit=10_000,
        )
    )
    return _table([_d("period"), _d("owner"), _m("new_customers")], got.rows)


def customer_distribution(c: Context) -> Table:
    rows = []
    for dim in ("classification", "industry", "region", "source"):
        for value, n in c.q(QuerySpec("customers", (dim,), (Measure("count"),), limit=10_000)).rows:
            rows.append([dim, value, n])
    return _table([_d("dimension"), _d("value"), _m("customers")], rows)


def pool_flow(c: Context) -> Table:
    got = c.q(
        QuerySpec(
            "owner_moves",
            ("rep", "reason"),
            (Measure("count"),),
            (Filter("reason", "in", ["release", "recycle", "claim", "assign"]),),
            limit=10_000,
        )
    )
    per: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for rep, reason, n in got.rows:
        per[rep][reason] += n
    rows = [
        [rep, v["release"] + v["recycle"], v["release"], v["recycle"], v["claim"], v["assign"]]
        for rep, v in sorted(per.items())
    ]
    return _table([_d("rep"), _m("returned"), _m("released"), _m("recycled"), _m("claimed"), _m("assigned")], rows)


def dormant_customers(c: Context) -> Table:
    days = c.int_param("days", 30)
    as_of = c.as_of()
    cutoff = datetime.combine(as_of - timedelta(days=days), datetime.min.time(), tzinfo=c.zone)
    f = t.customer_facts
    last = func.coalesce(f.c.last_follow_up_at, f.c.created_at)
    query = (
        select(f.c.owner_id, func.count())
        .where(f.c.deleted.is_(False), f.c.owner_id != "", last < cutoff, c.owners_clause(f.c.owner_id))
        .group_by(f.c.owner_id)
        .order_by(func.count().desc(), f.c.owner_id)
    )
    rows = [[o, n, days] for o, n in c.session.execute(query)]
    return _table([_d("owner"), _m("dormant_customers"), _m("days")], rows)


# ---------------------------------------------------------------------------- 13-21 marketing & service


def lead_sources(c: Context) -> Table:
    got = c.q(
        QuerySpec(
            "leads", ("source",), (Measure("count"), Measure("sum", "converted_n"), Measure("avg", "days_to_convert"))
        )
    )
    rows = [[s, n, int(conv or 0), rate(conv, n), None if d is None else round(d, 2)] for s, n, conv, d in got.rows]
    return _table([_d("source"), _m("leads"), _m("converted"), _m("conversion_rate"), _m("avg_days_to_convert")], rows)


def campaign_roi(c: Context) -> Table:
    camps = c.q(QuerySpec("campaigns", ("name",), (Measure("sum", "actual_cost"),), limit=10_000))
    ids = c.session.execute(select(t.campaigns.c.name, t.campaigns.c.id)).all()
    by_name: dict[str, list[str]] = {}
    for name, cid in ids:
        by_name.setdefault(name, []).append(cid)
    # Leads and opportunities count for their campaign whoever owns them (the campaign is in scope).
    unscoped = dataclasses.replace(c.scope, owners=None, visible_owners=None)
    attributed = (Filter("campaign", "ne", ""),)
    leads = dict(
        run_query(c.session, QuerySpec("leads", ("campaign",), filters=attributed, limit=10_000), unscoped).rows
    )
    opps = run_query(
        c.session,
        QuerySpec(
            "opportunities", ("campaign",), (Measure("count"), Measure("sum", "won_amount")), attributed, limit=10_000
        ),
        unscoped,
    ).rows
    opp_counts = {cid: (n, int(won or 0)) for cid, n, won in opps}
    rows = []
    for name, cost in camps.rows:
        cids = by_name.get(name, [])
        n_leads = sum(leads.get(x, 0) for x in cids)
        n_opps = sum(opp_counts.get(x, (0, 0))[0] for x in cids)
        won_amount = sum(opp_counts.get(x, (0, 0))[1] for x in cids)
        rows.append([name, int(cost or 0), n_leads, n_opps, won_amount, roi(won_amount, int(cost or 0))])
    return _table([_d("campaign"), _m("cost"), _m("leads"), _m("opportunities"), _m("won_amount"), _m("roi")], rows)


def lead_funnel(c: Context) -> Table:
    got = c.q(QuerySpec("leads", ("stage_reached",), (Measure("count"),)))
    counts = {int(rank or 0): n for rank, n in got.rows}
    total = sum(counts.values())
    rows = []
    for rank, stage in enumerate(LEAD_FUNNEL):
        n = sum(v for r, v in counts.items() if r >= rank)
        rows.append([stage, n, rate(n, total)])
    return _table([_d("stage"), _m("leads"), _m("share")], rows)


def work_order_volume(c: Context) -> Table:
    got = c.q(QuerySpec("work_orders", ("type", "status", "priority"), (Measure("count"),), limit=10_000))
    return _table([_d("type"), _d("status"), _d("priority"), _m("work_orders")], got.rows)


def sla_compliance(c: Context) -> Table:
    got = c.q(
        QuerySpec(
            "work_orders",
            ("priority",),
            tuple(Measure("sum", f) for f in ("fr_due_n", "fr_met_n", "res_due_n", "res_met_n")),
        )
    )
    rows = [[p, int(fd), int(fm), rate(fm, fd), int(rd), int(rm), rate(rm, rd)] for p, fd, fm, rd, rm in got.rows]
    return _table(
        [
            _d("priority"),
            _m("first_response_due"),
            _m("first_response_met"),
            _m("first_response_rate"),
            _m("resolution_due"),
            _m("resolution_met"),
            _m("resolution_rate"),
        ],
        rows,
    )


def resolution_time(c: Context) -> Table:
    got = c.q(
        QuerySpec(
            "work_orders",
            ("type",),
            (Measure("sum", "resolved_n"), Measure("avg", "resolution_minutes"), Measure("sum", "ftf_n")),
            (Filter("status", "in", ["resolved", "closed"]),),
        )
    )
    rows = [[ty, int(n), None if a is None else round(a, 2), int(f), rate(f, n)] for ty, n, a, f in got.rows]
    return _table(
        [_d("type"), _m("resolved"), _m("avg_resolution_minutes"), _m("first_time_fix"), _m("first_time_fix_rate")],
        rows,
    )


def complaints(c: Context) -> Table:
    got = c.q(
        QuerySpec(
            "complaints",
            ("category", "severity"),
            (Measure("count"), Measure("avg", "handling_minutes"), Measure("max", "handling_minutes")),
        )
    )
    rows = [[cat, sev, n, None if a is None else round(a, 2), mx] for cat, sev, n, a, mx in got.rows]
    return _table(
        [_d("category"), _d("severity"), _m("complaints"), _m("avg_handling_minutes"), _m("max_handling_minutes")], rows
    )


def satisfaction(c: Context) -> Table:
    got = c.q(
        QuerySpec(
            "return_visits",
            (f"completed:{c.granularity()}",),
            (Measure("count"), Measure("avg", "score"), Measure("sum", "promoter_n"), Measure("sum", "detractor_n")),
            (Filter("status", "eq", "completed"),),
        )
    )
    rows = [
        [p, n, None if s is None else round(s, 2), int(pr), int(de), nps(int(pr), int(de), n)]
        for p, n, s, pr, de in got.rows
    ]
    return _table(
        [_d("period"), _m("return_visits"), _m("avg_score"), _m("promoters"), _m("detractors"), _m("nps")], rows
    )


def technician_workload(c: Context) -> Table:
    visits = c.q(
        QuerySpec(
            "visits",
            ("technician",),
            (Measure("count"), Measure("sum", "completed_n"), Measure("sum", "labour_minutes")),
        )
    )
    wo = t.work_orders
    query = (
        select(wo.c.assignee_id, func.count())
        .where(
            wo.c.assignee_id != "",
            wo.c.status.notin_(("resolved", "closed", "cancelled")),
            c.owners_clause(wo.c.assignee_id),
        )
        .group_by(wo.c.assignee_id)
    )
    open_orders = dict(c.session.execute(query).all())
    per: dict[str, list[int]] = {}
    for tech, n, done, minutes in visits.rows:
        per[tech] = [open_orders.get(tech, 0), n, int(done or 0), int(minutes or 0)]
    for tech, n in open_orders.items():
        per.setdefault(tech, [n, 0, 0, 0])
    rows = [[tech, *v] for tech, v in sorted(per.items())]
    return _table(
        [_d("technician"), _m("open_work_orders"), _m("visits"), _m("completed_visits"), _m("labour_minutes")], rows
    )


@dataclasses.dataclass(frozen=True)
class Report:
    name: str
    number: int
    title: str
    basis: str
    chart: str
    params: tuple[str, ...]
    run: Callable[[Context], Table]


STANDARD: dict[str, Report] = {
    r.name: r
    for r in (
        Report(
            "sales_funnel",
            1,
            "Sales funnel by stage",
            "open opportunities created in the period; current owner; weighted = amount x probability",
            "funnel",
            (),
            sales_funnel,
        ),
        Report(
            "win_loss",
            2,
            "Win/loss rate and lost reasons by rep",
            "opportunities won or lost, by close date; current owner",
            "bar",
            ("granularity",),
            win_loss,
        ),
        Report(
            "pipeline_forecast",
            3,
            "Pipeline forecast by expected close month",
            "open opportunities by expected close month; current owner",
            "bar",
            (),
            pipeline_forecast,
        ),
        Report(
            "target_attainment",
            4,
            "Target attainment",
            "targets per month summed to quarter/year (S14); actuals S16: contracts by signing date to the credited "
            "owner, receipts by receipt date, won amount by close date, orders by confirmation date, new customers "
            "by first owner",
            "bar",
            ("granularity",),
            target_attainment,
        ),
        Report(
            "sales_by_product",
            5,
            "Sales by product and category",
            "lines of confirmed and fulfilled orders, by confirmation date; order owner",
            "bar",
            (),
            sales_by_product,
        ),
        Report(
            "orders_trend",
            6,
            "Orders and revenue trend",
            "confirmed and fulfilled orders by confirmation date; order owner",
            "line",
            ("granularity",),
            orders_trend,
        ),
        Report(
            "receivables",
            7,
            "Receivables: planned vs received, overdue ageing",
            "instalments by due month vs receipts by receipt date; ageing as of a local date from the due date "
            "(R4); plan owner",
            "bar",
            ("as_of",),
            receivables,
        ),
        Report(
            "rep_activity",
            8,
            "Rep activity: follow-ups per rep",
            "activities by local date; the acting user",
            "line",
            ("granularity",),
            rep_activity,
        ),
        Report(
            "new_customers",
            9,
            "New customers per rep",
            "customers created with an owner, by creation date; credited to the first owner (pool claims do not count)",
            "bar",
            ("granularity",),
            new_customers,
        ),
        Report(
            "customer_distribution",
            10,
            "Customer distribution",
            "live customers now; current owner; period = creation date",
            "pie",
            (),
            customer_distribution,
        ),
        Report(
            "pool_flow",
            11,
            "Customer pool flow",
            "ownership moves by date: returned (release, recycle), claimed, assigned; the rep who gave or took the "
            "customer",
            "bar",
            (),
            pool_flow,
        ),
        Report(
            "dormant_customers",
            12,
            "Dormant customers",
            "live owned customers with no follow-up (or creation) for `days` days before `as_of`; current owner; "
            "period = creation date",
            "bar",
            ("days", "as_of"),
            dormant_customers,
        ),
        Report(
            "lead_sources",
            13,
            "Lead source effectiveness",
            "leads by creation date; conversion = reached converted; days from creation to the conversion",
            "bar",
            (),
            lead_sources,
        ),
        Report(
            "campaign_roi",
            14,
            "Campaign ROI",
            "campaigns by start date (campaign owner); leads and opportunities attributed to the campaign; won "
            "amount of its won opportunities; ROI = (won - cost) / cost",
            "bar",
            (),
            campaign_roi,
        ),
        Report(
            "lead_funnel",
            15,
            "Lead funnel",
            "leads by creation date; each counted at every stage up to the furthest it reached; lead owner",
            "funnel",
            (),
            lead_funnel,
        ),
        Report(
            "work_order_volume",
            16,
            "Work order volume",
            "work orders by creation date; work-order owner",
            "bar",
            (),
            work_order_volume,
        ),
        Report(
            "sla_compliance",
            17,
            "SLA compliance",
            "work orders by creation date; met = responded/resolved without a breach, out of those responded, "
            "resolved or breached",
            "bar",
            (),
            sla_compliance,
        ),
        Report(
            "resolution_time",
            18,
            "Resolution time and first-time fix",
            "resolved or closed work orders by creation date; first-time fix = never reopened and at most one "
            "completed visit",
            "bar",
            (),
            resolution_time,
        ),
        Report(
            "complaints",
            19,
            "Complaints by category and severity",
            "complaints by creation date; handling time = created to resolved",
            "bar",
            (),
            complaints,
        ),
        Report(
            "satisfaction",
            20,
            "Satisfaction and NPS trend",
            "completed return visits by completion date; NPS = % 9-10 minus % 0-6",
            "line",
            ("granularity",),
            satisfaction,
        ),
        Report(
            "technician_workload",
            21,
            "Technician workload and on-site visits",
            "visits by visit date per technician; open work orders assigned now",
            "bar",
            (),
            technician_workload,
        ),
    )
}


def run_standard(session: Session, name: str, scope: Scope, params: Params, zone: tzinfo) -> Table:
    """Run standard report `name`; InvalidArgument (report.unknown) for an unknown name."""
    report = STANDARD.get(name)
    if report is None:
        raise InvalidArgument(
            f"unknown report {name!r} (one of {', '.join(STANDARD)})", code="report.unknown", field="name"
        )
    unknown = set(params) - set(report.params)
    if unknown:
        raise InvalidArgument(
            f"{name} takes no parameter {', '.join(sorted(unknown))} (it takes: {', '.join(report.params) or 'none'})",
            code="report.param_invalid",
            field=sorted(unknown)[0],
        )
    table = report.run(Context(session, scope, params, zone))
    table.title, table.basis, table.chart = report.title, report.basis, report.chart
    return table
