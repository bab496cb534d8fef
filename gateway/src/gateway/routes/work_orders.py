"""`/v1/work-orders`: after-sale requests with their entitlement decision (and why), SLA targets and
progress, dispatch decision (and why), status history. Actions: `assign` (manual or automatic),
`grab` (from the team queue, first wins), `start`, `wait`, `resolve`, `close`, `reopen`, `cancel`,
`link-article`. Reading needs `work_orders:view`, creating `work_orders:create`, the rest
`work_orders:edit`."""

from typing import Any, Literal

from fastapi import APIRouter, Depends, Request
from pydantic import Field
from starlette.responses import JSONResponse, Response

from crm.service_desk.v1 import service_desk_service_pb2 as pb
from gateway.bodies import Instant, json_body, request_body_doc
from gateway.identity.principal import Principal, require
from gateway.list_query import ListQuery
from gateway.openapi import problem_responses
from gateway.representations.service_desk import (
    UPSTREAM_ERRORS,
    Entitlement,
    StrictModel,
    WorkOrder,
    add_action,
    add_create,
    add_get,
    add_list,
    add_patch,
    body_values,
    call,
    desk_json,
    page_model,
    proto,
)
from gateway.route_kit import ID_PATTERN, PRIVATE

VIEW, CREATE, EDIT = "work_orders:view", "work_orders:create", "work_orders:edit"
TYPES = Literal[
    "repair",
    "installation",
    "maintenance",
    "consultation",
    "order_dispute",
    "contract_dispute",
    "billing_dispute",
    "return",
]
PRIORITIES = Literal["low", "normal", "high", "urgent"]
STATUSES = Literal["new", "assigned", "in_progress", "waiting_for_customer", "resolved", "closed", "cancelled"]
TEAM_PATTERN = r"^[A-Za-z0-9_-]{1,64}$"

router = APIRouter(prefix="/v1/work-orders", tags=["work orders"])


class AttachmentIn(StrictModel):
    name: str = Field(min_length=1, max_length=200)
    url: str = Field(min_length=1, max_length=2000)
    content_type: str | None = Field(default=None, max_length=100)
    size_bytes: int | None = Field(default=None, ge=0)


class WorkOrderPatch(StrictModel):
    """Changed fields only (open work orders); a priority change recomputes the SLA due times."""

    description: str | None = Field(default=None, max_length=4000)
    priority: PRIORITIES | None = None
    contact_id: str | None = Field(default=None, pattern=ID_PATTERN)
    serial_number: str | None = Field(default=None, max_length=100)
    team: str | None = Field(default=None, pattern=TEAM_PATTERN)
    attachments: list[AttachmentIn] | None = Field(default=None, max_length=20)


class WorkOrderCreate(StrictModel):
    type: TYPES
    customer_id: str = Field(pattern=ID_PATTERN)
    channel: Literal["phone", "web", "email", "on_site", "call_center"] | None = None
    contact_id: str | None = Field(default=None, pattern=ID_PATTERN)
    product_id: str | None = Field(default=None, pattern=ID_PATTERN)
    serial_number: str | None = Field(default=None, max_length=100)
    order_id: str | None = Field(default=None, pattern=ID_PATTERN)
    contract_id: str | None = Field(default=None, pattern=ID_PATTERN)
    priority: PRIORITIES | None = Field(default=None, description="Default: normal")
    description: str | None = Field(default=None, max_length=4000)
    attachments: list[AttachmentIn] | None = Field(default=None, max_length=20)
    team: str | None = Field(default=None, pattern=TEAM_PATTERN, description="The team queue it waits in")
    owner_id: str | None = Field(default=None, pattern=ID_PATTERN, description="Default: you")
    reported_at: Instant | None = Field(
        default=None,
        description="When the customer reported it, if earlier (at most a year ago); the SLA counts from it",
    )

    model_config = {"extra": "forbid", "strict": False}


def _create(body: WorkOrderCreate) -> pb.CreateWorkOrderRequest:
    values = body_values(body)
    if body.reported_at is not None:
        values["reported_at"] = body.reported_at.isoformat()
    return pb.CreateWorkOrderRequest(work_order=proto(pb.WorkOrderFields, values))


class WorkOrderQuery(ListQuery):
    status: STATUSES | None = None
    customer_id: str | None = Field(default=None, pattern=ID_PATTERN)
    assignee_id: str | None = Field(default=None, pattern=ID_PATTERN)
    priority: PRIORITIES | None = None
    entitlement_decision: Literal["in_warranty", "covered_by_contract", "billable", "not_eligible"] | None = None
    team: str | None = Field(default=None, pattern=TEAM_PATTERN)


class AssignBody(StrictModel):
    mode: Literal["manual", "automatic"] | None = Field(
        default=None, description="Default: manual when technician_id is given, else automatic"
    )
    technician_id: str | None = Field(default=None, pattern=ID_PATTERN)
    reason: str | None = Field(default=None, max_length=500)


class GrabBody(StrictModel):
    technician_id: str | None = Field(default=None, pattern=ID_PATTERN, description="Default: the technician you are")


class ReasonBody(StrictModel):
    reason: str | None = Field(default=None, max_length=500)


class ReopenBody(StrictModel):
    reason: str = Field(min_length=1, max_length=500)


class ResolveBody(StrictModel):
    resolution: str = Field(min_length=1, max_length=4000)
    reason: str | None = Field(default=None, max_length=500)


