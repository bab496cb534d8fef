"""The customer pool and ownership changes, served by the customers service
(`crm.customers.v1.CustomerPoolService`).

- `GET /v1/customer-pool`: the customers in the pools the caller belongs to (G5: membership, not
  owner scope); phones and emails are masked until claimed, whatever the caller's role (C14), and
  cannot be filtered or sorted on here.
- `POST /v1/customers/{id}/claim`, `POST /v1/customer-pool/claim` (batch): take pool customers.
- `POST /v1/customers/{id}/release`: give a customer back to a pool with a listed reason.
- `POST /v1/customers/{id}/assign` (manager), `/transfer`, `POST /v1/customers/transfer-all`.
- Admin: pools and rules (`GET /v1/customer-pool/pools`, rule preview and save), and running the
  reminders and the recycle sweep now or "as of" a moment (O1/O5).

Batches are all-or-nothing (C19): a refusal is a 409 whose `failed` detail lists `id=code` pairs.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from google.protobuf.timestamp_pb2 import Timestamp
from pydantic import BaseModel, ConfigDict, Field
from starlette.responses import JSONResponse, Response

from crm.common.v1 import paging_pb2
from crm.customers.v1 import customer_pool_service_pb2 as pb
from crm_chassis.errors import InvalidArgument
from crm_chassis.filtering import fields_of
from gateway.bodies import json_body, request_body_doc
from gateway.conditional import expected_version
from gateway.identity.masking import mask
from gateway.identity.policy import CUSTOMERS_CREATE, CUSTOMERS_VIEW
from gateway.identity.principal import Principal, require
from gateway.list_query import ListQuery, check_list_query
from gateway.openapi import problem_responses
from gateway.problems import ProblemError
from gateway.protojson import to_json
from gateway.representations.customers import CUSTOMER_FIELDS, Customer, customer_json
from gateway.route_kit import (
    ETAG_HEADER_DOC,
    ID_PATTERN,
    IDEMPOTENCY_PARAMETER,
    PRIVATE,
    idempotent,
    if_match_parameter,
    page_response,
    record_response,
    upstream_call,
)

router = APIRouter(tags=["customer pool"])

CUSTOMERS_EDIT = "customers:edit"
CUSTOMERS_TRANSFER = "customers:transfer"
# Pools, rules and running the pool jobs by hand.
CUSTOMERS_ADMIN = "customers:admin"
CustomerId = Annotated[str, Path(pattern=ID_PATTERN, description="Customer id")]
PoolId = Annotated[str, Path(pattern=ID_PATTERN, description="Pool id")]
_UPSTREAM_ERRORS = (429, 502, 503, 504)
# Shown masked in the pool until claimed (C14), and never filtered or sorted on there.
_CONTACT_DETAILS = ("phone", "phones", "email", "emails")
MAX_BATCH = 100


# ---------------------------------------------------------------- calling the service


_call = upstream_call("customers")


# ---------------------------------------------------------------- bodies and answers


class PoolCustomer(Customer):
    contact_details_masked: bool = Field(description="Phones and emails are masked until claimed")
    claimable_from: str | None = Field(default=None, description="When the customer becomes claimable")


class PoolCustomerPage(BaseModel):
    items: list[PoolCustomer]
    next_cursor: str | None


class PoolListQuery(ListQuery):
    pool_id: str | None = Field(default=None, pattern=ID_PATTERN, description="Only this pool")


class CustomerList(BaseModel):
    items: list[Customer]


class ClaimBatch(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    customer_ids: list[Annotated[str, Field(pattern=ID_PATTERN)]] = Field(min_length=1, max_length=MAX_BATCH)


class ReleaseBody(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    pool_id: str | None = Field(default=None, pattern=ID_PATTERN, description="The default pool when omitted")
    reason: str = Field(min_length=1, max_length=64, description="One of the pool's release reasons")


class AssignBody(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    owner_id: str = Field(pattern=ID_PATTERN, description="The new owner (within your data scope)")
    reason: str | None = Field(default=None, max_length=200, description="Audited; say why when assigning back")


class TransferBody(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    owner_id: str = Field(pattern=ID_PATTERN, description="The new owner")
    cascade: bool = Field(default=False, description="Also move the previous owner's opportunities, contracts, plans")
    reason: str | None = Field(default=None, max_length=200)
    keep_previous_owner_access: Literal["read", "edit"] | None = Field(
        default=None, description="The previous owner stays on as a collaborator with this access"
    )
    keep_previous_owner_days: int = Field(default=0, ge=0, le=365, description="Required with the access (1..365)")


class TransferAllBody(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    from_owner_id: str = Field(pattern=ID_PATTERN)
    to_owner_id: str = Field(pattern=ID_PATTERN)
    cascade: bool = False
    reason: str | None = Field(default=None, max_length=200)
    keep_previous_owner_access: Literal["read", "edit"] | None = Field(
        default=None, description="The previous owner stays on as a collaborator with this access"
    )
    keep_previous_owner_days: int = Field(default=0, ge=0, le=365, description="Required with the access (1..365)")


class TransferAllResult(BaseModel):
    customer_ids: list[str]


class JobRun(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    as_of: str | None = Field(
        default=None, max_length=40, description="Decide as of this moment (ISO 8601 with offset); now when omitted"
    )
    dry_run: bool = Field(default=False, description="Sweep only: decide and write nothing")
    confirm: bool = Field(default=False, description="Sweep only: act past the share guard")


class PoolRuleBody(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    no_follow_up_days: int = Field(default=30, ge=0, le=3650, description="0 = off")
    no_deal_days: int = Field(default=0, ge=0, le=3650, description="0 = off")
    remind_days: list[int] = Field(default_factory=lambda: [7, 3, 1], max_length=10)
    reclaim_cooldown_days: int = Field(default=7, ge=0, le=3650)
    claimable_after_days: int = Field(default=0, ge=0, le=3650)
    owned_cap: int = Field(default=0, ge=0, le=1_000_000, description="0 = no cap")
    daily_claim_limit: int = Field(default=0, ge=0, le=100_000, description="0 = no limit")
    exempt_levels: list[str] = Field(default_factory=list, max_length=10)


def _pool_customer_json(entry: pb.PoolCustomer, principal: Principal) -> dict[str, Any]:
    out = customer_json(entry.customer, principal)
    for name in _CONTACT_DETAILS:  # C14: masked until claimed, regardless of role
        value = out.get(name)
        if isinstance(value, list):
            out[name] = [mask(v) for v in value]
        elif isinstance(value, str):
            out[name] = mask(value)
    out["contact_details_masked"] = True
    out["claimable_from"] = to_json(entry).get("claimable_from")
    return out


def _timestamp(text: str | None) -> Timestamp | None:
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ProblemError(400, "request.as_of_invalid", "`as_of` must be an ISO 8601 date-time.") from None
    if moment.tzinfo is None:
        raise ProblemError(400, "request.as_of_timezone", "`as_of` needs a time zone offset (e.g. `Z`).")
    out = Timestamp()
    out.FromDatetime(moment)
    return out


def _customers(reply: Any, principal: Principal) -> JSONResponse:
    return JSONResponse({"items": [customer_json(c, principal) for c in reply.customers]}, headers=PRIVATE)


_BATCH_ERRORS = problem_responses(400, 401, 403, 404, 409, 413, 415, 422, *_UPSTREAM_ERRORS)
_POST_DOC = {"parameters": [IDEMPOTENCY_PARAMETER]}


# ---------------------------------------------------------------- the pool


@router.get(
    "/v1/customer-pool",
    summary="List the customers in your pools (phones and emails masked until claimed)",
    response_model=PoolCustomerPage,
    responses=problem_responses(400, 401, 403, 404, *_UPSTREAM_ERRORS),
)
async def list_pool(
    request: Request,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_VIEW))],
    query: Annotated[PoolListQuery, Query()],
) -> Response:
    check_list_query(principal, CUSTOMER_FIELDS, query)
    try:
        filtered, sorted_by = fields_of(query.filter or "", query.order_by or "")
    except InvalidArgument as exc:  # already refused by check_list_query; kept for safety
        raise ProblemError(400, exc.code, exc.message) from None
    hidden = sorted((filtered | sorted_by) & set(_CONTACT_DETAILS))
    if hidden:
        raise ProblemError(
            400,
            "filter.field_masked",
            f"{', '.join(hidden)} cannot be searched or sorted in the pool before a claim.",
            errors=[{"field": "filter", "location": "query", "message": "masked field", "type": "filter.field_masked"}],
        )
    message = pb.ListPoolCustomersRequest(
        page=paging_pb2.PageRequest(limit=query.limit, cursor=query.cursor or ""),
        pool_id=query.pool_id or "",
        filter=query.filter or "",
        order_by=query.order_by or "",
    )
    reply = await _call(request, principal, "ListPoolCustomers", message, field_location="query")
    return page_response([_pool_customer_json(c, principal) for c in reply.customers], reply.page.next_cursor)


@router.post(
    "/v1/customer-pool/claim",
    summary="Claim several pool customers at once (all or nothing)",
    response_model=CustomerList,
    responses=_BATCH_ERRORS,
    openapi_extra={**request_body_doc(ClaimBatch), **_POST_DOC},
)
async def claim_batch(
    request: Request,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_CREATE))],
    body: Annotated[ClaimBatch, Depends(json_body(ClaimBatch))],
) -> Response:
    message = pb.ClaimCustomersRequest(customer_ids=body.customer_ids)

    async def produce() -> Response:
        return _customers(await _call(request, principal, "ClaimCustomers", message), principal)

    return await idempotent(request, principal, produce)


@router.post(
    "/v1/customers/{customer_id}/claim",
    summary="Claim a pool customer",
    response_model=Customer,
    responses={
        200: {"description": "The customer, now yours", "headers": ETAG_HEADER_DOC},
        **problem_responses(400, 401, 403, 404, 409, 422, *_UPSTREAM_ERRORS),
    },
    openapi_extra=_POST_DOC,
)
async def claim_one(
    request: Request,
    customer_id: CustomerId,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_CREATE))],
) -> Response:
    message = pb.ClaimCustomersRequest(customer_ids=[customer_id])

    async def produce() -> Response:
        reply = await _call(request, principal, "ClaimCustomers", message)
        customer = reply.customers[0]
        return record_response(customer_json(customer, principal), customer.version)

    return await idempotent(request, principal, produce)


@router.post(
    "/v1/customers/{customer_id}/release",
    summary="Return a customer to a pool, with a reason from the pool's list",
    response_model=Customer,
    responses={
        200: {"description": "The customer, now in the pool", "headers": ETAG_HEADER_DOC},
        **problem_responses(400, 401, 403, 404, 409, 412, 413, 415, 422, *_UPSTREAM_ERRORS),
    },
    openapi_extra={**request_body_doc(ReleaseBody), "parameters": [if_match_parameter(required=False)]},
)
async def release(
    request: Request,
    customer_id: CustomerId,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_EDIT))],
    body: Annotated[ReleaseBody, Depends(json_body(ReleaseBody))],
) -> Response:
    version = expected_version(request.headers.get("if-match"), required=False)
    message = pb.ReleaseCustomerRequest(
        customer_id=customer_id, pool_id=body.pool_id or "", reason=body.reason, expected_version=version
    )
    reply = await _call(request, principal, "ReleaseCustomer", message, conditional=version > 0)
    return record_response(customer_json(reply.customer, principal), reply.customer.version)


@router.post(
    "/v1/customers/{customer_id}/assign",
    summary="Give a pool customer to a user in your scope (managers; not a claim)",
    response_model=Customer,
    responses={
        200: {"description": "The customer after the change", "headers": ETAG_HEADER_DOC},
        **problem_responses(400, 401, 403, 404, 409, 413, 415, 422, *_UPSTREAM_ERRORS),
    },
    openapi_extra={**request_body_doc(AssignBody), **_POST_DOC},
)
async def assign(
    request: Request,
    customer_id: CustomerId,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_TRANSFER))],
    body: Annotated[AssignBody, Depends(json_body(AssignBody))],
) -> Response:
    if not principal.may_see_owner(body.owner_id):
        raise ProblemError(403, "owner.out_of_scope", "You may assign only to users within your data scope.")
    message = pb.AssignCustomersRequest(customer_ids=[customer_id], owner_id=body.owner_id, reason=body.reason or "")

    async def produce() -> Response:
        customer = (await _call(request, principal, "AssignCustomers", message)).customers[0]
        return record_response(customer_json(customer, principal), customer.version)

    return await idempotent(request, principal, produce)


@router.post(
    "/v1/customers/{customer_id}/transfer",
    summary="Give a customer you may edit to another user (the target's cap applies)",
    response_model=Customer,
    responses={
        200: {"description": "The customer after the change", "headers": ETAG_HEADER_DOC},
        **problem_responses(400, 401, 403, 404, 409, 413, 415, 422, *_UPSTREAM_ERRORS),
    },
    openapi_extra={**request_body_doc(TransferBody), **_POST_DOC},
)
async def transfer(
    request: Request,
    customer_id: CustomerId,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_TRANSFER))],
    body: Annotated[TransferBody, Depends(json_body(TransferBody))],
) -> Response:
    message = pb.TransferCustomersRequest(
        customer_ids=[customer_id],
        owner_id=body.owner_id,
        cascade=body.cascade,
        reason=body.reason or "",
        keep_previous_owner_access=body.keep_previous_owner_access or "",
        keep_previous_owner_days=body.keep_previous_owner_days,
    )

    async def produce() -> Response:
        customer = (await _call(request, principal, "TransferCustomers", message)).customers[0]
        return record_response(customer_json(customer, principal), customer.version)

    return await idempotent(request, principal, produce)


@router.post(
    "/v1/customers/transfer-all",
    summary="Give every customer of one user to another (e.g. a rep leaves); all or nothing",
    response_model=TransferAllResult,
    responses=_BATCH_ERRORS,
    openapi_extra={**request_body_doc(TransferAllBody), **_POST_DOC},
)
async def transfer_all(
    request: Request,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_TRANSFER))],
    body: Annotated[TransferAllBody, Depends(json_body(TransferAllBody))],
) -> Response:
    if not principal.may_see_owner(body.from_owner_id):
        raise ProblemError(403, "owner.out_of_scope", "The user whose customers move must be within your data scope.")
    message = pb.TransferAllCustomersRequest(
        from_owner_id=body.from_owner_id,
        to_owner_id=body.to_owner_id,
        cascade=body.cascade,
        reason=body.reason or "",
        keep_previous_owner_access=body.keep_previous_owner_access or "",
        keep_previous_owner_days=body.keep_previous_owner_days,
    )

    async def produce() -> Response:
        reply = await _call(request, principal, "TransferAllCustomers", message)
        return JSONResponse({"customer_ids": list(reply.customer_ids)}, headers=PRIVATE)

    return await idempotent(request, principal, produce)


# ---------------------------------------------------------------- admin: pools, rules, jobs


@router.get(
    "/v1/customer-pool/pools",
    summary="The pools you belong to, with their current rule",
    responses=problem_responses(401, 403, *_UPSTREAM_ERRORS),
)
async def list_pools(request: Request, principal: Annotated[Principal, Depends(require(CUSTOMERS_VIEW))]) -> Response:
    reply = await _call(request, principal, "ListPools", pb.ListPoolsRequest())
    return JSONResponse({"items": [to_json(p) for p in reply.pools]}, headers=PRIVATE)


def _rule(pool_id: str, body: PoolRuleBody) -> pb.PoolRule:
    return pb.PoolRule(pool_id=pool_id, **body.model_dump())


@router.post(
    "/v1/customer-pool/pools/{pool_id}/rule:preview",
    summary="What a rule would do now: due at once, due within 7 days (nothing is written)",
    responses=problem_responses(400, 401, 403, 404, 413, 415, 422, *_UPSTREAM_ERRORS),
    openapi_extra=request_body_doc(PoolRuleBody),
)
async def preview_rule(
    request: Request,
    pool_id: PoolId,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_ADMIN))],
    body: Annotated[PoolRuleBody, Depends(json_body(PoolRuleBody))],
) -> Response:
    reply = await _call(request, principal, "PreviewPoolRule", pb.PreviewPoolRuleRequest(rule=_rule(pool_id, body)))
    return JSONResponse({"due_now": list(reply.due_now), "due_soon": list(reply.due_soon)}, headers=PRIVATE)


@router.post(
    "/v1/customer-pool/pools/{pool_id}/rule",
    summary="Save the next version of a pool's rule (customers it makes due get a grace period)",
    responses=problem_responses(400, 401, 403, 404, 409, 413, 415, 422, *_UPSTREAM_ERRORS),
    openapi_extra={**request_body_doc(PoolRuleBody), **_POST_DOC},
)
async def define_rule(
    request: Request,
    pool_id: PoolId,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_ADMIN))],
    body: Annotated[PoolRuleBody, Depends(json_body(PoolRuleBody))],
) -> Response:
    message = pb.DefinePoolRuleRequest(rule=_rule(pool_id, body))

    async def produce() -> Response:
        reply = await _call(request, principal, "DefinePoolRule", message)
        return JSONResponse(
            {
                "rule": to_json(reply.rule),
                "due_now": list(reply.due_now),
                "due_soon": list(reply.due_soon),
                "graced": reply.graced,
            },
            headers=PRIVATE,
        )

    return await idempotent(request, principal, produce)


@router.post(
    "/v1/customer-pool/sweep",
    summary="Run the recycle sweep now or as of a moment (dry run: decide, write nothing)",
    responses=problem_responses(400, 401, 403, 413, 415, 422, *_UPSTREAM_ERRORS),
    openapi_extra=request_body_doc(JobRun),
)
async def run_sweep(
    request: Request,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_ADMIN))],
    body: Annotated[JobRun, Depends(json_body(JobRun))],
) -> Response:
    message = pb.RunRecycleSweepRequest(as_of=_timestamp(body.as_of), dry_run=body.dry_run, confirm=body.confirm)
    reply = await _call(request, principal, "RunRecycleSweep", message)
    out = to_json(reply)
    out["customer_ids"] = list(reply.customer_ids)
    return JSONResponse(out, headers=PRIVATE)


@router.post(
    "/v1/customer-pool/reminders",
    summary="Send the due recycle warnings and follow-up reminders now or as of a moment (each once)",
    responses=problem_responses(400, 401, 403, 413, 415, 422, *_UPSTREAM_ERRORS),
    openapi_extra=request_body_doc(JobRun),
)
async def run_reminders(
    request: Request,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_ADMIN))],
    body: Annotated[JobRun, Depends(json_body(JobRun))],
) -> Response:
    reply = await _call(request, principal, "RunReminders", pb.RunRemindersRequest(as_of=_timestamp(body.as_of)))
    return JSONResponse(
        {"recycle_warnings": reply.recycle_warnings, "follow_ups_due": reply.follow_ups_due}, headers=PRIVATE
    )
