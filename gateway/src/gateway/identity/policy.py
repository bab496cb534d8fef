"""What a caller may do and whose records they may see.

The foundation keeps a small role table in code. Everything else asks an `AccessPolicy` for an
`Access` (permissions + visible owners) and never looks at role names itself, so the full model
(roles, field permissions and department scopes stored in the database, editable at run time)
replaces `StaticRolePolicy` without touching routes.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

log = logging.getLogger("gateway.policy")

# Every permission holder's check is `permission in Access.permissions` (or the wildcard).
ALL = "*"
CUSTOMERS_VIEW = "customers:view"
CUSTOMERS_CREATE = "customers:create"
REPORTS_VIEW = "reports:view"

KNOWN_PERMISSIONS = frozenset({CUSTOMERS_VIEW, CUSTOMERS_CREATE, REPORTS_VIEW})


class DataScope(StrEnum):
    """Whose records a role sees. Several roles: the union of what each one sees."""

    OWN = "own"
    DEPARTMENT = "department"
    DEPARTMENT_TREE = "department_tree"
    ALL = "all"


@dataclass(frozen=True)
class RoleProfile:
    name: str
    permissions: frozenset[str]
    scope: DataScope


@dataclass(frozen=True)
class Access:
    """The resolved rights of one caller for one request."""

    permissions: frozenset[str]
    # Owner ids whose records the caller may see; None means unrestricted (scope "all").
    visible_owner_ids: frozenset[str] | None

    def allows(self, permission: str) -> bool:
        return ALL in self.permissions or permission in self.permissions


class AccessPolicy(Protocol):
    async def access_for(self, user_id: str, roles: Sequence[str]) -> Access: ...


BUILTIN_ROLES: dict[str, RoleProfile] = {
    "admin": RoleProfile("admin", frozenset({ALL}), DataScope.ALL),
    "sales_rep": RoleProfile("sales_rep", frozenset({CUSTOMERS_VIEW, CUSTOMERS_CREATE, REPORTS_VIEW}), DataScope.OWN),
}


class StaticRolePolicy:
    """Role -> profile from a fixed table. Department scopes need the organisation tree, which this
    policy does not have: it fails closed and treats them as `own`."""

    def __init__(self, profiles: Mapping[str, RoleProfile] | None = None) -> None:
        self._profiles = dict(BUILTIN_ROLES if profiles is None else profiles)

    def role_names(self) -> Iterable[str]:
        return self._profiles.keys()

    async def access_for(self, user_id: str, roles: Sequence[str]) -> Access:
        permissions: set[str] = set()
        owners: set[str] = set()
        unrestricted = False
        for role in roles:
            profile = self._profiles.get(role)
            if profile is None:
                continue  # unknown or removed role: grants nothing
            permissions |= profile.permissions
            if profile.scope is DataScope.ALL:
                unrestricted = True
            else:
                if profile.scope is not DataScope.OWN:
                    log.debug("scope %s not resolvable by the static policy; using own", profile.scope)
                owners.add(user_id)
        return Access(frozenset(permissions), None if unrestricted else frozenset(owners))
