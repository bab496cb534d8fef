"""Small rules every marketing use case shares: time, money, dates, versions, scope, paging."""

from __future__ import annotations

import dataclasses
import re
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Generic, TypeVar
from zoneinfo import ZoneInfo

from crm_chassis.errors import InvalidArgument, NotFound, VersionConflict
from crm_chassis.identity import Caller

T = TypeVar("T")

DEFAULT_PAGE = 50
MAX_PAGE = 200
MAX_MINOR = 10**15
CURRENCY = re.compile(r"^[A-Z]{3}$")


@dataclasses.dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    next_cursor: str


@dataclasses.dataclass(frozen=True)
class ListRequest:
    """One page of a list as the caller asked for it (filter and order_by in the public language)."""

    limit: int
    cursor: str = ""
    filter: str = ""
    order_by: str = ""
    # None = every owner; otherwise only records whose owner is in the set.
    visible_owners: frozenset[str] | None = None


@dataclasses.dataclass(frozen=True)
class Money:
    """An amount in whole minor units of `currency`."""

    minor_units: int
    currency: str

    def plus(self, other: Money) -> Money:
        if other.currency != self.currency:
            raise InvalidArgument(f"amount must be in {self.currency}", code="amount.currency_mismatch", field="amount")
        return Money(self.minor_units + other.minor_units, self.currency)


def new_id() -> str:
    return str(uuid.uuid4())


def now() -> datetime:
    return datetime.now(UTC)


def actor_of(caller: Caller) -> str:
    return caller.user_id or caller.caller_service or ""


def list_request(caller: Caller, *, limit: int, cursor: str, filter: str, order_by: str) -> ListRequest:
    """A validated page request in the caller's data scope."""
    if limit < 0 or limit > MAX_PAGE:
        raise InvalidArgument(f"limit must be between 1 and {MAX_PAGE}", code="page.limit_invalid", field="limit")
    return ListRequest(limit or DEFAULT_PAGE, cursor, filter.strip(), order_by.strip(), caller.visible_owners)


def found(record: T | None, what: str, record_id: str, caller: Caller | None = None, owner: str | None = None) -> T:
    """The record, or NotFound when it is missing or outside the caller's scope (no existence leak)."""
    if record is None or (caller is not None and owner and not caller.can_see_owner(owner)):
        raise NotFound(f"{what} {record_id} not found", code=f"{what}.not_found", field="id")
    return record


def check_version(current: int, expected: int, what: str) -> None:
    """VersionConflict when the caller edited an outdated version (0 = no check)."""
    if expected and expected != current:
        raise VersionConflict(
            f"{what} is at version {current}, not {expected}; read it again",
            code="version_conflict",
            field="expected_version",
            details={"current_version": str(current)},
        )


def concurrent_write(what: str) -> VersionConflict:
    return VersionConflict(f"{what} changed while saving; read it again", code="version_conflict", field="id")


def money(minor_units: int, currency_code: str, field: str, *, positive: bool = False) -> Money:
    """A validated amount: whole minor units >= 0 (> 0 when `positive`), an ISO currency."""
    code = (currency_code or "CNY").strip().upper()
    if not CURRENCY.match(code):
        raise InvalidArgument(f"{field}: currency must be an ISO 4217 code", code="currency_invalid", field=field)
    if minor_units < 0 or (positive and minor_units == 0):
        raise InvalidArgument(
            f"{field} must be {'greater than 0' if positive else 'zero or more'}",
            code=f"{field}_{'not_positive' if positive else 'negative'}",
            field=field,
        )
    if minor_units >= MAX_MINOR:
        raise InvalidArgument(f"{field} is too large", code=f"{field}_too_large", field=field)
    return Money(int(minor_units), code)


def to_decimal(m: Money) -> Decimal:
    return Decimal(m.minor_units)


def parse_date(text: str, field: str, *, required: bool = False) -> date | None:
    raw = (text or "").strip()
    if not raw:
        if required:
            raise InvalidArgument(f"{field} is required", code=f"{field}_required", field=field)
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise InvalidArgument(
            f"{field} must be an ISO date (2026-01-31)", code=f"{field}_invalid", field=field
        ) from None


def required_text(value: str, field: str, *, max_len: int = 200) -> str:
    text = " ".join((value or "").split())
    if not text:
        raise InvalidArgument(f"{field} is required", code=f"{field}_required", field=field)
    return bounded(text, field, max_len=max_len)


def bounded(value: str, field: str, *, max_len: int = 200) -> str:
    text = (value or "").strip()
    if len(text) > max_len:
        raise InvalidArgument(f"{field} has at most {max_len} characters", code=f"{field}_too_long", field=field)
    return text


def choice(value: str, field: str, options: tuple[str, ...] | frozenset[str], *, default: str | None = None) -> str:
    text = (value or "").strip().lower()
    if not text and default is not None:
        return default
    if text not in options:
        raise InvalidArgument(
            f"{field} must be one of {', '.join(sorted(options))}", code=f"{field}_invalid", field=field
        )
    return text


def local_date(instant: datetime, time_zone: str) -> date:
    """The organisation's calendar date of `instant` (business dates use the org time zone)."""
    return instant.astimezone(ZoneInfo(time_zone)).date()
