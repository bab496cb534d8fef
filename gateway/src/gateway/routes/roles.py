"""`/v1/roles`: roles and their editable profiles (admin only). Every change bumps the authz
version, so it applies on the next request of every user holding the role."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request
from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema, field_validator
from sqlalchemy.orm import Session
from starlette.responses import JSONResponse, Response

from gateway.bodies import json_body, request_body_doc
from gateway.identity.policy import ACTIONS, ALL, ORG_ADMIN, DataScope, FieldAccess
from gateway.identity.principal import Principal, require
from gateway.openapi import problem_responses
from gateway.problems import ProblemError
from gateway.route_kit import IDEMPOTENCY_PARAMETER, idempotent
from gateway.routes.admin_common import (
    IF_MATCH_DOC,
    NO_STORE,
    etag_headers,
    in_authz_transaction,
    in_transaction,
    not_found,
    require_current,
)
from gateway.store import audit
from gateway.store import roles as role_store

router = APIRouter(prefix="/v1/roles", tags=["organisation"])

Admin = Annotated[Principal, Depends(require(ORG_ADMIN))]

ROLE_NAME_PATTERN = r"^[a-z][a-z0-9_]{1,63}$"
_MODULE_RE = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_SCOPES = tuple(s.value for s in DataScope)
_ACCESS = tuple(a.label for a in FieldAccess)
# What the validators below accept, stated in the OpenAPI document (validation stays in the
# validators, whose messages say more than "does not match pattern").
PERMISSION_PATTERN = r"^(\*|[a-z][a-z0-9_]{0,63}:(" + "|".join(ACTIONS) + "))$"  # actions are [a-z-]
Permission = Annotated[str, WithJsonSchema({"type": "string", "pattern": PERMISSION_PATTERN})]
Scopes = Annotated[
    dict[str, str],
    WithJsonSchema(
        {
            "type": "object",
            "propertyNames": {"pattern": r"^(\*|[a-z][a-z0-9_]{0,63})$"},
            "additionalProperties": {"type": "string", "enum": list(_SCOPES)},
        }
    ),
]


def check_permission(text: str) -> str:
    """`*` or `<module>:<action>` with a known action; ValueError otherwise."""
    if text == ALL:
        return text
    module, _, action = text.partition(":")
    if not _MODULE_RE.match(module) or action not in ACTIONS:
        raise ValueError(f"{text!r} is not `*` or `<module>:<action>` with action one of {', '.join(ACTIONS)}")
    return text


class FieldRuleModel(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    resource: str = Field(pattern=_MODULE_RE.pattern, description="e.g. `customers`")
    field: str = Field(pattern=r"^[a-z][a-z0-9_.]{0,63}$", description="e.g. `phone`")
    access: str = Field(
        description="`hidden`, `masked`, `read_only` or `editable`", json_schema_extra={"enum": list(_ACCESS)}
    )

    @field_validator("access")
    @classmethod
    def _access(cls, value: str) -> str:
        if value not in _ACCESS:
            raise ValueError(f"must be one of {', '.join(_ACCESS)}")
        return value


class _Profile(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    description: str | None = Field(default=None, max_length=500)
    permissions: list[Permission] | None = Field(
        default=None, max_length=500, description="`<module>:<action>` (actions: view, create, ..., admin) or `*`"
    )
    scopes: Scopes | None = Field(
        default=None,
        description="module (or `*` for every other module) -> `own`, `department`, `department_and_below`, `all`",
    )
    field_rules: list[FieldRuleModel] | None = Field(default=None, max_length=500)

    @field_validator("permissions")
    @classmethod
    def _permissions(cls, value: list[str] | None) -> list[str] | None:
        return None if value is None else [check_permission(p) for p in value]

    @field_validator("scopes")
    @classmethod
    def _scopes(cls, value: dict[str, str] | None) -> dict[str, str] | None:
        if value is None:
            return None
        for module, scope in value.items():
            if module != "*" and not _MODULE_RE.match(module):
                raise ValueError(f"{module!r} is not a module name")
            if scope not in _SCOPES:
                raise ValueError(f"scope of {module!r} must be one of {', '.join(_SCOPES)}")
        return value


class RoleCreate(_Profile):
    name: str = Field(pattern=ROLE_NAME_PATTERN)


class RolePatch(_Profile):
    """Every part given replaces that part of the profile; parts left out are kept."""


class Role(BaseModel):
    name: str
    description: str
    builtin: bool
    version: int
    permissions: list[str]
    scopes: dict[str, str]
    field_rules: list[FieldRuleModel]


class RoleList(BaseModel):
    items: list[Role]
    next_cursor: str | None = None


def role_json(role: role_store.RoleRecord) -> dict[str, Any]:
    return {
        "name": role.name,
        "description": role.description,
        "builtin": role.builtin,
        "version": role.version,
        "permissions": list(role.permissions),
        "scopes": dict(sorted(role.scopes.items())),
        "field_rules": [{"resource": r.resource, "field": r.field, "access": r.access} for r in role.field_rules],
    }


def _rules(body: _Profile) -> list[role_store.FieldRule] | None:
    if body.field_rules is None:
        return None
    return [role_store.FieldRule(r.resource, r.field, r.access) for r in body.field_rules]


def _apply(session: Session, name: str, body: _Profile, *, bump_version: bool = True) -> None:
    role_store.update_role(
        session,
        name,
        bump_version=bump_version,
        description=body.description,
        permissions=body.permissions,
        scopes=body.scopes,
        field_rules=_rules(body),
    )


@router.get(
    "", summary="List roles with their profiles", response_model=RoleList, responses=problem_responses(401, 403, 429)
)
async def list_roles(request: Request, principal: Admin) -> Response:
    roles = await in_transaction(request, role_store.list_roles)
    return JSONResponse({"items": [role_json(r) for r in roles], "next_cursor": None}, headers=NO_STORE)


@router.get(
    "/{role_name}", summary="Get one role", response_model=Role, responses=problem_responses(400, 401, 403, 404, 429)
)
async def get_role(
    request: Request, principal: Admin, role_name: Annotated[str, Path(pattern=ROLE_NAME_PATTERN)]
) -> Response:
    role = await in_transaction(request, lambda s: role_store.get_role(s, role_name))
    if role is None:
        raise not_found("roles", role_name)
    return JSONResponse(role_json(role), headers=etag_headers(role.version))


@router.post(
    "",
    summary="Create a role",
    status_code=201,
    response_model=Role,
    responses=problem_responses(400, 401, 403, 409, 413, 415, 422, 429, 503),
    openapi_extra={**request_body_doc(RoleCreate), "parameters": [IDEMPOTENCY_PARAMETER]},
)
async def create_role(
    request: Request, principal: Admin, body: Annotated[RoleCreate, Depends(json_body(RoleCreate))]
) -> Response:
    def work(session: Session) -> role_store.RoleRecord:
        if role_store.get_role(session, body.name) is not None:
            raise ProblemError(409, "roles.name_taken", f"A role named {body.name!r} exists.")
        role_store.create_role(session, name=body.name, description=body.description or "")
        _apply(session, body.name, body, bump_version=False)
        audit.record_authz_change(
            session,
            actor_id=principal.user_id,
            action="role.created",
            target_type="role",
            target_id=body.name,
            detail=body.model_dump(exclude_none=True),
        )
        role = role_store.get_role(session, body.name)
        assert role is not None
        return role

    async def produce() -> Response:
        role = await in_authz_transaction(request, work)
        return JSONResponse(
            role_json(role), status_code=201, headers={"Location": f"/v1/roles/{role.name}", **NO_STORE}
        )

    return await idempotent(request, principal, produce)


@router.patch(
    "/{role_name}",
    summary="Change a role's profile (takes effect on the next request)",
    response_model=Role,
    responses=problem_responses(400, 401, 403, 404, 412, 413, 415, 429),
    openapi_extra={**request_body_doc(RolePatch), **IF_MATCH_DOC},
)
async def patch_role(
    request: Request,
    principal: Admin,
    role_name: Annotated[str, Path(pattern=ROLE_NAME_PATTERN)],
    body: Annotated[RolePatch, Depends(json_body(RolePatch))],
) -> Response:
    if_match = request.headers.get("if-match")

    def work(session: Session) -> role_store.RoleRecord:
        before = role_store.get_role(session, role_name)
        if before is None:
            raise not_found("roles", role_name)
        require_current(if_match, before.version)
        if role_name == "admin" and body.permissions is not None and ALL not in body.permissions:
            raise ProblemError(
                409, "roles.admin_protected", "The admin role keeps `*`: without it nobody could administer the CRM."
            )
        _apply(session, role_name, body)
        after = role_store.get_role(session, role_name)
        assert after is not None
        audit.record_authz_change(
            session,
            actor_id=principal.user_id,
            action="role.updated",
            target_type="role",
            target_id=role_name,
            detail={"changed": body.model_dump(exclude_none=True), "version": after.version},
        )
        return after

    role = await in_authz_transaction(request, work)
    return JSONResponse(role_json(role), headers=etag_headers(role.version))


@router.delete(
    "/{role_name}",
    summary="Delete a role nobody holds (built-in roles cannot be deleted)",
    status_code=204,
    responses=problem_responses(400, 401, 403, 404, 409, 429),
)
async def delete_role(
    request: Request, principal: Admin, role_name: Annotated[str, Path(pattern=ROLE_NAME_PATTERN)]
) -> Response:
    def work(session: Session) -> None:
        role = role_store.get_role(session, role_name)
        if role is None:
            raise not_found("roles", role_name)
        if role.builtin:
            raise ProblemError(409, "roles.builtin", "Built-in roles can be edited but not deleted.")
        if count := role_store.holders(session, role_name):
            raise ProblemError(409, "roles.in_use", f"{count} user(s) still hold this role; take it from them first.")
        role_store.delete_role(session, role_name)
        audit.record_authz_change(
            session,
            actor_id=principal.user_id,
            action="role.deleted",
            target_type="role",
            target_id=role_name,
            detail=role_json(role),
        )

    await in_authz_transaction(request, work)
    return Response(status_code=204)
