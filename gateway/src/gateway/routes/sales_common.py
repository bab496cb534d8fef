"""Route builders shared by the sales areas (products, opportunities, quotes, orders, contracts,
payments, invoices, targets): the same list / read / create / change / action routes as the
customer file, each a thin translation to one `crm.sales.v1.SalesService` RPC.

Bodies are strict pydantic models whose `model_dump()` is the proto message as a dict
(`MoneyIn` dumps as `crm.common.v1.Money`), parsed with `json_format.ParseDict`; answers are
`gateway.representations.sales.sales_json`. No `from __future__ import annotations` here: the
closures' annotations name local variables.
"""

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Depends, Path, Query, Request
from google.protobuf import field_mask_pb2, json_format
from google.protobuf.message import Message
from pydantic import BaseModel, Field
from starlette.responses import Response

from crm.common.v1 import paging_pb2
from crm.sales.v1 import sales_service_pb2 as pb
from gateway.bodies import json_body, request_body_doc
from gateway.conditional import etag_for, expected_version, if_none_match_hits
from gateway.field_rules import ResourceFields
from gateway.identity.principal import Principal, require
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


call = upstream_call("sales")


def proto(message_type: type[Message], values: dict[str, Any]) -> Message:
    """`values` (proto field names, money already as Money dicts) as a `message_type`."""
    return json_format.ParseDict(values, message_type())


def body_values(body: BaseModel | None) -> dict[str, Any]:
    return {} if body is None else body.model_dump(exclude_none=True)


def answer(
    record: Message,
    *,
    status: int = 200,
    extra: dict[str, Any] | None = None,
    render: Callable[[Any], dict[str, Any]] = sales_json,
    **headers: str,
) -> Response:
    """The record's JSON with its ETag (`extra` adds fields beside it)."""
    data = render(record)
    if extra:
        data.update(extra)
    return record_response(data, record.version, status=status, **headers)  # type: ignore[attr-defined]


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


def add_list(
    router: APIRouter,
    *,
    permission: str,
    rpc: str,
    request_type: type[Message],
    items_field: str,
    page_model: type[BaseModel],
    query_model: type[ListQuery],
    summary: str,
    terms: Callable[[Any], dict[str, Any]] = lambda q: {},
    fields: ResourceFields | None = None,
    path: str = "",
    render: Callable[[Any], dict[str, Any]] = sales_json,
) -> None:
    governed = fields or ResourceFields(router.prefix.rsplit("/", 1)[-1], ())

    async def list_records(
        request: Request,
        query: query_model = Query(),  # type: ignore[valid-type]
        principal: Principal = Depends(require(permission)),
    ) -> Response:
        check_list_query(principal, governed, query)
        options = pb.ListOptions(
            page=paging_pb2.PageRequest(limit=query.limit, cursor=query.cursor or ""),
            filter=filter_with(query, terms(query)),
            order_by=query.order_by or "",
        )
        reply = await call(request, principal, rpc, request_type(options=options), field_location="query")
        return page_response([render(r) for r in getattr(reply, items_field)], reply.page.next_cursor)

    list_records.__name__ = f"list_{rpc}"
    router.add_api_route(
        path,
        list_records,
        methods=["GET"],
        summary=summary,
        response_model=page_model,
        responses=problem_responses(400, 401, 403, *UPSTREAM_ERRORS),
    )


def add_get(
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
    render: Callable[[Any], dict[str, Any]] = sales_json,
) -> None:
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
        return answer(record, extra=extra(reply) if extra else None, render=render)

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
    router: APIRouter,
    *,
    permission: str,
    rpc: str,
    body_model: type[BaseModel],
    build: Callable[[Any], Message],
    reply_field: str,
    model: type[BaseModel],
    summary: str,
    location: str,
    path: str = "",
    render: Callable[[Any], dict[str, Any]] = sales_json,
) -> None:
    """`POST` creating a record: 201, ETag, Location; honours Idempotency-Key."""

    async def create_record(
        request: Request,
        principal: Principal = Depends(require(permission)),
        body: Any = Depends(json_body(body_model)),
    ) -> Response:
        message = build(body)

        async def produce() -> Response:
            reply = await call(request, principal, rpc, message)
            record = getattr(reply, reply_field)
            return answer(record, status=201, render=render, Location=f"{location}/{record.id}")

        return await idempotent(request, principal, produce)

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
    router: APIRouter,
    *,
    permission: str,
    rpc: str,
    request_type: type[Message],
    body_model: type[BaseModel],
    reply_field: str,
    model: type[BaseModel],
    summary: str,
) -> None:
    """`PATCH /{id}`: a JSON merge patch (absent = unchanged, null = cleared) as the RPC's
    `patch` + `update_mask`; `If-Match` required (428 without, 412 when stale)."""
    patch_type = type(request_type().patch)

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
        message = request_type(
            id=id,
            expected_version=version,
            patch=proto(patch_type, body_values(body)),
            update_mask=field_mask_pb2.FieldMask(paths=paths),
        )
        reply = await call(request, principal, rpc, message, conditional=version > 0)
        return answer(getattr(reply, reply_field))

    update_record.__name__ = f"update_{rpc}"
    router.add_api_route(
        "/{id}",
        update_record,
        methods=["PATCH"],
        summary=summary,
        response_model=model,
        responses={
            200: {"description": "The record after the change", "headers": ETAG_HEADER_DOC},
            **problem_responses(400, 401, 403, 404, 409, 412, 413, 415, 428, *UPSTREAM_ERRORS),
        },
        openapi_extra={**request_body_doc(body_model), "parameters": [if_match_parameter(required=True)]},
    )


