"""Why a user may or may not do something: the answer built from the same organisation snapshot
the policy enforces, role by role, in words and in data."""

from __future__ import annotations

from typing import Any

from gateway.identity.org_policy import OrgSnapshot, resolve
from gateway.identity.policy import DataScope, FieldAccess, module_of


def _scope_of(snap: OrgSnapshot, role: str, module: str) -> DataScope:
    scopes = snap.profiles[role].scopes
    return scopes.get(module) or scopes.get("*") or DataScope.OWN


def explain(
    snap: OrgSnapshot,
    user_id: str,
    permission: str,
    *,
    owner_id: str | None = None,
    resource_field: tuple[str, str] | None = None,
) -> dict[str, Any]:
    """Explain `permission` for `user_id`: which roles grant it, the data scope each one gives, whether
    a record owned by `owner_id` is within reach, and the access to `resource_field` role by role."""
    access = resolve(snap, user_id)
    reasons: list[str] = []
    out: dict[str, Any] = {
        "user_id": user_id,
        "active": access.active,
        "roles": list(access.roles or ()),
        "permission": permission,
    }
    if not access.active:
        reasons.append("The account is disabled or does not exist: nothing is allowed.")
        out.update(allowed=False, granted_by=[], scopes=[], visible_owner_ids=[], reasons=reasons)
        return out
    module = module_of(permission)
    granted_by = [g.role for g in access.grants if g.allows(permission)]
    unknown = [r for r in access.roles or () if r not in snap.profiles]
    for role in unknown:
        reasons.append(f"Role {role!r} does not exist and grants nothing.")
    allowed = bool(granted_by)
    if allowed:
        reasons.append(f"{permission!r} is granted by role(s) {', '.join(granted_by)}.")
    else:
        reasons.append(f"No role of the user grants {permission!r} (anything not granted is denied).")
    scopes = []
    for role in granted_by:
        scope = _scope_of(snap, role, module)
        via_wildcard = permission not in snap.profiles[role].permissions  # granted through `*`
        scopes.append({"role": role, "scope": scope.value, "via_wildcard": via_wildcard})
        reasons.append(f"Role {role!r} sees {module} records with scope {scope.value!r}.")
    owners = access.owners_for(permission) if allowed else frozenset()
    out.update(
        allowed=allowed,
        granted_by=granted_by,
        scopes=scopes,
        visible_owner_ids=None if owners is None else sorted(owners),
    )
    if owner_id is not None:
        reachable = allowed and (owners is None or owner_id in owners)
        out["owner_id"] = owner_id
        out["record_in_scope"] = reachable
        if not allowed:
            reasons.append("The record is out of reach because the permission is missing.")
        elif reachable:
            reasons.append(f"A record owned by {owner_id!r} is within the union of the scopes above.")
        else:
            reasons.append(f"A record owned by {owner_id!r} is outside every scope above.")
    if resource_field is not None:
        resource, field_name = resource_field
        by_role = []
        for grant in access.grants:
            if grant.allows(f"{resource}:view"):
                rule = grant.field_rules.get((resource, field_name), FieldAccess.EDITABLE)
                by_role.append({"role": grant.role, "access": rule.label})
        final = access.field_access(resource, field_name)
        may_reveal = final is FieldAccess.MASKED and access.allows(f"{resource}:reveal-sensitive")
        out["field"] = {
            "resource": resource,
            "field": field_name,
            "access": final.label,
            "by_role": by_role,
            "can_read": final >= FieldAccess.READ_ONLY,
            "can_edit": final is FieldAccess.EDITABLE and access.allows(f"{resource}:edit"),
            "can_reveal": may_reveal,
        }
        if not by_role:
            reasons.append(f"No role may view {resource}, so {field_name!r} is hidden.")
        else:
            reasons.append(
                f"Field {resource}.{field_name} is {final.label!r}: the most permissive of "
                + ", ".join(f"{r['role']}={r['access']}" for r in by_role)
                + " (no rule means editable)."
            )
    out["reasons"] = reasons
    return out
