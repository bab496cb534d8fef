"""ReportingService: proto in, query, proto out."""

from __future__ import annotations

from collections.abc import Callable

from google.protobuf.timestamp_pb2 import Timestamp

from crm.reporting.v1 import reporting_service_pb2 as pb
from crm.reporting.v1 import reporting_service_pb2_grpc as pb_grpc
from crm_chassis import identity
from reporting.domain.projections import customer_summary
from reporting.persistence.customer_facts import SqlCustomerFacts


class ReportingServicer(pb_grpc.ReportingServiceServicer):
    def __init__(self, read_session: Callable[[], object]) -> None:
        self.read_session = read_session

    def GetCustomerSummary(self, request, context):  # type: ignore[no-untyped-def]
        with self.read_session() as session:  # type: ignore[attr-defined]
            summary = customer_summary(SqlCustomerFacts(session), identity.current())
        response = pb.GetCustomerSummaryResponse(
            total=summary.total,
            by_owner=[pb.OwnerCount(owner_id=o.owner_id, count=o.count) for o in summary.by_owner],
        )
        if summary.as_of is not None:
            ts = Timestamp()
            ts.FromDatetime(summary.as_of)
            response.as_of.CopyFrom(ts)
        return response
