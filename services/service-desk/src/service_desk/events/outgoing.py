"""Domain events of the service desk -> published event type and proto payload."""

from __future__ import annotations

from google.protobuf.message import Message

from crm.service_desk.v1 import service_desk_events_pb2 as ev
from service_desk.domain import events as de
from service_desk.grpc_api import mapping as m


def translate(event: object) -> tuple[str, Message, str, int]:
    """(event_type, payload, aggregate_id, aggregate_version) for a domain event."""
    match event:
        case de.WorkOrderCreated(w):
            return "work_order_created", ev.WorkOrderCreated(work_order=m.work_order_to_proto(w)), w.id, w.version
        case de.WorkOrderAssigned(w, previous, user):
            payload = ev.WorkOrderAssigned(
                work_order=m.work_order_to_proto(w), previous_assignee_id=previous, assignee_user_id=user
            )
            return "work_order_assigned", payload, w.id, w.version
        case de.WorkOrderStatusChanged(w, change):
            payload = ev.WorkOrderStatusChanged(work_order=m.work_order_to_proto(w), change=m.change_to_proto(change))
            return "work_order_status_changed", payload, w.id, w.version
        case de.WorkOrderResolved(w):
            return "work_order_resolved", ev.WorkOrderResolved(work_order=m.work_order_to_proto(w)), w.id, w.version
        case de.WorkOrderClosed(w):
            return "work_order_closed", ev.WorkOrderClosed(work_order=m.work_order_to_proto(w)), w.id, w.version
        case de.SlaAtRisk(w, f):
            payload = ev.SlaAtRisk(
                work_order=m.work_order_to_proto(w),
                target=f.target,
                elapsed_minutes=f.elapsed_minutes,
                target_minutes=f.target_minutes,
            )
            return "sla_at_risk", payload, w.id, w.version
        case de.SlaBreached(w, f, notify, previous, new):
            payload = ev.SlaBreached(
                work_order=m.work_order_to_proto(w),
                target=f.target,
                elapsed_minutes=f.elapsed_minutes,
                target_minutes=f.target_minutes,
                notify_user_id=notify,
                previous_priority=previous,
                new_priority=new,
            )
            return "sla_breached", payload, w.id, w.version
        case de.VisitScheduled(v):
            return "visit_scheduled", ev.VisitScheduled(visit=m.visit_to_proto(v)), v.id, v.version
        case de.VisitCompleted(v):
            return "visit_completed", ev.VisitCompleted(visit=m.visit_to_proto(v)), v.id, v.version
        case de.ServiceChargeRecorded(c):
            return "service_charge_recorded", ev.ServiceChargeRecorded(charge=m.charge_to_proto(c)), c.id, c.version
        case de.ComplaintCreated(c):
            return "complaint_created", ev.ComplaintCreated(complaint=m.complaint_to_proto(c)), c.id, c.version
        case de.ComplaintResolved(c):
            return "complaint_resolved", ev.ComplaintResolved(complaint=m.complaint_to_proto(c)), c.id, c.version
        case de.ReturnVisitPlanned(r):
            payload = ev.ReturnVisitPlanned(return_visit=m.return_visit_to_proto(r))
            return "return_visit_planned", payload, r.id, r.version
        case de.ReturnVisitCompleted(r):
            payload = ev.ReturnVisitCompleted(return_visit=m.return_visit_to_proto(r))
            return "return_visit_completed", payload, r.id, r.version
    raise TypeError(f"no published event for {type(event).__name__}")
