"""Route builders for the record areas of a service (sales, marketing, service desk): list / read /
create / change / action routes, each a thin translation to one RPC of that service with the
suite's conventions (problem+json, ETag / If-Match, Idempotency-Key on POST, filter / order_by /
cursor on lists). `RecordRoutes("sales", sales_pb.ListOptions)` gives the builders of one upstream.

Bodies are strict pydantic models whose `model_dump()` is the proto message as a dict (`MoneyIn`
dumps as `crm.common.v1.Money`), parsed with `json_format.ParseDict`; answers go through `render`
(proto fields, money as `{currency, amount}`: `gateway.representations.sales.sales_json`).
No `from __future__ import annotations` here: the closures' annotations name local variables.
"""

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Depends, Path, Query, Request
from google.protobuf import field_mask_pb2, json_format
from google.protobuf.message import Message
from pydantic import BaseModel
from starlette.responses import Response

from crm.common.v1 import paging_pb2
from gateway.bodies import json_body, request_body_doc
from gateway.conditional import etag_for, expected_version, if_none_match_hits
from gateway.field_rules import ResourceFields
from gateway.identity.principal import Principal, current_principal, require
from gateway.list_query import ListQuery, check_list_query
from gateway.openapi import problem_responses
from gateway.problems import ProblemError
from gateway.representations.sales import sales_json
from gateway.route_kit import (
    ETAG_HEADER_DOC,
    ID_PATTERN,
    IDEMPOTENCY_PARAMETER,
    PRIVATE,
    idempotent,
    if_match_parameter,
    page_response,
    record_response,
    upstream_call,
)

UPSTREAM_ERRORS = (429, 502, 503, 504)
IdPath = Path(pattern=ID_PATTERN, description="Record id")
CREATED_HEADERS = {
    **ETAG_HEADER_DOC,
    "Location": {"description": "URL of the new record", "schema": {"type": "string"}},
}
Render = Callable[[Any], dict[str, Any]]
# One permission, or several of which the caller needs any one.
Permission = str | tuple[str, ...]


def proto(message_type: type[Message], values: dict[str, Any]) -> Message:
    """`values` (proto field names, money already as Money dicts) as a `message_type`; a value
    the message cannot hold (a number beyond its integer type) is a 400, not a crash."""
    try:
        return json_format.ParseDict(values, message_type())
    except json_format.ParseError as exc:
        raise ProblemError(400, "request.invalid", f"A value is out of range for its field: {exc}") from None


def body_values(body: BaseModel | None) -> dict[str, Any]:
    return {} if body is None else body.model_dump(exclude_none=True)


def filter_with(query: ListQuery, terms: dict[str, Any]) -> str:
    """The caller's filter ANDed with the simple parameters given (strings are ids or words
    checked by their patterns, quoted here; booleans are literals)."""
    parts = [f"({query.filter})"] if query.filter else []
    for name, value in terms.items():
        if isinstance(value, bool):
            parts.append(f"{name} = {str(value).lower()}")
        elif value:
            parts.append(f'{name} = "{value}"')
    return " AND ".join(parts)


def require_any(permission: Permission) -> Callable[..., Any]:
    """`require(permission)`, or for a tuple: 403 unless the caller holds one of them."""
    if isinstance(permission, str):
        return require(permission)
    checks = [require(p) for p in permission]

    async def check(principal: Principal = Depends(current_principal)) -> Principal:
        for name, one in zip(permission, checks, strict=True):
            if principal.allows(name):
                return await one(principal)
        raise ProblemError(403, "permission.denied", f"You need one of the permissions {', '.join(permission)}.")

    check.__name__ = "require_any_" + "_or_".join(p.replace(":", "_") for p in permission)
    return check


def first_version(reply: Message) -> int:
    """The version of the first record in a reply holding several (its ETag)."""
    return next((getattr(reply, f.name).version for f in reply.DESCRIPTOR.fields if f.message_type is not None), 0)


