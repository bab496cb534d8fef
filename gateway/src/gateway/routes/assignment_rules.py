"""`/v1/assignment-rules`: ordered lead-assignment rules. Conditions on region, industry, source
and campaign (each list, when given, must contain the lead's value); target a user, a team by
round robin, or a team by least open leads with a daily capacity per member. Leads no rule
places go to the lead pool. `PUT /{id}` replaces the rule (If-Match required)."""

from typing import Literal

from fastapi import APIRouter, Depends, Request
from pydantic import Field
from starlette.responses import Response

from crm.marketing.v1 import marketing_service_pb2 as pb
from gateway.conditional import expected_version
from gateway.identity.principal import Principal, require
from gateway.openapi import problem_responses
from gateway.representations.marketing import AssignmentRule, RulePage, marketing_json
from gateway.representations.sales import StrictModel
from gateway.route_kit import ID_PATTERN, if_match_parameter, page_response
from gateway.routes.marketing_common import (
    UPSTREAM_ERRORS,
    IdPath,
    add_create,
    add_get,
    add_patch,
    body_values,
    call,
    proto,
)

VIEW, CREATE, EDIT, DELETE = (
    "assignment_rules:view",
    "assignment_rules:create",
    "assignment_rules:edit",
    "assignment_rules:delete",
)
Value = str

router = APIRouter(prefix="/v1/assignment-rules", tags=["leads"])


class RuleIn(StrictModel):
    name: str = Field(min_length=1, max_length=200)
    position: int = Field(default=0, ge=0, le=100_000, description="Evaluation order, ascending")
    active: bool = True
    regions: list[Value] = Field(default_factory=list, max_length=100)
    industries: list[Value] = Field(default_factory=list, max_length=100)
    sources: list[Value] = Field(default_factory=list, max_length=100)
    campaign_ids: list[Value] = Field(default_factory=list, max_length=100)
    target: Literal["user", "round_robin", "least_open"]
    user_id: str | None = Field(default=None, pattern=ID_PATTERN, description="target user")
    member_ids: list[str] = Field(default_factory=list, max_length=200, description="team targets")
    daily_capacity: int = Field(default=0, ge=0, le=100_000, description="Per member and day; 0 = unlimited")


@router.get(
    "",
    summary="The rules in evaluation order",
    response_model=RulePage,
    responses=problem_responses(401, 403, *UPSTREAM_ERRORS),
)
async def list_rules(request: Request, principal: Principal = Depends(require(VIEW))) -> Response:
    reply = await call(request, principal, "ListAssignmentRules", pb.ListAssignmentRulesRequest())
    return page_response([marketing_json(r) for r in reply.rules], "")


add_create(
    router,
    permission=CREATE,
    rpc="CreateAssignmentRule",
    body_model=RuleIn,
    build=lambda b: pb.CreateAssignmentRuleRequest(rule=proto(pb.AssignmentRule, body_values(b))),
    reply_field="rule",
    model=AssignmentRule,
    summary="Create a rule",
    location="/v1/assignment-rules",
)
add_get(
    router,
    permission=VIEW,
    rpc="GetAssignmentRule",
    request_type=pb.GetAssignmentRuleRequest,
    reply_field="rule",
    model=AssignmentRule,
    summary="Get one rule",
)
add_patch(
    router,
    permission=EDIT,
    rpc="UpdateAssignmentRule",
    build=lambda id, version, body, paths: pb.UpdateAssignmentRuleRequest(
        id=id, expected_version=version, rule=proto(pb.AssignmentRule, body_values(body))
    ),
    body_model=RuleIn,
    reply_field="rule",
    model=AssignmentRule,
    summary="Replace a rule (If-Match required)",
    method="PUT",
)


@router.delete(
    "/{id}",
    status_code=204,
    summary="Delete a rule (If-Match optional)",
    responses=problem_responses(400, 401, 403, 404, 409, 412, *UPSTREAM_ERRORS),
    openapi_extra={"parameters": [if_match_parameter(required=False)]},
)
async def delete_rule(request: Request, id: str = IdPath, principal: Principal = Depends(require(DELETE))) -> Response:
    version = expected_version(request.headers.get("if-match"), required=False)
    message = pb.DeleteAssignmentRuleRequest(id=id, expected_version=version)
    await call(request, principal, "DeleteAssignmentRule", message, conditional=version > 0)
    return Response(status_code=204)
