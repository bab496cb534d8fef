"""`/v1/orders`: orders from an accepted quote or a won opportunity, draft -> confirmed ->
fulfilled / cancelled, only for a customer that exists in the CRM."""

from typing import Literal

from fastapi import APIRouter
from pydantic import Field

from crm.sales.v1 import sales_service_pb2 as pb
from gateway.list_query import ListQuery
from gateway.representations.sales import Currency, LineIn, Order, Percent, StrictModel, page_model
from gateway.route_kit import ID_PATTERN
from gateway.routes.sales_common import add_action, add_create, add_get, add_list, add_patch, body_values, proto

VIEW, CREATE, EDIT = "orders:view", "orders:create", "orders:edit"

router = APIRouter(prefix="/v1/orders", tags=["orders"])


class OrderPatch(StrictModel):
    """Changed fields only (draft orders); `lines` replaces every line and is priced again."""

    lines: list[LineIn] | None = Field(default=None, min_length=1, max_length=200)
    tax_rate: Percent | None = None
    notes: str | None = Field(default=None, max_length=10_000)


class OrderCreate(OrderPatch):
    customer_id: str = Field(pattern=ID_PATTERN)
    opportunity_id: str = Field(pattern=ID_PATTERN, description="A won opportunity of the customer")
    owner_id: str | None = Field(default=None, pattern=ID_PATTERN, description="Default: you")
    currency: Currency
    lines: list[LineIn] = Field(min_length=1, max_length=200)


class OrderQuery(ListQuery):
    customer_id: str | None = Field(default=None, pattern=ID_PATTERN)
    owner_id: str | None = Field(default=None, pattern=ID_PATTERN)
    status: Literal["draft", "confirmed", "fulfilled", "cancelled"] | None = None


class CancelBody(StrictModel):
    reason: str = Field(min_length=1, max_length=1000)


add_list(
    router,
    permission=VIEW,
    rpc="ListOrders",
    request_type=pb.ListOrdersRequest,
    items_field="orders",
    page_model=page_model(Order, "OrderPage"),
    query_model=OrderQuery,
    summary="List the orders you may see",
    terms=lambda q: {"customer_id": q.customer_id, "owner_id": q.owner_id, "status": q.status},
)
add_create(
    router,
    permission=CREATE,
    rpc="CreateOrder",
    body_model=OrderCreate,
    build=lambda b: pb.CreateOrderRequest(order=proto(pb.OrderFields, body_values(b))),
    reply_field="order",
    model=Order,
    summary="Create a draft order from a won opportunity (400 `customer.unknown` for a customer not in the CRM)",
    location="/v1/orders",
)
add_get(
    router,
    permission=VIEW,
    rpc="GetOrder",
    request_type=pb.GetOrderRequest,
    reply_field="order",
    model=Order,
    summary="Get one order",
)
add_patch(
    router,
    permission=EDIT,
    rpc="UpdateOrder",
    request_type=pb.UpdateOrderRequest,
    body_model=OrderPatch,
    reply_field="order",
    model=Order,
    summary="Change a draft order (If-Match required)",
)
for _verb, _rpc, _type, _summary in (
    ("confirm", "ConfirmOrder", pb.ConfirmOrderRequest, "draft -> confirmed (the customer must still exist)"),
    ("fulfil", "FulfilOrder", pb.FulfilOrderRequest, "confirmed -> fulfilled"),
):
    add_action(
        router, _verb, permission=EDIT, rpc=_rpc, request_type=_type, reply_field="order", model=Order, summary=_summary
    )
add_action(
    router,
    "cancel",
    permission=EDIT,
    rpc="CancelOrder",
    request_type=pb.CancelOrderRequest,
    body_model=CancelBody,
    reply_field="order",
    model=Order,
    summary="draft or confirmed -> cancelled, with a reason",
)
