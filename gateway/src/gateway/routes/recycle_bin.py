"""`/v1/recycle-bin/customers`: deleted customers, restorable (`POST /v1/customers/{id}/restore`)
until the retention timer purges them."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from starlette.responses import Response

from crm.common.v1 import paging_pb2
from crm.customers.v1 import customers_service_pb2 as pb
from gateway.identity.principal import Principal, require
from gateway.list_query import ListQuery
from gateway.openapi import problem_responses
from gateway.problems import ProblemError
from gateway.representations.customers import CustomerPage, customer_json
from gateway.route_kit import page_response
from gateway.runtime import runtime_of

router = APIRouter(prefix="/v1/recycle-bin", tags=["customers"])

CUSTOMERS_DELETE = "customers:delete"


@router.get(
    "/customers",
    summary="Deleted customers you may see, most recently deleted first",
    response_model=CustomerPage,
    responses=problem_responses(400, 401, 403, 429, 502, 503, 504),
)
async def list_deleted_customers(
    request: Request,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_DELETE))],
    query: Annotated[ListQuery, Query()],
) -> Response:
    if query.filter or query.order_by:
        raise ProblemError(400, "request.invalid", "The recycle bin is listed newest first and takes no filter.")
    message = pb.ListDeletedCustomersRequest(page=paging_pb2.PageRequest(limit=query.limit, cursor=query.cursor or ""))
    reply = await runtime_of(request).upstreams.call(
        "customers", "ListDeletedCustomers", message, principal.caller(request), field_location="query"
    )
    return page_response([customer_json(c, principal) for c in reply.customers], reply.page.next_cursor)
