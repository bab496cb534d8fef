"""Payment plans (`/v1/contracts/{id}/payment-plan`, `/v1/orders/{id}/payment-plan`) and receipts
(`/v1/receipts`): the instalments of a contract, or of a confirmed order sold without a contract,
and the money received against them (module `payments`)."""

from typing import Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import Field
from starlette.responses import Response

from crm.sales.v1 import sales_service_pb2 as pb
from gateway.bodies import json_body, request_body_doc
from gateway.conditional import etag_for, expected_version, if_none_match_hits
from gateway.identity.principal import Principal, require
from gateway.list_query import ListQuery
from gateway.openapi import problem_responses
from gateway.representations.sales import IsoDate, MoneyIn, PaymentPlan, Receipt, StrictModel, page_model
from gateway.route_kit import (
    ETAG_HEADER_DOC,
    ID_PATTERN,
    IDEMPOTENCY_PARAMETER,
    PRIVATE,
    idempotent,
    if_match_parameter,
)
from gateway.routes.sales_common import (
    CREATED_HEADERS,
    UPSTREAM_ERRORS,
    IdPath,
    add_action,
    add_create,
    add_get,
    add_list,
    add_patch,
    answer,
    body_values,
    call,
    proto,
)

VIEW, CREATE, EDIT, VOID = "payments:view", "payments:create", "payments:edit", "payments:delete"

plans = APIRouter(prefix="/v1/contracts", tags=["payments"])
order_plans = APIRouter(prefix="/v1/orders", tags=["payments"])
router = APIRouter(prefix="/v1/receipts", tags=["payments"])


class InstalmentIn(StrictModel):
    due_date: IsoDate
    amount: MoneyIn
    note: str | None = Field(default=None, max_length=500)


class PlanBody(StrictModel):
    """The instalments; together they must add up to the contract value or the order total (400
    `plan.total_mismatch`)."""

    instalments: list[InstalmentIn] = Field(min_length=1, max_length=120)


class PlanQuery(StrictModel):
    as_of: IsoDate | None = Field(default=None, description="Derive received / overdue as of this date (default today)")


class AllocationIn(StrictModel):
    instalment_id: str = Field(pattern=ID_PATTERN)
    amount: MoneyIn


class ReceiptPatch(StrictModel):
    method: str | None = Field(default=None, max_length=50)
    reference: str | None = Field(default=None, max_length=200)
    note: str | None = Field(default=None, max_length=2000)


class ReceiptCreate(ReceiptPatch):
    contract_id: str | None = Field(default=None, pattern=ID_PATTERN, description="The contract, or...")
    order_id: str | None = Field(default=None, pattern=ID_PATTERN, description="...the order (exactly one)")
    amount: MoneyIn
    received_on: IsoDate = Field(description="The bank date")
    method: str | None = Field(default=None, max_length=50, description='Default "bank_transfer"')
    allocations: list[AllocationIn] | None = Field(
        default=None, max_length=120, description="Explicit lines; the rest is allocated oldest due date first"
    )


class ReceiptQuery(ListQuery):
    contract_id: str | None = Field(default=None, pattern=ID_PATTERN)
    order_id: str | None = Field(default=None, pattern=ID_PATTERN)
    customer_id: str | None = Field(default=None, pattern=ID_PATTERN)
    status: Literal["in_review", "approved", "approved_without_review", "rejected", "withdrawn", "voided"] | None = None


class VoidBody(StrictModel):
    reason: str = Field(min_length=1, max_length=1000)


_PLAN = "/{id}/payment-plan"


