"""Domain events of the service desk (events/outgoing.py turns them into published messages)."""

from __future__ import annotations

import dataclasses

from service_desk.domain.complaints import Complaint
from service_desk.domain.returns import ReturnVisit
from service_desk.domain.sla import SlaFinding
from service_desk.domain.visits import ServiceCharge, Visit
from service_desk.domain.workorder import StatusChange, WorkOrder


@dataclasses.dataclass(frozen=True)
class WorkOrderCreated:
    work_order: WorkOrder


@dataclasses.dataclass(frozen=True)
class WorkOrderAssigned:
    work_order: WorkOrder
    previous_assignee_id: str
    assignee_user_id: str = ""  # the technician's login, if any (whom to notify)


@dataclasses.dataclass(frozen=True)
class WorkOrderStatusChanged:
    work_order: WorkOrder
    change: StatusChange


@dataclasses.dataclass(frozen=True)
class WorkOrderResolved:
    work_order: WorkOrder


@dataclasses.dataclass(frozen=True)
class WorkOrderClosed:
    work_order: WorkOrder


@dataclasses.dataclass(frozen=True)
class SlaAtRisk:
    work_order: WorkOrder
    finding: SlaFinding


@dataclasses.dataclass(frozen=True)
class SlaBreached:
    work_order: WorkOrder
    finding: SlaFinding
    notify_user_id: str
    previous_priority: str
    new_priority: str


@dataclasses.dataclass(frozen=True)
class VisitScheduled:
    visit: Visit


@dataclasses.dataclass(frozen=True)
class VisitCompleted:
    visit: Visit


@dataclasses.dataclass(frozen=True)
class ServiceChargeRecorded:
    charge: ServiceCharge


@dataclasses.dataclass(frozen=True)
class ComplaintCreated:
    complaint: Complaint


@dataclasses.dataclass(frozen=True)
class ComplaintResolved:
    complaint: Complaint


@dataclasses.dataclass(frozen=True)
class ReturnVisitPlanned:
    return_visit: ReturnVisit


@dataclasses.dataclass(frozen=True)
class ReturnVisitCompleted:
    return_visit: ReturnVisit
