"""`/v1/targets`: sales targets per month x metric x company / department / user (quarters and
years are sums of months). A money target's `value` is a decimal amount in the currency's major
unit (like every amount of this API); a count target's (`new_customers`) is a whole number."""

from decimal import Decimal
from typing import Any, Literal

from fastapi import APIRouter, Depends, Request
from pydantic import Field, create_model, model_validator
from starlette.responses import Response

from crm.sales.v1 import sales_service_pb2 as pb
from gateway.bodies import json_body, request_body_doc
from gateway.conditional import expected_version
from gateway.identity.principal import Principal, require
from gateway.list_query import ListQuery
from gateway.openapi import problem_responses
from gateway.problems import ProblemError
from gateway.representations.sales import INT64_MAX, Currency, StrictModel, exponent, money_text, page_model, sales_json
from gateway.representations.sales import Target as _ProtoTarget
from gateway.route_kit import ETAG_HEADER_DOC, ID_PATTERN, if_match_parameter, record_response
from gateway.routes.sales_common import UPSTREAM_ERRORS, IdPath, add_create, add_get, add_list, call

VIEW, CREATE, EDIT = "targets:view", "targets:create", "targets:edit"

router = APIRouter(prefix="/v1/targets", tags=["targets"])

Target = create_model(
    "Target",
    __base__=_ProtoTarget,
    __module__=__name__,
    value=(str, Field(description='Money metrics: decimal amount in major units ("500000.00"); counts: "12"')),
)
Target.__doc__ = "A sales target for one month."
VALUE_PATTERN = r"^[0-9]{1,15}(\.[0-9]{1,3})?$"


def _minor(value: str, currency: str | None) -> int:
    places = exponent(currency) if currency else 0
    minor = Decimal(value).scaleb(places)
    if minor != minor.to_integral_value():
        raise ValueError(
            f"{currency} amounts have at most {places} decimals" if currency else "a count is a whole number"
        )
    if minor > INT64_MAX:
        raise ValueError("value is too large")
    return int(minor)


class TargetValue(StrictModel):
    value: str = Field(pattern=VALUE_PATTERN, description="Decimal amount (money metrics) or whole count")
    currency: Currency | None = Field(default=None, description="Money metrics only; on a change absent keeps it")


class TargetCreate(TargetValue):
    month: str = Field(pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])$", description="YYYY-MM")
    metric: Literal["contract_amount", "won_amount", "order_amount", "receipts", "new_customers"]
    scope_type: Literal["company", "department", "user"]
    scope_id: str | None = Field(default=None, pattern=ID_PATTERN, description="Absent for the company")

    @model_validator(mode="after")
    def _fits(self) -> "TargetCreate":
        _minor(self.value, self.currency)
        return self


class TargetQuery(ListQuery):
    month: str | None = Field(default=None, pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])$")
    metric: Literal["contract_amount", "won_amount", "order_amount", "receipts", "new_customers"] | None = None
    scope_type: Literal["company", "department", "user"] | None = None
    scope_id: str | None = Field(default=None, pattern=ID_PATTERN)


def target_json(target: pb.Target) -> dict[str, Any]:
    out = sales_json(target)
    out["value"] = money_text(target.value, target.currency) if target.currency else str(target.value)
    return out


def _answer(target: pb.Target, *, status: int = 200, **headers: str) -> Response:
    return record_response(target_json(target), target.version, status=status, **headers)


def _create(body: TargetCreate) -> pb.CreateTargetRequest:
    return pb.CreateTargetRequest(
        month=body.month,
        metric=body.metric,
        scope_type=body.scope_type,
        scope_id=body.scope_id or "",
        value=_minor(body.value, body.currency),
        currency=body.currency or "",
    )


add_list(
    router,
    permission=VIEW,
    rpc="ListTargets",
    request_type=pb.ListTargetsRequest,
    items_field="targets",
    page_model=page_model(Target, "TargetPage"),
    query_model=TargetQuery,
    summary="List targets (a user's targets within your scope; company and department targets for all)",
    terms=lambda q: {"month": q.month, "metric": q.metric, "scope_type": q.scope_type, "scope_id": q.scope_id},
    render=target_json,
)
add_create(
    router,
    permission=CREATE,
    rpc="CreateTarget",
    body_model=TargetCreate,
    build=_create,
    reply_field="target",
    model=Target,
    summary="Set a target for a month x metric x company / department / user",
    location="/v1/targets",
    render=target_json,
)
add_get(
    router,
    permission=VIEW,
    rpc="GetTarget",
    request_type=pb.GetTargetRequest,
    reply_field="target",
    model=Target,
    summary="Get one target",
    render=target_json,
)


@router.patch(
    "/{id}",
    summary="Change a target's value (If-Match required)",
    response_model=Target,
    responses={
        200: {"description": "The target after the change", "headers": ETAG_HEADER_DOC},
        **problem_responses(400, 401, 403, 404, 409, 412, 413, 415, 428, *UPSTREAM_ERRORS),
    },
    openapi_extra={**request_body_doc(TargetValue), "parameters": [if_match_parameter(required=True)]},
)
async def update_target(
    request: Request,
    id: str = IdPath,
    principal: Principal = Depends(require(EDIT)),
    body: TargetValue = Depends(json_body(TargetValue)),
) -> Response:
    version = expected_version(request.headers.get("if-match"), required=True)
    current = await call(request, principal, "GetTarget", pb.GetTargetRequest(id=id))
    try:
        minor = _minor(body.value, body.currency or current.target.currency or None)
    except ValueError as exc:
        raise ProblemError(
            400,
            "request.invalid",
            str(exc),
            errors=[{"field": "value", "location": "body", "message": str(exc), "type": "value_error"}],
        ) from None
    message = pb.UpdateTargetRequest(id=id, expected_version=version, value=minor, currency=body.currency or "")
    reply = await call(request, principal, "UpdateTarget", message, conditional=version > 0)
    return _answer(reply.target)
