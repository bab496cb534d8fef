"""The access policy backed by the gateway database: roles, permissions, scopes and field rules as
an admin last saved them, resolved against the department tree.

The database's `authz_state.version` is the source of truth: every admin change increments it in
its own transaction, and the organisation snapshot (users, their roles and departments, role
profiles, the tree) is reloaded only when it moved. To avoid a database read per request, each
request first reads the Redis `AuthzSignal` counter (bumped after every change): while it is
unchanged, the snapshot is younger than `BACKSTOP_SECONDS` and this process made no change
itself, the cached snapshot answers without touching the database. When Redis cannot answer,
every request checks the database version. So a change applies on the next request in every
gateway process, and a disabled user is refused at once.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import anyio.to_thread
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from crm_chassis.db import read_transaction
from gateway.identity.authz_signal import AuthzSignal
from gateway.identity.policy import Access, DataScope, FieldAccess, RoleGrant
from gateway.store import audit
from gateway.store.tables import departments, role_field_rules, role_permissions, role_scopes, user_roles, users
from gateway.store.tables import roles as role_table

log = logging.getLogger("gateway.policy")


@dataclass(frozen=True)
class RoleProfileRow:
    permissions: frozenset[str]
    scopes: dict[str, DataScope]
    field_rules: dict[tuple[str, str], FieldAccess]


@dataclass
class OrgSnapshot:
    """Everything needed to resolve any user's access, as of one authz version."""

    version: int
    active: dict[str, bool] = field(default_factory=dict)
    department_of: dict[str, str | None] = field(default_factory=dict)
    roles_of: dict[str, tuple[str, ...]] = field(default_factory=dict)
    profiles: dict[str, RoleProfileRow] = field(default_factory=dict)
    children: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    members: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def subtree(self, department_id: str) -> list[str]:
        """The department and every department below it."""
        out, stack = [], [department_id]
        while stack:
            current = stack.pop()
            if current in out:
                continue
            out.append(current)
            stack.extend(self.children.get(current, ()))
        return out

    def owners(self, user_id: str, scope: DataScope) -> frozenset[str] | None:
        """User ids whose records `scope` shows to `user_id` (None = all). A user without a
        department sees only their own records under the department scopes (fails closed)."""
        if scope is DataScope.ALL:
            return None
        department = self.department_of.get(user_id)
        if scope is DataScope.OWN or department is None:
            return frozenset({user_id})
        departments_seen = [department] if scope is DataScope.DEPARTMENT else self.subtree(department)
        seen = {user_id}
        for dept in departments_seen:
            seen |= self.members.get(dept, set())
        return frozenset(seen)


def load_snapshot(session: Session) -> OrgSnapshot:
    """Read the whole organisation in one transaction."""
    snap = OrgSnapshot(version=audit.authz_version(session))
    for row in session.execute(select(users.c.id, users.c.department_id, users.c.active)):
        snap.active[row.id] = bool(row.active)
        snap.department_of[row.id] = row.department_id
        if row.department_id:
            snap.members[row.department_id].add(row.id)
    roles_of: dict[str, list[str]] = defaultdict(list)
    for user_id, role in session.execute(select(user_roles.c.user_id, user_roles.c.role).order_by(user_roles.c.role)):
        roles_of[user_id].append(role)
    snap.roles_of = {k: tuple(v) for k, v in roles_of.items()}
    for dept_id, parent_id in session.execute(select(departments.c.id, departments.c.parent_id)):
        if parent_id:
            snap.children[parent_id].append(dept_id)
    perms: dict[str, set[str]] = defaultdict(set)
    scopes: dict[str, dict[str, DataScope]] = defaultdict(dict)
    rules: dict[str, dict[tuple[str, str], FieldAccess]] = defaultdict(dict)
    for role, permission in session.execute(select(role_permissions.c.role, role_permissions.c.permission)):
        perms[role].add(permission)
    for role, module, scope in session.execute(select(role_scopes.c.role, role_scopes.c.module, role_scopes.c.scope)):
        try:
            scopes[role][module] = DataScope(scope)
        except ValueError:
            log.warning("role %s has an unknown scope %r for %s; treated as own", role, scope, module)
            scopes[role][module] = DataScope.OWN
    for rule in session.execute(select(role_field_rules)):
        try:
            rules[rule.role][(rule.resource, rule.field)] = FieldAccess.parse(rule.access)
        except ValueError:
            rules[rule.role][(rule.resource, rule.field)] = FieldAccess.HIDDEN
    for (name,) in session.execute(select(role_table.c.name)):
        snap.profiles[name] = RoleProfileRow(frozenset(perms[name]), dict(scopes[name]), dict(rules[name]))
    return snap


