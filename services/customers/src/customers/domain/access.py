"""Who may read or edit a customer: owner scope plus shares (ARCHITECTURE §7, DOMAIN_RULES G4).

A caller sees a customer when its owner is in the caller's visible owners (None = everyone),
or when a live (unexpired) share grants it to the caller's user id or department. Children
(contacts, activities, history) follow their customer.
"""

from __future__ import annotations

import dataclasses
import enum
from datetime import datetime

from crm_chassis.errors import InvalidArgument, NotFound, PermissionDenied
from crm_chassis.identity import Caller

GRANTEE_TYPES = ("user", "department")
ACCESS_LEVELS = ("read", "edit")
ID_MAX = 64


class Access(enum.IntEnum):
    NONE = 0
    READ = 1
    EDIT = 2


@dataclasses.dataclass(frozen=True)
class Scope:
    """The caller as far as visibility goes (repositories turn it into SQL)."""

    visible_owners: frozenset[str] | None
    user_id: str | None
    department_id: str | None
    now: datetime

    @classmethod
    def of(cls, caller: Caller, now: datetime) -> Scope:
        return cls(caller.visible_owners, caller.user_id, caller.department_id, now)

    @property
    def unrestricted(self) -> bool:
        return self.visible_owners is None

    def owns_scope_of(self, owner_id: str | None) -> bool:
        return self.visible_owners is None or (owner_id is not None and owner_id in self.visible_owners)


@dataclasses.dataclass(frozen=True)
class Share:
    customer_id: str
    grantee_type: str
    grantee_id: str
    access: str
    expires_at: datetime | None
    created_at: datetime
    created_by: str

    def live(self, now: datetime) -> bool:
        return self.expires_at is None or self.expires_at > now

    def applies_to(self, scope: Scope) -> bool:
        if self.grantee_type == "user":
            return scope.user_id is not None and self.grantee_id == scope.user_id
        return scope.department_id is not None and self.grantee_id == scope.department_id


def access_to(owner_id: str | None, scope: Scope, shares: list[Share]) -> Access:
    """What `scope` may do with a customer of `owner_id` given its shares (expired ones ignored)."""
    if scope.owns_scope_of(owner_id):
        return Access.EDIT
    best = Access.NONE
    for share in shares:
        if share.live(scope.now) and share.applies_to(scope):
            best = max(best, Access.EDIT if share.access == "edit" else Access.READ)
    return best


def require(access: Access, needed: Access, customer_id: str) -> None:
    """NotFound when the customer is invisible (no existence leak); PermissionDenied when read-only."""
    if access == Access.NONE:
        raise NotFound(f"customer {customer_id} not found", code="customer.not_found")
    if access < needed:
        raise PermissionDenied(
            f"customer {customer_id} is shared with you read-only", code="customer.read_only", field="id"
        )


def new_share(
    *,
    customer_id: str,
    grantee_type: str,
    grantee_id: str,
    access: str,
    expires_at: datetime | None,
    actor_id: str | None,
    now: datetime,
) -> Share:
    grantee_type = grantee_type.strip().lower()
    if grantee_type not in GRANTEE_TYPES:
        raise InvalidArgument(
            "grantee_type must be user or department", code="share.grantee_type_invalid", field="grantee_type"
        )
    grantee_id = grantee_id.strip()
    if not grantee_id or len(grantee_id) > ID_MAX:
        raise InvalidArgument("grantee_id is required", code="share.grantee_required", field="grantee_id")
    access = access.strip().lower() or "read"
    if access not in ACCESS_LEVELS:
        raise InvalidArgument("access must be read or edit", code="share.access_invalid", field="access")
    if expires_at is not None and expires_at <= now:
        raise InvalidArgument("expires_at must be in the future", code="share.expiry_in_past", field="expires_at")
    return Share(customer_id, grantee_type, grantee_id, access, expires_at, now, actor_id or "")
