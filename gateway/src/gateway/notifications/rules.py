"""Which user hears what from which event: pure functions from an event (its producer, type and
JSON payload, as in the envelope's `data`) to the notices it causes. An event nobody needs to
hear about causes none."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any


@dataclasses.dataclass(frozen=True)
class Notice:
    user_id: str
    kind: str  # assignment, reminder, sla, approval, pool
    title: str
    body: str
    link: str


Rule = Callable[[dict[str, Any]], list[Notice]]


def _text(data: dict[str, Any], *path: str) -> str:
    value: Any = data
    for part in path:
        value = value.get(part, {}) if isinstance(value, dict) else {}
    return value if isinstance(value, str) else ""


def _notice(user_id: str, kind: str, title: str, body: str, link: str) -> list[Notice]:
    return [Notice(user_id, kind, title, body, link)] if user_id else []


def _customer_assigned(data: dict[str, Any]) -> list[Notice]:
    reason = _text(data, "reason")
    if reason not in ("assign", "transfer"):
        return []  # a claim is the user's own doing; release and recycle leave no owner
    name, cid = _text(data, "customer", "name"), _text(data, "customer", "id")
    return _notice(
        _text(data, "to_owner_id"),
        "assignment",
        "Customer assigned to you",
        f"{name} ({reason})",
        f"/v1/customers/{cid}",
    )


def _follow_up_due(data: dict[str, Any]) -> list[Notice]:
    cid = _text(data, "activity", "customer_id")
    return _notice(
        _text(data, "owner_id"),
        "reminder",
        "Follow-up due",
        f"{_text(data, 'customer_name')}: {_text(data, 'activity', 'content')[:200]}",
        f"/v1/customers/{cid}",
    )


def _pool_warning(data: dict[str, Any]) -> list[Notice]:
    cid = _text(data, "customer", "id")
    days = data.get("days_left", 0)
    return _notice(
        _text(data, "owner_id"),
        "pool",
        "Customer returns to the pool soon",
        f"{_text(data, 'customer', 'name')} returns on {_text(data, 'recycle_on')} ({days} days left)",
        f"/v1/customers/{cid}",
    )


def _lead_assigned(data: dict[str, Any]) -> list[Notice]:
    if _text(data, "reason") == "grab":
        return []  # the rep grabbed it themselves
    lead = data.get("lead", {})
    who = lead.get("company") or lead.get("contact_name") or "a lead"
    return _notice(
        _text(data, "to_owner_id"), "assignment", "Lead assigned to you", str(who), f"/v1/leads/{lead.get('id', '')}"
    )


def _work_order_assigned(data: dict[str, Any]) -> list[Notice]:
    # work_order.assignee_id is the technician's id; the event names the technician's login.
    wo = data.get("work_order", {})
    return _notice(
        _text(data, "assignee_user_id"),
        "assignment",
        "Work order assigned to you",
        f"{wo.get('number') or wo.get('id', '')}: {str(wo.get('title') or wo.get('description') or '')[:200]}",
        f"/v1/work-orders/{wo.get('id', '')}",
    )


def _sla(kind: str) -> Rule:
    def rule(data: dict[str, Any]) -> list[Notice]:
        wo = data.get("work_order", {})
        target = _text(data, "target").replace("_", " ")
        title = f"SLA {kind}: {target}"
        body = f"{wo.get('number') or wo.get('id', '')} ({wo.get('priority', '')})"
        link = f"/v1/work-orders/{wo.get('id', '')}"
        # The escalation target the service desk names (a user); work_order.assignee_id is a
        # technician's id, not a login, so it is not notified from here.
        users = [_text(data, "notify_user_id"), str(wo.get("owner_id", ""))]
        return [Notice(u, "sla", title, body, link) for u in dict.fromkeys(users) if u]

    return rule


def _payment_overdue(data: dict[str, Any]) -> list[Notice]:
    number = _text(data, "contract_number") or _text(data, "order_number")
    return _notice(
        _text(data, "owner_id"),
        "reminder",
        "Instalment overdue",
        f"{number}: due {_text(data, 'instalment', 'due_date')}",
        f"/v1/receipts?customer_id={_text(data, 'customer_id')}",
    )


def _approval_decided(data: dict[str, Any]) -> list[Notice]:
    approval = data.get("approval", {})
    return _notice(
        _text(data, "owner_id"),
        "approval",
        f"Approval {approval.get('status', 'decided')}",
        _text(data, "summary"),
        "/v1/approvals",
    )


RULES: dict[tuple[str, str], Rule] = {
    ("customers", "customer_owner_changed"): _customer_assigned,
    ("customers", "follow_up_due"): _follow_up_due,
    ("customers", "pool_recycle_warning"): _pool_warning,
    ("marketing", "lead_assigned"): _lead_assigned,
    ("service_desk", "work_order_assigned"): _work_order_assigned,
    ("service_desk", "sla_at_risk"): _sla("at risk"),
    ("service_desk", "sla_breached"): _sla("breached"),
    ("sales", "payment_overdue"): _payment_overdue,
    ("sales", "approval_decided"): _approval_decided,
}


def notices_for(producer: str, event_type: str, data: dict[str, Any]) -> list[Notice]:
    """The notices an event causes (none for an event no rule knows)."""
    rule = RULES.get((producer, event_type))
    return rule(data) if rule is not None else []
