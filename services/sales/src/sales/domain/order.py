"""Orders: draft → confirmed → fulfilled, or cancelled (from draft or confirmed)."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from decimal import Decimal

from crm_chassis.errors import FailedPrecondition
from sales.domain.common import required_text
from sales.domain.lines import Line, Totals, totals

DRAFT = "draft"
CONFIRMED = "confirmed"
FULFILLED = "fulfilled"
CANCELLED = "cancelled"
STATUSES = (DRAFT, CONFIRMED, FULFILLED, CANCELLED)
UPDATABLE = frozenset({"lines", "tax_rate", "notes"})


@dataclasses.dataclass(frozen=True)
class Order:
    id: str
    number: str
    customer_id: str
    owner_id: str
    opportunity_id: str
    quote_id: str
    currency: str
    lines: tuple[Line, ...]
    tax_rate: Decimal
    notes: str
    status: str
    cancel_reason: str
    confirmed_at: datetime | None
    fulfilled_at: datetime | None
    cancelled_at: datetime | None
    version: int
    created_at: datetime
    updated_at: datetime
    created_by: str

    @property
    def totals(self) -> Totals:
        return totals(self.lines, self.tax_rate)


def _bump(o: Order, at: datetime, **changes: object) -> Order:
    return dataclasses.replace(o, version=o.version + 1, updated_at=at, **changes)  # type: ignore[arg-type]


def _require(o: Order, allowed: tuple[str, ...], action: str) -> None:
    if o.status not in allowed:
        raise FailedPrecondition(
            f"order {o.number} is {o.status}; it cannot be {action}", code=f"order.not_{action}able", field="status"
        )


def ensure_editable(o: Order) -> None:
    if o.status != DRAFT:
        raise FailedPrecondition(
            f"order {o.number} is {o.status}; only drafts change", code="order.not_draft", field="status"
        )


def confirm(o: Order, at: datetime) -> Order:
    _require(o, (DRAFT,), "confirm")
    return _bump(o, at, status=CONFIRMED, confirmed_at=at)


def fulfil(o: Order, at: datetime) -> Order:
    _require(o, (CONFIRMED,), "fulfil")
    return _bump(o, at, status=FULFILLED, fulfilled_at=at)


def cancel(o: Order, reason: str, at: datetime) -> Order:
    _require(o, (DRAFT, CONFIRMED), "cancel")
    return _bump(o, at, status=CANCELLED, cancelled_at=at, cancel_reason=required_text(reason, "reason", max_len=500))
