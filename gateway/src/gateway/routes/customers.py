"""`/v1/customers`: the customer file, served by the customers service."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from starlette.responses import JSONResponse, Response

from crm.common.v1 import paging_pb2
from crm.customers.v1 import customers_service_pb2 as pb
from gateway.bodies import json_body, request_body_doc
from gateway.conditional import etag_for, if_none_match_hits
from gateway.idempotency import run_idempotent
from gateway.identity.masking import mask
from gateway.identity.policy import CUSTOMERS_CREATE, CUSTOMERS_REVEAL, CUSTOMERS_VIEW, FieldAccess
from gateway.identity.principal import Principal, require
from gateway.openapi import problem_responses
from gateway.problems import ProblemError
from gateway.protojson import optional_text, timestamp_text
from gateway.runtime import runtime_of

router = APIRouter(prefix="/v1/customers", tags=["customers"])

ID_PATTERN = r"^[A-Za-z0-9_-]{1,128}$"
_PRIVATE = {"Cache-Control": "private, no-cache"}
_ETAG_DOC = {"ETag": {"description": 'The record version, e.g. `"3"`', "schema": {"type": "string"}}}


class CustomerCreate(BaseModel):
    """A new customer. Business rules (required name, allowed levels...) are the service's."""

    model_config = ConfigDict(extra="forbid", strict=True)

    name: str = Field(description="Customer name (must not be empty)")
    owner_id: str | None = Field(default=None, pattern=ID_PATTERN, description="Owning user; the caller when omitted")
    level: str | None = Field(default=None, description="`A`, `B`, `C` or empty")
    industry: str | None = None
    phone: str | None = None
    email: str | None = None


RESOURCE = "customers"
# Fields subject to field permissions (id, owner, version and timestamps are always shown).
GOVERNED_FIELDS = ("name", "level", "industry", "phone", "email")


class Customer(BaseModel):
    """A customer as the caller may see it: a field hidden by the caller's roles is left out, a
    masked one (e.g. `138****1234`) can be revealed with `POST /v1/customers/{id}/reveal`."""

    id: str
    name: str | None = None
    owner_id: str
    level: str | None = None
    industry: str | None = None
    phone: str | None = None
    email: str | None = None
    version: int = Field(description="Increases by one on every change; also the ETag")
    created_at: str | None = Field(description="ISO-8601 UTC")
    updated_at: str | None = Field(description="ISO-8601 UTC")
    created_by: str | None


class CustomerPage(BaseModel):
    items: list[Customer]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null on the last page")


class CustomerListQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    limit: int = Field(default=50, ge=1, le=200, description="Page size, 1..200")
    cursor: str | None = Field(default=None, min_length=1, max_length=1024, description="From `next_cursor`")
    owner_id: str | None = Field(default=None, pattern=ID_PATTERN, description="Only this owner's customers")


class RevealRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    field: str = Field(pattern=r"^[a-z_]{1,64}$", description="The masked field to reveal, e.g. `phone`")


class Revealed(BaseModel):
    id: str
    field: str
    value: str | None


def customer_json(customer: pb.Customer, principal: Principal | None = None) -> dict[str, Any]:
    """The customer as `principal` may see it (hidden fields left out, masked ones masked);
    without a principal, every field in full."""
    out = _customer_fields(customer)
    if principal is None:
        return out
    for name in GOVERNED_FIELDS:
        access = principal.field_access(RESOURCE, name)
        if access is FieldAccess.HIDDEN:
            out.pop(name, None)
        elif access is FieldAccess.MASKED:
            out[name] = mask(out[name])
    return out


def refuse_unwritable_fields(principal: Principal, values: dict[str, Any]) -> None:
    """403 `field.not_editable` naming every field in `values` the caller may not write."""
    refused = [
        name
        for name, value in values.items()
        if value is not None
        and name in GOVERNED_FIELDS
        and principal.field_access(RESOURCE, name) < FieldAccess.EDITABLE
    ]
    if refused:
        raise ProblemError(
            403,
            "field.not_editable",
            f"You may not set {', '.join(refused)} on customers.",
            errors=[
                {"field": f, "location": "body", "message": "not editable for your roles", "type": "field.not_editable"}
                for f in refused
            ],
        )


def _customer_fields(customer: pb.Customer) -> dict[str, Any]:
    return {
        "id": customer.id,
        "name": customer.name,
        "owner_id": customer.owner_id,
        "level": optional_text(customer.level),
        "industry": optional_text(customer.industry),
        "phone": optional_text(customer.phone),
        "email": optional_text(customer.email),
        "version": int(customer.version),
        "created_at": timestamp_text(customer, "created_at"),
        "updated_at": timestamp_text(customer, "updated_at"),
        "created_by": optional_text(customer.created_by),
    }


