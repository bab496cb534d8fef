"""`/v1/customers`: the customer file, served by the customers service.

Create, list (filter, sort, keyset pages), read, edit (`If-Match` required), delete to the recycle
bin, restore, lock/unlock, history, the duplicate check, merge and the audited reveal of a masked
field. Field permissions shape every answer (`gateway.representations.customers`); data scope is
enforced by the service from the identity metadata.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from google.protobuf import field_mask_pb2
from pydantic import BaseModel, ConfigDict, Field
from starlette.responses import JSONResponse, Response

from crm.common.v1 import paging_pb2
from crm.customers.v1 import customers_service_pb2 as pb
from gateway.bodies import json_body, request_body_doc
from gateway.conditional import etag_for, expected_version, if_none_match_hits
from gateway.field_rules import CUSTOM
from gateway.identity.policy import CUSTOMERS_CREATE, CUSTOMERS_REVEAL, CUSTOMERS_VIEW, FieldAccess
from gateway.identity.principal import Principal, require
from gateway.list_query import ListQuery, check_list_query
from gateway.openapi import problem_responses
from gateway.problems import ProblemError
from gateway.protojson import to_json
from gateway.representations.customers import (
    CONTACT_FIELDS,
    CUSTOMER_FIELDS,
    Customer,
    CustomerPage,
    CustomerSaved,
    DuplicateMatch,
    customer_json,
    duplicate_json,
)
from gateway.route_kit import (
    ETAG_HEADER_DOC,
    ID_PATTERN,
    IDEMPOTENCY_PARAMETER,
    PRIVATE,
    fill_patch,
    idempotent,
    if_match_parameter,
    page_response,
    record_response,
    to_struct,
    upstream_call,
    written_fields,
)
from gateway.runtime import runtime_of

router = APIRouter(prefix="/v1/customers", tags=["customers"])

CUSTOMERS_EDIT = "customers:edit"
CUSTOMERS_DELETE = "customers:delete"
CUSTOMERS_LOCK = "customers:lock"
CustomerId = Annotated[str, Path(pattern=ID_PATTERN, description="Customer id")]
_UPSTREAM_ERRORS = (429, 502, 503, 504)


class CustomerFields(BaseModel):
    """The writable fields of a customer (shape only; the service checks the business rules)."""

    model_config = ConfigDict(extra="forbid", strict=True)

    kind: Literal["company", "person"] | None = None
    classification: str | None = Field(default=None, max_length=32)
    status: str | None = Field(default=None, max_length=32)
    level: str | None = Field(default=None, max_length=1, description="`A`, `B`, `C` or empty")
    industry: str | None = Field(default=None, max_length=100)
    region: str | None = Field(default=None, max_length=100)
    source: str | None = Field(default=None, max_length=100)
    address: str | None = Field(default=None, max_length=500)
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    phones: list[str] | None = Field(default=None, max_length=10)
    emails: list[str] | None = Field(default=None, max_length=10)
    website: str | None = Field(default=None, max_length=300)
    tags: list[str] | None = Field(default=None, max_length=50)
    uscc: str | None = Field(default=None, max_length=18, description="Unified social credit code")
    custom_fields: dict[str, Any] | None = Field(default=None, description="Custom field values by key")


class CustomerCreate(CustomerFields):
    """A new customer."""

    name: str = Field(min_length=1, max_length=200, description="Customer (legal) name; must not be empty")
    owner_id: str | None = Field(default=None, pattern=ID_PATTERN, description="Owning user; the caller when omitted")
    phone: str | None = Field(default=None, max_length=40, description="Added first to `phones`")
    email: str | None = Field(default=None, max_length=254, description="Added first to `emails`")


class CustomerPatch(CustomerFields):
    """Changed fields only (JSON merge patch): a field left out stays, `null` clears it; in
    `custom_fields` each key given is set (or cleared with `null`)."""

    name: str | None = Field(default=None, max_length=200)


class CustomerListQuery(ListQuery):
    owner_id: str | None = Field(default=None, pattern=ID_PATTERN, description="Only this owner's customers")


class DuplicateCheck(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    kind: Literal["company", "person"] = "company"
    name: str = Field(default="", max_length=200)
    phones: list[str] = Field(default_factory=list, max_length=10)
    emails: list[str] = Field(default_factory=list, max_length=10)
    website: str = Field(default="", max_length=300)
    uscc: str = Field(default="", max_length=18)
    exclude_customer_id: str | None = Field(default=None, pattern=ID_PATTERN)


class DuplicateReport(BaseModel):
    conflicts: list[DuplicateMatch] = Field(description="Would refuse the save")
    warnings: list[DuplicateMatch] = Field(description="Only warn")


class MergeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    survivor_id: str = Field(pattern=ID_PATTERN)
    victim_id: str = Field(pattern=ID_PATTERN)
    survivor_version: int = Field(
        default=0, ge=0, le=2**63 - 1, description="The survivor version you read (0 = no check)"
    )
    victim_version: int = Field(default=0, ge=0, le=2**63 - 1, description="The victim version you read (0 = no check)")
    choices: dict[str, Literal["survivor", "victim", "both"]] = Field(
        default_factory=dict, description="Per field: whose value to keep; `both` unites phones, emails, tags"
    )


class HistoryEntry(BaseModel):
    id: str
    entity_type: str
    entity_id: str
    field: str
    old_value: str | None = Field(description="JSON text of the value before")
    new_value: str | None = Field(description="JSON text of the value after")
    actor_id: str | None
    changed_at: str | None
    reason: str | None
    change_id: str | None
    version: int


class HistoryPage(BaseModel):
    items: list[HistoryEntry]
    next_cursor: str | None


class RevealRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    field: Literal[CUSTOMER_FIELDS.governed] = Field(  # type: ignore[valid-type]
        description="The masked field to reveal, e.g. `phone`"
    )


class Revealed(BaseModel):
    id: str
    field: str
    value: Any


# ---------------------------------------------------------------- helpers


def _duplicate_problem(problem: ProblemError, principal: Principal) -> ProblemError:
    """The 409 `duplicate_customer` as far as the caller may see: the existing owner is named only
    when within the caller's scope (C25)."""
    details = dict(problem.details or {})
    owner = details.get("existing_owner_id")
    if owner and not principal.may_see_owner(owner):
        details["existing_owner_id"] = ""
        details["owner_hidden"] = "true"
    problem.details = details or None
    return problem