class RecordRoutes:
    """The route builders of one upstream service."""

    def __init__(self, upstream: str, options_type: type[Message], render: Render = sales_json) -> None:
        self.call = upstream_call(upstream)
        self.options_type = options_type
        self.render = render

    def answer(
        self,
        record: Message,
        *,
        status: int = 200,
        extra: dict[str, Any] | None = None,
        render: Render | None = None,
        **headers: str,
    ) -> Response:
        """The record's JSON with its ETag (`extra` adds fields beside it)."""
        data = (render or self.render)(record)
        if extra:
            data.update(extra)
        return record_response(data, record.version, status=status, **headers)  # type: ignore[attr-defined]

    def list_options(self, query: ListQuery, terms: dict[str, Any]) -> Message:
        return self.options_type(
            page=paging_pb2.PageRequest(limit=query.limit, cursor=query.cursor or ""),
            filter=filter_with(query, terms),
            order_by=query.order_by or "",
        )

    def add_list(
        self,
        router: APIRouter,
        *,
        permission: str,
        rpc: str,
        items_field: str,
        page_model: type[BaseModel],
        query_model: type[ListQuery],
        summary: str,
        request_type: type[Message] | None = None,
        build: Callable[[Any, Any], Message] | None = None,
        terms: Callable[[Any], dict[str, Any]] = lambda q: {},
        extra: Callable[[Any], dict[str, Any]] = lambda q: {},
        fields: ResourceFields | None = None,
        path: str = "",
        render: Render | None = None,
    ) -> None:
        """`GET` a page `{"items": [...], "next_cursor": ...}`: `request_type(options=...,
        **extra(query))`, or `build(query, options)`."""
        governed = fields or ResourceFields(router.prefix.rsplit("/", 1)[-1], ())
        show = render or self.render
        call = self.call

        async def list_records(
            request: Request,
            query: query_model = Query(),  # type: ignore[valid-type]
            principal: Principal = Depends(require(permission)),
        ) -> Response:
            check_list_query(principal, governed, query)
            options = self.list_options(query, terms(query))
            message = build(query, options) if build else request_type(options=options, **extra(query))  # type: ignore[misc]
            reply = await call(request, principal, rpc, message, field_location="query")
            return page_response([show(r) for r in getattr(reply, items_field)], reply.page.next_cursor)

        suffix = path.strip("/").replace("/", "_").replace("{", "").replace("}", "")
        list_records.__name__ = f"list_{rpc}" + (f"_{suffix}" if suffix else "")
        router.add_api_route(
            path,
            list_records,
            methods=["GET"],
            summary=summary,
            response_model=page_model,
            responses=problem_responses(400, 401, 403, 404, *UPSTREAM_ERRORS),
        )

    def add_get(
        self,
        router: APIRouter,
        *,
        permission: str,
        rpc: str,
        request_type: type[Message],
        reply_field: str,
        model: type[BaseModel],
        summary: str,
        path: str = "/{id}",
        extra: Callable[[Any], dict[str, Any]] | None = None,
        render: Render | None = None,
    ) -> None:
        """`GET /{id}` with ETag and `If-None-Match` (304)."""
        call = self.call

        async def get_record(
            request: Request,
            id: str = IdPath,
            principal: Principal = Depends(require(permission)),
        ) -> Response:
            reply = await call(request, principal, rpc, request_type(id=id))
            record = getattr(reply, reply_field)
            tag = etag_for(record.version)
            if if_none_match_hits(request.headers.get("if-none-match"), tag):
                return Response(status_code=304, headers={"ETag": tag, **PRIVATE})
            return self.answer(record, extra=extra(reply) if extra else None, render=render)

        get_record.__name__ = f"get_{rpc}"
        router.add_api_route(
            path,
            get_record,
            methods=["GET"],
            summary=summary,
            response_model=model,
            responses={
                200: {"description": "The record", "headers": ETAG_HEADER_DOC},
                304: {"description": "Not modified (`If-None-Match` matches the current ETag)"},
                **problem_responses(400, 401, 403, 404, *UPSTREAM_ERRORS),
            },
        )

    def add_create(
        self,
        router: APIRouter,
        *,
        permission: str,
        rpc: str,
        body_model: type[BaseModel],
        build: Callable[..., Message],
        reply_field: str,
        model: type[BaseModel],
        summary: str,
        location: str,
        path: str = "",
        render: Render | None = None,
    ) -> None:
        """`POST` creating a record: 201, ETag, Location; honours Idempotency-Key. `build(body)`,
        or for a collection nested under a record (`{id}` in `path`), `build(body, id)`."""
        call = self.call

        async def produce_for(request: Request, principal: Principal, message: Message) -> Response:
            async def produce() -> Response:
                reply = await call(request, principal, rpc, message)
                record = getattr(reply, reply_field)
                return self.answer(record, status=201, render=render, Location=f"{location}/{record.id}")

            return await idempotent(request, principal, produce)

        if "{id}" in path:

            async def create_record(
                request: Request,
                id: str = IdPath,
                principal: Principal = Depends(require(permission)),
                body: Any = Depends(json_body(body_model)),
            ) -> Response:
                return await produce_for(request, principal, build(body, id))

        else:

            async def create_record(  # type: ignore[misc]
                request: Request,
                principal: Principal = Depends(require(permission)),
                body: Any = Depends(json_body(body_model)),
            ) -> Response:
                return await produce_for(request, principal, build(body))

        create_record.__name__ = f"create_{rpc}"
        router.add_api_route(
            path,
            create_record,
            methods=["POST"],
            summary=summary,
            status_code=201,
            response_model=model,
            responses={
                201: {"description": "Created", "headers": CREATED_HEADERS},
                **problem_responses(400, 401, 403, 404, 409, 413, 415, 422, *UPSTREAM_ERRORS),
            },
            openapi_extra={**request_body_doc(body_model), "parameters": [IDEMPOTENCY_PARAMETER]},
        )

    def add_patch(
        self,
        router: APIRouter,
        *,
        permission: str,
        rpc: str,
        body_model: type[BaseModel],
        reply_field: str,
        model: type[BaseModel],
        summary: str,
        request_type: type[Message] | None = None,
        build: Callable[[str, int, Any, list[str]], Message] | None = None,
        patch_values: Callable[[Any], dict[str, Any]] | None = None,
        method: str = "PATCH",
    ) -> None:
        """`PATCH /{id}` (a JSON merge patch: absent = unchanged, null = cleared) as the RPC's
        `patch` + `update_mask`, or `build(id, version, body, paths)`; `PUT` for a whole record.
        `If-Match` required (428 without, 412 when stale)."""
        call = self.call
        patch_type = type(request_type().patch) if request_type is not None else None

        async def update_record(
            request: Request,
            id: str = IdPath,
            principal: Principal = Depends(require(permission)),
            body: Any = Depends(json_body(body_model)),
        ) -> Response:
            version = expected_version(request.headers.get("if-match"), required=True)
            paths = sorted(body.model_fields_set)
            if not paths:
                raise ProblemError(400, "request.empty_patch", "Name at least one field to change.")
            if build is not None:
                message = build(id, version, body, paths)
            else:
                values = patch_values(body) if patch_values else body_values(body)
                message = request_type(  # type: ignore[misc]
                    id=id,
                    expected_version=version,
                    patch=proto(patch_type, values),  # type: ignore[arg-type]
                    update_mask=field_mask_pb2.FieldMask(paths=paths),
                )
            reply = await call(request, principal, rpc, message, conditional=version > 0)
            return self.answer(getattr(reply, reply_field))

        update_record.__name__ = f"update_{rpc}"
        router.add_api_route(
            "/{id}",
            update_record,
            methods=[method],
            summary=summary,
            response_model=model,
            responses={
                200: {"description": "The record after the change", "headers": ETAG_HEADER_DOC},
                **problem_responses(400, 401, 403, 404, 409, 412, 413, 415, 428, *UPSTREAM_ERRORS),
            },
            openapi_extra={**request_body_doc(body_model), "parameters": [if_match_parameter(required=True)]},
        )

    def add_action(
        self,
        router: APIRouter,
        verb: str,
        *,
        permission: Permission,
        rpc: str,
        model: type[BaseModel],
        summary: str,
        request_type: type[Message] | None = None,
        build: Callable[[str, Any, int], Message] | None = None,
        body_model: type[BaseModel] | None = None,
        reply_field: str | None = None,
        versioned: bool = True,
        name: str | None = None,
    ) -> None:
        """`POST /{id}/<verb>`: one state change, `build(id, body, version)` or the body's fields
        with `id` (and `expected_version`) as `request_type`. `If-Match` (optional) is the
        record's ETag; the answer is the record (`reply_field`) or, without one, the whole reply."""
        call = self.call
        parameters: list[dict[str, Any]] = [IDEMPOTENCY_PARAMETER]
        if versioned:
            parameters.append(if_match_parameter(required=False))
        extra: dict[str, Any] = {"parameters": parameters}
        statuses = [400, 401, 403, 404, 409, 422]
        if versioned:
            statuses.append(412)
        if body_model is not None:
            extra.update(request_body_doc(body_model))
            statuses += [413, 415]

        async def act(request: Request, record_id: str, principal: Principal, body: BaseModel | None) -> Response:
            version = expected_version(request.headers.get("if-match"), required=False) if versioned else 0
            if build is not None:
                message = build(record_id, body, version)
            else:
                values = {"id": record_id, **body_values(body)}
                if versioned:
                    values["expected_version"] = version
                message = proto(request_type, values)  # type: ignore[arg-type]

            async def produce() -> Response:
                reply = await call(request, principal, rpc, message, conditional=version > 0)
                if not reply_field:
                    return record_response(self.render(reply), first_version(reply))
                return self.answer(getattr(reply, reply_field))

            return await idempotent(request, principal, produce)

        if body_model is not None:

            async def action(
                request: Request,
                id: str = IdPath,
                principal: Principal = Depends(require_any(permission)),
                body: Any = Depends(json_body(body_model)),
            ) -> Response:
                return await act(request, id, principal, body)

        else:

            async def action(  # type: ignore[misc]
                request: Request,
                id: str = IdPath,
                principal: Principal = Depends(require_any(permission)),
            ) -> Response:
                return await act(request, id, principal, None)

        action.__name__ = name or f"{verb.replace('-', '_')}_{rpc}"
        router.add_api_route(
            f"/{{id}}/{verb}",
            action,
            methods=["POST"],
            summary=summary,
            response_model=model,
            responses={
                200: {"description": "The record after the change", "headers": ETAG_HEADER_DOC},
                **problem_responses(*statuses, *UPSTREAM_ERRORS),
            },
            openapi_extra=extra,
        )
