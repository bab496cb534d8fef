"""`/v1/departments`, `/v1/positions`, `/v1/groups`: the organisation (admin only)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from starlette.responses import JSONResponse, Response

from gateway.bodies import json_body, request_body_doc
from gateway.identity.policy import ORG_ADMIN
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
from gateway.store import audit
from gateway.store import org as org_store

router = APIRouter(tags=["organisation"])

Admin = Annotated[Principal, Depends(require(ORG_ADMIN))]


class DepartmentCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    name: str = Field(min_length=1, max_length=200)
    parent_id: str | None = Field(default=None, pattern=ID_PATTERN, description="Parent department; null = a root")


class DepartmentPatch(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    name: str | None = Field(default=None, min_length=1, max_length=200, json_schema_extra=not_nullable)
    parent_id: str | None = Field(default=None, pattern=ID_PATTERN, description="New parent; explicit null = a root")


class Department(BaseModel):
    id: str
    name: str
    parent_id: str | None
    version: int


class DepartmentPage(BaseModel):
    items: list[Department]
    next_cursor: str | None


class NamedCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    name: str = Field(min_length=1, max_length=200)


class Named(BaseModel):
    id: str
    name: str


class NamedList(BaseModel):
    items: list[Named]
    next_cursor: str | None = None


def department_json(dept: org_store.Department) -> dict[str, Any]:
    return {"id": dept.id, "name": dept.name, "parent_id": dept.parent_id, "version": dept.version}


def _check_parent(session: Session, parent_id: str | None) -> None:
    if parent_id is not None and org_store.get_department(session, parent_id) is None:
        raise invalid("departments.parent_not_found", "parent_id", f"No department {parent_id!r}.")


_WRITE_ERRORS = problem_responses(400, 401, 403, 404, 409, 413, 415, 429)
# Creates honour Idempotency-Key: 422 for a reused key, 503 while Redis cannot keep the promise.
_CREATE_ERRORS = problem_responses(400, 401, 403, 404, 409, 413, 415, 422, 429, 503)


@router.post(
    "/v1/departments",
    summary="Create a department",
    status_code=201,
    response_model=Department,
    responses=_CREATE_ERRORS,
    openapi_extra={**request_body_doc(DepartmentCreate), "parameters": [IDEMPOTENCY_PARAMETER]},
)
async def create_department(
    request: Request, principal: Admin, body: Annotated[DepartmentCreate, Depends(json_body(DepartmentCreate))]
) -> Response:
    def work(session: Session) -> org_store.Department:
        _check_parent(session, body.parent_id)
        dept = org_store.create_department(session, name=body.name, parent_id=body.parent_id)
        audit.record_authz_change(
            session,
            actor_id=principal.user_id,
            action="department.created",
            target_type="department",
            target_id=dept.id,
            detail={"name": dept.name, "parent_id": dept.parent_id},
        )
        return dept

    async def produce() -> Response:
        dept = await in_authz_transaction(request, work)
        return JSONResponse(
            department_json(dept), status_code=201, headers={"Location": f"/v1/departments/{dept.id}", **NO_STORE}
        )

    return await idempotent(request, principal, produce)


@router.get(
    "/v1/departments",
    summary="List departments (ordered by id)",
    response_model=DepartmentPage,
    responses=problem_responses(400, 401, 403, 429),
)
async def list_departments(request: Request, principal: Admin, query: Annotated[PageQuery, Query()]) -> Response:
    rows = await in_transaction(
        request, lambda s: org_store.list_departments(s, limit=query.limit + 1, after_id=query.cursor)
    )
    more = len(rows) > query.limit
    rows = rows[: query.limit]
    return JSONResponse(
        {"items": [department_json(d) for d in rows], "next_cursor": rows[-1].id if more else None},
        headers=NO_STORE,
    )


@router.get(
    "/v1/departments/{department_id}",
    summary="Get one department",
    response_model=Department,
    responses=problem_responses(400, 401, 403, 404, 429),
)
async def get_department(
    request: Request, principal: Admin, department_id: Annotated[str, Path(pattern=ID_PATTERN)]
) -> Response:
    dept = await in_transaction(request, lambda s: org_store.get_department(s, department_id))
    if dept is None:
        raise not_found("departments", department_id)
    return JSONResponse(department_json(dept), headers=etag_headers(dept.version))


@router.patch(
    "/v1/departments/{department_id}",
    summary="Rename or move a department (moving under itself or a descendant is refused)",
    response_model=Department,
    responses={**_WRITE_ERRORS, **problem_responses(412)},
    openapi_extra={**request_body_doc(DepartmentPatch), **IF_MATCH_DOC},
)
async def patch_department(
    request: Request,
    principal: Admin,
    department_id: Annotated[str, Path(pattern=ID_PATTERN)],
    body: Annotated[DepartmentPatch, Depends(json_body(DepartmentPatch))],
) -> Response:
    changes = body.model_dump(include=body.model_fields_set)
    if "name" in changes and changes["name"] is None:
        raise invalid("request.invalid", "name", "name cannot be null")

    if_match = request.headers.get("if-match")

    def work(session: Session) -> org_store.Department:
        current = org_store.get_department(session, department_id)
        if current is None:
            raise not_found("departments", department_id)
        require_current(if_match, current.version)
        if changes.get("parent_id") is not None:
            _check_parent(session, changes["parent_id"])
            if department_id in org_store.ancestors(session, changes["parent_id"]):
                raise ProblemError(
                    409, "departments.cycle", "A department cannot move under itself or one of its descendants."
                )
        dept = org_store.update_department(session, department_id, values=changes)
        assert dept is not None
        audit.record_authz_change(
            session,
            actor_id=principal.user_id,
            action="department.updated",
            target_type="department",
            target_id=department_id,
            detail=changes,
        )
        return dept

    dept = await in_authz_transaction(request, work)
    return JSONResponse(department_json(dept), headers=etag_headers(dept.version))


@router.delete(
    "/v1/departments/{department_id}",
    summary="Delete a department that has no sub-departments and no users",
    status_code=204,
    responses=problem_responses(400, 401, 403, 404, 409, 429),
)
async def delete_department(
    request: Request, principal: Admin, department_id: Annotated[str, Path(pattern=ID_PATTERN)]
) -> Response:
    def work(session: Session) -> None:
        dept = org_store.get_department(session, department_id)
        if dept is None:
            raise not_found("departments", department_id)
        if reason := org_store.department_in_use(session, department_id):
            raise ProblemError(409, "departments.in_use", f"The department still has {reason}; move them first.")
        org_store.delete_department(session, department_id)
        audit.record_authz_change(
            session,
            actor_id=principal.user_id,
            action="department.deleted",
            target_type="department",
            target_id=department_id,
            detail={"name": dept.name, "parent_id": dept.parent_id},
        )

    await in_authz_transaction(request, work)
    return Response(status_code=204)


def _named_routes(kind: str, plural: str) -> None:
    """POST and GET for positions or groups (flat named lists)."""

    @router.post(
        f"/v1/{plural}",
        summary=f"Create a {kind}",
        status_code=201,
        response_model=Named,
        responses=_CREATE_ERRORS,
        openapi_extra={**request_body_doc(NamedCreate), "parameters": [IDEMPOTENCY_PARAMETER]},
        name=f"create_{kind}",
    )
    async def create(
        request: Request, principal: Admin, body: Annotated[NamedCreate, Depends(json_body(NamedCreate))]
    ) -> Response:
        def work(session: Session) -> org_store.Named:
            if org_store.find_named(session, kind, name=body.name) is not None:
                raise ProblemError(409, f"{plural}.name_taken", f"A {kind} named {body.name!r} exists.")
            item = org_store.create_named(session, kind, body.name)
            audit.record(
                session,
                actor_id=principal.user_id,
                action=f"{kind}.created",
                target_type=kind,
                target_id=item.id,
                detail={"name": item.name},
            )
            return item

        async def produce() -> Response:
            try:
                item = await in_transaction(request, work)
            except IntegrityError:
                raise ProblemError(409, f"{plural}.name_taken", f"A {kind} named {body.name!r} exists.") from None
            return JSONResponse({"id": item.id, "name": item.name}, status_code=201, headers=NO_STORE)

        return await idempotent(request, principal, produce)

    @router.patch(
        f"/v1/{plural}/{{item_id}}",
        summary=f"Rename a {kind}",
        response_model=Named,
        responses=_WRITE_ERRORS,
        openapi_extra=request_body_doc(NamedCreate),
        name=f"rename_{kind}",
    )
    async def rename(
        request: Request,
        principal: Admin,
        item_id: Annotated[str, Path(pattern=ID_PATTERN)],
        body: Annotated[NamedCreate, Depends(json_body(NamedCreate))],
    ) -> Response:
        def work(session: Session) -> None:
            clash = org_store.find_named(session, kind, name=body.name)
            if clash is not None and clash.id != item_id:
                raise ProblemError(409, f"{plural}.name_taken", f"A {kind} named {body.name!r} exists.")
            if not org_store.rename_named(session, kind, item_id, body.name):
                raise not_found(plural, item_id)
            audit.record(
                session,
                actor_id=principal.user_id,
                action=f"{kind}.renamed",
                target_type=kind,
                target_id=item_id,
                detail={"name": body.name},
            )

        await in_transaction(request, work)
        return JSONResponse({"id": item_id, "name": body.name}, headers=NO_STORE)

    @router.get(
        f"/v1/{plural}",
        summary=f"List {plural} (by name)",
        response_model=NamedList,
        responses=problem_responses(401, 403, 429),
        name=f"list_{plural}",
    )
    async def listing(request: Request, principal: Admin) -> Response:
        items = await in_transaction(request, lambda s: org_store.list_named(s, kind))
        return JSONResponse(
            {"items": [{"id": i.id, "name": i.name} for i in items], "next_cursor": None}, headers=NO_STORE
        )


_named_routes("position", "positions")
_named_routes("group", "groups")