_customers_call = upstream_call("customers")


async def _call(request: Request, principal: Principal, method: str, message: Any, **kw: Any) -> Any:
    try:
        return await _customers_call(request, principal, method, message, **kw)
    except ProblemError as problem:
        if problem.code == "duplicate_customer":
            raise _duplicate_problem(problem, principal) from None
        raise


def _saved(reply: Any, principal: Principal) -> dict[str, Any]:
    out = customer_json(reply.customer, principal)
    out["warnings"] = [duplicate_json(w, principal) for w in reply.warnings]
    return out


# ---------------------------------------------------------------- routes


@router.post(
    "",
    summary="Create a customer (duplicates by name, USCC or a person's mobile are refused: 409)",
    status_code=201,
    response_model=CustomerSaved,
    responses={
        201: {
            "description": "Created; `warnings` lists soft duplicates (shared phone, email or web domain)",
            "headers": {
                **ETAG_HEADER_DOC,
                "Location": {"description": "URL of the new customer", "schema": {"type": "string"}},
                "Idempotency-Replayed": {
                    "description": "`true` when this is the stored answer to an earlier request",
                    "schema": {"type": "string"},
                },
            },
        },
        **problem_responses(400, 401, 403, 409, 413, 415, 422, *_UPSTREAM_ERRORS),
    },
    openapi_extra={**request_body_doc(CustomerCreate), "parameters": [IDEMPOTENCY_PARAMETER]},
)
async def create_customer(
    request: Request,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_CREATE))],
    body: Annotated[CustomerCreate, Depends(json_body(CustomerCreate))],
) -> Response:
    if body.owner_id and not principal.may_see_owner(body.owner_id):
        raise ProblemError(
            403,
            "customers.owner_out_of_scope",
            "You may not create customers for an owner outside your data scope.",
        )
    CUSTOMER_FIELDS.refuse_unwritable(principal, body.model_dump(exclude={"owner_id"}))
    fields = body.model_dump(exclude={CUSTOM}, exclude_none=True)
    message = pb.CreateCustomerRequest(**fields, custom=to_struct(body.custom_fields))

    async def produce() -> Response:
        reply = await _call(request, principal, "CreateCustomer", message)
        return record_response(
            _saved(reply, principal),
            reply.customer.version,
            status=201,
            Location=f"/v1/customers/{reply.customer.id}",
        )

    return await idempotent(request, principal, produce)


