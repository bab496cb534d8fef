"""`/v1/customers/{id}/shares`: grants of read or edit access on one customer to a user or a
department, beyond the data scope of their roles (G4). An expired grant is ignored at once."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Request
from google.protobuf.timestamp_pb2 import Timestamp
from pydantic import BaseModel, ConfigDict, Field
from starlette.responses import JSONResponse, Response

from crm.customers.v1 import customers_service_pb2 as pb
from gateway.bodies import Instant, json_body, request_body_doc
from gateway.identity.policy import CUSTOMERS_VIEW
from gateway.identity.principal import Principal, require
from gateway.openapi import problem_responses
from gateway.problems import ProblemError
from gateway.protojson import to_json
from gateway.route_kit import ID_PATTERN, IDEMPOTENCY_PARAMETER, PRIVATE, idempotent, upstream_call

router = APIRouter(prefix="/v1/customers/{customer_id}/shares", tags=["customers"])

CUSTOMERS_EDIT = "customers:edit"
CustomerId = Annotated[str, Path(pattern=ID_PATTERN, description="Customer id")]
GranteeType = Annotated[Literal["user", "department"], Path(description="`user` or `department`")]
GranteeId = Annotated[str, Path(pattern=ID_PATTERN, description="User or department id")]
_UPSTREAM_ERRORS = (429, 502, 503, 504)


class ShareRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    grantee_type: Literal["user", "department"]
    grantee_id: str = Field(pattern=ID_PATTERN)
    access: Literal["read", "edit"] = "read"
    expires_at: Instant | None = Field(default=None, description="No expiry when omitted")


class Share(BaseModel):
    customer_id: str
    grantee_type: str
    grantee_id: str
    access: str
    expires_at: str | None
    created_at: str | None
    created_by: str | None


class ShareList(BaseModel):
    items: list[Share]


_call = upstream_call("customers")


@router.get(
    "",
    summary="Who a customer is shared with (expired grants included, see `expires_at`)",
    response_model=ShareList,
    responses=problem_responses(400, 401, 403, 404, *_UPSTREAM_ERRORS),
)
async def list_shares(
    request: Request,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_VIEW))],
    customer_id: CustomerId,
) -> Response:
    reply = await _call(request, principal, "ListCustomerShares", pb.ListCustomerSharesRequest(customer_id=customer_id))
    return JSONResponse({"items": [to_json(s) for s in reply.shares]}, headers=PRIVATE)  # type: ignore[attr-defined]


@router.post(
    "",
    summary="Share a customer with a user or a department (replaces an earlier grant to them)",
    status_code=201,
    response_model=Share,
    responses={
        201: {"description": "Granted"},
        **problem_responses(400, 401, 403, 404, 409, 413, 415, 422, *_UPSTREAM_ERRORS),
    },
    openapi_extra={**request_body_doc(ShareRequest), "parameters": [IDEMPOTENCY_PARAMETER]},
)
async def share_customer(
    request: Request,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_EDIT))],
    customer_id: CustomerId,
    body: Annotated[ShareRequest, Depends(json_body(ShareRequest))],
) -> Response:
    expires = None
    if body.expires_at is not None:
        expires = Timestamp()
        expires.FromDatetime(body.expires_at)
    message = pb.ShareCustomerRequest(
        customer_id=customer_id,
        grantee_type=body.grantee_type,
        grantee_id=body.grantee_id,
        access=body.access,
        expires_at=expires,
    )

    async def produce() -> Response:
        reply = await _call(request, principal, "ShareCustomer", message)
        return JSONResponse(to_json(reply.share), status_code=201, headers=PRIVATE)  # type: ignore[attr-defined]

    return await idempotent(request, principal, produce)


@router.delete(
    "/{grantee_type}/{grantee_id}",
    summary="Withdraw a grant",
    status_code=204,
    response_class=Response,
    responses={204: {"description": "Withdrawn"}, **problem_responses(400, 401, 403, 404, *_UPSTREAM_ERRORS)},
)
async def unshare_customer(
    request: Request,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_EDIT))],
    customer_id: CustomerId,
    grantee_type: GranteeType,
    grantee_id: GranteeId,
) -> Response:
    message = pb.UnshareCustomerRequest(customer_id=customer_id, grantee_type=grantee_type, grantee_id=grantee_id)
    reply = await _call(request, principal, "UnshareCustomer", message)
    if not reply.removed:  # type: ignore[attr-defined]
        raise ProblemError(404, "share.not_found", f"The customer is not shared with that {grantee_type}.")
    return Response(status_code=204)
