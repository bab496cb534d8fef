"""`/v1/products`, `/v1/price-lists` and `POST /v1/prices:resolve`: the sales catalogue (visible
to everyone holding `products:view`; the service applies no data scope to it)."""

from typing import Literal

from fastapi import APIRouter, Depends, Request
from pydantic import Field
from starlette.responses import JSONResponse, Response

from crm.sales.v1 import sales_service_pb2 as pb
from gateway.bodies import json_body, request_body_doc
from gateway.identity.principal import Principal, require
from gateway.list_query import ListQuery
from gateway.openapi import problem_responses
from gateway.representations.sales import (
    Currency,
    IsoDate,
    MoneyIn,
    PriceList,
    PriceResolved,
    Product,
    Quantity,
    StrictModel,
    page_model,
    sales_json,
)
from gateway.route_kit import ID_PATTERN, PRIVATE
from gateway.routes.sales_common import (
    UPSTREAM_ERRORS,
    add_create,
    add_get,
    add_list,
    add_patch,
    body_values,
    call,
    proto,
)

VIEW, CREATE, EDIT = "products:view", "products:create", "products:edit"

router = APIRouter(prefix="/v1/products", tags=["products"])
price_lists = APIRouter(prefix="/v1/price-lists", tags=["products"])
prices = APIRouter(prefix="/v1", tags=["products"])

Classification = Literal["potential", "normal", "important", "vip"]


class ProductPatch(StrictModel):
    """Changed fields only."""

    sku: str | None = Field(default=None, min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._/-]+$")
    name: str | None = Field(default=None, min_length=1, max_length=200)
    category: str | None = Field(default=None, max_length=100)
    unit: str | None = Field(default=None, max_length=20)
    list_price: MoneyIn | None = None
    warranty_months: int | None = Field(default=None, ge=0, le=600)
    active: bool | None = None


class ProductCreate(ProductPatch):
    sku: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._/-]+$", description="Unique, upper-cased")
    name: str = Field(min_length=1, max_length=200)
    list_price: MoneyIn
    active: bool = True


class PriceTierIn(StrictModel):
    product_id: str = Field(pattern=ID_PATTERN)
    min_quantity: Quantity | None = Field(default=None, description="From this quantity up (default 1)")
    unit_price: MoneyIn


class PriceListPatch(StrictModel):
    """Changed fields only; `tiers` replaces every tier."""

    name: str | None = Field(default=None, min_length=1, max_length=200)
    currency: Currency | None = None
    customer_classification: Classification | None = Field(default=None, description="Empty/absent = any")
    region: str | None = Field(default=None, max_length=100, description="Absent = any region")
    effective_from: IsoDate | None = None
    effective_to: IsoDate | None = Field(default=None, description="Inclusive; absent = open-ended")
    active: bool | None = None
    tiers: list[PriceTierIn] | None = Field(default=None, max_length=1000)


class PriceListCreate(PriceListPatch):
    name: str = Field(min_length=1, max_length=200)
    currency: Currency
    effective_from: IsoDate
    active: bool = True
    tiers: list[PriceTierIn] = Field(default_factory=list, max_length=1000)


class PriceQuery(StrictModel):
    customer_id: str = Field(pattern=ID_PATTERN)
    product_id: str = Field(pattern=ID_PATTERN)
    quantity: Quantity = "1"
    on_date: IsoDate | None = Field(default=None, description="Default: today (organisation time zone)")
    currency: Currency | None = Field(default=None, description="Default: the product's currency")


class ProductQuery(ListQuery):
    category: str | None = Field(default=None, pattern=r"^[\w .-]{1,100}$", description="Only this category")
    active: bool | None = Field(default=None, description="Only active (or inactive) products")


class PriceListQuery(ListQuery):
    active: bool | None = Field(default=None, description="Only active (or inactive) price lists")


add_list(
    router,
    permission=VIEW,
    rpc="ListProducts",
    request_type=pb.ListProductsRequest,
    items_field="products",
    page_model=page_model(Product, "ProductPage"),
    query_model=ProductQuery,
    summary="List products (default order: name)",
    terms=lambda q: {"category": q.category, "active": q.active},
)
add_create(
    router,
    permission=CREATE,
    rpc="CreateProduct",
    body_model=ProductCreate,
    build=lambda b: pb.CreateProductRequest(product=proto(pb.ProductFields, body_values(b))),
    reply_field="product",
    model=Product,
    summary="Add a product (409 `product.sku_taken`)",
    location="/v1/products",
)
add_get(
    router,
    permission=VIEW,
    rpc="GetProduct",
    request_type=pb.GetProductRequest,
    reply_field="product",
    model=Product,
    summary="Get one product",
)
add_patch(
    router,
    permission=EDIT,
    rpc="UpdateProduct",
    request_type=pb.UpdateProductRequest,
    body_model=ProductPatch,
    reply_field="product",
    model=Product,
    summary="Change a product (If-Match required)",
)

add_list(
    price_lists,
    permission=VIEW,
    rpc="ListPriceLists",
    request_type=pb.ListPriceListsRequest,
    items_field="price_lists",
    page_model=page_model(PriceList, "PriceListPage"),
    query_model=PriceListQuery,
    terms=lambda q: {"active": q.active},
    summary="List price lists (default order: effective_from desc)",
)
add_create(
    price_lists,
    permission=CREATE,
    rpc="CreatePriceList",
    body_model=PriceListCreate,
    build=lambda b: pb.CreatePriceListRequest(price_list=proto(pb.PriceListFields, body_values(b))),
    reply_field="price_list",
    model=PriceList,
    summary="Add a price list (classification and/or region, effective dates, quantity tiers)",
    location="/v1/price-lists",
)
add_get(
    price_lists,
    permission=VIEW,
    rpc="GetPriceList",
    request_type=pb.GetPriceListRequest,
    reply_field="price_list",
    model=PriceList,
    summary="Get one price list",
)
add_patch(
    price_lists,
    permission=EDIT,
    rpc="UpdatePriceList",
    request_type=pb.UpdatePriceListRequest,
    body_model=PriceListPatch,
    reply_field="price_list",
    model=PriceList,
    summary="Change a price list (If-Match required; `tiers` replaces all tiers)",
)


@prices.post(
    "/prices:resolve",
    summary="The unit price a line would get for a customer, quantity and date, and why (nothing is written)",
    response_model=PriceResolved,
    responses=problem_responses(400, 401, 403, 404, 413, 415, *UPSTREAM_ERRORS),
    openapi_extra=request_body_doc(PriceQuery),
)
async def resolve_price(
    request: Request,
    principal: Principal = Depends(require(VIEW)),
    body: PriceQuery = Depends(json_body(PriceQuery)),
) -> Response:
    reply = await call(request, principal, "ResolvePrice", proto(pb.ResolvePriceRequest, body_values(body)))
    return JSONResponse(sales_json(reply), headers=PRIVATE)