def add_action(
    router: APIRouter,
    verb: str,
    *,
    permission: str,
    rpc: str,
    request_type: type[Message],
    model: type[BaseModel],
    summary: str,
    body_model: type[BaseModel] | None = None,
    reply_field: str | None = None,
    versioned: bool = True,
    build: Callable[[str, Any, int], Message] | None = None,
    name: str | None = None,
) -> None:
    """`POST /{id}/<verb>`: one state change. `If-Match` (optional) is the record's ETag; the
    answer is the record (`reply_field`) or, without one, the whole reply."""
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
            message = proto(request_type, values)

        async def produce() -> Response:
            reply = await call(request, principal, rpc, message, conditional=version > 0)
            if reply_field is None:
                data = sales_json(reply)
                return record_response(data, next(iter(_versions(reply)), 0))
            return answer(getattr(reply, reply_field))

        return await idempotent(request, principal, produce)

    if body_model is not None:

        async def action(
            request: Request,
            id: str = IdPath,
            principal: Principal = Depends(require(permission)),
            body: Any = Depends(json_body(body_model)),
        ) -> Response:
            return await act(request, id, principal, body)

    else:

        async def action(  # type: ignore[misc]
            request: Request,
            id: str = IdPath,
            principal: Principal = Depends(require(permission)),
        ) -> Response:
            return await act(request, id, principal, None)

    action.__name__ = name or f"{verb}_{rpc}"
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


def _versions(reply: Message) -> list[int]:
    """The version of the first record in a reply with several (its ETag)."""
    return [getattr(reply, f.name).version for f in reply.DESCRIPTOR.fields if f.message_type is not None]


def pdf_route(router: APIRouter, *, permission: str, rpc: str, request_type: type[Message], summary: str) -> None:
    async def render_pdf(
        request: Request,
        id: str = IdPath,
        principal: Principal = Depends(require(permission)),
    ) -> Response:
        reply = await call(request, principal, rpc, request_type(id=id))
        filename = "".join(c for c in reply.filename if c.isalnum() or c in "-_.") or f"{id}.pdf"
        return Response(
            reply.content,
            media_type="application/pdf",
            headers={"Content-Disposition": f'attachment; filename="{filename}"', **PRIVATE},
        )

    render_pdf.__name__ = f"pdf_{rpc}"
    router.add_api_route(
        "/{id}/pdf",
        render_pdf,
        methods=["GET"],
        summary=summary,
        response_class=Response,
        responses={
            200: {
                "description": "The PDF",
                "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
            },
            **problem_responses(400, 401, 403, 404, *UPSTREAM_ERRORS),
        },
    )


class DecisionBody(BaseModel):
    model_config = {"extra": "forbid", "strict": True}

    comment: str | None = Field(default=None, max_length=2000, description="Required to reject")


def add_decisions(router: APIRouter, record_type: str, *, permission: str, approval_model: type[BaseModel]) -> None:
    """`POST /{id}/approve` and `/{id}/reject`: decide the current approval step of the record
    (never one's own submission). `If-Match` here is the approval's ETag (0/absent: no check)."""
    for verb, rpc, request_type in (
        ("approve", "ApproveRecord", pb.ApproveRecordRequest),
        ("reject", "RejectRecord", pb.RejectRecordRequest),
    ):

        def build(record_id: str, body: Any, version: int, request_type: type[Message] = request_type) -> Message:
            return request_type(
                record_type=record_type,
                record_id=record_id,
                comment=(body.comment if body is not None else None) or "",
                expected_version=version,
            )

        add_action(
            router,
            verb,
            permission=permission,
            rpc=rpc,
            request_type=request_type,
            body_model=DecisionBody,
            reply_field="approval",
            model=approval_model,
            build=build,
            summary=f"{verb.capitalize()} the {record_type}'s current approval step (not your own submission); "
            "If-Match is the approval's ETag",
            name=f"{verb}_{record_type}",
        )
