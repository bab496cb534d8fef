"""ReportingService: proto in, query, proto out."""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo
from typing import Any

from google.protobuf import json_format, struct_pb2
from google.protobuf.timestamp_pb2 import Timestamp

from crm.reporting.v1 import reporting_service_pb2 as pb
from crm.reporting.v1 import reporting_service_pb2_grpc as pb_grpc
from crm_chassis import identity
from crm_chassis.errors import InvalidArgument, PermissionDenied
from reporting.domain.datasets import DATASETS
from reporting.domain.projections import customer_summary
from reporting.domain.query import Scope, Table, parse_period, spec_from_dict, validate
from reporting.persistence.customer_facts import SqlCustomerFacts
from reporting.persistence.definitions import Definition, SqlDashboards, SqlDefinitions
from reporting.persistence.query import run_query
from reporting.persistence.reports import STANDARD, run_standard


def _ts(value: Any) -> Timestamp:
    ts = Timestamp()
    ts.FromDatetime(value)
    return ts


def scope_of(f: pb.ReportFilter) -> Scope:
    """The caller's scope narrowed by the request filter."""
    caller = identity.current()
    return Scope(
        visible_owners=caller.visible_owners,
        owners=frozenset(f.owner_ids) if f.restrict_owners else None,
        period=parse_period(f.period),
        departments=dict(f.owner_departments),
    )


def table_pb(name: str, table: Table) -> pb.ReportTable:
    out = pb.ReportTable(
        name=name,
        title=table.title,
        basis=table.basis,
        chart=table.chart,
        columns=[pb.ReportColumn(name=c.name, kind=c.kind) for c in table.columns],
    )
    for row in table.rows:
        values = struct_pb2.ListValue()
        values.extend([v if not isinstance(v, bool) else str(v).lower() for v in row])
        out.rows.append(values)
    return out


def _struct(values: dict[str, Any]) -> struct_pb2.Struct:
    s = struct_pb2.Struct()
    s.update(values)
    return s


def definition_pb(d: Definition) -> pb.ReportDefinition:
    return pb.ReportDefinition(
        id=d.id,
        name=d.name,
        owner_id=d.owner_id,
        shared=d.shared,
        query=_struct(d.query),
        version=d.version,
        created_at=_ts(d.created_at),
    )


def _user() -> str:
    user = identity.current().user_id
    if not user:
        raise PermissionDenied("reports need a user", code="report.user_required")
    return user


def _checked_query(query: struct_pb2.Struct) -> dict[str, Any]:
    body = json_format.MessageToDict(query)
    spec = spec_from_dict(body)
    dataset = DATASETS.get(spec.dataset)
    if dataset is None:
        raise InvalidArgument(
            f"unknown dataset {spec.dataset!r} (one of {', '.join(sorted(DATASETS))})",
            code="report.unknown_dataset",
            field="dataset",
        )
    validate(dataset, spec)
    return body


