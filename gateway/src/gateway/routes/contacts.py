"""`/v1/customers/{id}/contacts`: the people at a customer. Contacts follow their customer's data
scope (the service checks it); their phones and emails are governed by the `contacts` field rules."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from google.protobuf import field_mask_pb2
from pydantic import BaseModel, ConfigDict, Field
from starlette.responses import Response

from crm.common.v1 import paging_pb2
from crm.customers.v1 import customers_service_pb2 as pb
from gateway.bodies import json_body, request_body_doc
from gateway.conditional import expected_version
from gateway.field_rules import CUSTOM
from gateway.identity.policy import CUSTOMERS_VIEW
from gateway.identity.principal import Principal, require
from gateway.list_query import ListQuery
from gateway.openapi import problem_responses
from gateway.problems import ProblemError
from gateway.representations.customers import CONTACT_FIELDS, ContactPage, contact_json, duplicate_json
from gateway.representations.customers import Contact as ContactModel
from gateway.route_kit import (
    ETAG_HEADER_DOC,
    ID_PATTERN,
    IDEMPOTENCY_PARAMETER,
    fill_patch,
    idempotent,
    if_match_parameter,
    page_response,
    record_response,
    to_struct,
    upstream_call,
    written_fields,
)

router = APIRouter(prefix="/v1/customers/{customer_id}/contacts", tags=["contacts"])

CUSTOMERS_EDIT = "customers:edit"
CustomerId = Annotated[str, Path(pattern=ID_PATTERN, description="Customer id")]
ContactId = Annotated[str, Path(pattern=ID_PATTERN, description="Contact id")]
_UPSTREAM_ERRORS = (429, 502, 503, 504)


class ContactFields(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    title: str | None = Field(default=None, max_length=100)
    phones: list[str] | None = Field(default=None, max_length=10)
    emails: list[str] | None = Field(default=None, max_length=10)
    primary: bool | None = Field(default=None, description="At most one primary contact per customer")
    custom_fields: dict[str, Any] | None = None


class ContactCreate(ContactFields):
    name: str = Field(max_length=200)


class ContactPatch(ContactFields):
    """Changed fields only; `null` clears a field."""

    name: str | None = Field(default=None, max_length=200)


class ContactSaved(ContactModel):
    warnings: list[dict[str, Any]] = Field(default_factory=list, description="Soft duplicates (saved anyway)")


_call = upstream_call("customers")


def _saved(reply: Any, principal: Principal) -> dict[str, Any]:
    out = contact_json(reply.contact, principal)
    out["warnings"] = [duplicate_json(w, principal) for w in reply.warnings]
    return out


async def _check_parent(request: Request, principal: Principal, customer_id: str, contact_id: str) -> None:
    """404 unless the contact belongs to the customer in the path (and the caller sees it)."""
    reply = await _call(
        request,
        principal,
        "ListContacts",
        pb.ListContactsRequest(customer_id=customer_id, page=paging_pb2.PageRequest(limit=200)),
    )
    if not any(c.id == contact_id for c in reply.contacts):
        raise ProblemError(404, "contact.not_found", f"No contact {contact_id!r} at customer {customer_id!r}.")


@router.get(
    "",
    summary="The contacts of a customer, primary first",
    response_model=ContactPage,
    responses=problem_responses(400, 401, 403, 404, *_UPSTREAM_ERRORS),
)
async def list_contacts(
    request: Request,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_VIEW))],
    customer_id: CustomerId,
    query: Annotated[ListQuery, Query()],
) -> Response:
    if query.filter or query.order_by:
        raise ProblemError(400, "request.invalid", "Contacts are listed primary first and take no filter.")
    message = pb.ListContactsRequest(
        customer_id=customer_id, page=paging_pb2.PageRequest(limit=query.limit, cursor=query.cursor or "")
    )
    reply = await _call(request, principal, "ListContacts", message, field_location="query")
    return page_response([contact_json(c, principal) for c in reply.contacts], reply.page.next_cursor)


@router.post(
    "",
    summary="Add a contact to a customer",
    status_code=201,
    response_model=ContactSaved,
    responses={
        201: {"description": "Created", "headers": ETAG_HEADER_DOC},
        **problem_responses(400, 401, 403, 404, 409, 413, 415, 422, *_UPSTREAM_ERRORS),
    },
    openapi_extra={**request_body_doc(ContactCreate), "parameters": [IDEMPOTENCY_PARAMETER]},
)
async def create_contact(
    request: Request,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_EDIT))],
    customer_id: CustomerId,
    body: Annotated[ContactCreate, Depends(json_body(ContactCreate))],
) -> Response:
    CONTACT_FIELDS.refuse_unwritable(principal, body.model_dump())
    fields = body.model_dump(exclude={CUSTOM}, exclude_none=True)
    message = pb.CreateContactRequest(customer_id=customer_id, **fields, custom=to_struct(body.custom_fields))

    async def produce() -> Response:
        reply = await _call(request, principal, "CreateContact", message)
        return record_response(
            _saved(reply, principal),
            reply.contact.version,
            status=201,
            Location=f"/v1/customers/{customer_id}/contacts/{reply.contact.id}",
        )

    return await idempotent(request, principal, produce)


@router.patch(
    "/{contact_id}",
    summary="Change a contact (send If-Match with the ETag you read)",
    response_model=ContactSaved,
    responses={
        200: {"description": "The contact after the change", "headers": ETAG_HEADER_DOC},
        **problem_responses(400, 401, 403, 404, 409, 412, 413, 415, 428, *_UPSTREAM_ERRORS),
    },
    openapi_extra={**request_body_doc(ContactPatch), "parameters": [if_match_parameter(required=True)]},
)
async def update_contact(
    request: Request,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_EDIT))],
    customer_id: CustomerId,
    contact_id: ContactId,
    body: Annotated[ContactPatch, Depends(json_body(ContactPatch))],
) -> Response:
    version = expected_version(request.headers.get("if-match"), required=True)
    CONTACT_FIELDS.refuse_unwritable(principal, written_fields(body))
    patch = pb.ContactPatch()
    paths = fill_patch(body, patch)
    await _check_parent(request, principal, customer_id, contact_id)
    message = pb.UpdateContactRequest(
        id=contact_id, expected_version=version, patch=patch, update_mask=field_mask_pb2.FieldMask(paths=paths)
    )
    reply = await _call(request, principal, "UpdateContact", message, conditional=version > 0)
    return record_response(_saved(reply, principal), reply.contact.version)


@router.delete(
    "/{contact_id}",
    summary="Delete a contact",
    status_code=204,
    response_class=Response,
    responses={204: {"description": "Deleted"}, **problem_responses(400, 401, 403, 404, 409, 412, *_UPSTREAM_ERRORS)},
    openapi_extra={"parameters": [if_match_parameter(required=False)]},
)
async def delete_contact(
    request: Request,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_EDIT))],
    customer_id: CustomerId,
    contact_id: ContactId,
) -> Response:
    version = expected_version(request.headers.get("if-match"), required=False)
    await _check_parent(request, principal, customer_id, contact_id)
    message = pb.DeleteContactRequest(id=contact_id, expected_version=version)
    await _call(request, principal, "DeleteContact", message, conditional=version > 0)
    return Response(status_code=204)
