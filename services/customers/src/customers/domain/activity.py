"""Follow-up activities: the log of calls, visits, meetings, emails and notes on a customer."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import datetime, timedelta

from crm_chassis.errors import InvalidArgument

TYPES = ("call", "visit", "meeting", "email", "note")
# DOMAIN_RULES C3 default: note, logged call, visit check-in, email sent count as follow-up.
# (Pool rules will make this configurable per pool.)
FOLLOW_UP_TYPES = frozenset({"call", "visit", "email", "note"})
CONTENT_MAX = 10_000
ID_MAX = 64
# Clocks differ a little between the caller and us; more than this in the future is refused.
CLOCK_SKEW = timedelta(minutes=5)


@dataclasses.dataclass(frozen=True)
class Activity:
    id: str
    customer_id: str
    contact_id: str | None
    type: str
    occurred_at: datetime
    actor_id: str
    content: str
    opportunity_id: str | None
    work_order_id: str | None
    next_follow_up_at: datetime | None
    created_at: datetime
    deleted_at: datetime | None = None
    deletion_batch_id: str | None = None

    @property
    def counts_as_follow_up(self) -> bool:
        return self.type in FOLLOW_UP_TYPES


@dataclasses.dataclass(frozen=True)
class NewActivity:
    customer_id: str
    type: str
    content: str = ""
    contact_id: str = ""
    occurred_at: datetime | None = None
    opportunity_id: str = ""
    work_order_id: str = ""
    next_follow_up_at: datetime | None = None


def _ref(raw: str, field: str) -> str | None:
    value = raw.strip()
    if len(value) > ID_MAX:
        raise InvalidArgument(f"{field} is too long", code=f"activity.{field}_invalid", field=field)
    return value or None


def create(request: NewActivity, *, actor_id: str | None, now: datetime) -> Activity:
    type_ = request.type.strip().lower()
    if type_ not in TYPES:
        raise InvalidArgument(f"type must be one of {', '.join(TYPES)}", code="activity.type_invalid", field="type")
    occurred = request.occurred_at or now
    if occurred > now + CLOCK_SKEW:
        raise InvalidArgument(
            "occurred_at must not be in the future", code="activity.occurred_in_future", field="occurred_at"
        )
    content = request.content.strip()
    if len(content) > CONTENT_MAX:
        raise InvalidArgument(
            f"content is longer than {CONTENT_MAX} characters", code="activity.content_too_long", field="content"
        )
    if request.next_follow_up_at is not None and request.next_follow_up_at <= occurred:
        raise InvalidArgument(
            "next_follow_up_at must be after occurred_at",
            code="activity.next_follow_up_invalid",
            field="next_follow_up_at",
        )
    return Activity(
        id=str(uuid.uuid4()),
        customer_id=request.customer_id,
        contact_id=_ref(request.contact_id, "contact_id"),
        type=type_,
        occurred_at=occurred,
        actor_id=actor_id or "",
        content=content,
        opportunity_id=_ref(request.opportunity_id, "opportunity_id"),
        work_order_id=_ref(request.work_order_id, "work_order_id"),
        next_follow_up_at=request.next_follow_up_at,
        created_at=now,
    )


def follow_up_after(last_follow_up_at: datetime | None, activity: Activity) -> datetime | None:
    """The customer's last_follow_up_at after `activity` (C3: qualifying types only, never backwards)."""
    if not activity.counts_as_follow_up:
        return last_follow_up_at
    if last_follow_up_at is None or activity.occurred_at > last_follow_up_at:
        return activity.occurred_at
    return last_follow_up_at
