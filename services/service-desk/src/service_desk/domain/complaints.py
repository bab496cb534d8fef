"""Complaints (pure): category, severity and the deadline it sets, handling steps, resolution with
root cause, the customer's confirmation, escalation when overdue."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

from crm_chassis.errors import FailedPrecondition, InvalidArgument
from service_desk.domain.common import bounded

CATEGORIES = ("product_quality", "service_attitude", "response_time", "billing", "delivery", "satisfaction", "other")
SEVERITIES = ("low", "medium", "high", "critical")
STATUSES = ("open", "in_progress", "resolved", "closed")
ACTIONS = ("add_step", "resolve", "confirm", "reject", "escalate")


@dataclasses.dataclass(frozen=True)
class Step:
    at: datetime
    actor_id: str
    kind: str
    note: str


@dataclasses.dataclass(frozen=True)
class Complaint:
    id: str
    number: str
    customer_id: str
    work_order_id: str
    order_id: str
    contract_id: str
    return_visit_id: str
    category: str
    severity: str
    description: str
    responsible_department_id: str
    assignee_id: str
    owner_id: str
    status: str
    deadline_at: datetime
    steps: tuple[Step, ...]
    root_cause: str
    resolution: str
    customer_confirmed: bool
    escalation_level: int
    resolved_at: datetime | None
    version: int
    created_at: datetime
    updated_at: datetime
    created_by: str
    subject_user_id: str = ""

    @property
    def is_open(self) -> bool:
        return self.status in ("open", "in_progress")


def check_assignee(assignee_id: str, subject_user_id: str) -> None:
    """D6: the person a complaint is about never handles it (InvalidArgument `complaint.assignee_is_subject`).
    Whether the assignee reports to that person is the gateway's knowledge (the org tree), not checked here."""
    if assignee_id and subject_user_id and assignee_id == subject_user_id:
        raise InvalidArgument(
            "the person the complaint is about cannot handle it",
            code="complaint.assignee_is_subject",
            field="assignee_id",
        )


def deadline(created_at: datetime, hours: int) -> datetime:
    return created_at + timedelta(hours=hours)


def act(
    c: Complaint, action: str, *, at: datetime, actor: str, note: str = "", root_cause: str = "", resolution: str = ""
) -> Complaint:
    """The complaint after an action (add_step, resolve, confirm, reject, escalate); FailedPrecondition
    `complaint.action_not_allowed` when its status does not allow it."""
    if action not in ACTIONS:
        raise InvalidArgument(f"action must be one of {', '.join(ACTIONS)}", code="action_invalid", field="action")
    note = bounded(note, "note", max_len=2000)

    def refuse() -> FailedPrecondition:
        return FailedPrecondition(
            f"cannot {action} a complaint that is {c.status}", code="complaint.action_not_allowed", field="action"
        )

    step = Step(
        at,
        actor,
        {
            "add_step": "note",
            "resolve": "resolved",
            "confirm": "confirmed",
            "reject": "rejected",
            "escalate": "escalated",
        }[action],
        note,
    )
    base = dataclasses.replace(c, steps=(*c.steps, step), updated_at=at)
    if action == "add_step":
        if not c.is_open:
            raise refuse()
        if not note:
            raise InvalidArgument("a step needs a note", code="note_required", field="note")
        return dataclasses.replace(base, status="in_progress")
    if action == "resolve":
        if not c.is_open:
            raise refuse()
        if not root_cause.strip() or not resolution.strip():
            raise InvalidArgument(
                "resolving needs a root cause and a resolution",
                code="complaint.resolution_required",
                field="root_cause" if not root_cause.strip() else "resolution",
            )
        return dataclasses.replace(
            base,
            status="resolved",
            root_cause=bounded(root_cause, "root_cause", max_len=2000),
            resolution=bounded(resolution, "resolution", max_len=2000),
            resolved_at=at,
        )
    if action in ("confirm", "reject"):
        if c.status != "resolved":
            raise refuse()
        if action == "confirm":
            return dataclasses.replace(base, status="closed", customer_confirmed=True)
        return dataclasses.replace(base, status="in_progress", resolved_at=None)
    if not c.is_open:
        raise refuse()
    return escalate(c, at=at, actor=actor, note=note or "escalated by hand")


def escalate(c: Complaint, *, at: datetime, actor: str, note: str) -> Complaint:
    """One level up the escalation chain, with a step saying why."""
    return dataclasses.replace(
        c,
        escalation_level=c.escalation_level + 1,
        steps=(*c.steps, Step(at, actor, "escalated", note)),
        updated_at=at,
    )


def overdue_levels(c: Complaint, at: datetime) -> int:
    """How many escalation levels an open complaint has earned by `at`: one at the deadline, one more
    for each further deadline span overdue (capped at 3)."""
    if not c.is_open or at < c.deadline_at:
        return 0
    span = max(c.deadline_at - c.created_at, timedelta(minutes=1))
    return min(3, 1 + int((at - c.deadline_at) / span))
