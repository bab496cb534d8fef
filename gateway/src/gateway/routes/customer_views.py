"""Saved customer list views and previous/next navigation, served by the customers service
(`crm.customers.v1.CustomerViewsService`).

- `GET /v1/customer-views`: the caller's views and the views others shared.
- `POST /v1/customer-views`: save a view (filter, order_by, columns, shared); the filter and sort
  are checked like `GET /v1/customers` (language, field permissions here; whitelist in the service).
- `GET|PATCH|DELETE /v1/customer-views/{id}`: PATCH (a JSON merge patch) needs `If-Match`.
- `GET /v1/customers/{id}/neighbors?view=<id>` (or `filter`/`order_by`): the previous and next
  customer in that list, within the caller's data scope.

Permission: `customers:view` for all of them.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from starlette.responses import JSONResponse, Response

from crm.customers.v1 import customer_views_service_pb2 as pb
from gateway.bodies import json_body, request_body_doc
from gateway.conditional import expected_version
from gateway.identity.policy import CUSTOMERS_VIEW
from gateway.identity.principal import Principal, require
from gateway.list_query import FILTER_DOC, ORDER_BY_DOC, ListQuery, check_list_query
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

router = APIRouter(tags=["customers"])

ViewId = Annotated[str, Path(pattern=ID_PATTERN, description="View id")]
CustomerId = Annotated[str, Path(pattern=ID_PATTERN, description="Customer id")]
_UPSTREAM_ERRORS = (429, 502, 503, 504)


_call = upstream_call("customers")


async def view_list_query(request: Request, principal: Principal, view_id: str) -> tuple[str, str]:
    """(filter, order_by) of a view the caller may see, checked against the caller's field
    permissions now (a view saved by someone else may read fields hidden from this caller)."""
    reply = await _call(
        request, principal, "GetCustomerView", pb.GetCustomerViewRequest(id=view_id), field_location="query"
    )
    check_list_query(
        principal, CUSTOMER_FIELDS, ListQuery(filter=reply.view.filter or None, order_by=reply.view.order_by or None)
    )
    return reply.view.filter, reply.view.order_by


# ---------------------------------------------------------------- bodies and answers


class CustomerView(BaseModel):
    id: str
    owner_id: str
    name: str
    filter: str
    order_by: str
    columns: list[str]
    shared: bool
    version: int
    created_at: str | None = None
    updated_at: str | None = None


class CustomerViewPage(BaseModel):
    items: list[CustomerView]
    next_cursor: str | None


class NewCustomerView(BaseModel):
    """A view to save; `filter`/`order_by` use the language of `GET /v1/customers`."""

    model_config = ConfigDict(extra="forbid", strict=True)

    name: str = Field(min_length=1, max_length=100)
    filter: str = Field(default="", max_length=2000, description=FILTER_DOC)
    order_by: str = Field(default="", max_length=200, description=ORDER_BY_DOC)
    columns: list[str] = Field(default_factory=list, max_length=50, description="Columns to show, in order")
    shared: bool = Field(default=False, description="Visible (read-only) to every user")


class CustomerViewPatch(BaseModel):
    """A JSON merge patch of a view: absent fields stay as they are."""

    model_config = ConfigDict(extra="forbid", strict=True)

    name: str | None = Field(default=None, min_length=1, max_length=100)
    filter: str | None = Field(default=None, max_length=2000, description=FILTER_DOC)
    order_by: str | None = Field(default=None, max_length=200, description=ORDER_BY_DOC)
    columns: list[str] | None = Field(default=None, max_length=50)
    shared: bool | None = None


class Neighbours(BaseModel):
    previous: Customer | None
    next: Customer | None


class NeighboursQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    view: str | None = Field(default=None, pattern=ID_PATTERN, description="A saved view's id")
    filter: str | None = Field(default=None, max_length=2000, description=FILTER_DOC)
    order_by: str | None = Field(default=None, max_length=200, description=ORDER_BY_DOC)


def _view_json(view: pb.CustomerView) -> dict[str, Any]:
    out = to_json(view)
    out["columns"] = list(view.columns)
    out["shared"] = view.shared
    out["version"] = int(view.version)
    for name in ("filter", "order_by"):
        out[name] = getattr(view, name)
    return out


# ---------------------------------------------------------------- routes


@router.get(
    "/v1/customer-views",
    summary="Your saved customer views and the ones others shared",
    response_model=CustomerViewPage,
    responses=problem_responses(401, 403, *_UPSTREAM_ERRORS),
)
async def list_views(request: Request, principal: Annotated[Principal, Depends(require(CUSTOMERS_VIEW))]) -> Response:
    reply = await _call(request, principal, "ListCustomerViews", pb.ListCustomerViewsRequest())
    return page_response([_view_json(v) for v in reply.views], "")


@router.post(
    "/v1/customer-views",
    summary="Save a customer view (filter and sort checked like the customer list)",
    status_code=201,
    response_model=CustomerView,
    responses={
        201: {"description": "The saved view", "headers": ETAG_HEADER_DOC},
        **problem_responses(400, 401, 403, 409, 413, 415, 422, *_UPSTREAM_ERRORS),
    },
    openapi_extra={**request_body_doc(NewCustomerView), "parameters": [IDEMPOTENCY_PARAMETER]},
)
async def create_view(
    request: Request,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_VIEW))],
    body: Annotated[NewCustomerView, Depends(json_body(NewCustomerView))],
) -> Response:
    check_list_query(principal, CUSTOMER_FIELDS, ListQuery(filter=body.filter or None, order_by=body.order_by or None))

    async def produce() -> Response:
        message = pb.CreateCustomerViewRequest(
            name=body.name, filter=body.filter, order_by=body.order_by, columns=body.columns, shared=body.shared
        )
        reply = await _call(request, principal, "CreateCustomerView", message)
        return record_response(
            _view_json(reply.view), reply.view.version, status=201, Location=f"/v1/customer-views/{reply.view.id}"
        )

    return await idempotent(request, principal, produce)


@router.get(
    "/v1/customer-views/{view_id}",
    summary="One view (yours or shared)",
    response_model=CustomerView,
    responses={200: {"headers": ETAG_HEADER_DOC}, **problem_responses(400, 401, 403, 404, *_UPSTREAM_ERRORS)},
)
async def get_view(
    request: Request, principal: Annotated[Principal, Depends(require(CUSTOMERS_VIEW))], view_id: ViewId
) -> Response:
    reply = await _call(request, principal, "GetCustomerView", pb.GetCustomerViewRequest(id=view_id))
    return record_response(_view_json(reply.view), reply.view.version)


@router.patch(
    "/v1/customer-views/{view_id}",
    summary="Change one of your views (send If-Match with the ETag you read)",
    response_model=CustomerView,
    responses={
        200: {"description": "The view after the change", "headers": ETAG_HEADER_DOC},
        **problem_responses(400, 401, 403, 404, 409, 412, 413, 415, 428, *_UPSTREAM_ERRORS),
    },
    openapi_extra={**request_body_doc(CustomerViewPatch), "parameters": [if_match_parameter(required=True)]},
)
async def update_view(
    request: Request,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_VIEW))],
    view_id: ViewId,
    body: Annotated[CustomerViewPatch, Depends(json_body(CustomerViewPatch))],
) -> Response:
    version = expected_version(request.headers.get("if-match"), required=True)
    if not body.model_fields_set:
        raise ProblemError(400, "request.empty_patch", "Name at least one field to change.")
    current = (await _call(request, principal, "GetCustomerView", pb.GetCustomerViewRequest(id=view_id))).view
    merged = {
        "name": current.name,
        "filter": current.filter,
        "order_by": current.order_by,
        "columns": list(current.columns),
        "shared": current.shared,
    }
    for name in body.model_fields_set:
        value = getattr(body, name)
        if value is None and name in ("name", "shared"):
            raise ProblemError(400, "request.invalid", f"{name} cannot be cleared.")
        merged[name] = value if value is not None else ([] if name == "columns" else "")
    check_list_query(
        principal, CUSTOMER_FIELDS, ListQuery(filter=merged["filter"] or None, order_by=merged["order_by"] or None)
    )
    message = pb.UpdateCustomerViewRequest(id=view_id, expected_version=version, **merged)
    reply = await _call(request, principal, "UpdateCustomerView", message, conditional=version > 0)
    return record_response(_view_json(reply.view), reply.view.version)


@router.delete(
    "/v1/customer-views/{view_id}",
    summary="Delete one of your views",
    status_code=204,
    response_class=Response,
    responses={204: {"description": "Deleted"}, **problem_responses(400, 401, 403, 404, 409, 412, *_UPSTREAM_ERRORS)},
    openapi_extra={"parameters": [if_match_parameter(required=False)]},
)
async def delete_view(
    request: Request, principal: Annotated[Principal, Depends(require(CUSTOMERS_VIEW))], view_id: ViewId
) -> Response:
    version = expected_version(request.headers.get("if-match"), required=False)
    message = pb.DeleteCustomerViewRequest(id=view_id, expected_version=version)
    await _call(request, principal, "DeleteCustomerView", message, conditional=version > 0)
    return Response(status_code=204)


@router.get(
    "/v1/customers/{customer_id}/neighbors",
    summary="The previous and next customer in a view's (or the given) filter and sort",
    response_model=Neighbours,
    responses=problem_responses(400, 401, 403, 404, *_UPSTREAM_ERRORS),
)
async def neighbours(
    request: Request,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_VIEW))],
    customer_id: CustomerId,
    query: Annotated[NeighboursQuery, Query()],
) -> Response:
    if query.view and (query.filter or query.order_by):
        raise ProblemError(
            400,
            "neighbours.ambiguous",
            "Give either view or filter/order_by, not both.",
            errors=[{"field": "view", "location": "query", "message": "not with filter/order_by", "type": "ambiguous"}],
        )
    if query.view:
        filter_text, order_by = await view_list_query(request, principal, query.view)
    else:
        check_list_query(principal, CUSTOMER_FIELDS, ListQuery(filter=query.filter, order_by=query.order_by))
        filter_text, order_by = query.filter or "", query.order_by or ""
    message = pb.GetCustomerNeighboursRequest(customer_id=customer_id, filter=filter_text, order_by=order_by)
    reply = await _call(request, principal, "GetCustomerNeighbours", message, field_location="query")
    return JSONResponse(
        {
            "previous": customer_json(reply.previous, principal) if reply.HasField("previous") else None,
            "next": customer_json(reply.next, principal) if reply.HasField("next") else None,
        },
        headers=PRIVATE,
    )