@router.get(
    "",
    summary="List the customers you may see (filter, sort, cursor pages)",
    response_model=CustomerPage,
    responses=problem_responses(400, 401, 403, *_UPSTREAM_ERRORS),
)
async def list_customers(
    request: Request,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_VIEW))],
    query: Annotated[CustomerListQuery, Query()],
) -> Response:
    check_list_query(principal, CUSTOMER_FIELDS, query)
    message = pb.ListCustomersRequest(
        page=paging_pb2.PageRequest(limit=query.limit, cursor=query.cursor or ""),
        owner_id=query.owner_id or "",
        filter=query.filter or "",
        order_by=query.order_by or "",
    )
    reply = await _call(request, principal, "ListCustomers", message, field_location="query")
    return page_response([customer_json(c, principal) for c in reply.customers], reply.page.next_cursor)


@router.post(
    "/duplicates:check",
    summary="Check a customer for duplicates before saving it (nothing is written)",
    response_model=DuplicateReport,
    responses=problem_responses(400, 401, 403, 413, 415, *_UPSTREAM_ERRORS),
    openapi_extra=request_body_doc(DuplicateCheck),
)
async def check_duplicates(
    request: Request,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_CREATE))],
    body: Annotated[DuplicateCheck, Depends(json_body(DuplicateCheck))],
) -> Response:
    message = pb.CheckDuplicatesRequest(
        **body.model_dump(exclude={"exclude_customer_id"}), exclude_customer_id=body.exclude_customer_id or ""
    )
    reply = await _call(request, principal, "CheckDuplicates", message)
    return JSONResponse(
        {
            "conflicts": [duplicate_json(m, principal) for m in reply.conflicts],
            "warnings": [duplicate_json(m, principal) for m in reply.warnings],
        },
        headers=PRIVATE,
    )


@router.post(
    "/merge",
    summary="Merge two customers field by field; contacts and activities move to the survivor",
    response_model=Customer,
    responses={
        200: {"description": "The survivor", "headers": ETAG_HEADER_DOC},
        **problem_responses(400, 401, 403, 404, 409, 412, 413, 415, 422, *_UPSTREAM_ERRORS),
    },
    openapi_extra={**request_body_doc(MergeRequest), "parameters": [IDEMPOTENCY_PARAMETER]},
)
async def merge_customers(
    request: Request,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_EDIT))],
    body: Annotated[MergeRequest, Depends(json_body(MergeRequest))],
) -> Response:
    if not principal.allows(CUSTOMERS_DELETE):
        raise ProblemError(403, "permission.denied", f"Merging also needs the permission {CUSTOMERS_DELETE!r}.")
    message = pb.MergeCustomersRequest(**body.model_dump())
    conditional = bool(body.survivor_version or body.victim_version)

    async def produce() -> Response:
        reply = await _call(request, principal, "MergeCustomers", message, conditional=conditional)
        return record_response(customer_json(reply.survivor, principal), reply.survivor.version)

    return await idempotent(request, principal, produce)


