"""`/v1/exports/...`: bulk downloads. Export is its own permission (`<module>:export`), rows
follow the caller's data scope, fields their field permissions, and every export is audited
(actor, filter, row count)."""

from __future__ import annotations

import csv
import io
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from starlette.responses import Response

from crm.common.v1 import paging_pb2
from crm.customers.v1 import customers_service_pb2 as pb
from gateway.identity.policy import FieldAccess
from gateway.identity.principal import Principal, require
from gateway.list_query import FILTER_DOC, ORDER_BY_DOC, ListQuery, check_list_query
from gateway.openapi import problem_responses
from gateway.problems import ProblemError
from gateway.representations.customers import CUSTOMER_FIELDS, customer_json
from gateway.route_kit import ID_PATTERN
from gateway.routes.customer_views import view_list_query
from gateway.runtime import runtime_of

router = APIRouter(prefix="/v1/exports", tags=["customers"])

CUSTOMERS_EXPORT = "customers:export"
MAX_ROWS = 10_000
_PAGE = 200
COLUMNS = (
    "id",
    "name",
    "kind",
    "classification",
    "status",
    "owner_id",
    "level",
    "industry",
    "region",
    "source",
    "address",
    "phones",
    "emails",
    "website",
    "tags",
    "uscc",
    "last_follow_up_at",
    "deal_at",
    "created_at",
    "updated_at",
    "created_by",
)
# A cell starting with one of these is a formula to a spreadsheet; it is prefixed with a quote.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ExportQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    owner_id: str | None = Field(default=None, pattern=ID_PATTERN, description="Only this owner's customers")
    filter: str | None = Field(default=None, max_length=2000, description=FILTER_DOC)
    order_by: str | None = Field(default=None, max_length=200, description=ORDER_BY_DOC)
    view: str | None = Field(
        default=None, pattern=ID_PATTERN, description="A saved view (`/v1/customer-views`): its filter and sort"
    )


def _cell(value: object) -> str:
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


@router.get(
    "/customers",
    summary=f"Download the customers you may see as CSV (at most {MAX_ROWS} rows; audited)",
    response_class=Response,
    responses={
        200: {
            "description": "CSV with a header row; hidden fields are left out, masked ones masked",
            "content": {"text/csv": {"schema": {"type": "string"}}},
        },
        **problem_responses(400, 401, 403, 404, 429, 502, 503, 504),
    },
)
async def export_customers(
    request: Request,
    principal: Annotated[Principal, Depends(require(CUSTOMERS_EXPORT))],
    query: Annotated[ExportQuery, Query()],
) -> Response:
    rt = runtime_of(request)
    caller = principal.caller(request)
    if query.view:
        if query.filter or query.order_by:
            raise ProblemError(400, "export.ambiguous", "Give either view or filter/order_by, not both.")
        filter_text, order_by = await view_list_query(request, principal, query.view)  # checks field permissions
        query = query.model_copy(update={"filter": filter_text or None, "order_by": order_by or None})
    check_list_query(principal, CUSTOMER_FIELDS, ListQuery(filter=query.filter, order_by=query.order_by))
    columns = [c for c in COLUMNS if CUSTOMER_FIELDS.access(principal, c) is not FieldAccess.HIDDEN]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    rows, cursor, truncated = 0, "", False
    while True:
        message = pb.ListCustomersRequest(
            page=paging_pb2.PageRequest(limit=_PAGE, cursor=cursor),
            owner_id=query.owner_id or "",
            filter=query.filter or "",
            order_by=query.order_by or "",
        )
        reply = await rt.upstreams.call("customers", "ListCustomers", message, caller, field_location="query")
        for customer in reply.customers:
            if rows >= MAX_ROWS:
                truncated = True
                break
            item = customer_json(customer, principal)
            writer.writerow([_cell(item.get(c)) for c in columns])
            rows += 1
        cursor = reply.page.next_cursor
        if truncated or not cursor:
            break
    await rt.audit_event(
        principal.user_id,
        "customers.exported",
        "customer",
        None,
        {
            "owner_id": query.owner_id,
            "filter": query.filter,
            "order_by": query.order_by,
            "rows": rows,
            "truncated": truncated,
            **({"view": query.view} if query.view else {}),
        },
    )
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": 'attachment; filename="customers.csv"',
            "Cache-Control": "no-store",
            "X-Export-Truncated": "true" if truncated else "false",
        },
    )
