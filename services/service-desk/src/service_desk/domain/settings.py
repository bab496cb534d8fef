"""The service desk's configurable rules (values come from environment variables, see config.py)."""

from __future__ import annotations

import dataclasses

from service_desk.domain.sla import BusinessCalendar


@dataclasses.dataclass(frozen=True)
class DeskSettings:
    calendar: BusinessCalendar = dataclasses.field(default_factory=BusinessCalendar)
    # A resolved or closed work order may be reopened this many days after it was resolved.
    reopen_window_days: int = 7
    # A satisfaction score at or below this is "low" (D5: 2).
    low_score_threshold: int = 2
    # What a low score does: "complaint" (open one) or "reopen" (reopen the work order).
    low_score_action: str = "complaint"
    # Return visits: N days after a work order closes, M days after an order is fulfilled (0 = off).
    return_visit_after_close_days: int = 3
    return_visit_after_fulfilment_days: int = 30
    # Labour charged per hour (minor units) and the currency of charges.
    labour_rate_minor: int = 12000
    currency: str = "CNY"
    # Complaint deadline (business-independent hours) by severity, and how often it escalates when overdue.
    complaint_hours: tuple[tuple[str, int], ...] = (("low", 120), ("medium", 72), ("high", 24), ("critical", 8))
    # D2: a new, unassigned work order nobody grabbed within this many minutes is dispatched
    # automatically by the timer (0 = never).
    auto_assign_after_minutes: int = 0
    # Who hears of escalations when no manager is known for the owner.
    escalation_user_id: str = ""

    def complaint_deadline_hours(self, severity: str) -> int:
        return dict(self.complaint_hours)[severity]