class ReportingServicer(pb_grpc.ReportingServiceServicer):
    def __init__(self, read_session: Callable[[], Any], zone: tzinfo, write_session: Callable[[], Any]) -> None:
        self.read_session = read_session
        self.write_session = write_session
        self.zone = zone

    def GetCustomerSummary(self, request, context):  # type: ignore[no-untyped-def]
        with self.read_session() as session:
            summary = customer_summary(SqlCustomerFacts(session), identity.current())
        response = pb.GetCustomerSummaryResponse(
            total=summary.total,
            by_owner=[pb.OwnerCount(owner_id=o.owner_id, count=o.count) for o in summary.by_owner],
        )
        if summary.as_of is not None:
            response.as_of.CopyFrom(_ts(summary.as_of))
        return response

    def ListReports(self, request, context):  # type: ignore[no-untyped-def]
        return pb.ListReportsResponse(
            reports=[
                pb.ReportInfo(
                    name=r.name, number=r.number, title=r.title, basis=r.basis, chart=r.chart, params=r.params
                )
                for r in STANDARD.values()
            ],
            datasets=[
                pb.DatasetInfo(
                    name=d.name,
                    label=d.label,
                    dimensions=[*sorted(d.dimensions), "department"],
                    fields=sorted(d.fields),
                    dates=list(d.dates),
                )
                for d in DATASETS.values()
            ],
        )

    def RunReport(self, request, context):  # type: ignore[no-untyped-def]
        scope = scope_of(request.filter)
        with self.read_session() as session:
            table = run_standard(session, request.name, scope, dict(request.filter.params), self.zone)
        return pb.RunReportResponse(table=table_pb(request.name, table))

    def RunQuery(self, request, context):  # type: ignore[no-untyped-def]
        body = _checked_query(request.query)
        scope = scope_of(request.filter)
        with self.read_session() as session:
            table = run_query(session, spec_from_dict(body), scope)
        return pb.RunQueryResponse(table=table_pb(body["dataset"], table))

    def SaveReportDefinition(self, request, context):  # type: ignore[no-untyped-def]
        user = _user()
        if not request.name.strip():
            raise InvalidArgument("a report definition needs a name", code="report.name_required", field="name")
        body = _checked_query(request.query)
        with self.write_session() as session:
            store = SqlDefinitions(session)
            if request.id:
                d = store.replace(request.id, user, request.expected_version, request.name, request.shared, body)
            else:
                d = store.create(user, request.name.strip(), request.shared, body)
        return pb.SaveReportDefinitionResponse(definition=definition_pb(d))

    def ListReportDefinitions(self, request, context):  # type: ignore[no-untyped-def]
        user = _user()
        with self.read_session() as session:
            items = SqlDefinitions(session).list(user)
        return pb.ListReportDefinitionsResponse(definitions=[definition_pb(d) for d in items])

    def GetReportDefinition(self, request, context):  # type: ignore[no-untyped-def]
        user = _user()
        with self.read_session() as session:
            d = SqlDefinitions(session).get(request.id, user)
        return pb.GetReportDefinitionResponse(definition=definition_pb(d))

    def DeleteReportDefinition(self, request, context):  # type: ignore[no-untyped-def]
        user = _user()
        with self.write_session() as session:
            SqlDefinitions(session).delete(request.id, user)
        return pb.DeleteReportDefinitionResponse()

    def RunReportDefinition(self, request, context):  # type: ignore[no-untyped-def]
        user = _user()
        scope = scope_of(request.filter)
        with self.read_session() as session:
            d = SqlDefinitions(session).get(request.id, user)
            table = run_query(session, spec_from_dict(d.query), scope, title=d.name)
        return pb.RunReportDefinitionResponse(table=table_pb(d.name, table))

    def GetDashboard(self, request, context):  # type: ignore[no-untyped-def]
        user = _user()
        with self.read_session() as session:
            items, version = SqlDashboards(session).get(user)
        return pb.GetDashboardResponse(dashboard=_dashboard(user, items, version))

    def SaveDashboard(self, request, context):  # type: ignore[no-untyped-def]
        user = _user()
        items = []
        for item in request.items:
            name = item.report
            if name.startswith("definition:"):
                with self.read_session() as session:
                    SqlDefinitions(session).get(name.removeprefix("definition:"), user)
            elif name not in STANDARD:
                raise InvalidArgument(f"unknown report {name!r}", code="report.unknown", field="items")
            parse_period(item.period)
            items.append({"report": name, "title": item.title, "period": item.period, "params": dict(item.params)})
        with self.write_session() as session:
            version = SqlDashboards(session).save(user, items, request.expected_version)
        return pb.SaveDashboardResponse(dashboard=_dashboard(user, items, version))


def _dashboard(user: str, items: list[dict[str, Any]], version: int) -> pb.Dashboard:
    return pb.Dashboard(
        user_id=user,
        version=version,
        items=[
            pb.DashboardItem(
                report=i["report"], title=i.get("title", ""), period=i.get("period", ""), params=i.get("params", {})
            )
            for i in items
        ],
    )
