"""`/v1/sales-settings`: the sales business settings (stages and their default probabilities, the
special-price discount threshold, approval flows, payment grace days, renewal reminder lead time,
time zone, default tax rate). Everyone working with opportunities reads them; organisation
admins change them, with `If-Match` like any other edit."""

from typing import Literal

from fastapi import APIRouter, Depends, Request
from google.protobuf import field_mask_pb2
from pydantic import Field
from starlette.responses import Response

from crm.sales.v1 import sales_service_pb2 as pb
from gateway.bodies import json_body, request_body_doc
from gateway.conditional import expected_version
from gateway.identity.policy import ORG_ADMIN
from gateway.identity.principal import Principal, require
from gateway.openapi import problem_responses
from gateway.problems import ProblemError
from gateway.representations.sales import Percent, StrictModel, model_for
from gateway.route_kit import ETAG_HEADER_DOC, ID_PATTERN, if_match_parameter
from gateway.routes.sales_common import UPSTREAM_ERRORS, answer, body_values, call, proto

VIEW = "opportunities:view"

router = APIRouter(prefix="/v1/sales-settings", tags=["sales settings"])

SalesSettings = model_for(pb.SalesSettings.DESCRIPTOR)


class StageIn(StrictModel):
    key: str = Field(pattern=r"^[a-z][a-z0-9_]{0,39}$", description="lower_snake_case; not won or lost")
    label: str = Field(min_length=1, max_length=100)
    probability: int = Field(ge=0, le=100)


class StepIn(StrictModel):
    name: str = Field(min_length=1, max_length=100)
    role: str | None = Field(default=None, max_length=64, description="Holders of this role decide the step...")
    approver_ids: list[str] | None = Field(
        default=None,
        max_length=20,
        description="...or these users",
        json_schema_extra={"items": {"pattern": ID_PATTERN}},
    )
    mode: Literal["any", "all"] = "any"


class FlowIn(StrictModel):
    record_type: Literal["quote", "contract", "receipt", "invoice"]
    steps: list[StepIn] = Field(max_length=10, description="Empty: approved without review")


class SalesSettingsPatch(StrictModel):
    """Absent fields are unchanged; `flows` replaces the flows of the record types it lists."""

    stages: list[StageIn] | None = Field(default=None, min_length=1, max_length=20)
    discount_approval_percent: Percent | None = None
    flows: list[FlowIn] | None = Field(default=None, max_length=4)
    payment_grace_days: int | None = Field(default=None, ge=0, le=365)
    renewal_reminder_days: int | None = Field(default=None, ge=0, le=365)
    time_zone: str | None = Field(default=None, min_length=1, max_length=64, description="IANA name")
    default_tax_rate: Percent | None = None


@router.get(
    "",
    summary="The sales settings (stages, thresholds, approval flows, time zone, tax)",
    response_model=SalesSettings,
    responses={
        200: {"description": "The settings", "headers": ETAG_HEADER_DOC},
        **problem_responses(401, 403, *UPSTREAM_ERRORS),
    },
)
async def get_sales_settings(request: Request, principal: Principal = Depends(require(VIEW))) -> Response:
    reply = await call(request, principal, "GetSalesSettings", pb.GetSalesSettingsRequest())
    return answer(reply.settings)


@router.patch(
    "",
    summary="Change the sales settings (organisation admins; If-Match required)",
    response_model=SalesSettings,
    responses={
        200: {"description": "The settings after the change", "headers": ETAG_HEADER_DOC},
        **problem_responses(400, 401, 403, 409, 412, 413, 415, 428, *UPSTREAM_ERRORS),
    },
    openapi_extra={**request_body_doc(SalesSettingsPatch), "parameters": [if_match_parameter(required=True)]},
)
async def update_sales_settings(
    request: Request,
    principal: Principal = Depends(require(ORG_ADMIN)),
    body: SalesSettingsPatch = Depends(json_body(SalesSettingsPatch)),
) -> Response:
    version = expected_version(request.headers.get("if-match"), required=True)
    paths = sorted(body.model_fields_set)
    if not paths:
        raise ProblemError(400, "request.empty_patch", "Name at least one field to change.")
    message = pb.UpdateSalesSettingsRequest(
        expected_version=version,
        settings=proto(pb.SalesSettings, body_values(body)),
        update_mask=field_mask_pb2.FieldMask(paths=paths),
    )
    reply = await call(request, principal, "UpdateSalesSettings", message, conditional=version > 0)
    return answer(reply.settings)
