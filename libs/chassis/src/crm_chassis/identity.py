"""Who a call acts for, as passed by the gateway in gRPC metadata (ARCHITECTURE §7).

Transport-free: the gRPC bootstrap fills it from metadata; domain and persistence code read it.
"""

from __future__ import annotations

import contextvars
import dataclasses
from collections.abc import Mapping

USER_ID = "x-crm-user-id"
ROLES = "x-crm-roles"
VISIBLE_OWNERS = "x-crm-visible-owners"
REQUEST_ID = "x-request-id"
CORRELATION_ID = "x-correlation-id"
CALLER_SERVICE = "x-crm-caller-service"
# The caller's department: records shared with a department are visible to its members.
DEPARTMENT_ID = "x-crm-department-id"


@dataclasses.dataclass(frozen=True)
class Caller:
    user_id: str | None = None
    roles: tuple[str, ...] = ()
    # None = unrestricted; otherwise the owner ids whose records the caller may see.
    visible_owners: frozenset[str] | None = None
    request_id: str | None = None
    correlation_id: str | None = None
    caller_service: str | None = None
    department_id: str | None = None

    def can_see_owner(self, owner_id: str | None) -> bool:
        return self.visible_owners is None or (owner_id is not None and owner_id in self.visible_owners)


SYSTEM = Caller(caller_service="system")

_current: contextvars.ContextVar[Caller] = contextvars.ContextVar("crm_caller", default=SYSTEM)


def from_metadata(metadata: Mapping[str, str]) -> Caller:
    """A Caller from gRPC invocation metadata (keys lower-case)."""
    owners_raw = metadata.get(VISIBLE_OWNERS)
    owners = None if owners_raw is None else frozenset(o for o in owners_raw.split(",") if o)
    roles = tuple(r for r in (metadata.get(ROLES) or "").split(",") if r)
    return Caller(
        user_id=metadata.get(USER_ID) or None,
        roles=roles,
        visible_owners=owners,
        request_id=metadata.get(REQUEST_ID) or None,
        correlation_id=metadata.get(CORRELATION_ID) or metadata.get(REQUEST_ID) or None,
        caller_service=metadata.get(CALLER_SERVICE) or None,
        department_id=metadata.get(DEPARTMENT_ID) or None,
    )


def to_metadata(caller: Caller) -> list[tuple[str, str]]:
    """gRPC metadata carrying `caller` (the inverse of from_metadata)."""
    md = []
    if caller.user_id:
        md.append((USER_ID, caller.user_id))
    if caller.roles:
        md.append((ROLES, ",".join(caller.roles)))
    if caller.visible_owners is not None:
        md.append((VISIBLE_OWNERS, ",".join(sorted(caller.visible_owners))))
    for key, value in (
        (REQUEST_ID, caller.request_id),
        (CORRELATION_ID, caller.correlation_id),
        (CALLER_SERVICE, caller.caller_service),
        (DEPARTMENT_ID, caller.department_id),
    ):
        if value:
            md.append((key, value))
    return md


def current() -> Caller:
    return _current.get()


def set_current(caller: Caller) -> contextvars.Token[Caller]:
    return _current.set(caller)


def reset(token: contextvars.Token[Caller]) -> None:
    _current.reset(token)