class LinkBody(StrictModel):
    article_id: str = Field(pattern=ID_PATTERN)


add_list(
    router,
    permission=VIEW,
    rpc="ListWorkOrders",
    request_type=pb.ListWorkOrdersRequest,
    items_field="work_orders",
    page_model=page_model(WorkOrder, "WorkOrderPage"),
    query_model=WorkOrderQuery,
    summary="List the work orders you may see (newest first)",
    terms=lambda q: {
        "status": q.status,
        "customer_id": q.customer_id,
        "assignee_id": q.assignee_id,
        "priority": q.priority,
        "entitlement_decision": q.entitlement_decision,
        "team": q.team,
    },
)
add_create(
    router,
    permission=CREATE,
    rpc="CreateWorkOrder",
    body_model=WorkOrderCreate,
    build=_create,
    reply_field="work_order",
    model=WorkOrder,
    summary="Open a work order for a known customer (400 `customer.unknown` otherwise); entitlement and SLA "
    "are decided at intake",
    location="/v1/work-orders",
)
add_get(
    router,
    permission=VIEW,
    rpc="GetWorkOrder",
    request_type=pb.GetWorkOrderRequest,
    reply_field="work_order",
    model=WorkOrder,
    summary="Get one work order (entitlement, SLA, dispatch decision, history)",
)
add_patch(
    router,
    permission=EDIT,
    rpc="UpdateWorkOrder",
    request_type=pb.UpdateWorkOrderRequest,
    body_model=WorkOrderPatch,
    reply_field="work_order",
    model=WorkOrder,
    summary="Change an open work order (If-Match required)",
)
add_action(
    router,
    "assign",
    permission=EDIT,
    rpc="AssignWorkOrder",
    body_model=AssignBody,
    reply_field="work_order",
    model=WorkOrder,
    build=lambda i, b, v: proto(pb.AssignWorkOrderRequest, {"id": i, "expected_version": v, **body_values(b)}),
    summary="Assign to a technician, or dispatch automatically (skills, workload, distance; the decision and "
    "its candidates are kept)",
)
add_action(
    router,
    "grab",
    permission=EDIT,
    rpc="GrabWorkOrder",
    body_model=GrabBody,
    reply_field="work_order",
    model=WorkOrder,
    build=lambda i, b, v: proto(pb.GrabWorkOrderRequest, {"id": i, **body_values(b)}),
    summary="Take an unassigned work order from its team queue (409/400 `work_order.already_taken` if "
    "someone was first)",
)


def _transition(action: str):  # type: ignore[no-untyped-def]
    def build(record_id, body, version):  # type: ignore[no-untyped-def]
        return proto(
            pb.TransitionWorkOrderRequest,
            {"id": record_id, "expected_version": version, "action": action, **body_values(body)},
        )

    return build


for _verb, _body, _summary in (
    (
        "start",
        ReasonBody,
        "Start work (assigned, or back from waiting for the customer); the first start is the first response",
    ),
    ("wait", ReasonBody, "Wait for the customer (the SLA clock pauses)"),
    ("resolve", ResolveBody, "Resolve with what was done"),
    ("close", ReasonBody, "Close a resolved work order (plans the return visit)"),
    ("reopen", ReopenBody, "Reopen a resolved or closed work order within the reopen window (a reason is required)"),
    ("cancel", ReasonBody, "Cancel an open work order"),
):
    add_action(
        router,
        _verb,
        permission=EDIT,
        rpc="TransitionWorkOrder",
        body_model=_body,
        reply_field="work_order",
        model=WorkOrder,
        build=_transition(_verb),
        summary=_summary,
        name=f"{_verb}_work_order",
    )

add_action(
    router,
    "link-article",
    permission=EDIT,
    rpc="LinkArticle",
    body_model=LinkBody,
    reply_field="work_order",
    model=WorkOrder,
    build=lambda i, b, v: pb.LinkArticleRequest(work_order_id=i, article_id=b.article_id, expected_version=v),
    summary="Link a knowledge-base article to the work order",
)


class EntitlementQuestion(StrictModel):
    customer_id: str = Field(pattern=ID_PATTERN)
    type: TYPES | None = Field(default=None, description="Default: repair")
    product_id: str | None = Field(default=None, pattern=ID_PATTERN)
    serial_number: str | None = Field(default=None, max_length=100)
    order_id: str | None = Field(default=None, pattern=ID_PATTERN)
    contract_id: str | None = Field(default=None, pattern=ID_PATTERN)


async def check_entitlement(
    request: Request,
    principal: Principal = Depends(require(VIEW)),
    body: Any = Depends(json_body(EntitlementQuestion)),
) -> Response:
    reply = await call(request, principal, "CheckEntitlement", proto(pb.CheckEntitlementRequest, body_values(body)))
    return JSONResponse(desk_json(reply.entitlement), headers=PRIVATE)


router.add_api_route(
    ":entitlement",
    check_entitlement,
    methods=["POST"],
    summary="The entitlement a work order would get now (in_warranty / covered_by_contract / billable / "
    "not_eligible, with the reason); nothing is written",
    response_model=Entitlement,
    responses=problem_responses(400, 401, 403, 413, 415, *UPSTREAM_ERRORS),
    openapi_extra=request_body_doc(EntitlementQuestion),
)
