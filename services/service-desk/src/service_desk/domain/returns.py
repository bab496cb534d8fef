"""Return visits (pure): planned N days after a work order closes or M days after an order is
fulfilled (one per source and rule), completed with outcome, score 1-5 and NPS 0-10; a low score
opens a complaint or reopens the work order, per settings."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

from crm_chassis.errors import FailedPrecondition, InvalidArgument
from service_desk.domain.common import bounded

RULES = ("work_order_closed", "order_fulfilled", "manual")


@dataclasses.dataclass(frozen=True)
class ReturnVisit:
    id: str
    rule: str
    source_kind: str
    source_id: str
    customer_id: str
    owner_id: str
    work_order_id: str
    order_id: str
    due_on: date
    assignee_id: str
    status: str
    outcome: str = ""
    score: int = 0
    nps: int | None = None
    follow_up: str = "none"
    complaint_id: str = ""
    completed_at: datetime | None = None
    version: int = 1
    created_at: datetime | None = None
    updated_at: datetime | None = None


def check_score(score: int, nps: int | None) -> tuple[int, int | None]:
    """Score 1..5 (required) and NPS 0..10 (optional); InvalidArgument otherwise."""
    if not 1 <= score <= 5:
        raise InvalidArgument("score must be between 1 and 5", code="return_visit.score_invalid", field="score")
    if nps is not None and not 0 <= nps <= 10:
        raise InvalidArgument("nps must be between 0 and 10", code="return_visit.nps_invalid", field="nps")
    return score, nps


def complete(rv: ReturnVisit, *, at: datetime, outcome: str, score: int, nps: int | None) -> ReturnVisit:
    """The visit recorded; FailedPrecondition `return_visit.not_planned` when already done."""
    if rv.status != "planned":
        raise FailedPrecondition(f"the return visit is {rv.status}", code="return_visit.not_planned", field="id")
    score, nps = check_score(score, nps)
    return dataclasses.replace(
        rv,
        status="completed",
        outcome=bounded(outcome, "outcome", max_len=2000),
        score=score,
        nps=nps,
        completed_at=at,
        updated_at=at,
    )


def follow_up(score: int, *, threshold: int, action: str, has_work_order: bool) -> str:
    """What a score leads to: "none", "complaint_opened" or "work_order_reopened" (reopen needs a
    work order; without one a low score opens a complaint)."""
    if score > threshold:
        return "none"
    if action == "reopen" and has_work_order:
        return "work_order_reopened"
    return "complaint_opened"
