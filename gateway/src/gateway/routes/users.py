"""`/v1/users`: user accounts (admin only). Role, department and activation changes apply on the
user's next request; disabling also ends every refresh token of the user."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session
from starlette.responses import JSONResponse, Response

from gateway.bodies import json_body, request_body_doc
from gateway.identity.password_policy import password_problems
from gateway.identity.policy import ALL, ORG_ADMIN
from gateway.identity.principal import Principal, require
from gateway.openapi import problem_responses
from gateway.problems import ProblemError
from gateway.route_kit import IDEMPOTENCY_PARAMETER, idempotent
from gateway.routes.admin_common import (
    ID_PATTERN,
    IF_MATCH_DOC,
    NO_STORE,
    PageQuery,
    etag_headers,
    in_authz_transaction,
    in_transaction,
    invalid,
    not_found,
    not_nullable,
    require_current,
)
from gateway.routes.roles import ROLE_NAME_PATTERN
from gateway.runtime import runtime_of
from gateway.store import audit
from gateway.store import org as org_store
from gateway.store import roles as role_store
from gateway.store import users as user_store

router = APIRouter(prefix="/v1/users", tags=["organisation"])

Admin = Annotated[Principal, Depends(require(ORG_ADMIN))]

USERNAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._@-]{1,149}$"
RoleName = Annotated[str, Field(pattern=ROLE_NAME_PATTERN)]
RefId = Annotated[str, Field(pattern=ID_PATTERN)]


class UserCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    username: str = Field(pattern=USERNAME_PATTERN, description="Login name (case-insensitive)")
    password: str = Field(min_length=1, max_length=1024, description="Checked against the password policy")
    display_name: str = Field(min_length=1, max_length=200)
    department_id: str | None = Field(default=None, pattern=ID_PATTERN)
    position_id: str | None = Field(default=None, pattern=ID_PATTERN)
    group_ids: list[RefId] = Field(default_factory=list, max_length=100)
    roles: list[RoleName] = Field(default_factory=list, max_length=50)


class UserPatch(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    display_name: str | None = Field(default=None, min_length=1, max_length=200, json_schema_extra=not_nullable)
    password: str | None = Field(default=None, min_length=1, max_length=1024, json_schema_extra=not_nullable)
    department_id: str | None = Field(default=None, pattern=ID_PATTERN, description="explicit null = none")
    position_id: str | None = Field(default=None, pattern=ID_PATTERN, description="explicit null = none")
    group_ids: list[RefId] | None = Field(default=None, max_length=100, json_schema_extra=not_nullable)
    roles: list[RoleName] | None = Field(default=None, max_length=50, json_schema_extra=not_nullable)
    active: bool | None = Field(
        default=None, description="false disables the account at once", json_schema_extra=not_nullable
    )


class User(BaseModel):
    id: str
    username: str
    display_name: str
    department_id: str | None
    position_id: str | None
    group_ids: list[str]
    roles: list[str]
    active: bool
    version: int


class UserPage(BaseModel):
    items: list[User]
    next_cursor: str | None


def user_json(session: Session, user: user_store.UserRecord) -> dict[str, Any]:
    return {
        "id": user.id,
        "username": user.username,
        "display_name": user.display_name,
        "department_id": user.department_id,
        "position_id": org_store.position_of(session, user.id),
        "group_ids": org_store.groups_of(session, user.id),
        "roles": list(user.roles),
        "active": user.active,
        "version": user.version,
    }


def _check_references(
    session: Session,
    *,
    department_id: str | None = None,
    position_id: str | None = None,
    group_ids: list[str] | None = None,
    roles: list[str] | None = None,
) -> None:
    """400 naming the field when a referenced department, position, group or role does not exist."""
    if department_id is not None and org_store.get_department(session, department_id) is None:
        raise invalid("users.unknown_department", "department_id", f"No department {department_id!r}.")
    if position_id is not None and org_store.find_named(session, "position", named_id=position_id) is None:
        raise invalid("users.unknown_position", "position_id", f"No position {position_id!r}.")
    for group_id in group_ids or ():
        if org_store.find_named(session, "group", named_id=group_id) is None:
            raise invalid("users.unknown_group", "group_ids", f"No group {group_id!r}.")
    if roles:
        missing = sorted(set(roles) - role_store.existing_names(session, list(roles)))
        if missing:
            raise invalid("users.unknown_role", "roles", f"No role {', '.join(missing)}.")


def _administers(session: Session, roles: list[str]) -> bool:
    """True when one of `roles` grants the organisation admin permission (or `*`)."""
    for name in roles:
        role = role_store.get_role(session, name)
        if role is not None and (ALL in role.permissions or ORG_ADMIN in role.permissions):
            return True
    return False


def _check_password(request: Request, password: str, username: str) -> None:
    problems = password_problems(
        password, username=username, min_length=runtime_of(request).settings.password_min_length
    )
    if problems:
        raise ProblemError(
            400,
            "users.password_policy",
            "The password does not meet the password policy: " + "; ".join(problems) + ".",
            errors=[
                {"field": "password", "location": "body", "message": p, "type": "password_policy"} for p in problems
            ],
        )


@router.post(
    "",
    summary="Create a user",
    status_code=201,
    response_model=User,
    responses=problem_responses(400, 401, 403, 409, 413, 415, 422, 429, 503),
    openapi_extra={**request_body_doc(UserCreate), "parameters": [IDEMPOTENCY_PARAMETER]},
)
async def create_user(
    request: Request, principal: Admin, body: Annotated[UserCreate, Depends(json_body(UserCreate))]
) -> Response:
    _check_password(request, body.password, body.username)

    def work(session: Session, password_hash: str) -> dict[str, Any]:
        if user_store.find_by_username(session, body.username) is not None:
            raise ProblemError(409, "users.username_taken", f"The username {body.username!r} is taken.")
        _check_references(
            session,
            department_id=body.department_id,
            position_id=body.position_id,
            group_ids=body.group_ids,
            roles=body.roles,
        )
        user = user_store.create_user(
            session,
            username=body.username,
            password_hash=password_hash,
            display_name=body.display_name,
            roles=body.roles,
            department_id=body.department_id,
        )
        org_store.set_position(session, user.id, body.position_id)
        org_store.set_groups(session, user.id, body.group_ids)
        audit.record_authz_change(
            session,
            actor_id=principal.user_id,
            action="user.created",
            target_type="user",
            target_id=user.id,
            detail=body.model_dump(exclude={"password"}),
        )
        return user_json(session, user)

    async def produce() -> Response:
        # Hashing is slow on purpose; a replayed request skips it.
        password_hash = await runtime_of(request).accounts.hash_password(body.password)
        created = await in_authz_transaction(request, lambda session: work(session, password_hash))
        return JSONResponse(created, status_code=201, headers={"Location": f"/v1/users/{created['id']}", **NO_STORE})

    return await idempotent(request, principal, produce)


@router.get(
    "", summary="List users (ordered by id)", response_model=UserPage, responses=problem_responses(400, 401, 403, 429)
)
async def list_users(request: Request, principal: Admin, query: Annotated[PageQuery, Query()]) -> Response:
    def work(session: Session) -> dict[str, Any]:
        rows = user_store.list_users(session, limit=query.limit + 1, after_id=query.cursor)
        more = len(rows) > query.limit
        rows = rows[: query.limit]
        return {"items": [user_json(session, u) for u in rows], "next_cursor": rows[-1].id if more else None}

    return JSONResponse(await in_transaction(request, work), headers=NO_STORE)


@router.get(
    "/{user_id}", summary="Get one user", response_model=User, responses=problem_responses(400, 401, 403, 404, 429)
)
async def get_user(request: Request, principal: Admin, user_id: Annotated[str, Path(pattern=ID_PATTERN)]) -> Response:
    def work(session: Session) -> dict[str, Any]:
        user = user_store.find_by_id(session, user_id)
        if user is None:
            raise not_found("users", user_id)
        return user_json(session, user)

    found = await in_transaction(request, work)
    return JSONResponse(found, headers=etag_headers(found["version"]))


@router.patch(
    "/{user_id}",
    summary="Change a user (roles, department, position, groups, name, password, active)",
    response_model=User,
    responses=problem_responses(400, 401, 403, 404, 409, 412, 413, 415, 429),
    openapi_extra={**request_body_doc(UserPatch), **IF_MATCH_DOC},
)
async def patch_user(
    request: Request,
    principal: Admin,
    user_id: Annotated[str, Path(pattern=ID_PATTERN)],
    body: Annotated[UserPatch, Depends(json_body(UserPatch))],
) -> Response:
    changes = body.model_dump(include=body.model_fields_set)
    for name in ("display_name", "password", "group_ids", "roles", "active"):
        if name in changes and changes[name] is None:
            raise invalid("request.invalid", name, f"{name} cannot be null")
    password_hash = None
    if body.password is not None:
        username = await in_transaction(request, lambda s: getattr(user_store.find_by_id(s, user_id), "username", ""))
        _check_password(request, body.password, username)
        password_hash = await runtime_of(request).accounts.hash_password(body.password)

    if_match = request.headers.get("if-match")

    def work(session: Session) -> dict[str, Any]:
        user = user_store.find_by_id(session, user_id)
        if user is None:
            raise not_found("users", user_id)
        require_current(if_match, user.version)
        if user_id == principal.user_id and changes.get("active") is False:
            raise ProblemError(409, "users.cannot_disable_self", "You cannot disable your own account.")
        if user_id == principal.user_id and "roles" in changes and not _administers(session, changes["roles"]):
            raise ProblemError(
                409, "users.cannot_demote_self", f"You cannot take {ORG_ADMIN!r} away from your own account."
            )
        _check_references(
            session,
            department_id=changes.get("department_id"),
            position_id=changes.get("position_id"),
            group_ids=changes.get("group_ids"),
            roles=changes.get("roles"),
        )
        columns = {k: changes[k] for k in ("display_name", "department_id", "active") if k in changes}
        if columns:
            user_store.update_user(session, user_id, **columns)
        if "roles" in changes:
            user_store.set_roles(session, user_id, changes["roles"])
        if "position_id" in changes:
            org_store.set_position(session, user_id, changes["position_id"])
        if "group_ids" in changes:
            org_store.set_groups(session, user_id, changes["group_ids"])
        if password_hash is not None:
            user_store.set_password_hash(session, user_id, password_hash)
        if changes.get("active") is False or password_hash is not None:
            user_store.revoke_all_refresh_tokens(session, user_id, now=user_store.utcnow())
        audit.record_authz_change(
            session,
            actor_id=principal.user_id,
            action="user.updated",
            target_type="user",
            target_id=user_id,
            detail={k: ("(changed)" if k == "password" else v) for k, v in changes.items()},
        )
        updated = user_store.find_by_id(session, user_id)
        assert updated is not None
        return user_json(session, updated)

    changed = await in_authz_transaction(request, work)
    return JSONResponse(changed, headers=etag_headers(changed["version"]))