@router.get(
    "/{customer_id}",
    summary="Get one customer",
    response_model=Customer,
    responses={
        200: {"description": "The customer", "headers": ETAG_HEADER_DOC},
        304: {"description": "Not modified (`If-None-Match` matches the current ETag)"},
        **problem_responses(400, 401, 403, 404, *_UPSTREAM_ERRORS),
    },
)
async def get_customer(
    request: Request,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_VIEW))],
    customer_id: CustomerId,
) -> Response:
    reply = await _call(request, principal, "GetCustomer", pb.GetCustomerRequest(id=customer_id))
    tag = etag_for(reply.customer.version)
    if if_none_match_hits(request.headers.get("if-none-match"), tag):
        return Response(status_code=304, headers={"ETag": tag, **PRIVATE})
    return record_response(customer_json(reply.customer, principal), reply.customer.version)


@router.patch(
    "/{customer_id}",
    summary="Change a customer (send If-Match with the ETag you read)",
    response_model=CustomerSaved,
    responses={
        200: {"description": "The customer after the change", "headers": ETAG_HEADER_DOC},
        **problem_responses(400, 401, 403, 404, 409, 412, 413, 415, 428, *_UPSTREAM_ERRORS),
    },
    openapi_extra={**request_body_doc(CustomerPatch), "parameters": [if_match_parameter(required=True)]},
)
async def update_customer(
    request: Request,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_EDIT))],
    customer_id: CustomerId,
    body: Annotated[CustomerPatch, Depends(json_body(CustomerPatch))],
) -> Response:
    version = expected_version(request.headers.get("if-match"), required=True)
    CUSTOMER_FIELDS.refuse_unwritable(principal, written_fields(body))
    patch = pb.CustomerPatch()
    paths = fill_patch(body, patch)
    message = pb.UpdateCustomerRequest(
        id=customer_id,
        expected_version=version,
        patch=patch,
        update_mask=field_mask_pb2.FieldMask(paths=paths),
    )
    reply = await _call(request, principal, "UpdateCustomer", message, conditional=version > 0)
    return record_response(_saved(reply, principal), reply.customer.version)


@router.delete(
    "/{customer_id}",
    summary="Move a customer (with its contacts and activities) to the recycle bin",
    status_code=204,
    response_class=Response,
    responses={
        204: {"description": "Deleted (restorable from the recycle bin)"},
        **problem_responses(400, 401, 403, 404, 409, 412, *_UPSTREAM_ERRORS),
    },
    openapi_extra={"parameters": [if_match_parameter(required=False)]},
)
async def delete_customer(
    request: Request,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_DELETE))],
    customer_id: CustomerId,
) -> Response:
    version = expected_version(request.headers.get("if-match"), required=False)
    message = pb.DeleteCustomerRequest(id=customer_id, expected_version=version)
    await _call(request, principal, "DeleteCustomer", message, conditional=version > 0)
    return Response(status_code=204)


def _action_route(path: str, summary: str, permission: str, method: str, message_type: Any, versioned: bool) -> None:
    """`POST /v1/customers/{id}/<path>`: one state change answering the customer."""
    extra: dict[str, Any] = {"parameters": [if_match_parameter(required=False)]} if versioned else {}

    # The dependency is a default value: an Annotated[...] naming the local `permission` could not
    # be resolved later from this module's string annotations.
    async def action(
        request: Request,
        customer_id: CustomerId,
        principal: Principal = Depends(require(permission)),
    ) -> Response:
        fields: dict[str, Any] = {"id": customer_id}
        version = 0
        if versioned:
            version = expected_version(request.headers.get("if-match"), required=False)
            fields["expected_version"] = version
        reply = await _call(request, principal, method, message_type(**fields), conditional=version > 0)
        return record_response(customer_json(reply.customer, principal), reply.customer.version)

    action.__name__ = f"{path}_customer"
    router.add_api_route(
        f"/{{customer_id}}/{path}",
        action,
        methods=["POST"],
        summary=summary,
        response_model=Customer,
        responses={
            200: {"description": "The customer after the change", "headers": ETAG_HEADER_DOC},
            **problem_responses(400, 401, 403, 404, 409, 412, *_UPSTREAM_ERRORS),
        },
        openapi_extra=extra or None,
    )


