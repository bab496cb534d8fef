"""Route builders shared by the sales areas (products, opportunities, quotes, orders, contracts,
payments, invoices, targets): `gateway.routes.record_routes` bound to `crm.sales.v1.SalesService`,
plus what only sales has (PDF downloads, approval decisions). No `from __future__ import
annotations` here: the closures' annotations name local variables.
"""

from typing import Any

from fastapi import APIRouter, Depends, Request
from google.protobuf.message import Message
from pydantic import BaseModel, Field
from starlette.responses import Response

from crm.sales.v1 import sales_service_pb2 as pb
from gateway.identity.principal import Principal, require
from gateway.openapi import problem_responses
from gateway.representations.sales import sales_json
from gateway.route_kit import PRIVATE
from gateway.routes.record_routes import (
    CREATED_HEADERS,
    UPSTREAM_ERRORS,
    IdPath,
    RecordRoutes,
    body_values,
    filter_with,
    proto,
)

__all__ = ["CREATED_HEADERS", "UPSTREAM_ERRORS", "IdPath", "body_values", "filter_with", "proto"]

_routes = RecordRoutes("sales", pb.ListOptions, sales_json)
call = _routes.call
answer = _routes.answer
add_list = _routes.add_list
add_get = _routes.add_get
add_create = _routes.add_create
add_patch = _routes.add_patch
add_action = _routes.add_action


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