@router.post(
    "",
    summary="Create a customer",
    status_code=201,
    response_model=Customer,
    responses={
        201: {
            "description": "Created",
            "headers": {
                **_ETAG_DOC,
                "Location": {"description": "URL of the new customer", "schema": {"type": "string"}},
                "Idempotency-Replayed": {
                    "description": "`true` when this is the stored answer to an earlier request",
                    "schema": {"type": "string"},
                },
            },
        },
        **problem_responses(400, 401, 403, 409, 413, 415, 422, 429, 502, 503, 504),
    },
    openapi_extra={
        **request_body_doc(CustomerCreate),
        "parameters": [
            {
                "name": "Idempotency-Key",
                "in": "header",
                "required": False,
                "schema": {"type": "string", "maxLength": 255},
                "description": "Repeat a POST safely: the same key and body answer the first response again "
                "(24 h); the same key with another body is a 422.",
            }
        ],
    },
)
async def create_customer(
    request: Request,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_CREATE))],
    body: Annotated[CustomerCreate, Depends(json_body(CustomerCreate))],
) -> Response:
    rt = runtime_of(request)
    if body.owner_id and not principal.may_see_owner(body.owner_id):
        raise ProblemError(
            403,
            "customers.owner_out_of_scope",
            "You may not create customers for an owner outside your data scope.",
        )
    refuse_unwritable_fields(principal, body.model_dump(exclude={"owner_id"}))
    message = pb.CreateCustomerRequest(
        name=body.name,
        owner_id=body.owner_id or "",
        level=body.level or "",
        industry=body.industry or "",
        phone=body.phone or "",
        email=body.email or "",
    )

    async def produce() -> Response:
        reply = await rt.upstreams.call("customers", "CreateCustomer", message, principal.caller(request))
        customer = reply.customer
        return JSONResponse(
            customer_json(customer, principal),
            status_code=201,
            headers={
                "ETag": etag_for(customer.version),
                "Location": f"/v1/customers/{customer.id}",
                **_PRIVATE,
            },
        )

    return await run_idempotent(request, rt.idempotency, principal.user_id, request.state.json_body, produce)


@router.get(
    "/{customer_id}",
    summary="Get one customer",
    response_model=Customer,
    responses={
        200: {"description": "The customer", "headers": _ETAG_DOC},
        304: {"description": "Not modified (`If-None-Match` matches the current ETag)"},
        **problem_responses(400, 401, 403, 404, 429, 502, 503, 504),
    },
)
async def get_customer(
    request: Request,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_VIEW))],
    customer_id: Annotated[str, Path(pattern=ID_PATTERN, description="Customer id")],
) -> Response:
    rt = runtime_of(request)
    reply = await rt.upstreams.call(
        "customers", "GetCustomer", pb.GetCustomerRequest(id=customer_id), principal.caller(request)
    )
    tag = etag_for(reply.customer.version)
    if if_none_match_hits(request.headers.get("if-none-match"), tag):
        return Response(status_code=304, headers={"ETag": tag, **_PRIVATE})
    return JSONResponse(customer_json(reply.customer, principal), headers={"ETag": tag, **_PRIVATE})


@router.get(
    "",
    summary="List the customers you may see, newest first",
    response_model=CustomerPage,
    responses=problem_responses(400, 401, 403, 429, 502, 503, 504),
)
async def list_customers(
    request: Request,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_VIEW))],
    query: Annotated[CustomerListQuery, Query()],
) -> Response:
    rt = runtime_of(request)
    message = pb.ListCustomersRequest(
        page=paging_pb2.PageRequest(limit=query.limit, cursor=query.cursor or ""),
        owner_id=query.owner_id or "",
    )
    reply = await rt.upstreams.call(
        "customers", "ListCustomers", message, principal.caller(request), field_location="query"
    )
    return JSONResponse(
        {
            "items": [customer_json(c, principal) for c in reply.customers],
            "next_cursor": optional_text(reply.page.next_cursor),
        },
        headers=_PRIVATE,
    )


@router.post(
    "/{customer_id}/reveal",
    summary="Reveal the full value of a masked field (audited)",
    response_model=Revealed,
    responses=problem_responses(400, 401, 403, 404, 413, 415, 429, 502, 503, 504),
    openapi_extra=request_body_doc(RevealRequest),
)
async def reveal_field(
    request: Request,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_REVEAL))],
    customer_id: Annotated[str, Path(pattern=ID_PATTERN, description="Customer id")],
    body: Annotated[RevealRequest, Depends(json_body(RevealRequest))],
) -> Response:
    if body.field not in GOVERNED_FIELDS:
        raise ProblemError(
            400,
            "request.invalid",
            f"{body.field!r} is not a customer field that can be revealed.",
            errors=[{"field": "field", "location": "body", "message": "unknown field", "type": "enum"}],
        )
    if principal.field_access(RESOURCE, body.field) is FieldAccess.HIDDEN:
        raise ProblemError(403, "field.hidden", f"The field {body.field!r} is hidden from your roles.")
    rt = runtime_of(request)
    reply = await rt.upstreams.call(
        "customers",
        "GetCustomer",
        pb.GetCustomerRequest(id=customer_id),
        principal.with_permission(CUSTOMERS_VIEW).caller(request),
    )
    value = _customer_fields(reply.customer)[body.field]
    await rt.audit_event(principal.user_id, "customer.field_revealed", "customer", customer_id, {"field": body.field})
    return JSONResponse({"id": customer_id, "field": body.field, "value": value}, headers={"Cache-Control": "no-store"})