def _add_plan_routes(plan_router: APIRouter, kind: Literal["contract", "order"]) -> None:
    """GET / POST / PATCH `/v1/<kind>s/{id}/payment-plan`: the plan of a contract, or of a
    confirmed order (a sale without a contract)."""
    key = f"{kind}_id"

    async def get_payment_plan(
        request: Request,
        id: str = IdPath,
        query: PlanQuery = Query(),
        principal: Principal = Depends(require(VIEW)),
    ) -> Response:
        reply = await call(
            request,
            principal,
            "GetPaymentPlan",
            pb.GetPaymentPlanRequest(**{key: id}, as_of=query.as_of or ""),
            field_location="query",
        )
        tag = etag_for(reply.plan.version)
        if if_none_match_hits(request.headers.get("if-none-match"), tag):
            return Response(status_code=304, headers={"ETag": tag, **PRIVATE})
        return answer(reply.plan)

    async def create_payment_plan(
        request: Request,
        id: str = IdPath,
        principal: Principal = Depends(require(CREATE)),
        body: PlanBody = Depends(json_body(PlanBody)),
    ) -> Response:
        message = proto(pb.CreatePaymentPlanRequest, {key: id, **body_values(body)})

        async def produce() -> Response:
            reply = await call(request, principal, "CreatePaymentPlan", message)
            return answer(reply.plan, status=201, Location=f"/v1/{kind}s/{id}/payment-plan")

        return await idempotent(request, principal, produce)

    async def update_payment_plan(
        request: Request,
        id: str = IdPath,
        principal: Principal = Depends(require(EDIT)),
        body: PlanBody = Depends(json_body(PlanBody)),
    ) -> Response:
        version = expected_version(request.headers.get("if-match"), required=True)
        current = await call(request, principal, "GetPaymentPlan", pb.GetPaymentPlanRequest(**{key: id}))
        message = proto(
            pb.UpdatePaymentPlanRequest, {"id": current.plan.id, "expected_version": version, **body_values(body)}
        )
        reply = await call(request, principal, "UpdatePaymentPlan", message, conditional=version > 0)
        return answer(reply.plan)

    value = "contract value" if kind == "contract" else "order total"
    for handler in (get_payment_plan, create_payment_plan, update_payment_plan):
        handler.__name__ = f"{handler.__name__}_of_{kind}"
    plan_router.add_api_route(
        _PLAN,
        get_payment_plan,
        methods=["GET"],
        summary=f"The {kind}'s payment plan: each instalment's received, outstanding and status as of a date",
        response_model=PaymentPlan,
        responses={
            200: {"description": "The plan", "headers": ETAG_HEADER_DOC},
            304: {"description": "Not modified (`If-None-Match` matches the current ETag)"},
            **problem_responses(400, 401, 403, 404, *UPSTREAM_ERRORS),
        },
    )
    plan_router.add_api_route(
        _PLAN,
        create_payment_plan,
        methods=["POST"],
        summary=f"Create the {kind}'s payment plan (the instalments must add up to the {value})"
        + ("" if kind == "contract" else "; the order must be confirmed"),
        status_code=201,
        response_model=PaymentPlan,
        responses={
            201: {"description": "Created", "headers": CREATED_HEADERS},
            **problem_responses(400, 401, 403, 404, 409, 413, 415, 422, *UPSTREAM_ERRORS),
        },
        openapi_extra={**request_body_doc(PlanBody), "parameters": [IDEMPOTENCY_PARAMETER]},
    )
    plan_router.add_api_route(
        _PLAN,
        update_payment_plan,
        methods=["PATCH"],
        summary="Replace the instalments that have no receipts yet (If-Match: the plan's ETag; must still add up)",
        response_model=PaymentPlan,
        responses={
            200: {"description": "The plan after the change", "headers": ETAG_HEADER_DOC},
            **problem_responses(400, 401, 403, 404, 409, 412, 413, 415, 428, *UPSTREAM_ERRORS),
        },
        openapi_extra={**request_body_doc(PlanBody), "parameters": [if_match_parameter(required=True)]},
    )


_add_plan_routes(plans, "contract")
_add_plan_routes(order_plans, "order")


add_list(
    router,
    permission=VIEW,
    rpc="ListReceipts",
    request_type=pb.ListReceiptsRequest,
    items_field="receipts",
    page_model=page_model(Receipt, "ReceiptPage"),
    query_model=ReceiptQuery,
    summary="List the receipts you may see",
    terms=lambda q: {
        "contract_id": q.contract_id,
        "order_id": q.order_id,
        "customer_id": q.customer_id,
        "status": q.status,
    },
)
add_create(
    router,
    permission=CREATE,
    rpc="RecordReceipt",
    body_model=ReceiptCreate,
    build=lambda b: proto(pb.RecordReceiptRequest, body_values(b)),
    reply_field="receipt",
    model=Receipt,
    summary="Record money received against a contract's or an order's plan (allocated to instalments, partial "
    "payments allowed)",
    location="/v1/receipts",
)
add_get(
    router,
    permission=VIEW,
    rpc="GetReceipt",
    request_type=pb.GetReceiptRequest,
    reply_field="receipt",
    model=Receipt,
    summary="Get one receipt",
)
add_patch(
    router,
    permission=EDIT,
    rpc="UpdateReceipt",
    request_type=pb.UpdateReceiptRequest,
    body_model=ReceiptPatch,
    reply_field="receipt",
    model=Receipt,
    summary="Change a receipt's method, reference or note (If-Match required)",
)
add_action(
    router,
    "void",
    permission=VOID,
    rpc="VoidReceipt",
    request_type=pb.VoidReceiptRequest,
    body_model=VoidBody,
    reply_field="receipt",
    model=Receipt,
    summary="Void a counted receipt (needs `payments:delete`); the instalments' received amounts follow",
)