_action_route("lock", "Lock a customer: read-only until unlocked", CUSTOMERS_LOCK, "LockCustomer",
              pb.LockCustomerRequest, versioned=True)  # fmt: skip
_action_route("unlock", "Unlock a customer", CUSTOMERS_LOCK, "UnlockCustomer", pb.UnlockCustomerRequest, versioned=True)
_action_route("restore", "Restore a customer from the recycle bin with its contacts and activities",
              CUSTOMERS_DELETE, "RestoreCustomer", pb.RestoreCustomerRequest, versioned=False)  # fmt: skip


@router.get(
    "/{customer_id}/history",
    summary="Every recorded change of a customer and its contacts and activities, newest first",
    response_model=HistoryPage,
    responses=problem_responses(400, 401, 403, 404, *_UPSTREAM_ERRORS),
)
async def customer_history(
    request: Request,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_VIEW))],
    customer_id: CustomerId,
    query: Annotated[ListQuery, Query()],
) -> Response:
    if query.filter or query.order_by:
        raise ProblemError(400, "request.invalid", "History is always newest first and takes no filter.")
    message = pb.GetCustomerHistoryRequest(
        customer_id=customer_id, page=paging_pb2.PageRequest(limit=query.limit, cursor=query.cursor or "")
    )
    reply = await _call(request, principal, "GetCustomerHistory", message, field_location="query")
    items = [_history_json(e, principal) for e in reply.entries]
    return page_response(items, reply.page.next_cursor)


_HISTORY_RESOURCES = {"customer": CUSTOMER_FIELDS, "contact": CONTACT_FIELDS}


def _history_json(entry: pb.HistoryEntry, principal: Principal) -> dict[str, Any]:
    """A history entry; values of a field hidden from the caller are left out, masked ones masked."""
    out = to_json(entry)
    fields = _HISTORY_RESOURCES.get(entry.entity_type)
    access = fields.access(principal, entry.field) if fields else FieldAccess.EDITABLE
    if access is FieldAccess.HIDDEN:
        out["old_value"] = out["new_value"] = None
    elif access is FieldAccess.MASKED:
        out["old_value"] = "***" if out["old_value"] else None
        out["new_value"] = "***" if out["new_value"] else None
    return out


@router.post(
    "/{customer_id}/reveal",
    summary="Reveal the full value of a masked field (audited)",
    response_model=Revealed,
    responses=problem_responses(400, 401, 403, 404, 413, 415, *_UPSTREAM_ERRORS),
    openapi_extra=request_body_doc(RevealRequest),
)
async def reveal_field(
    request: Request,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_REVEAL))],
    customer_id: CustomerId,
    body: Annotated[RevealRequest, Depends(json_body(RevealRequest))],
) -> Response:
    if CUSTOMER_FIELDS.access(principal, body.field) is FieldAccess.HIDDEN:
        raise ProblemError(403, "field.hidden", f"The field {body.field!r} is hidden from your roles.")
    rt = runtime_of(request)
    viewer = principal.with_permission(CUSTOMERS_VIEW)
    reply = await _call(request, viewer, "GetCustomer", pb.GetCustomerRequest(id=customer_id))
    value = customer_json(reply.customer).get(body.field)
    await rt.audit_event(principal.user_id, "customer.field_revealed", "customer", customer_id, {"field": body.field})
    return JSONResponse({"id": customer_id, "field": body.field, "value": value}, headers={"Cache-Control": "no-store"})
