"""ServiceDeskService: proto in, use case, proto out. No rules here."""

from __future__ import annotations

from datetime import UTC, datetime

from crm.common.v1 import paging_pb2
from crm.service_desk.v1 import service_desk_service_pb2 as pb
from crm.service_desk.v1 import service_desk_service_pb2_grpc as pb_grpc
from crm_chassis import identity
from service_desk.domain import commands as cmd
from service_desk.domain import jobs
from service_desk.domain.common import list_request
from service_desk.domain.settings import DeskSettings
from service_desk.grpc_api import mapping as m


def _request(options: pb.ListOptions):  # type: ignore[no-untyped-def]
    return list_request(
        identity.current(),
        limit=options.page.limit,
        cursor=options.page.cursor,
        filter=options.filter,
        order_by=options.order_by,
    )


def _unscoped(options: pb.ListOptions):  # type: ignore[no-untyped-def]
    """Lists of shared records (technicians, policies, articles) are not owner-scoped."""
    import dataclasses

    return dataclasses.replace(_request(options), visible_owners=None)


def _next(cursor: str) -> paging_pb2.PageResponse:
    return paging_pb2.PageResponse(next_cursor=cursor)


class ServiceDeskServicer(pb_grpc.ServiceDeskServiceServicer):
    def __init__(self, uow_factory: cmd.UowFactory, settings: DeskSettings) -> None:
        self.uow = uow_factory
        self.settings = settings

    def _page(self, repo: str, request, **kw):  # type: ignore[no-untyped-def]
        with self.uow(read_only=True) as uow:
            return getattr(uow, repo).page(request, **kw)

    # -- work orders ---------------------------------------------------------------------------
    def CreateWorkOrder(self, request, context):  # type: ignore[no-untyped-def]
        order = cmd.create_work_order(
            self.uow, self.settings, identity.current(), m.work_order_fields(request.work_order)
        )
        return pb.CreateWorkOrderResponse(work_order=m.work_order_to_proto(order))

    def GetWorkOrder(self, request, context):  # type: ignore[no-untyped-def]
        order = cmd.get_work_order(self.uow, identity.current(), request.id)
        return pb.GetWorkOrderResponse(work_order=m.work_order_to_proto(order))

    def ListWorkOrders(self, request, context):  # type: ignore[no-untyped-def]
        page = self._page("work_orders", _request(request.options))
        return pb.ListWorkOrdersResponse(
            work_orders=[m.work_order_to_proto(w) for w in page.items], page=_next(page.next_cursor)
        )

    def UpdateWorkOrder(self, request, context):  # type: ignore[no-untyped-def]
        order = cmd.update_work_order(
            self.uow,
            self.settings,
            identity.current(),
            request.id,
            request.expected_version,
            m.work_order_fields(request.patch),
            m.paths_of(request.update_mask),
        )
        return pb.UpdateWorkOrderResponse(work_order=m.work_order_to_proto(order))

    def AssignWorkOrder(self, request, context):  # type: ignore[no-untyped-def]
        order = cmd.assign_work_order(
            self.uow,
            self.settings,
            identity.current(),
            request.id,
            request.expected_version,
            mode=request.mode,
            technician_id=request.technician_id,
            reason=request.reason,
        )
        return pb.AssignWorkOrderResponse(work_order=m.work_order_to_proto(order))

    def GrabWorkOrder(self, request, context):  # type: ignore[no-untyped-def]
        order = cmd.grab_work_order(self.uow, identity.current(), request.id, request.technician_id)
        return pb.GrabWorkOrderResponse(work_order=m.work_order_to_proto(order))

    def TransitionWorkOrder(self, request, context):  # type: ignore[no-untyped-def]
        order = cmd.transition_work_order(
            self.uow,
            self.settings,
            identity.current(),
            request.id,
            request.expected_version,
            request.action,
            reason=request.reason,
            resolution=request.resolution,
        )
        return pb.TransitionWorkOrderResponse(work_order=m.work_order_to_proto(order))

    def LinkArticle(self, request, context):  # type: ignore[no-untyped-def]
        order = cmd.link_article(
            self.uow, identity.current(), request.work_order_id, request.article_id, request.expected_version
        )
        return pb.LinkArticleResponse(work_order=m.work_order_to_proto(order))

    def ListQueue(self, request, context):  # type: ignore[no-untyped-def]
        r = list_request(
            identity.current(), limit=request.page.limit, cursor=request.page.cursor, filter="", order_by=""
        )
        page = cmd.list_queue(self.uow, request.team, r.limit, r.cursor)
        return pb.ListQueueResponse(
            work_orders=[m.work_order_to_proto(w) for w in page.items], page=_next(page.next_cursor)
        )

    def CheckEntitlement(self, request, context):  # type: ignore[no-untyped-def]
        decision = cmd.check_entitlement(
            self.uow,
            self.settings,
            identity.current(),
            customer_id=request.customer_id,
            product_id=request.product_id,
            serial_number=request.serial_number,
            order_id=request.order_id,
            contract_id=request.contract_id,
            work_type=request.type,
        )
        return pb.CheckEntitlementResponse(entitlement=m.entitlement_to_proto(decision, datetime.now(UTC)))

    # -- visits --------------------------------------------------------------------------------
    def ScheduleVisit(self, request, context):  # type: ignore[no-untyped-def]
        visit = cmd.schedule_visit(
            self.uow,
            self.settings,
            identity.current(),
            request.work_order_id,
            request.technician_id,
            m.from_ts(request, "window_start"),
            m.from_ts(request, "window_end"),
        )
        return pb.ScheduleVisitResponse(visit=m.visit_to_proto(visit))

    def GetVisit(self, request, context):  # type: ignore[no-untyped-def]
        return pb.GetVisitResponse(visit=m.visit_to_proto(cmd.get_visit(self.uow, identity.current(), request.id)))

    def ListVisits(self, request, context):  # type: ignore[no-untyped-def]
        page = self._page("visits", _request(request.options))
        return pb.ListVisitsResponse(visits=[m.visit_to_proto(v) for v in page.items], page=_next(page.next_cursor))

    def CheckInVisit(self, request, context):  # type: ignore[no-untyped-def]
        visit = cmd.check_in_visit(
            self.uow, identity.current(), request.id, request.expected_version, m.location_of(request)
        )
        return pb.CheckInVisitResponse(visit=m.visit_to_proto(visit))

    def CheckOutVisit(self, request, context):  # type: ignore[no-untyped-def]
        visit, charge = cmd.check_out_visit(
            self.uow,
            self.settings,
            identity.current(),
            request.id,
            request.expected_version,
            m.location_of(request),
            request.work_done,
            m.parts_of(request.parts),
            request.labour_minutes,
        )
        return pb.CheckOutVisitResponse(
            visit=m.visit_to_proto(visit), charge=m.charge_to_proto(charge) if charge else None
        )

    def ListServiceCharges(self, request, context):  # type: ignore[no-untyped-def]
        page = self._page("charges", _request(request.options))
        return pb.ListServiceChargesResponse(
            charges=[m.charge_to_proto(c) for c in page.items], page=_next(page.next_cursor)
        )

    # -- complaints ----------------------------------------------------------------------------
    def CreateComplaint(self, request, context):  # type: ignore[no-untyped-def]
        complaint = cmd.create_complaint(
            self.uow, self.settings, identity.current(), m.complaint_fields(request.complaint)
        )
        return pb.CreateComplaintResponse(complaint=m.complaint_to_proto(complaint))

    def GetComplaint(self, request, context):  # type: ignore[no-untyped-def]
        complaint = cmd.get_complaint(self.uow, identity.current(), request.id)
        return pb.GetComplaintResponse(complaint=m.complaint_to_proto(complaint))

    def ListComplaints(self, request, context):  # type: ignore[no-untyped-def]
        page = self._page("complaints", _request(request.options))
        return pb.ListComplaintsResponse(
            complaints=[m.complaint_to_proto(c) for c in page.items], page=_next(page.next_cursor)
        )

    def ActOnComplaint(self, request, context):  # type: ignore[no-untyped-def]
        complaint = cmd.act_on_complaint(
            self.uow,
            identity.current(),
            request.id,
            request.expected_version,
            request.action,
            note=request.note,
            root_cause=request.root_cause,
            resolution=request.resolution,
        )
        return pb.ActOnComplaintResponse(complaint=m.complaint_to_proto(complaint))

    # -- return visits -------------------------------------------------------------------------
    def CreateReturnVisit(self, request, context):  # type: ignore[no-untyped-def]
        visit = cmd.create_return_visit(
            self.uow,
            self.settings,
            identity.current(),
            work_order_id=request.work_order_id,
            order_id=request.order_id,
            due_on=request.due_on,
            assignee_id=request.assignee_id,
        )
        return pb.CreateReturnVisitResponse(return_visit=m.return_visit_to_proto(visit))

    def GetReturnVisit(self, request, context):  # type: ignore[no-untyped-def]
        visit = cmd.get_return_visit(self.uow, identity.current(), request.id)
        return pb.GetReturnVisitResponse(return_visit=m.return_visit_to_proto(visit))

    def ListReturnVisits(self, request, context):  # type: ignore[no-untyped-def]
        page = self._page("return_visits", _request(request.options))
        return pb.ListReturnVisitsResponse(
            return_visits=[m.return_visit_to_proto(r) for r in page.items], page=_next(page.next_cursor)
        )

    def CompleteReturnVisit(self, request, context):  # type: ignore[no-untyped-def]
        visit, complaint_id = cmd.complete_return_visit(
            self.uow,
            self.settings,
            identity.current(),
            request.id,
            request.expected_version,
            outcome=request.outcome,
            score=request.score,
            nps=request.nps if request.HasField("nps") else None,
        )
        return pb.CompleteReturnVisitResponse(return_visit=m.return_visit_to_proto(visit), complaint_id=complaint_id)

    # -- SLA policies --------------------------------------------------------------------------
    def CreateSlaPolicy(self, request, context):  # type: ignore[no-untyped-def]
        policy = cmd.create_policy(self.uow, m.policy_fields(request.policy, creating=True))
        return pb.CreateSlaPolicyResponse(policy=m.policy_to_proto(policy))

    def ListSlaPolicies(self, request, context):  # type: ignore[no-untyped-def]
        page = self._page("policies", _unscoped(request.options))
        return pb.ListSlaPoliciesResponse(
            policies=[m.policy_to_proto(p) for p in page.items], page=_next(page.next_cursor)
        )

    def UpdateSlaPolicy(self, request, context):  # type: ignore[no-untyped-def]
        policy = cmd.update_policy(
            self.uow,
            request.id,
            request.expected_version,
            m.policy_fields(request.patch),
            m.paths_of(request.update_mask),
        )
        return pb.UpdateSlaPolicyResponse(policy=m.policy_to_proto(policy))

    # -- technicians ---------------------------------------------------------------------------
    def _open(self) -> dict[str, int]:
        with self.uow(read_only=True) as uow:
            return uow.work_orders.open_counts()

    def CreateTechnician(self, request, context):  # type: ignore[no-untyped-def]
        tech = cmd.create_technician(self.uow, m.technician_fields(request.technician, creating=True))
        return pb.CreateTechnicianResponse(technician=m.technician_to_proto(tech))

    def GetTechnician(self, request, context):  # type: ignore[no-untyped-def]
        from service_desk.domain.common import found

        with self.uow(read_only=True) as uow:
            tech = found(uow.technicians.get(request.id), "technician", request.id)
            load = uow.work_orders.open_counts().get(tech.id, 0)
        return pb.GetTechnicianResponse(technician=m.technician_to_proto(tech, load))

    def ListTechnicians(self, request, context):  # type: ignore[no-untyped-def]
        page = self._page("technicians", _unscoped(request.options))
        load = self._open()
        return pb.ListTechniciansResponse(
            technicians=[m.technician_to_proto(t, load.get(t.id, 0)) for t in page.items],
            page=_next(page.next_cursor),
        )

    def UpdateTechnician(self, request, context):  # type: ignore[no-untyped-def]
        tech = cmd.update_technician(
            self.uow,
            request.id,
            request.expected_version,
            m.technician_fields(request.patch),
            m.paths_of(request.update_mask),
        )
        return pb.UpdateTechnicianResponse(technician=m.technician_to_proto(tech, self._open().get(tech.id, 0)))

    def UpdateTechnicianLocation(self, request, context):  # type: ignore[no-untyped-def]
        tech = cmd.update_location(self.uow, identity.current(), request.id, request.latitude, request.longitude)
        return pb.UpdateTechnicianLocationResponse(technician=m.technician_to_proto(tech))

    # -- knowledge base ------------------------------------------------------------------------
    def CreateArticle(self, request, context):  # type: ignore[no-untyped-def]
        article = cmd.create_article(self.uow, identity.current(), m.article_fields(request.article))
        return pb.CreateArticleResponse(article=m.article_to_proto(article))

    def GetArticle(self, request, context):  # type: ignore[no-untyped-def]
        from service_desk.domain.common import found

        with self.uow(read_only=True) as uow:
            article = found(uow.articles.get(request.id), "article", request.id)
        return pb.GetArticleResponse(article=m.article_to_proto(article))

    def ListArticles(self, request, context):  # type: ignore[no-untyped-def]
        with self.uow(read_only=True) as uow:
            page = uow.articles.search(_unscoped(request.options), request.query)
        return pb.ListArticlesResponse(
            articles=[m.article_to_proto(a) for a in page.items], page=_next(page.next_cursor)
        )

    def UpdateArticle(self, request, context):  # type: ignore[no-untyped-def]
        article = cmd.update_article(
            self.uow,
            request.id,
            request.expected_version,
            m.article_fields(request.patch),
            m.paths_of(request.update_mask),
        )
        return pb.UpdateArticleResponse(article=m.article_to_proto(article))

    # -- sweeps --------------------------------------------------------------------------------
    def RunSweeps(self, request, context):  # type: ignore[no-untyped-def]
        as_of = m.from_ts(request, "as_of") or datetime.now(UTC)
        counts = jobs.run_sweeps(self.uow, self.settings, as_of=as_of)
        return pb.RunSweepsResponse(
            sla_at_risk=counts.sla_at_risk,
            sla_breached=counts.sla_breached,
            return_visits_planned=counts.return_visits_planned,
            complaints_escalated=counts.complaints_escalated,
        )
