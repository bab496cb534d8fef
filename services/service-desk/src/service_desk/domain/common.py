"""Small rules every service-desk use case shares: time, ids, versions, scope, text, pages."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

from crm_chassis.errors import InvalidArgument, NotFound, VersionConflict
from crm_chassis.identity import Caller

T = TypeVar("T")

DEFAULT_PAGE = 50
MAX_PAGE = 200


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
    """The current instant (UTC)."""
    return datetime.now(UTC)


def new_id() -> str:
    return str(uuid.uuid4())


def actor_of(caller: Caller) -> str:
    return caller.user_id or caller.caller_service or ""


def list_request(caller: Caller, *, limit: int, cursor: str, filter: str, order_by: str) -> ListRequest:
    """A validated list request (limit 1..200, default 50) scoped to the caller's visible owners."""
    if limit < 0 or limit > MAX_PAGE:
        raise InvalidArgument(f"limit must be between 1 and {MAX_PAGE}", code="page.limit_invalid", field="limit")
    return ListRequest(limit or DEFAULT_PAGE, cursor, filter.strip(), order_by.strip(), caller.visible_owners)


def found(record: T | None, what: str, record_id: str, caller: Caller | None = None, owner: str | None = None) -> T:
    """The record, or NotFound `<what>.not_found` (also when its owner is outside the caller's scope)."""
    if record is None or (caller is not None and owner is not None and not caller.can_see_owner(owner)):
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


def required_text(value: str, field: str, *, max_len: int = 200) -> str:
    """Whitespace-collapsed text, required, at most max_len characters."""
    text = " ".join((value or "").split())
    if not text:
        raise InvalidArgument(f"{field} is required", code=f"{field}_required", field=field)
    return bounded(text, field, max_len=max_len)


def bounded(value: str, field: str, *, max_len: int = 200) -> str:
    """Stripped text of at most max_len characters."""
    text = (value or "").strip()
    if len(text) > max_len:
        raise InvalidArgument(f"{field} has at most {max_len} characters", code=f"{field}_too_long", field=field)
    return text


def one_of(value: str, allowed: tuple[str, ...], field: str, *, default: str | None = None) -> str:
    """`value` (lower-cased) if it is one of `allowed`; the default when empty; InvalidArgument otherwise."""
    text = (value or "").strip().lower()
    if not text and default is not None:
        return default
    if text not in allowed:
        raise InvalidArgument(f"{field} must be one of {', '.join(allowed)}", code=f"{field}_invalid", field=field)
    return text


def check_paths(paths: list[str], allowed: frozenset[str]) -> list[str]:
    """The update mask's paths, all of them allowed and at least one."""
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


def check_point(latitude: Any, longitude: Any, field: str = "location") -> tuple[float, float]:
    """A (latitude, longitude) pair in range; InvalidArgument `<field>_invalid` otherwise."""
    try:
        lat, lon = float(latitude), float(longitude)
    except (TypeError, ValueError):
        raise InvalidArgument(f"{field} needs latitude and longitude", code=f"{field}_invalid", field=field) from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise InvalidArgument(
            f"{field}: latitude must be -90..90 and longitude -180..180", code=f"{field}_invalid", field=field
        )
    return lat, lon
