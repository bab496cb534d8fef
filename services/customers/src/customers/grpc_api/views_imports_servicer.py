"""CustomerViewsService and CustomerImportService: proto in, use case, proto out. No rules here."""

from __future__ import annotations

import time

from crm.common.v1 import paging_pb2
from crm.customers.v1 import customer_import_service_pb2 as ipb
from crm.customers.v1 import customer_import_service_pb2_grpc as ipb_grpc
from crm.customers.v1 import customer_views_service_pb2 as vpb
from crm.customers.v1 import customer_views_service_pb2_grpc as vpb_grpc
from crm_chassis import identity
from customers.domain import imports as di
from customers.domain import views as dv
from customers.grpc_api.mapping import _ts, customer_to_proto

_MODES = {
    ipb.IMPORT_MODE_CREATE_ONLY: "create_only",
    ipb.IMPORT_MODE_UPDATE_BY_KEY: "update_by_key",
    ipb.IMPORT_MODE_SKIP_DUPLICATES: "skip_duplicates",
}


def view_to_proto(view: dv.CustomerView) -> vpb.CustomerView:
    return vpb.CustomerView(
        id=view.id,
        owner_id=view.owner_id,
        name=view.name,
        filter=view.filter,
        order_by=view.order_by,
        columns=list(view.columns),
        shared=view.shared,
        version=view.version,
        created_at=_ts(view.created_at),
        updated_at=_ts(view.updated_at),
    )


def _fields(request) -> dv.ViewFields:  # type: ignore[no-untyped-def]
    return dv.ViewFields(
        name=request.name,
        filter=request.filter,
        order_by=request.order_by,
        columns=tuple(request.columns),
        shared=request.shared,
    )


class CustomerViewsServicer(vpb_grpc.CustomerViewsServiceServicer):
    def __init__(self, uow_factory: dv.ViewsUowFactory) -> None:
        self.uow = uow_factory

    def CreateCustomerView(self, request, context):  # type: ignore[no-untyped-def]
        view = dv.create_view(self.uow, identity.current(), _fields(request))
        return vpb.CreateCustomerViewResponse(view=view_to_proto(view))

    def UpdateCustomerView(self, request, context):  # type: ignore[no-untyped-def]
        view = dv.update_view(
            self.uow, identity.current(), request.id, expected_version=request.expected_version, fields=_fields(request)
        )
        return vpb.UpdateCustomerViewResponse(view=view_to_proto(view))

    def DeleteCustomerView(self, request, context):  # type: ignore[no-untyped-def]
        dv.delete_view(self.uow, identity.current(), request.id, expected_version=request.expected_version)
        return vpb.DeleteCustomerViewResponse()

    def GetCustomerView(self, request, context):  # type: ignore[no-untyped-def]
        return vpb.GetCustomerViewResponse(view=view_to_proto(dv.get_view(self.uow, identity.current(), request.id)))

    def ListCustomerViews(self, request, context):  # type: ignore[no-untyped-def]
        views = dv.list_views(self.uow, identity.current())
        return vpb.ListCustomerViewsResponse(views=[view_to_proto(v) for v in views])

    def GetCustomerNeighbours(self, request, context):  # type: ignore[no-untyped-def]
        previous, following = dv.neighbours(
            self.uow,
            identity.current(),
            request.customer_id,
            view_id=request.view_id,
            filter=request.filter,
            order_by=request.order_by,
        )
        reply = vpb.GetCustomerNeighboursResponse()
        if previous is not None:
            reply.previous.CopyFrom(customer_to_proto(previous))
        if following is not None:
            reply.next.CopyFrom(customer_to_proto(following))
        return reply


def job_to_proto(job: di.ImportJob) -> ipb.ImportJob:
    c = job.counts
    message = ipb.ImportJob(
        id=job.id,
        status=job.status,
        mode=job.mode,
        dry_run=job.dry_run,
        file_name=job.file_name,
        created_by=job.created_by,
        total_rows=job.total_rows,
        processed_rows=job.processed_rows,
        created=c.created,
        updated=c.updated,
        skipped=c.skipped,
        duplicates=c.duplicates,
        invalid=c.invalid,
        created_at=_ts(job.created_at),
        updated_at=_ts(job.updated_at),
        error=job.error,
    )
    if job.finished_at is not None:
        message.finished_at.CopyFrom(_ts(job.finished_at))
    return message


class CustomerImportServicer(ipb_grpc.CustomerImportServiceServicer):
    """Each call advances an unfinished job for at most `limits.slice_seconds` (bounded batches),
    so no gRPC thread is held long; the worker's timer advances jobs nobody is polling."""

    def __init__(self, uow_factory: di.ImportUowFactory, limits: di.ImportLimits) -> None:
        self.uow = uow_factory
        self.limits = limits

    def _advance(self, job: di.ImportJob) -> di.ImportJob:
        if job.done:
            return job
        advanced = di.process_job(
            self.uow, job.id, limits=self.limits, deadline=time.monotonic() + self.limits.slice_seconds
        )
        return advanced or job

    def StartImport(self, request, context):  # type: ignore[no-untyped-def]
        job = di.start_import(
            self.uow,
            identity.current(),
            request.csv,
            mode=_MODES.get(request.mode, ""),
            dry_run=request.dry_run,
            file_name=request.file_name,
            column_map=dict(request.column_map),
            limits=self.limits,
        )
        return ipb.StartImportResponse(job=job_to_proto(self._advance(job)))

    def GetImport(self, request, context):  # type: ignore[no-untyped-def]
        job = di.get_import(self.uow, identity.current(), request.id)
        return ipb.GetImportResponse(job=job_to_proto(self._advance(job)))

    def ListImports(self, request, context):  # type: ignore[no-untyped-def]
        page = di.list_imports(self.uow, identity.current(), limit=request.page.limit, cursor=request.page.cursor)
        return ipb.ListImportsResponse(
            jobs=[job_to_proto(j) for j in page.items], page=paging_pb2.PageResponse(next_cursor=page.next_cursor)
        )

    def GetImportReport(self, request, context):  # type: ignore[no-untyped-def]
        job, page = di.import_report(
            self.uow,
            identity.current(),
            request.id,
            limit=request.page.limit,
            cursor=request.page.cursor,
            outcomes=tuple(o.strip().lower() for o in request.outcomes if o.strip()),
        )
        return ipb.GetImportReportResponse(
            rows=[
                ipb.ImportRowResult(
                    row=r.row,
                    outcome=r.outcome,
                    customer_id=r.customer_id,
                    code=r.code,
                    field=r.field,
                    reason=r.reason,
                )
                for r in page.items
            ],
            page=paging_pb2.PageResponse(next_cursor=page.next_cursor),
            job=job_to_proto(job),
        )


def register_views_imports(server, session_factory, crypto) -> list[str]:  # type: ignore[no-untyped-def]
    """Add both services to `server`; returns their full names (for health and reflection)."""
    import functools

    from customers.import_config import load_import_settings
    from customers.persistence.views_imports import SqlViewsImportsUnitOfWork

    limits = load_import_settings().limits()
    factory = functools.partial(SqlViewsImportsUnitOfWork, session_factory, crypto=crypto)
    vpb_grpc.add_CustomerViewsServiceServicer_to_server(CustomerViewsServicer(factory), server)
    ipb_grpc.add_CustomerImportServiceServicer_to_server(CustomerImportServicer(factory, limits), server)
    return [
        vpb.DESCRIPTOR.services_by_name["CustomerViewsService"].full_name,
        ipb.DESCRIPTOR.services_by_name["CustomerImportService"].full_name,
    ]