def resolve(snap: OrgSnapshot, user_id: str) -> Access:
    """The access of `user_id` under `snap`: unknown or disabled users get nothing (active=False);
    roles missing from the roles table grant nothing; scopes default to own."""
    if not snap.active.get(user_id, False):
        return Access(frozenset(), frozenset(), roles=(), active=False)
    role_names = snap.roles_of.get(user_id, ())
    grants = []
    permissions: set[str] = set()
    for name in role_names:
        profile = snap.profiles.get(name)
        if profile is None:
            continue
        scopes = profile.scopes or {"*": DataScope.OWN}
        owners = {module: snap.owners(user_id, scope) for module, scope in scopes.items()}
        owners.setdefault("*", snap.owners(user_id, DataScope.OWN))
        grants.append(RoleGrant(name, profile.permissions, owners, profile.field_rules))
        permissions |= profile.permissions
    default: set[str] = set()
    unrestricted = False
    for grant in grants:
        seen = grant.owners_for("*")
        if seen is None:
            unrestricted = True
        else:
            default |= seen
    if not grants:
        default = {user_id}
    return Access(
        frozenset(permissions),
        None if unrestricted else frozenset(default),
        roles=role_names,
        grants=tuple(grants),
        active=True,
        department_id=snap.department_of.get(user_id),
    )


# Longest time a snapshot is trusted on the Redis signal alone (a lost signal costs at most this).
BACKSTOP_SECONDS = 5.0


class DatabasePolicy:
    """`AccessPolicy` reading the gateway database (see the module docstring)."""

    def __init__(self, sessions: sessionmaker[Session], signal: AuthzSignal | None = None) -> None:
        self._sessions = sessions
        self._signal = signal
        self._snapshot: OrgSnapshot | None = None
        self._lock = threading.Lock()
        self._seen_signal: str | None = None
        self._checked_at = float("-inf")

    def invalidate(self) -> None:
        """Forget that the snapshot was checked: the next request reads the database version."""
        self._checked_at = float("-inf")

    async def changed(self) -> None:
        """Call after committing a change to users, roles or departments."""
        self.invalidate()
        if self._signal is not None:
            await self._signal.bump()

    def snapshot(self) -> OrgSnapshot:
        """The current organisation (reloaded when the authz version moved)."""
        with read_transaction(self._sessions) as session:
            version = audit.authz_version(session)
            current = self._snapshot
            if current is not None and current.version == version:
                return current
            with self._lock:
                current = self._snapshot
                if current is None or current.version != version:
                    current = load_snapshot(session)
                    self._snapshot = current
                return current

    def access_now(self, user_id: str) -> Access:
        return resolve(self.snapshot(), user_id)

    async def access_for(self, user_id: str, roles: Sequence[str]) -> Access:
        """The stored roles of `user_id` are used; the token's `roles` are only a hint for logs."""
        signal = await self._signal.read() if self._signal is not None else None
        started = time.monotonic()
        snap = self._snapshot
        if (
            snap is not None
            and signal is not None
            and signal == self._seen_signal
            and started - self._checked_at < BACKSTOP_SECONDS
        ):
            return resolve(snap, user_id)
        snap = await anyio.to_thread.run_sync(self.snapshot)
        self._seen_signal, self._checked_at = signal, started
        return resolve(snap, user_id)
