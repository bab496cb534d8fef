"""Contracts: draft → pending_approval → approved → signed → active → expired / terminated.

Approval goes through the generic engine (a rejection or withdrawal returns the contract to
draft); approval freezes the credited owner (S15). Signing records the signing date; a signed
contract becomes active on its start date and expires after its end date (the daily sweep moves
it, with as_of); signed or active contracts can be terminated with a reason.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from crm_chassis.errors import FailedPrecondition, InvalidArgument
from sales.domain.catalogue import Product
from sales.domain.common import required_text

DRAFT = "draft"
PENDING_APPROVAL = "pending_approval"
APPROVED = "approved"
SIGNED = "signed"
ACTIVE = "active"
EXPIRED = "expired"
TERMINATED = "terminated"
STATUSES = (DRAFT, PENDING_APPROVAL, APPROVED, SIGNED, ACTIVE, EXPIRED, TERMINATED)
# Payments count against a contract from its approval on (S7).
EFFECTIVE = frozenset({APPROVED, SIGNED, ACTIVE, EXPIRED})
UPDATABLE = frozenset({"title", "value", "start_date", "end_date", "terms", "coverage", "order_ids", "owner_id"})
MAX_COVERAGE = 200


@dataclasses.dataclass(frozen=True)
class Coverage:
    """Warranty / service scope: a product covered until a date (inclusive)."""

    product_id: str
    until: date
    description: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"product_id": self.product_id, "until": self.until.isoformat(), "description": self.description}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Coverage:
        return cls(d["product_id"], date.fromisoformat(d["until"]), d.get("description", ""))


@dataclasses.dataclass(frozen=True)
class Contract:
    id: str
    number: str
    title: str
    customer_id: str
    owner_id: str
    order_ids: tuple[str, ...]
    value: Decimal
    currency: str
    start_date: date
    end_date: date
    terms: str
    coverage: tuple[Coverage, ...]
    status: str
    signed_on: date | None
    credited_owner_id: str
    activated_at: datetime | None
    ended_at: datetime | None
    termination_reason: str
    version: int
    created_at: datetime
    updated_at: datetime
    created_by: str

    @property
    def effective(self) -> bool:
        return self.status in EFFECTIVE

    def covered(self, product_id: str, on: date) -> bool:
        return any(c.product_id == product_id and on <= c.until for c in self.coverage)


def check_period(start: date | None, end: date | None) -> tuple[date, date]:
    if start is None:
        raise InvalidArgument("start_date is required", code="start_date_required", field="start_date")
    if end is None:
        raise InvalidArgument("end_date is required", code="end_date_required", field="end_date")
    if end < start:
        raise InvalidArgument(
            "end_date must not be before start_date", code="contract.period_invalid", field="end_date"
        )
    return start, end


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def default_coverage(products: Iterable[Product], start: date) -> tuple[Coverage, ...]:
    """Coverage from the products' warranty months, counted from the contract start."""
    out = {}
    for p in products:
        if p.warranty_months > 0 and p.id not in out:
            until = add_months(start, p.warranty_months) - timedelta(days=1)
            out[p.id] = Coverage(p.id, until, f"{p.name}: {p.warranty_months} months warranty")
    return tuple(out.values())


def clean_coverage(items: list[Coverage]) -> tuple[Coverage, ...]:
    if len(items) > MAX_COVERAGE:
        raise InvalidArgument(f"at most {MAX_COVERAGE} coverage lines", code="coverage.too_many", field="coverage")
    for i, c in enumerate(items):
        if not c.product_id:
            raise InvalidArgument(
                f"coverage[{i}].product_id is required", code="coverage.product_required", field=f"coverage[{i}]"
            )
    return tuple(items)


def _bump(c: Contract, at: datetime, **changes: object) -> Contract:
    return dataclasses.replace(c, version=c.version + 1, updated_at=at, **changes)  # type: ignore[arg-type]


def ensure_editable(c: Contract) -> None:
    if c.status == PENDING_APPROVAL:
        raise FailedPrecondition(
            f"contract {c.number} is in review; withdraw it to edit", code="contract.in_review", field="status"
        )
    if c.status != DRAFT:
        raise FailedPrecondition(
            f"contract {c.number} is {c.status}; an approved contract changes only by termination",
            code="contract.not_draft",
            field="status",
        )


def submitted(c: Contract, at: datetime) -> Contract:
    if c.status != DRAFT:
        raise FailedPrecondition(
            f"only a draft contract can be submitted (it is {c.status})", code="contract.not_draft", field="status"
        )
    return _bump(c, at, status=PENDING_APPROVAL)


def approval_outcome(c: Contract, passed: bool, at: datetime) -> Contract:
    if passed:
        return _bump(c, at, status=APPROVED, credited_owner_id=c.owner_id)
    return _bump(c, at, status=DRAFT)


def sign(c: Contract, *, signed_on: date, today: date, at: datetime) -> Contract:
    """Record the signature; a contract whose start date has come is active at once."""
    if c.status != APPROVED:
        raise FailedPrecondition(
            f"only an approved contract can be signed (it is {c.status})", code="contract.not_approved", field="status"
        )
    if signed_on > today:
        raise InvalidArgument("signed_on is in the future", code="contract.signed_on_future", field="signed_on")
    signed = _bump(c, at, status=SIGNED, signed_on=signed_on)
    return activate_if_due(signed, today=today, at=at) or signed


def activate_if_due(c: Contract, *, today: date, at: datetime) -> Contract | None:
    """The contract made active if it is signed and its start date has come; None otherwise."""
    if c.status == SIGNED and c.start_date <= today:
        if c.end_date < today:
            return _bump(c, at, status=EXPIRED, activated_at=at, ended_at=at)
        return _bump(c, at, status=ACTIVE, activated_at=at)
    return None


def expire_if_due(c: Contract, *, today: date, at: datetime) -> Contract | None:
    if c.status == ACTIVE and c.end_date < today:
        return _bump(c, at, status=EXPIRED, ended_at=at)
    return None


def terminate(c: Contract, *, reason: str, at: datetime) -> Contract:
    if c.status not in (SIGNED, ACTIVE):
        raise FailedPrecondition(
            f"only a signed or active contract can be terminated (it is {c.status})",
            code="contract.not_terminable",
            field="status",
        )
    return _bump(c, at, status=TERMINATED, ended_at=at, termination_reason=required_text(reason, "reason", max_len=500))


def renewal_due(c: Contract, *, as_of: date, days_before: int) -> bool:
    """An active contract ending within `days_before` days of `as_of` (renewal reminder)."""
    return c.status == ACTIVE and as_of <= c.end_date <= as_of + timedelta(days=days_before)
