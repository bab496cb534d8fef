"""`/v1/complaints`: complaints with category, severity (sets the deadline), handling steps, root cause,
resolution, customer confirmation and escalation when overdue. Actions: `steps` (add a handling step),
`resolve`, `confirm`, `reject`, `escalate`. `complaints:view` reads, `complaints:create` opens,
`complaints:edit` acts."""

from typing import Literal

from fastapi import APIRouter
from pydantic import Field

from crm.service_desk.v1 import service_desk_service_pb2 as pb
from gateway.list_query import ListQuery
from gateway.representations.service_desk import (
    Complaint,
    StrictModel,
    add_action,
    add_create,
    add_get,
    add_list,
    body_values,
    page_model,
    proto,
)
from gateway.route_kit import ID_PATTERN

VIEW, CREATE, EDIT = "complaints:view", "complaints:create", "complaints:edit"
CATEGORIES = Literal[
    "product_quality", "service_attitude", "response_time", "billing", "delivery", "satisfaction", "other"
]
SEVERITIES = Literal["low", "medium", "high", "critical"]

router = APIRouter(prefix="/v1/complaints", tags=["complaints"])


class ComplaintCreate(StrictModel):
    customer_id: str = Field(pattern=ID_PATTERN)
    category: CATEGORIES
    severity: SEVERITIES | None = Field(default=None, description="Default: medium")
    description: str = Field(min_length=1, max_length=4000)
    work_order_id: str | None = Field(default=None, pattern=ID_PATTERN)
    order_id: str | None = Field(default=None, pattern=ID_PATTERN)
    contract_id: str | None = Field(default=None, pattern=ID_PATTERN)
    responsible_department_id: str | None = Field(default=None, pattern=ID_PATTERN)
    assignee_id: str | None = Field(default=None, pattern=ID_PATTERN)
    owner_id: str | None = Field(default=None, pattern=ID_PATTERN)
    subject_user_id: str | None = Field(
        default=None, pattern=ID_PATTERN, description="The user the complaint is about; never its assignee"
    )


class ComplaintQuery(ListQuery):
    status: Literal["open", "in_progress", "resolved", "closed"] | None = None
    customer_id: str | None = Field(default=None, pattern=ID_PATTERN)
    work_order_id: str | None = Field(default=None, pattern=ID_PATTERN)
    severity: SEVERITIES | None = None
    category: CATEGORIES | None = None


class NoteBody(StrictModel):
    note: str = Field(min_length=1, max_length=2000)


class OptionalNote(StrictModel):
    note: str | None = Field(default=None, max_length=2000)


class ResolveBody(StrictModel):
    root_cause: str = Field(min_length=1, max_length=2000)
    resolution: str = Field(min_length=1, max_length=2000)
    note: str | None = Field(default=None, max_length=2000)


add_list(
    router,
    permission=VIEW,
    rpc="ListComplaints",
    request_type=pb.ListComplaintsRequest,
    items_field="complaints",
    page_model=page_model(Complaint, "ComplaintPage"),
    query_model=ComplaintQuery,
    summary="List complaints (newest first)",
    terms=lambda q: {
        "status": q.status,
        "customer_id": q.customer_id,
        "work_order_id": q.work_order_id,
        "severity": q.severity,
        "category": q.category,
    },
)
add_create(
    router,
    permission=CREATE,
    rpc="CreateComplaint",
    body_model=ComplaintCreate,
    build=lambda b: pb.CreateComplaintRequest(complaint=proto(pb.ComplaintFields, body_values(b))),
    reply_field="complaint",
    model=Complaint,
    summary="Open a complaint about a known customer (deadline from the severity)",
    location="/v1/complaints",
)
add_get(
    router,
    permission=VIEW,
    rpc="GetComplaint",
    request_type=pb.GetComplaintRequest,
    reply_field="complaint",
    model=Complaint,
    summary="Get one complaint with its handling steps",
)


def _act(action: str):  # type: ignore[no-untyped-def]
    def build(record_id, body, version):  # type: ignore[no-untyped-def]
        return proto(
            pb.ActOnComplaintRequest,
            {"id": record_id, "expected_version": version, "action": action, **body_values(body)},
        )

    return build


for _verb, _action, _body, _summary in (
    ("steps", "add_step", NoteBody, "Record a handling step"),
    ("resolve", "resolve", ResolveBody, "Resolve with the root cause and the resolution"),
    ("confirm", "confirm", OptionalNote, "The customer confirms the resolution (closes the complaint)"),
    ("reject", "reject", OptionalNote, "The customer does not accept the resolution (back in progress)"),
    ("escalate", "escalate", OptionalNote, "Escalate one level"),
):
    add_action(
        router,
        _verb,
        permission=EDIT,
        rpc="ActOnComplaint",
        body_model=_body,
        reply_field="complaint",
        model=Complaint,
        build=_act(_action),
        summary=_summary,
        name=f"{_action}_complaint",
    )
