"""`/v1/sla-policies`: first-response and resolution targets (business minutes, or every minute with
`round_the_clock`) per priority and customer classification. `sla_policies:view` reads,
`sla_policies:create` adds, `sla_policies:edit` changes (applies to work orders opened afterwards)."""

from typing import Literal

from fastapi import APIRouter
from pydantic import Field

from crm.service_desk.v1 import service_desk_service_pb2 as pb
from gateway.list_query import ListQuery
from gateway.representations.service_desk import (
    SlaPolicy,
    StrictModel,
    add_create,
    add_list,
    add_patch,
    body_values,
    page_model,
    proto,
)

VIEW, CREATE, EDIT = "sla_policies:view", "sla_policies:create", "sla_policies:edit"
PRIORITIES = Literal["low", "normal", "high", "urgent"]

router = APIRouter(prefix="/v1/sla-policies", tags=["SLA policies"])


class PolicyPatch(StrictModel):
    name: str | None = Field(default=None, min_length=1, max_length=200)
    first_response_minutes: int | None = Field(default=None, ge=1, le=525600)
    resolution_minutes: int | None = Field(default=None, ge=1, le=525600)
    at_risk_percent: int | None = Field(default=None, ge=1, le=99)
    round_the_clock: bool | None = None
    active: bool | None = None


class PolicyCreate(StrictModel):
    name: str = Field(min_length=1, max_length=200)
    priority: PRIORITIES
    classification: str | None = Field(default=None, max_length=64, description="Customer classification; absent = any")
    first_response_minutes: int = Field(ge=1, le=525600)
    resolution_minutes: int = Field(ge=1, le=525600)
    at_risk_percent: int | None = Field(default=None, ge=1, le=99, description="Default 80")
    round_the_clock: bool | None = Field(default=None, description="Count every minute, not business minutes")


class PolicyQuery(ListQuery):
    priority: PRIORITIES | None = None
    active: bool | None = None


add_list(
    router,
    permission=VIEW,
    rpc="ListSlaPolicies",
    request_type=pb.ListSlaPoliciesRequest,
    items_field="policies",
    page_model=page_model(SlaPolicy, "SlaPolicyPage"),
    query_model=PolicyQuery,
    summary="List SLA policies",
    terms=lambda q: {"priority": q.priority, **({"active": q.active} if q.active is not None else {})},
)
add_create(
    router,
    permission=CREATE,
    rpc="CreateSlaPolicy",
    body_model=PolicyCreate,
    build=lambda b: pb.CreateSlaPolicyRequest(policy=proto(pb.SlaPolicy, body_values(b))),
    reply_field="policy",
    model=SlaPolicy,
    summary="Add an SLA policy (409 when an active one exists for the priority and classification)",
    location="/v1/sla-policies",
)
add_patch(
    router,
    permission=EDIT,
    rpc="UpdateSlaPolicy",
    request_type=pb.UpdateSlaPolicyRequest,
    body_model=PolicyPatch,
    reply_field="policy",
    model=SlaPolicy,
    summary="Change an SLA policy (If-Match required)",
)
