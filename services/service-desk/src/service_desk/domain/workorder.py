"""Work orders (pure): fields, validation and the status machine
new -> assigned -> in_progress <-> waiting_for_customer -> resolved -> closed, cancel before
resolution, reopen a resolved or closed order within the window."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

from crm_chassis.errors import FailedPrecondition, InvalidArgument
from service_desk.domain import dispatch as d
from service_desk.domain import entitlement as e
from service_desk.domain import sla as s
from service_desk.domain.common import bounded, one_of

TYPES = (
    "repair",
    "installation",
    "maintenance",
    "consultation",
    "order_dispute",
    "contract_dispute",
    "billing_dispute",
    "return",
)
CHANNELS = ("phone", "web", "email", "on_site", "call_center")
STATUSES = ("new", "assigned", "in_progress", "waiting_for_customer", "resolved", "closed", "cancelled")
OPEN = frozenset({"new", "assigned", "in_progress", "waiting_for_customer"})
# action -> (statuses it may start from, status it leads to)
TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "assign": (frozenset({"new", "assigned", "in_progress", "waiting_for_customer"}), "assigned"),
    "start": (frozenset({"assigned", "waiting_for_customer"}), "in_progress"),
    "wait": (frozenset({"in_progress"}), "waiting_for_customer"),
    "resume": (frozenset({"waiting_for_customer"}), "in_progress"),
    "resolve": (frozenset({"in_progress", "waiting_for_customer"}), "resolved"),
    "close": (frozenset({"resolved"}), "closed"),
    "reopen": (frozenset({"resolved", "closed"}), "in_progress"),
    "cancel": (frozenset({"new", "assigned", "in_progress", "waiting_for_customer"}), "cancelled"),
}


@dataclasses.dataclass(frozen=True)
class Attachment:
    name: str
    url: str
    content_type: str = ""
    size_bytes: int = 0


@dataclasses.dataclass(frozen=True)
class StatusChange:
    from_status: str
    to_status: str
    action: str
    reason: str
    actor_id: str
    at: datetime


@dataclasses.dataclass(frozen=True)
class WorkOrder:
    id: str
    number: str
    type: str
    channel: str
    customer_id: str
    customer_name: str
    contact_id: str
    product_id: str
    serial_number: str
    order_id: str
    contract_id: str
    priority: str
    description: str
    attachments: tuple[Attachment, ...]
    status: str
    entitlement: e.Decision
    entitlement_at: datetime
    sla: s.SlaState
    team: str
    assignee_id: str
    owner_id: str
    dispatch: d.Decision | None
    resolution: str
    reopen_count: int
    article_ids: tuple[str, ...]
    history: tuple[StatusChange, ...]
    resolved_at: datetime | None
    closed_at: datetime | None
    version: int
    created_at: datetime
    updated_at: datetime
    created_by: str

    @property
    def is_open(self) -> bool:
        return self.status in OPEN


def check_fields(work_type: str, channel: str, priority: str, description: str) -> tuple[str, str, str, str]:
    """Validated (type, channel, priority, description)."""
    return (
        one_of(work_type, TYPES, "type"),
        one_of(channel, CHANNELS, "channel", default="phone"),
        one_of(priority, s.PRIORITIES, "priority", default="normal"),
        bounded(description, "description", max_len=4000),
    )


def check_attachments(items: list[Attachment]) -> tuple[Attachment, ...]:
    """Attachments metadata: a name and a URL each, at most 20."""
    if len(items) > 20:
        raise InvalidArgument("at most 20 attachments", code="attachments_too_many", field="attachments")
    for i, a in enumerate(items):
        if not a.name.strip() or not a.url.strip():
            raise InvalidArgument(
                f"attachments[{i}] needs a name and a url", code="attachment_invalid", field=f"attachments[{i}]"
            )
        if a.size_bytes < 0:
            raise InvalidArgument(
                f"attachments[{i}].size_bytes must not be negative",
                code="attachment_invalid",
                field=f"attachments[{i}]",
            )
    return tuple(items)


def transition(
    wo: WorkOrder,
    action: str,
    *,
    at: datetime,
    actor: str,
    reason: str = "",
    reopen_window_days: int = 7,
) -> WorkOrder:
    """The work order after `action`, with the change in its history; FailedPrecondition
    `work_order.transition_not_allowed` when the status does not allow it, `work_order.reopen_window_passed`
    when a reopen comes too late. SLA clock effects are applied by the caller (see apply_sla)."""
    if action not in TRANSITIONS:
        raise InvalidArgument(f"action must be one of {', '.join(TRANSITIONS)}", code="action_invalid", field="action")
    allowed, target = TRANSITIONS[action]
    if wo.status not in allowed:
        raise FailedPrecondition(
            f"cannot {action} a work order that is {wo.status}",
            code="work_order.transition_not_allowed",
            field="action",
            details={"status": wo.status, "action": action},
        )
    if action == "start" and not wo.assignee_id:
        raise FailedPrecondition(
            "assign the work order before starting it", code="work_order.not_assigned", field="action"
        )
    if action == "reopen":
        since = wo.resolved_at or wo.closed_at or wo.updated_at
        if at - since > timedelta(days=reopen_window_days):
            raise FailedPrecondition(
                f"the reopen window of {reopen_window_days} days has passed",
                code="work_order.reopen_window_passed",
                field="action",
            )
        if not reason.strip():
            raise InvalidArgument("a reason is required to reopen", code="reason_required", field="reason")
        target = "in_progress" if wo.assignee_id else "new"
    change = StatusChange(wo.status, target, action, bounded(reason, "reason", max_len=500), actor, at)
    return dataclasses.replace(
        wo,
        status=target,
        history=(*wo.history, change),
        resolved_at=at if target == "resolved" else (None if action == "reopen" else wo.resolved_at),
        closed_at=at if target == "closed" else (None if action == "reopen" else wo.closed_at),
        reopen_count=wo.reopen_count + (1 if action == "reopen" else 0),
        updated_at=at,
    )


def apply_sla(cal: s.BusinessCalendar, before: WorkOrder, after: WorkOrder, at: datetime) -> WorkOrder:
    """The SLA clock effect of a status move: the first start is the first response; waiting pauses
    the clock, leaving waiting resumes it; resolve records the resolution time; reopen clears it."""
    sla = after.sla
    if before.status == "waiting_for_customer" and after.status != "waiting_for_customer":
        sla = s.resume(cal, sla, at)
    if after.status == "waiting_for_customer":
        sla = s.pause(sla, at)
    if after.status in ("in_progress", "waiting_for_customer", "resolved"):
        sla = s.responded(cal, sla, after.created_at, at)
    if after.status == "resolved":
        sla = s.resolved(cal, sla, after.created_at, at)
    if before.status in ("resolved", "closed") and after.status not in ("resolved", "closed"):
        sla = dataclasses.replace(sla, resolution_minutes=0)
    return dataclasses.replace(after, sla=sla)
