"""What a caller may do and whose records they may see.

The foundation keeps a small role table in code. Everything else asks an `AccessPolicy` for an
`Access` (permissions + visible owners) and never looks at role names itself, so the full model
(roles, field permissions and department scopes stored in the database, editable at run time)
replaces `StaticRolePolicy` without touching routes.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from typing import Protocol

log = logging.getLogger("gateway.policy")

# Every permission holder's check is `permission in Access.permissions` (or the wildcard).
ALL = "*"
CUSTOMERS_VIEW = "customers:view"
CUSTOMERS_CREATE = "customers:create"
CUSTOMERS_REVEAL = "customers:reveal-sensitive"
REPORTS_VIEW = "reports:view"
# CSV / XLSX report files are exports (G6); saved report definitions are created and edited.
REPORTS_EXPORT = "reports:export"
REPORTS_CREATE = "reports:create"
REPORTS_EDIT = "reports:edit"
# Managing the organisation (users, departments, positions, groups, roles) and reading the audit log.
ORG_ADMIN = "organisation:admin"

# Resources without a module of their own are seen with their parent's view permission: a
# customer's contacts with `customers:view`.
VIEWED_WITH = {"contacts": "customers"}

KNOWN_PERMISSIONS = frozenset({CUSTOMERS_VIEW, CUSTOMERS_CREATE, CUSTOMERS_REVEAL, REPORTS_VIEW, ORG_ADMIN})

# The vocabulary of permissions stored in role profiles: `<module>:<action>` (or `*`).
ACTIONS = (
    "view",
    "create",
    "edit",
    "delete",
    "export",
    "import",
    "transfer",
    "lock",
    "approve",
    "reveal-sensitive",
    "admin",
)


def module_of(permission: str) -> str:
    """The module part of `module:action` (`*` for the wildcard)."""
    return permission.split(":", 1)[0]


class DataScope(StrEnum):
    """Whose records a role sees. Several roles: the union of what each one sees."""

    OWN = "own"
    DEPARTMENT = "department"
    DEPARTMENT_AND_BELOW = "department_and_below"
    ALL = "all"


class FieldAccess(IntEnum):
    """What a caller may do with one field; across roles the highest (most permissive) wins."""

    HIDDEN = 0
    MASKED = 1
    READ_ONLY = 2
    EDITABLE = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> FieldAccess:
        """`hidden` / `masked` / `read_only` / `editable` -> member; ValueError otherwise."""
        try:
            return cls[text.upper()]
        except KeyError:
            raise ValueError(f"unknown field access {text!r}") from None


@dataclass(frozen=True)
class RoleGrant:
    """One role of a caller, resolved: its permissions, the owners it sees per module, its field rules."""

    role: str
    permissions: frozenset[str]
    # module -> visible owner ids (None = all); "*" is the default for modules not listed.
    owners: Mapping[str, frozenset[str] | None]
    field_rules: Mapping[tuple[str, str], FieldAccess] = field(default_factory=dict)

    def allows(self, permission: str) -> bool:
        return ALL in self.permissions or permission in self.permissions

    def owners_for(self, module: str) -> frozenset[str] | None:
        if module in self.owners:
            return self.owners[module]
        return self.owners.get("*", frozenset())


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
    # The roles as stored now (None: trust the token's roles), per-role detail and account state.
    roles: tuple[str, ...] | None = None
    grants: tuple[RoleGrant, ...] = ()
    active: bool = True
    # The user's department (None: none, or unknown to this policy).
    department_id: str | None = None

    def allows(self, permission: str) -> bool:
        return ALL in self.permissions or permission in self.permissions

    def owners_for(self, permission: str) -> frozenset[str] | None:
        """Owners visible when acting with `permission`: the union of the scopes of the roles that
        grant it (any unrestricted role wins). Without per-role detail, `visible_owner_ids`."""
        if not self.grants:
            return self.visible_owner_ids
        module = module_of(permission)
        owners: set[str] = set()
        for grant in self.grants:
            if not grant.allows(permission):
                continue
            seen = grant.owners_for(module)
            if seen is None:
                return None
            owners |= seen
        return frozenset(owners)

    def field_access(self, resource: str, field_name: str) -> FieldAccess:
        """The most permissive access any role able to view `resource` gives to the field
        (no rule = editable); hidden when no role may view the resource. Without per-role
        detail every field is editable."""
        if not self.grants:
            return FieldAccess.EDITABLE
        best = FieldAccess.HIDDEN
        view = f"{VIEWED_WITH.get(resource, resource)}:view"
        for grant in self.grants:
            if grant.allows(view):
                best = max(best, grant.field_rules.get((resource, field_name), FieldAccess.EDITABLE))
        return best


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
