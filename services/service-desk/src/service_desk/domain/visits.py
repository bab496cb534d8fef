"""On-site visits (pure): a scheduled window, check-in then check-out with time and location, parts
and labour; the charge when the work order is not covered."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from crm_chassis.errors import FailedPrecondition, InvalidArgument
from service_desk.domain.common import bounded

STATUSES = ("scheduled", "checked_in", "completed", "cancelled")


@dataclasses.dataclass(frozen=True)
class Part:
    sku: str
    name: str
    quantity: Decimal
    unit_price_minor: int
    currency: str


@dataclasses.dataclass(frozen=True)
class Visit:
    id: str
    work_order_id: str
    customer_id: str
    owner_id: str
    technician_id: str
    window_start: datetime
    window_end: datetime
    status: str
    checked_in_at: datetime | None = None
    check_in_location: tuple[float, float] | None = None
    checked_out_at: datetime | None = None
    check_out_location: tuple[float, float] | None = None
    work_done: str = ""
    parts: tuple[Part, ...] = ()
    labour_minutes: int = 0
    charge_minor: int = 0
    currency: str = "CNY"
    service_charge_id: str = ""
    version: int = 1
    created_at: datetime | None = None
    updated_at: datetime | None = None


@dataclasses.dataclass(frozen=True)
class ServiceCharge:
    id: str
    work_order_id: str
    visit_id: str
    customer_id: str
    owner_id: str
    currency: str
    parts_minor: int
    labour_minor: int
    total_minor: int
    reason: str
    created_at: datetime
    version: int = 1


def check_window(start: datetime | None, end: datetime | None) -> tuple[datetime, datetime]:
    """A visit window: both ends given, end after start, at most 24 hours long."""
    if start is None or end is None:
        raise InvalidArgument("window_start and window_end are required", code="window_required", field="window_start")
    if end <= start:
        raise InvalidArgument("window_end must be after window_start", code="window_invalid", field="window_end")
    if (end - start).total_seconds() > 24 * 3600:
        raise InvalidArgument("a visit window is at most 24 hours", code="window_too_long", field="window_end")
    return start, end


def check_in(visit: Visit, at: datetime, location: tuple[float, float]) -> Visit:
    """Arrival; FailedPrecondition `visit.not_scheduled` unless the visit is scheduled."""
    if visit.status != "scheduled":
        raise FailedPrecondition(
            f"cannot check in to a visit that is {visit.status}", code="visit.not_scheduled", field="id"
        )
    return dataclasses.replace(visit, status="checked_in", checked_in_at=at, check_in_location=location, updated_at=at)


def parse_parts(raw: list[tuple[str, str, str, int, str]], currency: str) -> tuple[Part, ...]:
    """Parts as (sku, name, quantity text, unit price minor, currency): quantity > 0, price >= 0, one currency."""
    parts = []
    for i, (sku, name, qty, price, cur) in enumerate(raw):
        field = f"parts[{i}]"
        if not (sku or "").strip() and not (name or "").strip():
            raise InvalidArgument(f"{field} needs a sku or a name", code="part_invalid", field=field)
        try:
            quantity = Decimal((qty or "").strip() or "1")
        except InvalidOperation:
            raise InvalidArgument(f"{field}.quantity must be a number", code="part_invalid", field=field) from None
        if not quantity.is_finite() or quantity <= 0:
            raise InvalidArgument(f"{field}.quantity must be greater than 0", code="part_invalid", field=field)
        if price < 0:
            raise InvalidArgument(f"{field}.unit_price must not be negative", code="part_invalid", field=field)
        if cur and cur.upper() != currency:
            raise InvalidArgument(f"{field}.unit_price must be in {currency}", code="part_currency", field=field)
        parts.append(Part(bounded(sku, field, max_len=64), bounded(name, field), quantity, price, currency))
    return tuple(parts)


def charges(parts: tuple[Part, ...], labour_minutes: int, labour_rate_minor: int) -> tuple[int, int]:
    """(parts total, labour total) in minor units, each rounded half-up."""
    parts_total = sum((p.quantity * p.unit_price_minor for p in parts), Decimal(0))
    labour = Decimal(labour_minutes) * labour_rate_minor / 60
    return int(parts_total.quantize(Decimal(1), ROUND_HALF_UP)), int(labour.quantize(Decimal(1), ROUND_HALF_UP))


def check_out(
    visit: Visit,
    at: datetime,
    location: tuple[float, float],
    work_done: str,
    parts: tuple[Part, ...],
    labour_minutes: int,
) -> Visit:
    """Departure; FailedPrecondition `visit.not_checked_in` before check-in."""
    if visit.status != "checked_in" or visit.checked_in_at is None:
        raise FailedPrecondition(
            "cannot check out before checking in" if visit.status == "scheduled" else f"the visit is {visit.status}",
            code="visit.not_checked_in",
            field="id",
        )
    if labour_minutes < 0 or labour_minutes > 24 * 60:
        raise InvalidArgument("labour_minutes must be 0..1440", code="labour_minutes_invalid", field="labour_minutes")
    if at < visit.checked_in_at:
        raise InvalidArgument("check-out is before check-in", code="visit.check_out_before_check_in", field="id")
    return dataclasses.replace(
        visit,
        status="completed",
        checked_out_at=at,
        check_out_location=location,
        work_done=bounded(work_done, "work_done", max_len=4000),
        parts=parts,
        labour_minutes=labour_minutes,
        updated_at=at,
    )
