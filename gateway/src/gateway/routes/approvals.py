"""`/v1/approvals`: the approval inbox (what waits for my decision) and deciding. One approval
engine serves quotes (special prices), contracts, receipts and invoices; deciding a record's
step needs `<module>:approve` of its module (quote -> `quotes`, contract -> `contracts`,
receipt -> `payments`, invoice -> `invoices`) and being that step's approver (the service checks
it, never one's own submission)."""

from typing import Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import Field
from starlette.responses import Response

from crm.common.v1 import paging_pb2
from crm.sales.v1 import sales_service_pb2 as pb
from gateway.bodies import json_body, request_body_doc
from gateway.conditional import expected_version
from gateway.identity.principal import Principal, current_principal
from gateway.list_query import ListQuery
from gateway.openapi import problem_responses
from gateway.problems import ProblemError
from gateway.representations.sales import Approval, PendingApproval, StrictModel, page_model, sales_json
from gateway.route_kit import (
    ETAG_HEADER_DOC,
    ID_PATTERN,
    IDEMPOTENCY_PARAMETER,
    idempotent,
    if_match_parameter,
    page_response,
)
from gateway.routes.sales_common import UPSTREAM_ERRORS, answer, call

router = APIRouter(prefix="/v1/approvals", tags=["approvals"])

RecordType = Literal["quote", "contract", "receipt", "invoice"]
MODULES = {"quote": "quotes", "contract": "contracts", "receipt": "payments", "invoice": "invoices"}
RecordTypePath = Path(description="`quote`, `contract`, `receipt` or `invoice`")
RecordIdPath = Path(pattern=ID_PATTERN, description="The record's id")


class Decision(StrictModel):
    comment: str | None = Field(default=None, max_length=2000, description="Required to reject")


class InboxQuery(ListQuery):
    pass


def _acting(principal: Principal, record_type: str, action: str) -> Principal:
    permission = f"{MODULES[record_type]}:{action}"
    if not principal.allows(permission):
        raise ProblemError(403, "permission.denied", f"You do not have the permission {permission!r}.")
    return principal.with_permission(permission)


@router.get(
    "",
    summary="The approvals waiting for your decision, oldest first",
    response_model=page_model(PendingApproval, "PendingApprovalPage"),
    responses=problem_responses(400, 401, *UPSTREAM_ERRORS),
)
async def list_pending_approvals(
    request: Request,
    principal: Principal = Depends(current_principal),
    query: InboxQuery = Query(),
) -> Response:
    if query.filter or query.order_by:
        raise ProblemError(400, "request.invalid", "The inbox is listed oldest first and takes no filter or order_by.")
    message = pb.ListPendingApprovalsRequest(page=paging_pb2.PageRequest(limit=query.limit, cursor=query.cursor or ""))
    reply = await call(request, principal, "ListPendingApprovals", message, field_location="query")
    return page_response([sales_json(item) for item in reply.items], reply.page.next_cursor)


@router.get(
    "/{record_type}/{record_id}",
    summary="The approval of a record with its whole history (needs the module's view permission)",
    response_model=Approval,
    responses={
        200: {"description": "The approval", "headers": ETAG_HEADER_DOC},
        **problem_responses(400, 401, 403, 404, *UPSTREAM_ERRORS),
    },
)
async def get_approval(
    request: Request,
    record_type: RecordType = RecordTypePath,
    record_id: str = RecordIdPath,
    principal: Principal = Depends(current_principal),
) -> Response:
    acting = _acting(principal, record_type, "view")
    reply = await call(
        request, acting, "GetApproval", pb.GetApprovalRequest(record_type=record_type, record_id=record_id)
    )
    return answer(reply.approval)


def _decision_route(verb: str, rpc: str, request_type: type, action: str, summary: str) -> None:
    async def decide(
        request: Request,
        record_type: RecordType = RecordTypePath,
        record_id: str = RecordIdPath,
        principal: Principal = Depends(current_principal),
        body: Decision = Depends(json_body(Decision)),
    ) -> Response:
        acting = _acting(principal, record_type, action)
        version = expected_version(request.headers.get("if-match"), required=False)
        message = request_type(
            record_type=record_type, record_id=record_id, comment=body.comment or "", expected_version=version
        )

        async def produce() -> Response:
            reply = await call(request, acting, rpc, message, conditional=version > 0)
            return answer(reply.approval)

        return await idempotent(request, principal, produce)

    decide.__name__ = f"{verb}_approval"
    router.add_api_route(
        f"/{{record_type}}/{{record_id}}/{verb}",
        decide,
        methods=["POST"],
        summary=summary,
        response_model=Approval,
        responses={
            200: {"description": "The approval after the decision", "headers": ETAG_HEADER_DOC},
            **problem_responses(400, 401, 403, 404, 409, 412, 413, 415, 422, *UPSTREAM_ERRORS),
        },
        openapi_extra={
            **request_body_doc(Decision),
            "parameters": [IDEMPOTENCY_PARAMETER, if_match_parameter(required=False)],
        },
    )


_decision_route(
    "approve", "ApproveRecord", pb.ApproveRecordRequest, "approve", "Approve the current step (not your own submission)"
)
_decision_route(
    "reject", "RejectRecord", pb.RejectRecordRequest, "approve", "Reject with a comment; the record returns to draft"
)
_decision_route(
    "withdraw", "WithdrawRecord", pb.WithdrawRecordRequest, "edit", "The submitter withdraws the record from approval"
)
