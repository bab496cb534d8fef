"""Quotes: priced lines, totals with tax, validity, revisions, special-price approval, send, accept.

draft ──submit──▶ pending_approval ──approved──▶ approved ──send──▶ sent ──accept──▶ accepted
  ▲  ◀──rejected / withdrawn──┘                      │                 └──decline─▶ declined
  └──────────────── revise (sent / declined: next revision) ◀────────────────────────┘
A quote whose largest line discount is beyond the threshold cannot be sent before it is approved;
below it, a draft is sent directly. Editing an approved quote returns it to draft.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from decimal import Decimal

from crm_chassis.errors import FailedPrecondition, InvalidArgument
from sales.domain.lines import Line, Totals, max_discount, totals

DRAFT = "draft"
PENDING_APPROVAL = "pending_approval"
APPROVED = "approved"
SENT = "sent"
ACCEPTED = "accepted"
DECLINED = "declined"
STATUSES = (DRAFT, PENDING_APPROVAL, APPROVED, SENT, ACCEPTED, DECLINED)
UPDATABLE = frozenset({"lines", "tax_rate", "valid_until", "terms", "title"})


@dataclasses.dataclass(frozen=True)
class Quote:
    id: str
    number: str
    title: str
    customer_id: str
    opportunity_id: str
    owner_id: str
    currency: str
    lines: tuple[Line, ...]
    tax_rate: Decimal
    valid_until: date
    terms: str
    status: str
    revision: int
    order_id: str
    sent_at: datetime | None
    accepted_at: datetime | None
    version: int
    created_at: datetime
    updated_at: datetime
    created_by: str

    @property
    def totals(self) -> Totals:
        return totals(self.lines, self.tax_rate)

    def needs_approval(self, threshold: Decimal) -> bool:
        """A special price: some line's discount is beyond the threshold."""
        return max_discount(self.lines) > threshold

    def expired(self, today: date) -> bool:
        return self.status in (DRAFT, PENDING_APPROVAL, APPROVED, SENT) and self.valid_until < today


def check_valid_until(valid_until: date | None, today: date) -> date:
    if valid_until is None:
        raise InvalidArgument("valid_until is required", code="valid_until_required", field="valid_until")
    if valid_until < today:
        raise InvalidArgument("valid_until is in the past", code="quote.valid_until_past", field="valid_until")
    return valid_until


def _bump(q: Quote, at: datetime, **changes: object) -> Quote:
    return dataclasses.replace(q, version=q.version + 1, updated_at=at, **changes)  # type: ignore[arg-type]


def ensure_editable(q: Quote) -> None:
    if q.status == PENDING_APPROVAL:
        raise FailedPrecondition(
            f"quote {q.number} is in review; withdraw it to edit", code="quote.in_review", field="status"
        )
    if q.status not in (DRAFT, APPROVED):
        raise FailedPrecondition(
            f"quote {q.number} is {q.status}; revise it to change it", code="quote.not_editable", field="status"
        )


def edited(q: Quote, at: datetime, **changes: object) -> Quote:
    """An edit: an approved quote goes back to draft (its approval covered other values)."""
    ensure_editable(q)
    return _bump(q, at, status=DRAFT, **changes)


def submitted(q: Quote, at: datetime) -> Quote:
    if q.status != DRAFT:
        raise FailedPrecondition(
            f"only a draft quote can be submitted (it is {q.status})", code="quote.not_draft", field="status"
        )
    return _bump(q, at, status=PENDING_APPROVAL)


def approval_outcome(q: Quote, passed: bool, at: datetime) -> Quote:
    return _bump(q, at, status=APPROVED if passed else DRAFT)


def send(q: Quote, *, threshold: Decimal, today: date, at: datetime) -> Quote:
    if q.status == PENDING_APPROVAL:
        raise FailedPrecondition(f"quote {q.number} is still in review", code="quote.in_review", field="status")
    if q.status not in (DRAFT, APPROVED):
        raise FailedPrecondition(f"quote {q.number} is {q.status}", code="quote.not_sendable", field="status")
    if q.status == DRAFT and q.needs_approval(threshold):
        raise FailedPrecondition(
            f"a discount beyond {threshold.normalize():f}% needs approval before the quote is sent; submit it",
            code="quote.approval_required",
            field="status",
            details={
                "max_discount": f"{max_discount(q.lines).normalize():f}",
                "threshold": f"{threshold.normalize():f}",
            },
        )
    if q.expired(today):
        raise FailedPrecondition(
            f"quote {q.number} expired on {q.valid_until}", code="quote.expired", field="valid_until"
        )
    return _bump(q, at, status=SENT, sent_at=at)


def accept(q: Quote, *, order_id: str, today: date, at: datetime) -> Quote:
    if q.status != SENT:
        raise FailedPrecondition(
            f"only a sent quote can be accepted (it is {q.status})", code="quote.not_sent", field="status"
        )
    if q.expired(today):
        raise FailedPrecondition(
            f"quote {q.number} expired on {q.valid_until}", code="quote.expired", field="valid_until"
        )
    return _bump(q, at, status=ACCEPTED, accepted_at=at, order_id=order_id)


def decline(q: Quote, at: datetime) -> Quote:
    if q.status != SENT:
        raise FailedPrecondition(
            f"only a sent quote can be declined (it is {q.status})", code="quote.not_sent", field="status"
        )
    return _bump(q, at, status=DECLINED)


def revise(q: Quote, at: datetime) -> Quote:
    """The next revision of a sent or declined quote, as a draft."""
    if q.status not in (SENT, DECLINED):
        raise FailedPrecondition(
            f"only a sent or declined quote is revised (it is {q.status}); edit a draft directly",
            code="quote.not_revisable",
            field="status",
        )
    return _bump(q, at, status=DRAFT, revision=q.revision + 1, sent_at=None)
