"""Small rules every sales use case shares: time, money, decimals, dates, versions, scope."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Generic, TypeVar
from zoneinfo import ZoneInfo

from crm_chassis.errors import InvalidArgument, NotFound, VersionConflict
from crm_chassis.identity import Caller

T = TypeVar("T")

DEFAULT_PAGE = 50
MAX_PAGE = 200
ONE = Decimal(1)
HUNDRED = Decimal(100)
# Money is a Decimal count of the currency's minor units; stored amounts are whole minor units.
MAX_MINOR = Decimal(10) ** 15
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


def now() -> datetime:
    return datetime.now(UTC)


def actor_of(caller: Caller) -> str:
    return caller.user_id or caller.caller_service or ""


def list_request(caller: Caller, *, limit: int, cursor: str, filter: str, order_by: str) -> ListRequest:
    if limit < 0 or limit > MAX_PAGE:
        raise InvalidArgument(f"limit must be between 1 and {MAX_PAGE}", code="page.limit_invalid", field="limit")
    return ListRequest(limit or DEFAULT_PAGE, cursor, filter.strip(), order_by.strip(), caller.visible_owners)


def require_visible(caller: Caller, owner_id: str, what: str, record_id: str) -> None:
    """NotFound (no existence leak) when the record's owner is outside the caller's data scope."""
    if not caller.can_see_owner(owner_id):
        raise NotFound(f"{what} {record_id} not found", code=f"{what}.not_found", field="id")


def found(record: T | None, what: str, record_id: str, caller: Caller, owner_of=lambda r: r.owner_id) -> T:  # type: ignore[no-untyped-def]
    if record is None:
        raise NotFound(f"{what} {record_id} not found", code=f"{what}.not_found", field="id")
    require_visible(caller, owner_of(record), what, record_id)
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


def parse_decimal(text: str | Decimal | int, field: str, *, default: Decimal | None = None) -> Decimal:
    """A finite decimal from text ("12.5"); InvalidArgument `<field>_invalid` otherwise."""
    if isinstance(text, Decimal | int):
        value = Decimal(text)
    else:
        raw = (text or "").strip()
        if not raw and default is not None:
            return default
        try:
            value = Decimal(raw)
        except InvalidOperation:
            raise InvalidArgument(
                f"{field} must be a number, not {raw!r}", code=f"{field}_invalid", field=field
            ) from None
    if not value.is_finite():
        raise InvalidArgument(f"{field} must be a finite number", code=f"{field}_invalid", field=field)
    return value


def minor(value: Decimal) -> Decimal:
    """`value` rounded half-up to whole minor units."""
    return value.quantize(ONE, rounding=ROUND_HALF_UP)


def money(value: Decimal | int, field: str, *, positive: bool = False) -> Decimal:
    """A stored amount: whole minor units, not negative (or > 0 when `positive`), below 10^15."""
    amount = Decimal(value)
    if amount != amount.to_integral_value():
        raise InvalidArgument(f"{field} must be whole minor units", code=f"{field}_invalid", field=field)
    if amount < 0 or (positive and amount == 0):
        raise InvalidArgument(
            f"{field} must be {'greater than 0' if positive else 'zero or more'}",
            code=f"{field}_{'not_positive' if positive else 'negative'}",
            field=field,
        )
    if amount >= MAX_MINOR:
        raise InvalidArgument(f"{field} is too large", code=f"{field}_too_large", field=field)
    return amount


def percent(value: str | Decimal, field: str, *, default: Decimal = Decimal(0)) -> Decimal:
    """A percentage 0..100 (e.g. a discount or tax rate)."""
    number = parse_decimal(value, field, default=default)
    if number < 0 or number > HUNDRED:
        raise InvalidArgument(f"{field} must be between 0 and 100", code=f"{field}_out_of_range", field=field)
    return number


def currency(code: str, field: str = "currency") -> str:
    text = (code or "").strip().upper()
    if not CURRENCY.match(text):
        raise InvalidArgument(f"{field} must be an ISO 4217 code like CNY", code="currency_invalid", field=field)
    return text


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


def local_date(instant: datetime, time_zone: str) -> date:
    """The organisation's calendar date of `instant` (business dates use the org time zone)."""
    return instant.astimezone(ZoneInfo(time_zone)).date()


def check_paths(paths: list[str], allowed: frozenset[str]) -> list[str]:
    if not paths:
        raise InvalidArgument(
            "update_mask must name the fields to change", code="update_mask.empty", field="update_mask"
        )
    unknown = sorted(set(paths) - allowed)
    if unknown:
        raise InvalidArgument(
            f"cannot update {', '.join(unknown)}", code="update_mask.unknown_field", field="update_mask"
        )
    return paths


def changed(current: Any, updated: Any, fields: Mapping[str, Any] | list[str]) -> list[str]:
    return [f for f in fields if getattr(current, f) != getattr(updated, f)]


# Currencies whose minor unit is not 1/100.
_EXPONENTS = {"JPY": 0, "KRW": 0, "VND": 0, "CLP": 0, "ISK": 0, "BHD": 3, "JOD": 3, "KWD": 3, "OMR": 3, "TND": 3}


def format_money(minor_units: Decimal, code: str) -> str:
    """A human amount, e.g. 1234567 CNY -> "12,345.67 CNY"."""
    exponent = _EXPONENTS.get(code, 2)
    value = Decimal(minor_units).scaleb(-exponent)
    return f"{value:,.{exponent}f} {code}"
