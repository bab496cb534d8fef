"""Domain records <-> protobuf messages (translation only)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from google.protobuf.timestamp_pb2 import Timestamp

from crm.common.v1 import money_pb2
from crm.service_desk.v1 import service_desk_service_pb2 as pb
from service_desk.domain import commands as cmd
from service_desk.domain import complaints as cm
from service_desk.domain import dispatch as dp
from service_desk.domain import entitlement as en
from service_desk.domain import knowledge as kb
from service_desk.domain import returns as rt
from service_desk.domain import sla as sl
from service_desk.domain import visits as vs
from service_desk.domain import workorder as wo


def ts(value: datetime | None) -> Timestamp | None:
    if value is None:
        return None
    out = Timestamp()
    out.FromDatetime(value.astimezone(UTC))
    return out


def from_ts(message: Any, field: str) -> datetime | None:
    return getattr(message, field).ToDatetime(tzinfo=UTC) if message.HasField(field) else None


def money(minor: int, currency: str) -> money_pb2.Money:
    return money_pb2.Money(currency_code=currency, minor_units=int(minor))


def paths_of(mask: Any) -> list[str]:
    return list(mask.paths)


def entitlement_to_proto(d: en.Decision, at: datetime | None) -> pb.Entitlement:
    return pb.Entitlement(
        decision=d.decision,
        reason=d.reason,
        order_id=d.order_id,
        contract_id=d.contract_id,
        covered_until=d.covered_until.isoformat() if d.covered_until else "",
        decided_at=ts(at),
    )


def sla_to_proto(s: sl.SlaState) -> pb.Sla:
    return pb.Sla(
        policy_id=s.policy_id,
        first_response_target_minutes=s.first_response_target,
        resolution_target_minutes=s.resolution_target,
        first_response_due_at=ts(s.first_response_due_at),
        resolution_due_at=ts(s.resolution_due_at),
        first_responded_at=ts(s.first_responded_at),
        paused_minutes=s.paused_minutes,
        first_response_at_risk=s.first_response_at_risk,
        first_response_breached=s.first_response_breached,
        resolution_at_risk=s.resolution_at_risk,
        resolution_breached=s.resolution_breached,
        escalation_level=s.escalation_level,
        first_response_minutes=s.first_response_minutes,
        resolution_minutes=s.resolution_minutes,
        at_risk_percent=s.at_risk_percent,
    )


def dispatch_to_proto(d: dp.Decision | None) -> pb.DispatchDecision | None:
    if d is None:
        return None
    return pb.DispatchDecision(
        mode=d.mode,
        technician_id=d.technician_id,
        reason=d.reason,
        candidates=[
            pb.DispatchCandidate(
                technician_id=c.technician_id,
                name=c.name,
                eligible=c.eligible,
                excluded_because=c.excluded_because,
                distance_km=c.distance_km,
                open_work_orders=c.open_work_orders,
                capacity=c.capacity,
                score=c.score,
            )
            for c in d.candidates
        ],
        decided_at=ts(d.decided_at),
        decided_by=d.decided_by,
    )


def change_to_proto(h: wo.StatusChange) -> pb.StatusChange:
    return pb.StatusChange(
        from_status=h.from_status,
        to_status=h.to_status,
        action=h.action,
        reason=h.reason,
        actor_id=h.actor_id,
        at=ts(h.at),
    )


def work_order_to_proto(x: wo.WorkOrder) -> pb.WorkOrder:
    return pb.WorkOrder(
        id=x.id,
        number=x.number,
        type=x.type,
        channel=x.channel,
        customer_id=x.customer_id,
        customer_name=x.customer_name,
        contact_id=x.contact_id,
        product_id=x.product_id,
        serial_number=x.serial_number,
        order_id=x.order_id,
        contract_id=x.contract_id,
        priority=x.priority,
        description=x.description,
        attachments=[
            pb.Attachment(name=a.name, url=a.url, content_type=a.content_type, size_bytes=a.size_bytes)
            for a in x.attachments
        ],
        status=x.status,
        entitlement=entitlement_to_proto(x.entitlement, x.entitlement_at),
        sla=sla_to_proto(x.sla),
        team=x.team,
        assignee_id=x.assignee_id,
        owner_id=x.owner_id,
        dispatch=dispatch_to_proto(x.dispatch),
        resolution=x.resolution,
        reopen_count=x.reopen_count,
        article_ids=list(x.article_ids),
        history=[change_to_proto(h) for h in x.history],
        resolved_at=ts(x.resolved_at),
        closed_at=ts(x.closed_at),
        version=x.version,
        created_at=ts(x.created_at),
        updated_at=ts(x.updated_at),
        created_by=x.created_by,
    )


def work_order_fields(f: pb.WorkOrderFields) -> cmd.WorkOrderInput:
    return cmd.WorkOrderInput(
        type=f.type,
        channel=f.channel,
        customer_id=f.customer_id,
        contact_id=f.contact_id,
        product_id=f.product_id,
        serial_number=f.serial_number,
        order_id=f.order_id,
        contract_id=f.contract_id,
        priority=f.priority,
        description=f.description,
        attachments=tuple(wo.Attachment(a.name, a.url, a.content_type, a.size_bytes) for a in f.attachments),
        team=f.team,
        owner_id=f.owner_id,
        reported_at=from_ts(f, "reported_at"),
    )


def point(p: tuple[float, float] | None) -> pb.GeoPoint | None:
    return None if p is None else pb.GeoPoint(latitude=p[0], longitude=p[1])


def visit_to_proto(v: vs.Visit) -> pb.Visit:
    return pb.Visit(
        id=v.id,
        work_order_id=v.work_order_id,
        technician_id=v.technician_id,
        window_start=ts(v.window_start),
        window_end=ts(v.window_end),
        status=v.status,
        checked_in_at=ts(v.checked_in_at),
        check_in_location=point(v.check_in_location),
        checked_out_at=ts(v.checked_out_at),
        check_out_location=point(v.check_out_location),
        work_done=v.work_done,
        parts=[
            pb.Part(sku=p.sku, name=p.name, quantity=str(p.quantity), unit_price=money(p.unit_price_minor, p.currency))
            for p in v.parts
        ],
        labour_minutes=v.labour_minutes,
        charge=money(v.charge_minor, v.currency),
        service_charge_id=v.service_charge_id,
        version=v.version,
        created_at=ts(v.created_at),
        updated_at=ts(v.updated_at),
        customer_id=v.customer_id,
    )


def location_of(message: Any, field: str = "location") -> tuple[float, float] | None:
    if not message.HasField(field):
        return None
    g = getattr(message, field)
    return g.latitude, g.longitude


def parts_of(parts: Any) -> list[tuple[str, str, str, int, str]]:
    return [(p.sku, p.name, p.quantity, p.unit_price.minor_units, p.unit_price.currency_code) for p in parts]


def charge_to_proto(x: vs.ServiceCharge) -> pb.ServiceCharge:
    return pb.ServiceCharge(
        id=x.id,
        work_order_id=x.work_order_id,
        visit_id=x.visit_id,
        customer_id=x.customer_id,
        parts=money(x.parts_minor, x.currency),
        labour=money(x.labour_minor, x.currency),
        total=money(x.total_minor, x.currency),
        reason=x.reason,
        created_at=ts(x.created_at),
        version=x.version,
    )


def complaint_to_proto(x: cm.Complaint) -> pb.Complaint:
    return pb.Complaint(
        id=x.id,
        number=x.number,
        customer_id=x.customer_id,
        work_order_id=x.work_order_id,
        order_id=x.order_id,
        contract_id=x.contract_id,
        return_visit_id=x.return_visit_id,
        category=x.category,
        severity=x.severity,
        description=x.description,
        responsible_department_id=x.responsible_department_id,
        assignee_id=x.assignee_id,
        status=x.status,
        deadline_at=ts(x.deadline_at),
        steps=[pb.ComplaintStep(at=ts(s.at), actor_id=s.actor_id, kind=s.kind, note=s.note) for s in x.steps],
        root_cause=x.root_cause,
        resolution=x.resolution,
        customer_confirmed=x.customer_confirmed,
        escalation_level=x.escalation_level,
        resolved_at=ts(x.resolved_at),
        version=x.version,
        created_at=ts(x.created_at),
        updated_at=ts(x.updated_at),
        owner_id=x.owner_id,
        created_by=x.created_by,
        subject_user_id=x.subject_user_id,
    )


def complaint_fields(f: pb.ComplaintFields) -> cmd.ComplaintInput:
    return cmd.ComplaintInput(
        customer_id=f.customer_id,
        work_order_id=f.work_order_id,
        order_id=f.order_id,
        contract_id=f.contract_id,
        category=f.category,
        severity=f.severity,
        description=f.description,
        responsible_department_id=f.responsible_department_id,
        assignee_id=f.assignee_id,
        owner_id=f.owner_id,
        subject_user_id=f.subject_user_id,
    )


def return_visit_to_proto(x: rt.ReturnVisit) -> pb.ReturnVisit:
    return pb.ReturnVisit(
        id=x.id,
        rule=x.rule,
        source_kind=x.source_kind,
        source_id=x.source_id,
        customer_id=x.customer_id,
        work_order_id=x.work_order_id,
        order_id=x.order_id,
        due_on=x.due_on.isoformat(),
        assignee_id=x.assignee_id,
        status=x.status,
        outcome=x.outcome,
        score=x.score,
        nps=-1 if x.nps is None else x.nps,
        follow_up=x.follow_up,
        complaint_id=x.complaint_id,
        completed_at=ts(x.completed_at),
        version=x.version,
        created_at=ts(x.created_at),
        updated_at=ts(x.updated_at),
    )


def policy_to_proto(p: sl.SlaPolicy) -> pb.SlaPolicy:
    return pb.SlaPolicy(
        id=p.id,
        name=p.name,
        priority=p.priority,
        classification=p.classification,
        first_response_minutes=p.first_response_minutes,
        resolution_minutes=p.resolution_minutes,
        at_risk_percent=p.at_risk_percent,
        round_the_clock=p.round_the_clock,
        active=p.active,
        version=p.version,
        created_at=ts(p.created_at),
        updated_at=ts(p.updated_at),
    )


def policy_fields(p: pb.SlaPolicy, *, creating: bool = False) -> sl.SlaPolicy:
    return sl.SlaPolicy(
        id="",
        name=p.name,
        priority=(p.priority or "").strip().lower(),
        classification=p.classification,
        first_response_minutes=p.first_response_minutes,
        resolution_minutes=p.resolution_minutes,
        at_risk_percent=p.at_risk_percent or (80 if creating else 0),
        round_the_clock=p.round_the_clock,
        active=p.active or creating,
    )


def technician_to_proto(x: dp.Technician, open_count: int = 0) -> pb.Technician:
    out = pb.Technician(
        id=x.id,
        user_id=x.user_id,
        name=x.name,
        team=x.team,
        skills=list(x.skills),
        capacity=x.capacity,
        working_days=list(x.working_days),
        location_updated_at=ts(x.location_updated_at),
        active=x.active,
        open_work_orders=open_count,
        manager_id=x.manager_id,
        version=x.version,
        created_at=ts(x.created_at),
        updated_at=ts(x.updated_at),
    )
    if x.latitude is not None and x.longitude is not None:
        out.latitude = x.latitude
        out.longitude = x.longitude
    return out


def technician_fields(x: pb.Technician, *, creating: bool = False) -> dp.Technician:
    return dp.Technician(
        id="",
        user_id=x.user_id.strip(),
        name=x.name,
        team=x.team.strip(),
        skills=tuple(x.skills),
        capacity=x.capacity or (5 if creating else 0),
        working_days=tuple(x.working_days),
        latitude=x.latitude if x.HasField("latitude") else None,
        longitude=x.longitude if x.HasField("longitude") else None,
        active=x.active or creating,
        manager_id=x.manager_id.strip(),
    )


def article_to_proto(a: kb.Article) -> pb.Article:
    return pb.Article(
        id=a.id,
        title=a.title,
        category=a.category,
        problem=a.problem,
        solution=a.solution,
        tags=list(a.tags),
        status=a.status,
        version=a.version,
        created_at=ts(a.created_at),
        updated_at=ts(a.updated_at),
        created_by=a.created_by,
    )


def article_fields(a: pb.Article) -> kb.Article:
    now = datetime.now(UTC)
    return kb.Article("", a.title, a.category, a.problem, a.solution, tuple(a.tags), a.status, 0, now, now, "")
