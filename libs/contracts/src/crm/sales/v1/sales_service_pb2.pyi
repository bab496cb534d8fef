import datetime

from crm.common.v1 import money_pb2 as _money_pb2
from crm.common.v1 import paging_pb2 as _paging_pb2
from google.protobuf import field_mask_pb2 as _field_mask_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ListOptions(_message.Message):
    __slots__ = ("page", "filter", "order_by")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    ORDER_BY_FIELD_NUMBER: _ClassVar[int]
    page: _paging_pb2.PageRequest
    filter: str
    order_by: str
    def __init__(self, page: _Optional[_Union[_paging_pb2.PageRequest, _Mapping]] = ..., filter: _Optional[str] = ..., order_by: _Optional[str] = ...) -> None: ...

class LineInput(_message.Message):
    __slots__ = ("product_id", "quantity", "discount_percent", "description")
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    DISCOUNT_PERCENT_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    product_id: str
    quantity: str
    discount_percent: str
    description: str
    def __init__(self, product_id: _Optional[str] = ..., quantity: _Optional[str] = ..., discount_percent: _Optional[str] = ..., description: _Optional[str] = ...) -> None: ...

class Line(_message.Message):
    __slots__ = ("product_id", "sku", "name", "unit", "description", "quantity", "unit_price", "discount_percent", "gross", "discount", "net", "price_source", "price_list_id", "tier_min_quantity", "price_reason", "warranty_months")
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    UNIT_PRICE_FIELD_NUMBER: _ClassVar[int]
    DISCOUNT_PERCENT_FIELD_NUMBER: _ClassVar[int]
    GROSS_FIELD_NUMBER: _ClassVar[int]
    DISCOUNT_FIELD_NUMBER: _ClassVar[int]
    NET_FIELD_NUMBER: _ClassVar[int]
    PRICE_SOURCE_FIELD_NUMBER: _ClassVar[int]
    PRICE_LIST_ID_FIELD_NUMBER: _ClassVar[int]
    TIER_MIN_QUANTITY_FIELD_NUMBER: _ClassVar[int]
    PRICE_REASON_FIELD_NUMBER: _ClassVar[int]
    WARRANTY_MONTHS_FIELD_NUMBER: _ClassVar[int]
    product_id: str
    sku: str
    name: str
    unit: str
    description: str
    quantity: str
    unit_price: _money_pb2.Money
    discount_percent: str
    gross: _money_pb2.Money
    discount: _money_pb2.Money
    net: _money_pb2.Money
    price_source: str
    price_list_id: str
    tier_min_quantity: str
    price_reason: str
    warranty_months: int
    def __init__(self, product_id: _Optional[str] = ..., sku: _Optional[str] = ..., name: _Optional[str] = ..., unit: _Optional[str] = ..., description: _Optional[str] = ..., quantity: _Optional[str] = ..., unit_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., discount_percent: _Optional[str] = ..., gross: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., discount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., net: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., price_source: _Optional[str] = ..., price_list_id: _Optional[str] = ..., tier_min_quantity: _Optional[str] = ..., price_reason: _Optional[str] = ..., warranty_months: _Optional[int] = ...) -> None: ...

class Totals(_message.Message):
    __slots__ = ("subtotal", "discount", "net", "tax", "total")
    SUBTOTAL_FIELD_NUMBER: _ClassVar[int]
    DISCOUNT_FIELD_NUMBER: _ClassVar[int]
    NET_FIELD_NUMBER: _ClassVar[int]
    TAX_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    subtotal: _money_pb2.Money
    discount: _money_pb2.Money
    net: _money_pb2.Money
    tax: _money_pb2.Money
    total: _money_pb2.Money
    def __init__(self, subtotal: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., discount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., net: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., tax: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., total: _Optional[_Union[_money_pb2.Money, _Mapping]] = ...) -> None: ...

class Product(_message.Message):
    __slots__ = ("id", "sku", "name", "category", "unit", "list_price", "warranty_months", "active", "version", "created_at", "updated_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    SKU_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    LIST_PRICE_FIELD_NUMBER: _ClassVar[int]
    WARRANTY_MONTHS_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    sku: str
    name: str
    category: str
    unit: str
    list_price: _money_pb2.Money
    warranty_months: int
    active: bool
    version: int
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., sku: _Optional[str] = ..., name: _Optional[str] = ..., category: _Optional[str] = ..., unit: _Optional[str] = ..., list_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., warranty_months: _Optional[int] = ..., active: _Optional[bool] = ..., version: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ProductFields(_message.Message):
    __slots__ = ("sku", "name", "category", "unit", "list_price", "warranty_months", "active")
    SKU_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    LIST_PRICE_FIELD_NUMBER: _ClassVar[int]
    WARRANTY_MONTHS_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    sku: str
    name: str
    category: str
    unit: str
    list_price: _money_pb2.Money
    warranty_months: int
    active: bool
    def __init__(self, sku: _Optional[str] = ..., name: _Optional[str] = ..., category: _Optional[str] = ..., unit: _Optional[str] = ..., list_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., warranty_months: _Optional[int] = ..., active: _Optional[bool] = ...) -> None: ...

class CreateProductRequest(_message.Message):
    __slots__ = ("product",)
    PRODUCT_FIELD_NUMBER: _ClassVar[int]
    product: ProductFields
    def __init__(self, product: _Optional[_Union[ProductFields, _Mapping]] = ...) -> None: ...

class CreateProductResponse(_message.Message):
    __slots__ = ("product",)
    PRODUCT_FIELD_NUMBER: _ClassVar[int]
    product: Product
    def __init__(self, product: _Optional[_Union[Product, _Mapping]] = ...) -> None: ...

class GetProductRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class GetProductResponse(_message.Message):
    __slots__ = ("product",)
    PRODUCT_FIELD_NUMBER: _ClassVar[int]
    product: Product
    def __init__(self, product: _Optional[_Union[Product, _Mapping]] = ...) -> None: ...

class ListProductsRequest(_message.Message):
    __slots__ = ("options",)
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    options: ListOptions
    def __init__(self, options: _Optional[_Union[ListOptions, _Mapping]] = ...) -> None: ...

class ListProductsResponse(_message.Message):
    __slots__ = ("products", "page")
    PRODUCTS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    products: _containers.RepeatedCompositeFieldContainer[Product]
    page: _paging_pb2.PageResponse
    def __init__(self, products: _Optional[_Iterable[_Union[Product, _Mapping]]] = ..., page: _Optional[_Union[_paging_pb2.PageResponse, _Mapping]] = ...) -> None: ...

class UpdateProductRequest(_message.Message):
    __slots__ = ("id", "expected_version", "patch", "update_mask")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    PATCH_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    patch: ProductFields
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ..., patch: _Optional[_Union[ProductFields, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdateProductResponse(_message.Message):
    __slots__ = ("product",)
    PRODUCT_FIELD_NUMBER: _ClassVar[int]
    product: Product
    def __init__(self, product: _Optional[_Union[Product, _Mapping]] = ...) -> None: ...

class PriceTier(_message.Message):
    __slots__ = ("product_id", "min_quantity", "unit_price")
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    MIN_QUANTITY_FIELD_NUMBER: _ClassVar[int]
    UNIT_PRICE_FIELD_NUMBER: _ClassVar[int]
    product_id: str
    min_quantity: str
    unit_price: _money_pb2.Money
    def __init__(self, product_id: _Optional[str] = ..., min_quantity: _Optional[str] = ..., unit_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ...) -> None: ...

class PriceList(_message.Message):
    __slots__ = ("id", "name", "currency", "customer_classification", "region", "effective_from", "effective_to", "active", "tiers", "version", "created_at", "updated_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_CLASSIFICATION_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_FROM_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_TO_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    TIERS_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    currency: str
    customer_classification: str
    region: str
    effective_from: str
    effective_to: str
    active: bool
    tiers: _containers.RepeatedCompositeFieldContainer[PriceTier]
    version: int
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., currency: _Optional[str] = ..., customer_classification: _Optional[str] = ..., region: _Optional[str] = ..., effective_from: _Optional[str] = ..., effective_to: _Optional[str] = ..., active: _Optional[bool] = ..., tiers: _Optional[_Iterable[_Union[PriceTier, _Mapping]]] = ..., version: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class PriceListFields(_message.Message):
    __slots__ = ("name", "currency", "customer_classification", "region", "effective_from", "effective_to", "active", "tiers")
    NAME_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_CLASSIFICATION_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_FROM_FIELD_NUMBER: _ClassVar[int]
    EFFECTIVE_TO_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    TIERS_FIELD_NUMBER: _ClassVar[int]
    name: str
    currency: str
    customer_classification: str
    region: str
    effective_from: str
    effective_to: str
    active: bool
    tiers: _containers.RepeatedCompositeFieldContainer[PriceTier]
    def __init__(self, name: _Optional[str] = ..., currency: _Optional[str] = ..., customer_classification: _Optional[str] = ..., region: _Optional[str] = ..., effective_from: _Optional[str] = ..., effective_to: _Optional[str] = ..., active: _Optional[bool] = ..., tiers: _Optional[_Iterable[_Union[PriceTier, _Mapping]]] = ...) -> None: ...

class CreatePriceListRequest(_message.Message):
    __slots__ = ("price_list",)
    PRICE_LIST_FIELD_NUMBER: _ClassVar[int]
    price_list: PriceListFields
    def __init__(self, price_list: _Optional[_Union[PriceListFields, _Mapping]] = ...) -> None: ...

class CreatePriceListResponse(_message.Message):
    __slots__ = ("price_list",)
    PRICE_LIST_FIELD_NUMBER: _ClassVar[int]
    price_list: PriceList
    def __init__(self, price_list: _Optional[_Union[PriceList, _Mapping]] = ...) -> None: ...

class GetPriceListRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class GetPriceListResponse(_message.Message):
    __slots__ = ("price_list",)
    PRICE_LIST_FIELD_NUMBER: _ClassVar[int]
    price_list: PriceList
    def __init__(self, price_list: _Optional[_Union[PriceList, _Mapping]] = ...) -> None: ...

class ListPriceListsRequest(_message.Message):
    __slots__ = ("options",)
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    options: ListOptions
    def __init__(self, options: _Optional[_Union[ListOptions, _Mapping]] = ...) -> None: ...

class ListPriceListsResponse(_message.Message):
    __slots__ = ("price_lists", "page")
    PRICE_LISTS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    price_lists: _containers.RepeatedCompositeFieldContainer[PriceList]
    page: _paging_pb2.PageResponse
    def __init__(self, price_lists: _Optional[_Iterable[_Union[PriceList, _Mapping]]] = ..., page: _Optional[_Union[_paging_pb2.PageResponse, _Mapping]] = ...) -> None: ...

class UpdatePriceListRequest(_message.Message):
    __slots__ = ("id", "expected_version", "patch", "update_mask")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    PATCH_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    patch: PriceListFields
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ..., patch: _Optional[_Union[PriceListFields, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdatePriceListResponse(_message.Message):
    __slots__ = ("price_list",)
    PRICE_LIST_FIELD_NUMBER: _ClassVar[int]
    price_list: PriceList
    def __init__(self, price_list: _Optional[_Union[PriceList, _Mapping]] = ...) -> None: ...

class PriceResolution(_message.Message):
    __slots__ = ("unit_price", "source", "price_list_id", "price_list_name", "tier_min_quantity", "reason")
    UNIT_PRICE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    PRICE_LIST_ID_FIELD_NUMBER: _ClassVar[int]
    PRICE_LIST_NAME_FIELD_NUMBER: _ClassVar[int]
    TIER_MIN_QUANTITY_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    unit_price: _money_pb2.Money
    source: str
    price_list_id: str
    price_list_name: str
    tier_min_quantity: str
    reason: str
    def __init__(self, unit_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., source: _Optional[str] = ..., price_list_id: _Optional[str] = ..., price_list_name: _Optional[str] = ..., tier_min_quantity: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class ResolvePriceRequest(_message.Message):
    __slots__ = ("customer_id", "product_id", "quantity", "on_date", "currency")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    ON_DATE_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    product_id: str
    quantity: str
    on_date: str
    currency: str
    def __init__(self, customer_id: _Optional[str] = ..., product_id: _Optional[str] = ..., quantity: _Optional[str] = ..., on_date: _Optional[str] = ..., currency: _Optional[str] = ...) -> None: ...

class ResolvePriceResponse(_message.Message):
    __slots__ = ("product", "resolution")
    PRODUCT_FIELD_NUMBER: _ClassVar[int]
    RESOLUTION_FIELD_NUMBER: _ClassVar[int]
    product: Product
    resolution: PriceResolution
    def __init__(self, product: _Optional[_Union[Product, _Mapping]] = ..., resolution: _Optional[_Union[PriceResolution, _Mapping]] = ...) -> None: ...

class Competitor(_message.Message):
    __slots__ = ("name", "strengths", "price")
    NAME_FIELD_NUMBER: _ClassVar[int]
    STRENGTHS_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    name: str
    strengths: str
    price: _money_pb2.Money
    def __init__(self, name: _Optional[str] = ..., strengths: _Optional[str] = ..., price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ...) -> None: ...

class Opportunity(_message.Message):
    __slots__ = ("id", "customer_id", "contact_id", "name", "amount", "stage", "status", "probability", "expected_close_date", "source_campaign_id", "owner_id", "competitors", "next_step", "lost_reason", "closed_at", "version", "created_at", "updated_at", "created_by", "lead_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    CONTACT_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    STAGE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PROBABILITY_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_CLOSE_DATE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    COMPETITORS_FIELD_NUMBER: _ClassVar[int]
    NEXT_STEP_FIELD_NUMBER: _ClassVar[int]
    LOST_REASON_FIELD_NUMBER: _ClassVar[int]
    CLOSED_AT_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    customer_id: str
    contact_id: str
    name: str
    amount: _money_pb2.Money
    stage: str
    status: str
    probability: int
    expected_close_date: str
    source_campaign_id: str
    owner_id: str
    competitors: _containers.RepeatedCompositeFieldContainer[Competitor]
    next_step: str
    lost_reason: str
    closed_at: _timestamp_pb2.Timestamp
    version: int
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    created_by: str
    lead_id: str
    def __init__(self, id: _Optional[str] = ..., customer_id: _Optional[str] = ..., contact_id: _Optional[str] = ..., name: _Optional[str] = ..., amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., stage: _Optional[str] = ..., status: _Optional[str] = ..., probability: _Optional[int] = ..., expected_close_date: _Optional[str] = ..., source_campaign_id: _Optional[str] = ..., owner_id: _Optional[str] = ..., competitors: _Optional[_Iterable[_Union[Competitor, _Mapping]]] = ..., next_step: _Optional[str] = ..., lost_reason: _Optional[str] = ..., closed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., version: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., created_by: _Optional[str] = ..., lead_id: _Optional[str] = ...) -> None: ...

class StageChange(_message.Message):
    __slots__ = ("id", "opportunity_id", "at", "actor_id", "from_stage", "to_stage", "reason", "probability")
    ID_FIELD_NUMBER: _ClassVar[int]
    OPPORTUNITY_ID_FIELD_NUMBER: _ClassVar[int]
    AT_FIELD_NUMBER: _ClassVar[int]
    ACTOR_ID_FIELD_NUMBER: _ClassVar[int]
    FROM_STAGE_FIELD_NUMBER: _ClassVar[int]
    TO_STAGE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    PROBABILITY_FIELD_NUMBER: _ClassVar[int]
    id: str
    opportunity_id: str
    at: _timestamp_pb2.Timestamp
    actor_id: str
    from_stage: str
    to_stage: str
    reason: str
    probability: int
    def __init__(self, id: _Optional[str] = ..., opportunity_id: _Optional[str] = ..., at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., actor_id: _Optional[str] = ..., from_stage: _Optional[str] = ..., to_stage: _Optional[str] = ..., reason: _Optional[str] = ..., probability: _Optional[int] = ...) -> None: ...

class OpportunityFields(_message.Message):
    __slots__ = ("customer_id", "contact_id", "name", "amount", "stage", "probability", "expected_close_date", "source_campaign_id", "owner_id", "competitors", "next_step")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    CONTACT_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    STAGE_FIELD_NUMBER: _ClassVar[int]
    PROBABILITY_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_CLOSE_DATE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    COMPETITORS_FIELD_NUMBER: _ClassVar[int]
    NEXT_STEP_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    contact_id: str
    name: str
    amount: _money_pb2.Money
    stage: str
    probability: int
    expected_close_date: str
    source_campaign_id: str
    owner_id: str
    competitors: _containers.RepeatedCompositeFieldContainer[Competitor]
    next_step: str
    def __init__(self, customer_id: _Optional[str] = ..., contact_id: _Optional[str] = ..., name: _Optional[str] = ..., amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., stage: _Optional[str] = ..., probability: _Optional[int] = ..., expected_close_date: _Optional[str] = ..., source_campaign_id: _Optional[str] = ..., owner_id: _Optional[str] = ..., competitors: _Optional[_Iterable[_Union[Competitor, _Mapping]]] = ..., next_step: _Optional[str] = ...) -> None: ...

class CreateOpportunityRequest(_message.Message):
    __slots__ = ("opportunity",)
    OPPORTUNITY_FIELD_NUMBER: _ClassVar[int]
    opportunity: OpportunityFields
    def __init__(self, opportunity: _Optional[_Union[OpportunityFields, _Mapping]] = ...) -> None: ...

class CreateOpportunityResponse(_message.Message):
    __slots__ = ("opportunity",)
    OPPORTUNITY_FIELD_NUMBER: _ClassVar[int]
    opportunity: Opportunity
    def __init__(self, opportunity: _Optional[_Union[Opportunity, _Mapping]] = ...) -> None: ...

class GetOpportunityRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class GetOpportunityResponse(_message.Message):
    __slots__ = ("opportunity", "stage_history")
    OPPORTUNITY_FIELD_NUMBER: _ClassVar[int]
    STAGE_HISTORY_FIELD_NUMBER: _ClassVar[int]
    opportunity: Opportunity
    stage_history: _containers.RepeatedCompositeFieldContainer[StageChange]
    def __init__(self, opportunity: _Optional[_Union[Opportunity, _Mapping]] = ..., stage_history: _Optional[_Iterable[_Union[StageChange, _Mapping]]] = ...) -> None: ...

class ListOpportunitiesRequest(_message.Message):
    __slots__ = ("options",)
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    options: ListOptions
    def __init__(self, options: _Optional[_Union[ListOptions, _Mapping]] = ...) -> None: ...

class ListOpportunitiesResponse(_message.Message):
    __slots__ = ("opportunities", "page")
    OPPORTUNITIES_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    opportunities: _containers.RepeatedCompositeFieldContainer[Opportunity]
    page: _paging_pb2.PageResponse
    def __init__(self, opportunities: _Optional[_Iterable[_Union[Opportunity, _Mapping]]] = ..., page: _Optional[_Union[_paging_pb2.PageResponse, _Mapping]] = ...) -> None: ...

class UpdateOpportunityRequest(_message.Message):
    __slots__ = ("id", "expected_version", "patch", "update_mask")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    PATCH_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    patch: OpportunityFields
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ..., patch: _Optional[_Union[OpportunityFields, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdateOpportunityResponse(_message.Message):
    __slots__ = ("opportunity",)
    OPPORTUNITY_FIELD_NUMBER: _ClassVar[int]
    opportunity: Opportunity
    def __init__(self, opportunity: _Optional[_Union[Opportunity, _Mapping]] = ...) -> None: ...

class ChangeOpportunityStageRequest(_message.Message):
    __slots__ = ("id", "to_stage", "probability", "expected_version")
    ID_FIELD_NUMBER: _ClassVar[int]
    TO_STAGE_FIELD_NUMBER: _ClassVar[int]
    PROBABILITY_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    to_stage: str
    probability: int
    expected_version: int
    def __init__(self, id: _Optional[str] = ..., to_stage: _Optional[str] = ..., probability: _Optional[int] = ..., expected_version: _Optional[int] = ...) -> None: ...

class ChangeOpportunityStageResponse(_message.Message):
    __slots__ = ("opportunity",)
    OPPORTUNITY_FIELD_NUMBER: _ClassVar[int]
    opportunity: Opportunity
    def __init__(self, opportunity: _Optional[_Union[Opportunity, _Mapping]] = ...) -> None: ...

class WinOpportunityRequest(_message.Message):
    __slots__ = ("id", "amount", "expected_version")
    ID_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    amount: _money_pb2.Money
    expected_version: int
    def __init__(self, id: _Optional[str] = ..., amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., expected_version: _Optional[int] = ...) -> None: ...

class WinOpportunityResponse(_message.Message):
    __slots__ = ("opportunity",)
    OPPORTUNITY_FIELD_NUMBER: _ClassVar[int]
    opportunity: Opportunity
    def __init__(self, opportunity: _Optional[_Union[Opportunity, _Mapping]] = ...) -> None: ...

class LoseOpportunityRequest(_message.Message):
    __slots__ = ("id", "lost_reason", "expected_version")
    ID_FIELD_NUMBER: _ClassVar[int]
    LOST_REASON_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    lost_reason: str
    expected_version: int
    def __init__(self, id: _Optional[str] = ..., lost_reason: _Optional[str] = ..., expected_version: _Optional[int] = ...) -> None: ...

class LoseOpportunityResponse(_message.Message):
    __slots__ = ("opportunity",)
    OPPORTUNITY_FIELD_NUMBER: _ClassVar[int]
    opportunity: Opportunity
    def __init__(self, opportunity: _Optional[_Union[Opportunity, _Mapping]] = ...) -> None: ...

class ReopenOpportunityRequest(_message.Message):
    __slots__ = ("id", "reason", "to_stage", "expected_version")
    ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    TO_STAGE_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    reason: str
    to_stage: str
    expected_version: int
    def __init__(self, id: _Optional[str] = ..., reason: _Optional[str] = ..., to_stage: _Optional[str] = ..., expected_version: _Optional[int] = ...) -> None: ...

class ReopenOpportunityResponse(_message.Message):
    __slots__ = ("opportunity",)
    OPPORTUNITY_FIELD_NUMBER: _ClassVar[int]
    opportunity: Opportunity
    def __init__(self, opportunity: _Optional[_Union[Opportunity, _Mapping]] = ...) -> None: ...

class Quote(_message.Message):
    __slots__ = ("id", "number", "title", "customer_id", "opportunity_id", "owner_id", "currency", "lines", "tax_rate", "totals", "valid_until", "terms", "status", "revision", "order_id", "needs_approval", "expired", "sent_at", "accepted_at", "version", "created_at", "updated_at", "created_by")
    ID_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    OPPORTUNITY_ID_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    TAX_RATE_FIELD_NUMBER: _ClassVar[int]
    TOTALS_FIELD_NUMBER: _ClassVar[int]
    VALID_UNTIL_FIELD_NUMBER: _ClassVar[int]
    TERMS_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    NEEDS_APPROVAL_FIELD_NUMBER: _ClassVar[int]
    EXPIRED_FIELD_NUMBER: _ClassVar[int]
    SENT_AT_FIELD_NUMBER: _ClassVar[int]
    ACCEPTED_AT_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    id: str
    number: str
    title: str
    customer_id: str
    opportunity_id: str
    owner_id: str
    currency: str
    lines: _containers.RepeatedCompositeFieldContainer[Line]
    tax_rate: str
    totals: Totals
    valid_until: str
    terms: str
    status: str
    revision: int
    order_id: str
    needs_approval: bool
    expired: bool
    sent_at: _timestamp_pb2.Timestamp
    accepted_at: _timestamp_pb2.Timestamp
    version: int
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    created_by: str
    def __init__(self, id: _Optional[str] = ..., number: _Optional[str] = ..., title: _Optional[str] = ..., customer_id: _Optional[str] = ..., opportunity_id: _Optional[str] = ..., owner_id: _Optional[str] = ..., currency: _Optional[str] = ..., lines: _Optional[_Iterable[_Union[Line, _Mapping]]] = ..., tax_rate: _Optional[str] = ..., totals: _Optional[_Union[Totals, _Mapping]] = ..., valid_until: _Optional[str] = ..., terms: _Optional[str] = ..., status: _Optional[str] = ..., revision: _Optional[int] = ..., order_id: _Optional[str] = ..., needs_approval: _Optional[bool] = ..., expired: _Optional[bool] = ..., sent_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., accepted_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., version: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., created_by: _Optional[str] = ...) -> None: ...

class QuoteFields(_message.Message):
    __slots__ = ("customer_id", "opportunity_id", "owner_id", "currency", "lines", "tax_rate", "valid_until", "terms", "title")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    OPPORTUNITY_ID_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    TAX_RATE_FIELD_NUMBER: _ClassVar[int]
    VALID_UNTIL_FIELD_NUMBER: _ClassVar[int]
    TERMS_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    opportunity_id: str
    owner_id: str
    currency: str
    lines: _containers.RepeatedCompositeFieldContainer[LineInput]
    tax_rate: str
    valid_until: str
    terms: str
    title: str
    def __init__(self, customer_id: _Optional[str] = ..., opportunity_id: _Optional[str] = ..., owner_id: _Optional[str] = ..., currency: _Optional[str] = ..., lines: _Optional[_Iterable[_Union[LineInput, _Mapping]]] = ..., tax_rate: _Optional[str] = ..., valid_until: _Optional[str] = ..., terms: _Optional[str] = ..., title: _Optional[str] = ...) -> None: ...

class CreateQuoteRequest(_message.Message):
    __slots__ = ("quote",)
    QUOTE_FIELD_NUMBER: _ClassVar[int]
    quote: QuoteFields
    def __init__(self, quote: _Optional[_Union[QuoteFields, _Mapping]] = ...) -> None: ...

class CreateQuoteResponse(_message.Message):
    __slots__ = ("quote",)
    QUOTE_FIELD_NUMBER: _ClassVar[int]
    quote: Quote
    def __init__(self, quote: _Optional[_Union[Quote, _Mapping]] = ...) -> None: ...

class GetQuoteRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class GetQuoteResponse(_message.Message):
    __slots__ = ("quote",)
    QUOTE_FIELD_NUMBER: _ClassVar[int]
    quote: Quote
    def __init__(self, quote: _Optional[_Union[Quote, _Mapping]] = ...) -> None: ...

class ListQuotesRequest(_message.Message):
    __slots__ = ("options",)
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    options: ListOptions
    def __init__(self, options: _Optional[_Union[ListOptions, _Mapping]] = ...) -> None: ...

class ListQuotesResponse(_message.Message):
    __slots__ = ("quotes", "page")
    QUOTES_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    quotes: _containers.RepeatedCompositeFieldContainer[Quote]
    page: _paging_pb2.PageResponse
    def __init__(self, quotes: _Optional[_Iterable[_Union[Quote, _Mapping]]] = ..., page: _Optional[_Union[_paging_pb2.PageResponse, _Mapping]] = ...) -> None: ...

class UpdateQuoteRequest(_message.Message):
    __slots__ = ("id", "expected_version", "patch", "update_mask")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    PATCH_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    patch: QuoteFields
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ..., patch: _Optional[_Union[QuoteFields, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdateQuoteResponse(_message.Message):
    __slots__ = ("quote",)
    QUOTE_FIELD_NUMBER: _ClassVar[int]
    quote: Quote
    def __init__(self, quote: _Optional[_Union[Quote, _Mapping]] = ...) -> None: ...

class SubmitQuoteRequest(_message.Message):
    __slots__ = ("id", "comment", "expected_version")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    comment: str
    expected_version: int
    def __init__(self, id: _Optional[str] = ..., comment: _Optional[str] = ..., expected_version: _Optional[int] = ...) -> None: ...

class SubmitQuoteResponse(_message.Message):
    __slots__ = ("quote", "approval")
    QUOTE_FIELD_NUMBER: _ClassVar[int]
    APPROVAL_FIELD_NUMBER: _ClassVar[int]
    quote: Quote
    approval: Approval
    def __init__(self, quote: _Optional[_Union[Quote, _Mapping]] = ..., approval: _Optional[_Union[Approval, _Mapping]] = ...) -> None: ...

class SendQuoteRequest(_message.Message):
    __slots__ = ("id", "expected_version")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ...) -> None: ...

class SendQuoteResponse(_message.Message):
    __slots__ = ("quote",)
    QUOTE_FIELD_NUMBER: _ClassVar[int]
    quote: Quote
    def __init__(self, quote: _Optional[_Union[Quote, _Mapping]] = ...) -> None: ...

class AcceptQuoteRequest(_message.Message):
    __slots__ = ("id", "expected_version")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ...) -> None: ...

class AcceptQuoteResponse(_message.Message):
    __slots__ = ("quote", "order")
    QUOTE_FIELD_NUMBER: _ClassVar[int]
    ORDER_FIELD_NUMBER: _ClassVar[int]
    quote: Quote
    order: Order
    def __init__(self, quote: _Optional[_Union[Quote, _Mapping]] = ..., order: _Optional[_Union[Order, _Mapping]] = ...) -> None: ...

class DeclineQuoteRequest(_message.Message):
    __slots__ = ("id", "expected_version")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ...) -> None: ...

class DeclineQuoteResponse(_message.Message):
    __slots__ = ("quote",)
    QUOTE_FIELD_NUMBER: _ClassVar[int]
    quote: Quote
    def __init__(self, quote: _Optional[_Union[Quote, _Mapping]] = ...) -> None: ...

class ReviseQuoteRequest(_message.Message):
    __slots__ = ("id", "expected_version")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ...) -> None: ...

class ReviseQuoteResponse(_message.Message):
    __slots__ = ("quote",)
    QUOTE_FIELD_NUMBER: _ClassVar[int]
    quote: Quote
    def __init__(self, quote: _Optional[_Union[Quote, _Mapping]] = ...) -> None: ...

class ListQuoteRevisionsRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ListQuoteRevisionsResponse(_message.Message):
    __slots__ = ("revisions",)
    REVISIONS_FIELD_NUMBER: _ClassVar[int]
    revisions: _containers.RepeatedCompositeFieldContainer[Quote]
    def __init__(self, revisions: _Optional[_Iterable[_Union[Quote, _Mapping]]] = ...) -> None: ...

class RenderQuotePdfRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class RenderQuotePdfResponse(_message.Message):
    __slots__ = ("filename", "content_type", "content")
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    filename: str
    content_type: str
    content: bytes
    def __init__(self, filename: _Optional[str] = ..., content_type: _Optional[str] = ..., content: _Optional[bytes] = ...) -> None: ...

class Order(_message.Message):
    __slots__ = ("id", "number", "customer_id", "owner_id", "opportunity_id", "quote_id", "currency", "lines", "tax_rate", "totals", "notes", "status", "cancel_reason", "confirmed_at", "fulfilled_at", "cancelled_at", "version", "created_at", "updated_at", "created_by")
    ID_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    OPPORTUNITY_ID_FIELD_NUMBER: _ClassVar[int]
    QUOTE_ID_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    TAX_RATE_FIELD_NUMBER: _ClassVar[int]
    TOTALS_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CANCEL_REASON_FIELD_NUMBER: _ClassVar[int]
    CONFIRMED_AT_FIELD_NUMBER: _ClassVar[int]
    FULFILLED_AT_FIELD_NUMBER: _ClassVar[int]
    CANCELLED_AT_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    id: str
    number: str
    customer_id: str
    owner_id: str
    opportunity_id: str
    quote_id: str
    currency: str
    lines: _containers.RepeatedCompositeFieldContainer[Line]
    tax_rate: str
    totals: Totals
    notes: str
    status: str
    cancel_reason: str
    confirmed_at: _timestamp_pb2.Timestamp
    fulfilled_at: _timestamp_pb2.Timestamp
    cancelled_at: _timestamp_pb2.Timestamp
    version: int
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    created_by: str
    def __init__(self, id: _Optional[str] = ..., number: _Optional[str] = ..., customer_id: _Optional[str] = ..., owner_id: _Optional[str] = ..., opportunity_id: _Optional[str] = ..., quote_id: _Optional[str] = ..., currency: _Optional[str] = ..., lines: _Optional[_Iterable[_Union[Line, _Mapping]]] = ..., tax_rate: _Optional[str] = ..., totals: _Optional[_Union[Totals, _Mapping]] = ..., notes: _Optional[str] = ..., status: _Optional[str] = ..., cancel_reason: _Optional[str] = ..., confirmed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., fulfilled_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., cancelled_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., version: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., created_by: _Optional[str] = ...) -> None: ...

class OrderFields(_message.Message):
    __slots__ = ("customer_id", "opportunity_id", "owner_id", "currency", "lines", "tax_rate", "notes")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    OPPORTUNITY_ID_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    TAX_RATE_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    opportunity_id: str
    owner_id: str
    currency: str
    lines: _containers.RepeatedCompositeFieldContainer[LineInput]
    tax_rate: str
    notes: str
    def __init__(self, customer_id: _Optional[str] = ..., opportunity_id: _Optional[str] = ..., owner_id: _Optional[str] = ..., currency: _Optional[str] = ..., lines: _Optional[_Iterable[_Union[LineInput, _Mapping]]] = ..., tax_rate: _Optional[str] = ..., notes: _Optional[str] = ...) -> None: ...

class CreateOrderRequest(_message.Message):
    __slots__ = ("order",)
    ORDER_FIELD_NUMBER: _ClassVar[int]
    order: OrderFields
    def __init__(self, order: _Optional[_Union[OrderFields, _Mapping]] = ...) -> None: ...

class CreateOrderResponse(_message.Message):
    __slots__ = ("order",)
    ORDER_FIELD_NUMBER: _ClassVar[int]
    order: Order
    def __init__(self, order: _Optional[_Union[Order, _Mapping]] = ...) -> None: ...

class GetOrderRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class GetOrderResponse(_message.Message):
    __slots__ = ("order",)
    ORDER_FIELD_NUMBER: _ClassVar[int]
    order: Order
    def __init__(self, order: _Optional[_Union[Order, _Mapping]] = ...) -> None: ...

class ListOrdersRequest(_message.Message):
    __slots__ = ("options",)
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    options: ListOptions
    def __init__(self, options: _Optional[_Union[ListOptions, _Mapping]] = ...) -> None: ...

class ListOrdersResponse(_message.Message):
    __slots__ = ("orders", "page")
    ORDERS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    orders: _containers.RepeatedCompositeFieldContainer[Order]
    page: _paging_pb2.PageResponse
    def __init__(self, orders: _Optional[_Iterable[_Union[Order, _Mapping]]] = ..., page: _Optional[_Union[_paging_pb2.PageResponse, _Mapping]] = ...) -> None: ...

class UpdateOrderRequest(_message.Message):
    __slots__ = ("id", "expected_version", "patch", "update_mask")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    PATCH_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    patch: OrderFields
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ..., patch: _Optional[_Union[OrderFields, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdateOrderResponse(_message.Message):
    __slots__ = ("order",)
    ORDER_FIELD_NUMBER: _ClassVar[int]
    order: Order
    def __init__(self, order: _Optional[_Union[Order, _Mapping]] = ...) -> None: ...

class ConfirmOrderRequest(_message.Message):
    __slots__ = ("id", "expected_version")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ...) -> None: ...

class ConfirmOrderResponse(_message.Message):
    __slots__ = ("order",)
    ORDER_FIELD_NUMBER: _ClassVar[int]
    order: Order
    def __init__(self, order: _Optional[_Union[Order, _Mapping]] = ...) -> None: ...

class FulfilOrderRequest(_message.Message):
    __slots__ = ("id", "expected_version")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ...) -> None: ...

class FulfilOrderResponse(_message.Message):
    __slots__ = ("order",)
    ORDER_FIELD_NUMBER: _ClassVar[int]
    order: Order
    def __init__(self, order: _Optional[_Union[Order, _Mapping]] = ...) -> None: ...

class CancelOrderRequest(_message.Message):
    __slots__ = ("id", "reason", "expected_version")
    ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    reason: str
    expected_version: int
    def __init__(self, id: _Optional[str] = ..., reason: _Optional[str] = ..., expected_version: _Optional[int] = ...) -> None: ...

class CancelOrderResponse(_message.Message):
    __slots__ = ("order",)
    ORDER_FIELD_NUMBER: _ClassVar[int]
    order: Order
    def __init__(self, order: _Optional[_Union[Order, _Mapping]] = ...) -> None: ...

class Coverage(_message.Message):
    __slots__ = ("product_id", "until", "description")
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    UNTIL_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    product_id: str
    until: str
    description: str
    def __init__(self, product_id: _Optional[str] = ..., until: _Optional[str] = ..., description: _Optional[str] = ...) -> None: ...

class Contract(_message.Message):
    __slots__ = ("id", "number", "title", "customer_id", "owner_id", "order_ids", "value", "start_date", "end_date", "terms", "coverage", "status", "signed_on", "credited_owner_id", "activated_at", "ended_at", "termination_reason", "version", "created_at", "updated_at", "created_by")
    ID_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_IDS_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    TERMS_FIELD_NUMBER: _ClassVar[int]
    COVERAGE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SIGNED_ON_FIELD_NUMBER: _ClassVar[int]
    CREDITED_OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    ACTIVATED_AT_FIELD_NUMBER: _ClassVar[int]
    ENDED_AT_FIELD_NUMBER: _ClassVar[int]
    TERMINATION_REASON_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    id: str
    number: str
    title: str
    customer_id: str
    owner_id: str
    order_ids: _containers.RepeatedScalarFieldContainer[str]
    value: _money_pb2.Money
    start_date: str
    end_date: str
    terms: str
    coverage: _containers.RepeatedCompositeFieldContainer[Coverage]
    status: str
    signed_on: str
    credited_owner_id: str
    activated_at: _timestamp_pb2.Timestamp
    ended_at: _timestamp_pb2.Timestamp
    termination_reason: str
    version: int
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    created_by: str
    def __init__(self, id: _Optional[str] = ..., number: _Optional[str] = ..., title: _Optional[str] = ..., customer_id: _Optional[str] = ..., owner_id: _Optional[str] = ..., order_ids: _Optional[_Iterable[str]] = ..., value: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., start_date: _Optional[str] = ..., end_date: _Optional[str] = ..., terms: _Optional[str] = ..., coverage: _Optional[_Iterable[_Union[Coverage, _Mapping]]] = ..., status: _Optional[str] = ..., signed_on: _Optional[str] = ..., credited_owner_id: _Optional[str] = ..., activated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., ended_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., termination_reason: _Optional[str] = ..., version: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., created_by: _Optional[str] = ...) -> None: ...

class ContractFields(_message.Message):
    __slots__ = ("customer_id", "order_ids", "title", "value", "currency", "start_date", "end_date", "terms", "coverage", "owner_id")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_IDS_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    TERMS_FIELD_NUMBER: _ClassVar[int]
    COVERAGE_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    order_ids: _containers.RepeatedScalarFieldContainer[str]
    title: str
    value: _money_pb2.Money
    currency: str
    start_date: str
    end_date: str
    terms: str
    coverage: _containers.RepeatedCompositeFieldContainer[Coverage]
    owner_id: str
    def __init__(self, customer_id: _Optional[str] = ..., order_ids: _Optional[_Iterable[str]] = ..., title: _Optional[str] = ..., value: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., currency: _Optional[str] = ..., start_date: _Optional[str] = ..., end_date: _Optional[str] = ..., terms: _Optional[str] = ..., coverage: _Optional[_Iterable[_Union[Coverage, _Mapping]]] = ..., owner_id: _Optional[str] = ...) -> None: ...

class CreateContractRequest(_message.Message):
    __slots__ = ("contract",)
    CONTRACT_FIELD_NUMBER: _ClassVar[int]
    contract: ContractFields
    def __init__(self, contract: _Optional[_Union[ContractFields, _Mapping]] = ...) -> None: ...

class CreateContractResponse(_message.Message):
    __slots__ = ("contract",)
    CONTRACT_FIELD_NUMBER: _ClassVar[int]
    contract: Contract
    def __init__(self, contract: _Optional[_Union[Contract, _Mapping]] = ...) -> None: ...

class GetContractRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class GetContractResponse(_message.Message):
    __slots__ = ("contract",)
    CONTRACT_FIELD_NUMBER: _ClassVar[int]
    contract: Contract
    def __init__(self, contract: _Optional[_Union[Contract, _Mapping]] = ...) -> None: ...

class ListContractsRequest(_message.Message):
    __slots__ = ("options",)
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    options: ListOptions
    def __init__(self, options: _Optional[_Union[ListOptions, _Mapping]] = ...) -> None: ...

class ListContractsResponse(_message.Message):
    __slots__ = ("contracts", "page")
    CONTRACTS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    contracts: _containers.RepeatedCompositeFieldContainer[Contract]
    page: _paging_pb2.PageResponse
    def __init__(self, contracts: _Optional[_Iterable[_Union[Contract, _Mapping]]] = ..., page: _Optional[_Union[_paging_pb2.PageResponse, _Mapping]] = ...) -> None: ...

class UpdateContractRequest(_message.Message):
    __slots__ = ("id", "expected_version", "patch", "update_mask")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    PATCH_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    patch: ContractFields
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ..., patch: _Optional[_Union[ContractFields, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdateContractResponse(_message.Message):
    __slots__ = ("contract",)
    CONTRACT_FIELD_NUMBER: _ClassVar[int]
    contract: Contract
    def __init__(self, contract: _Optional[_Union[Contract, _Mapping]] = ...) -> None: ...

class SubmitContractRequest(_message.Message):
    __slots__ = ("id", "comment", "expected_version")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    comment: str
    expected_version: int
    def __init__(self, id: _Optional[str] = ..., comment: _Optional[str] = ..., expected_version: _Optional[int] = ...) -> None: ...

class SubmitContractResponse(_message.Message):
    __slots__ = ("contract", "approval")
    CONTRACT_FIELD_NUMBER: _ClassVar[int]
    APPROVAL_FIELD_NUMBER: _ClassVar[int]
    contract: Contract
    approval: Approval
    def __init__(self, contract: _Optional[_Union[Contract, _Mapping]] = ..., approval: _Optional[_Union[Approval, _Mapping]] = ...) -> None: ...

class SignContractRequest(_message.Message):
    __slots__ = ("id", "signed_on", "expected_version")
    ID_FIELD_NUMBER: _ClassVar[int]
    SIGNED_ON_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    signed_on: str
    expected_version: int
    def __init__(self, id: _Optional[str] = ..., signed_on: _Optional[str] = ..., expected_version: _Optional[int] = ...) -> None: ...

class SignContractResponse(_message.Message):
    __slots__ = ("contract",)
    CONTRACT_FIELD_NUMBER: _ClassVar[int]
    contract: Contract
    def __init__(self, contract: _Optional[_Union[Contract, _Mapping]] = ...) -> None: ...

class TerminateContractRequest(_message.Message):
    __slots__ = ("id", "reason", "expected_version")
    ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    reason: str
    expected_version: int
    def __init__(self, id: _Optional[str] = ..., reason: _Optional[str] = ..., expected_version: _Optional[int] = ...) -> None: ...

class TerminateContractResponse(_message.Message):
    __slots__ = ("contract",)
    CONTRACT_FIELD_NUMBER: _ClassVar[int]
    contract: Contract
    def __init__(self, contract: _Optional[_Union[Contract, _Mapping]] = ...) -> None: ...

class RenderContractPdfRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class RenderContractPdfResponse(_message.Message):
    __slots__ = ("filename", "content_type", "content")
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    filename: str
    content_type: str
    content: bytes
    def __init__(self, filename: _Optional[str] = ..., content_type: _Optional[str] = ..., content: _Optional[bytes] = ...) -> None: ...

class ListRenewalsDueRequest(_message.Message):
    __slots__ = ("as_of", "days_before")
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    DAYS_BEFORE_FIELD_NUMBER: _ClassVar[int]
    as_of: str
    days_before: int
    def __init__(self, as_of: _Optional[str] = ..., days_before: _Optional[int] = ...) -> None: ...

class ListRenewalsDueResponse(_message.Message):
    __slots__ = ("contracts",)
    CONTRACTS_FIELD_NUMBER: _ClassVar[int]
    contracts: _containers.RepeatedCompositeFieldContainer[Contract]
    def __init__(self, contracts: _Optional[_Iterable[_Union[Contract, _Mapping]]] = ...) -> None: ...

class ApprovalStep(_message.Message):
    __slots__ = ("name", "role", "approver_ids", "mode")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    APPROVER_IDS_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    name: str
    role: str
    approver_ids: _containers.RepeatedScalarFieldContainer[str]
    mode: str
    def __init__(self, name: _Optional[str] = ..., role: _Optional[str] = ..., approver_ids: _Optional[_Iterable[str]] = ..., mode: _Optional[str] = ...) -> None: ...

class ApprovalEntry(_message.Message):
    __slots__ = ("at", "actor_id", "action", "round", "step", "comment")
    AT_FIELD_NUMBER: _ClassVar[int]
    ACTOR_ID_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    ROUND_FIELD_NUMBER: _ClassVar[int]
    STEP_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    at: _timestamp_pb2.Timestamp
    actor_id: str
    action: str
    round: int
    step: int
    comment: str
    def __init__(self, at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., actor_id: _Optional[str] = ..., action: _Optional[str] = ..., round: _Optional[int] = ..., step: _Optional[int] = ..., comment: _Optional[str] = ...) -> None: ...

class Approval(_message.Message):
    __slots__ = ("id", "record_type", "record_id", "flow_key", "flow_version", "steps", "status", "round", "current_step", "submitted_by", "submitted_at", "decided_at", "history", "version")
    ID_FIELD_NUMBER: _ClassVar[int]
    RECORD_TYPE_FIELD_NUMBER: _ClassVar[int]
    RECORD_ID_FIELD_NUMBER: _ClassVar[int]
    FLOW_KEY_FIELD_NUMBER: _ClassVar[int]
    FLOW_VERSION_FIELD_NUMBER: _ClassVar[int]
    STEPS_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    ROUND_FIELD_NUMBER: _ClassVar[int]
    CURRENT_STEP_FIELD_NUMBER: _ClassVar[int]
    SUBMITTED_BY_FIELD_NUMBER: _ClassVar[int]
    SUBMITTED_AT_FIELD_NUMBER: _ClassVar[int]
    DECIDED_AT_FIELD_NUMBER: _ClassVar[int]
    HISTORY_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    record_type: str
    record_id: str
    flow_key: str
    flow_version: int
    steps: _containers.RepeatedCompositeFieldContainer[ApprovalStep]
    status: str
    round: int
    current_step: int
    submitted_by: str
    submitted_at: _timestamp_pb2.Timestamp
    decided_at: _timestamp_pb2.Timestamp
    history: _containers.RepeatedCompositeFieldContainer[ApprovalEntry]
    version: int
    def __init__(self, id: _Optional[str] = ..., record_type: _Optional[str] = ..., record_id: _Optional[str] = ..., flow_key: _Optional[str] = ..., flow_version: _Optional[int] = ..., steps: _Optional[_Iterable[_Union[ApprovalStep, _Mapping]]] = ..., status: _Optional[str] = ..., round: _Optional[int] = ..., current_step: _Optional[int] = ..., submitted_by: _Optional[str] = ..., submitted_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., decided_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., history: _Optional[_Iterable[_Union[ApprovalEntry, _Mapping]]] = ..., version: _Optional[int] = ...) -> None: ...

class ApproveRecordRequest(_message.Message):
    __slots__ = ("record_type", "record_id", "comment", "expected_version")
    RECORD_TYPE_FIELD_NUMBER: _ClassVar[int]
    RECORD_ID_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    record_type: str
    record_id: str
    comment: str
    expected_version: int
    def __init__(self, record_type: _Optional[str] = ..., record_id: _Optional[str] = ..., comment: _Optional[str] = ..., expected_version: _Optional[int] = ...) -> None: ...

class ApproveRecordResponse(_message.Message):
    __slots__ = ("approval",)
    APPROVAL_FIELD_NUMBER: _ClassVar[int]
    approval: Approval
    def __init__(self, approval: _Optional[_Union[Approval, _Mapping]] = ...) -> None: ...

class RejectRecordRequest(_message.Message):
    __slots__ = ("record_type", "record_id", "comment", "expected_version")
    RECORD_TYPE_FIELD_NUMBER: _ClassVar[int]
    RECORD_ID_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    record_type: str
    record_id: str
    comment: str
    expected_version: int
    def __init__(self, record_type: _Optional[str] = ..., record_id: _Optional[str] = ..., comment: _Optional[str] = ..., expected_version: _Optional[int] = ...) -> None: ...

class RejectRecordResponse(_message.Message):
    __slots__ = ("approval",)
    APPROVAL_FIELD_NUMBER: _ClassVar[int]
    approval: Approval
    def __init__(self, approval: _Optional[_Union[Approval, _Mapping]] = ...) -> None: ...

class WithdrawRecordRequest(_message.Message):
    __slots__ = ("record_type", "record_id", "comment", "expected_version")
    RECORD_TYPE_FIELD_NUMBER: _ClassVar[int]
    RECORD_ID_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    record_type: str
    record_id: str
    comment: str
    expected_version: int
    def __init__(self, record_type: _Optional[str] = ..., record_id: _Optional[str] = ..., comment: _Optional[str] = ..., expected_version: _Optional[int] = ...) -> None: ...

class WithdrawRecordResponse(_message.Message):
    __slots__ = ("approval",)
    APPROVAL_FIELD_NUMBER: _ClassVar[int]
    approval: Approval
    def __init__(self, approval: _Optional[_Union[Approval, _Mapping]] = ...) -> None: ...

class GetApprovalRequest(_message.Message):
    __slots__ = ("record_type", "record_id")
    RECORD_TYPE_FIELD_NUMBER: _ClassVar[int]
    RECORD_ID_FIELD_NUMBER: _ClassVar[int]
    record_type: str
    record_id: str
    def __init__(self, record_type: _Optional[str] = ..., record_id: _Optional[str] = ...) -> None: ...

class GetApprovalResponse(_message.Message):
    __slots__ = ("approval",)
    APPROVAL_FIELD_NUMBER: _ClassVar[int]
    approval: Approval
    def __init__(self, approval: _Optional[_Union[Approval, _Mapping]] = ...) -> None: ...

class PendingApproval(_message.Message):
    __slots__ = ("approval", "owner_id", "summary")
    APPROVAL_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    approval: Approval
    owner_id: str
    summary: str
    def __init__(self, approval: _Optional[_Union[Approval, _Mapping]] = ..., owner_id: _Optional[str] = ..., summary: _Optional[str] = ...) -> None: ...

class ListPendingApprovalsRequest(_message.Message):
    __slots__ = ("page",)
    PAGE_FIELD_NUMBER: _ClassVar[int]
    page: _paging_pb2.PageRequest
    def __init__(self, page: _Optional[_Union[_paging_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListPendingApprovalsResponse(_message.Message):
    __slots__ = ("items", "page")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[PendingApproval]
    page: _paging_pb2.PageResponse
    def __init__(self, items: _Optional[_Iterable[_Union[PendingApproval, _Mapping]]] = ..., page: _Optional[_Union[_paging_pb2.PageResponse, _Mapping]] = ...) -> None: ...

class Instalment(_message.Message):
    __slots__ = ("id", "seq", "due_date", "amount", "note", "received", "outstanding", "status", "overdue", "days_overdue")
    ID_FIELD_NUMBER: _ClassVar[int]
    SEQ_FIELD_NUMBER: _ClassVar[int]
    DUE_DATE_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    RECEIVED_FIELD_NUMBER: _ClassVar[int]
    OUTSTANDING_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    OVERDUE_FIELD_NUMBER: _ClassVar[int]
    DAYS_OVERDUE_FIELD_NUMBER: _ClassVar[int]
    id: str
    seq: int
    due_date: str
    amount: _money_pb2.Money
    note: str
    received: _money_pb2.Money
    outstanding: _money_pb2.Money
    status: str
    overdue: bool
    days_overdue: int
    def __init__(self, id: _Optional[str] = ..., seq: _Optional[int] = ..., due_date: _Optional[str] = ..., amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., note: _Optional[str] = ..., received: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., outstanding: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., status: _Optional[str] = ..., overdue: _Optional[bool] = ..., days_overdue: _Optional[int] = ...) -> None: ...

class InstalmentInput(_message.Message):
    __slots__ = ("due_date", "amount", "note")
    DUE_DATE_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    due_date: str
    amount: _money_pb2.Money
    note: str
    def __init__(self, due_date: _Optional[str] = ..., amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., note: _Optional[str] = ...) -> None: ...

class PaymentPlan(_message.Message):
    __slots__ = ("id", "contract_id", "customer_id", "owner_id", "instalments", "total", "received", "outstanding", "as_of", "contract_status", "version", "created_at", "updated_at", "created_by", "order_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    INSTALMENTS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    RECEIVED_FIELD_NUMBER: _ClassVar[int]
    OUTSTANDING_FIELD_NUMBER: _ClassVar[int]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_STATUS_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    contract_id: str
    customer_id: str
    owner_id: str
    instalments: _containers.RepeatedCompositeFieldContainer[Instalment]
    total: _money_pb2.Money
    received: _money_pb2.Money
    outstanding: _money_pb2.Money
    as_of: str
    contract_status: str
    version: int
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    created_by: str
    order_id: str
    def __init__(self, id: _Optional[str] = ..., contract_id: _Optional[str] = ..., customer_id: _Optional[str] = ..., owner_id: _Optional[str] = ..., instalments: _Optional[_Iterable[_Union[Instalment, _Mapping]]] = ..., total: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., received: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., outstanding: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., as_of: _Optional[str] = ..., contract_status: _Optional[str] = ..., version: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., created_by: _Optional[str] = ..., order_id: _Optional[str] = ...) -> None: ...

class CreatePaymentPlanRequest(_message.Message):
    __slots__ = ("contract_id", "instalments", "order_id")
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    INSTALMENTS_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    contract_id: str
    instalments: _containers.RepeatedCompositeFieldContainer[InstalmentInput]
    order_id: str
    def __init__(self, contract_id: _Optional[str] = ..., instalments: _Optional[_Iterable[_Union[InstalmentInput, _Mapping]]] = ..., order_id: _Optional[str] = ...) -> None: ...

class CreatePaymentPlanResponse(_message.Message):
    __slots__ = ("plan",)
    PLAN_FIELD_NUMBER: _ClassVar[int]
    plan: PaymentPlan
    def __init__(self, plan: _Optional[_Union[PaymentPlan, _Mapping]] = ...) -> None: ...

class GetPaymentPlanRequest(_message.Message):
    __slots__ = ("id", "contract_id", "as_of", "order_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    contract_id: str
    as_of: str
    order_id: str
    def __init__(self, id: _Optional[str] = ..., contract_id: _Optional[str] = ..., as_of: _Optional[str] = ..., order_id: _Optional[str] = ...) -> None: ...

class GetPaymentPlanResponse(_message.Message):
    __slots__ = ("plan",)
    PLAN_FIELD_NUMBER: _ClassVar[int]
    plan: PaymentPlan
    def __init__(self, plan: _Optional[_Union[PaymentPlan, _Mapping]] = ...) -> None: ...

class ListPaymentPlansRequest(_message.Message):
    __slots__ = ("options",)
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    options: ListOptions
    def __init__(self, options: _Optional[_Union[ListOptions, _Mapping]] = ...) -> None: ...

class ListPaymentPlansResponse(_message.Message):
    __slots__ = ("plans", "page")
    PLANS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    plans: _containers.RepeatedCompositeFieldContainer[PaymentPlan]
    page: _paging_pb2.PageResponse
    def __init__(self, plans: _Optional[_Iterable[_Union[PaymentPlan, _Mapping]]] = ..., page: _Optional[_Union[_paging_pb2.PageResponse, _Mapping]] = ...) -> None: ...

class UpdatePaymentPlanRequest(_message.Message):
    __slots__ = ("id", "expected_version", "instalments")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    INSTALMENTS_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    instalments: _containers.RepeatedCompositeFieldContainer[InstalmentInput]
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ..., instalments: _Optional[_Iterable[_Union[InstalmentInput, _Mapping]]] = ...) -> None: ...

class UpdatePaymentPlanResponse(_message.Message):
    __slots__ = ("plan",)
    PLAN_FIELD_NUMBER: _ClassVar[int]
    plan: PaymentPlan
    def __init__(self, plan: _Optional[_Union[PaymentPlan, _Mapping]] = ...) -> None: ...

class Allocation(_message.Message):
    __slots__ = ("instalment_id", "amount")
    INSTALMENT_ID_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    instalment_id: str
    amount: _money_pb2.Money
    def __init__(self, instalment_id: _Optional[str] = ..., amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ...) -> None: ...

class Receipt(_message.Message):
    __slots__ = ("id", "contract_id", "plan_id", "customer_id", "owner_id", "amount", "received_on", "method", "reference", "note", "status", "allocations", "approved_at", "version", "created_at", "updated_at", "created_by", "order_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    PLAN_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    RECEIVED_ON_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    ALLOCATIONS_FIELD_NUMBER: _ClassVar[int]
    APPROVED_AT_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    contract_id: str
    plan_id: str
    customer_id: str
    owner_id: str
    amount: _money_pb2.Money
    received_on: str
    method: str
    reference: str
    note: str
    status: str
    allocations: _containers.RepeatedCompositeFieldContainer[Allocation]
    approved_at: _timestamp_pb2.Timestamp
    version: int
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    created_by: str
    order_id: str
    def __init__(self, id: _Optional[str] = ..., contract_id: _Optional[str] = ..., plan_id: _Optional[str] = ..., customer_id: _Optional[str] = ..., owner_id: _Optional[str] = ..., amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., received_on: _Optional[str] = ..., method: _Optional[str] = ..., reference: _Optional[str] = ..., note: _Optional[str] = ..., status: _Optional[str] = ..., allocations: _Optional[_Iterable[_Union[Allocation, _Mapping]]] = ..., approved_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., version: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., created_by: _Optional[str] = ..., order_id: _Optional[str] = ...) -> None: ...

class RecordReceiptRequest(_message.Message):
    __slots__ = ("contract_id", "amount", "received_on", "method", "reference", "note", "allocations", "order_id")
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    RECEIVED_ON_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    ALLOCATIONS_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    contract_id: str
    amount: _money_pb2.Money
    received_on: str
    method: str
    reference: str
    note: str
    allocations: _containers.RepeatedCompositeFieldContainer[Allocation]
    order_id: str
    def __init__(self, contract_id: _Optional[str] = ..., amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., received_on: _Optional[str] = ..., method: _Optional[str] = ..., reference: _Optional[str] = ..., note: _Optional[str] = ..., allocations: _Optional[_Iterable[_Union[Allocation, _Mapping]]] = ..., order_id: _Optional[str] = ...) -> None: ...

class RecordReceiptResponse(_message.Message):
    __slots__ = ("receipt",)
    RECEIPT_FIELD_NUMBER: _ClassVar[int]
    receipt: Receipt
    def __init__(self, receipt: _Optional[_Union[Receipt, _Mapping]] = ...) -> None: ...

class GetReceiptRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class GetReceiptResponse(_message.Message):
    __slots__ = ("receipt",)
    RECEIPT_FIELD_NUMBER: _ClassVar[int]
    receipt: Receipt
    def __init__(self, receipt: _Optional[_Union[Receipt, _Mapping]] = ...) -> None: ...

class ListReceiptsRequest(_message.Message):
    __slots__ = ("options",)
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    options: ListOptions
    def __init__(self, options: _Optional[_Union[ListOptions, _Mapping]] = ...) -> None: ...

class ListReceiptsResponse(_message.Message):
    __slots__ = ("receipts", "page")
    RECEIPTS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    receipts: _containers.RepeatedCompositeFieldContainer[Receipt]
    page: _paging_pb2.PageResponse
    def __init__(self, receipts: _Optional[_Iterable[_Union[Receipt, _Mapping]]] = ..., page: _Optional[_Union[_paging_pb2.PageResponse, _Mapping]] = ...) -> None: ...

class ReceiptFields(_message.Message):
    __slots__ = ("method", "reference", "note")
    METHOD_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    method: str
    reference: str
    note: str
    def __init__(self, method: _Optional[str] = ..., reference: _Optional[str] = ..., note: _Optional[str] = ...) -> None: ...

class UpdateReceiptRequest(_message.Message):
    __slots__ = ("id", "expected_version", "patch", "update_mask")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    PATCH_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    patch: ReceiptFields
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ..., patch: _Optional[_Union[ReceiptFields, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdateReceiptResponse(_message.Message):
    __slots__ = ("receipt",)
    RECEIPT_FIELD_NUMBER: _ClassVar[int]
    receipt: Receipt
    def __init__(self, receipt: _Optional[_Union[Receipt, _Mapping]] = ...) -> None: ...

class VoidReceiptRequest(_message.Message):
    __slots__ = ("id", "reason", "expected_version")
    ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    reason: str
    expected_version: int
    def __init__(self, id: _Optional[str] = ..., reason: _Optional[str] = ..., expected_version: _Optional[int] = ...) -> None: ...

class VoidReceiptResponse(_message.Message):
    __slots__ = ("receipt",)
    RECEIPT_FIELD_NUMBER: _ClassVar[int]
    receipt: Receipt
    def __init__(self, receipt: _Optional[_Union[Receipt, _Mapping]] = ...) -> None: ...

class BillingProfile(_message.Message):
    __slots__ = ("title", "tax_id", "bank", "address")
    TITLE_FIELD_NUMBER: _ClassVar[int]
    TAX_ID_FIELD_NUMBER: _ClassVar[int]
    BANK_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    title: str
    tax_id: str
    bank: str
    address: str
    def __init__(self, title: _Optional[str] = ..., tax_id: _Optional[str] = ..., bank: _Optional[str] = ..., address: _Optional[str] = ...) -> None: ...

class Invoice(_message.Message):
    __slots__ = ("id", "contract_id", "order_id", "receipt_id", "customer_id", "owner_id", "amount", "tax_rate", "tax_amount", "net_amount", "billing", "note", "status", "invoice_number", "issued_on", "void_reason", "version", "created_at", "updated_at", "created_by")
    ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    RECEIPT_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    TAX_RATE_FIELD_NUMBER: _ClassVar[int]
    TAX_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    NET_AMOUNT_FIELD_NUMBER: _ClassVar[int]
    BILLING_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    INVOICE_NUMBER_FIELD_NUMBER: _ClassVar[int]
    ISSUED_ON_FIELD_NUMBER: _ClassVar[int]
    VOID_REASON_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    id: str
    contract_id: str
    order_id: str
    receipt_id: str
    customer_id: str
    owner_id: str
    amount: _money_pb2.Money
    tax_rate: str
    tax_amount: _money_pb2.Money
    net_amount: _money_pb2.Money
    billing: BillingProfile
    note: str
    status: str
    invoice_number: str
    issued_on: str
    void_reason: str
    version: int
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    created_by: str
    def __init__(self, id: _Optional[str] = ..., contract_id: _Optional[str] = ..., order_id: _Optional[str] = ..., receipt_id: _Optional[str] = ..., customer_id: _Optional[str] = ..., owner_id: _Optional[str] = ..., amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., tax_rate: _Optional[str] = ..., tax_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., net_amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., billing: _Optional[_Union[BillingProfile, _Mapping]] = ..., note: _Optional[str] = ..., status: _Optional[str] = ..., invoice_number: _Optional[str] = ..., issued_on: _Optional[str] = ..., void_reason: _Optional[str] = ..., version: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., created_by: _Optional[str] = ...) -> None: ...

class RequestInvoiceRequest(_message.Message):
    __slots__ = ("contract_id", "amount", "tax_rate", "billing", "order_id", "receipt_id", "note")
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    TAX_RATE_FIELD_NUMBER: _ClassVar[int]
    BILLING_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    RECEIPT_ID_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    contract_id: str
    amount: _money_pb2.Money
    tax_rate: str
    billing: BillingProfile
    order_id: str
    receipt_id: str
    note: str
    def __init__(self, contract_id: _Optional[str] = ..., amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., tax_rate: _Optional[str] = ..., billing: _Optional[_Union[BillingProfile, _Mapping]] = ..., order_id: _Optional[str] = ..., receipt_id: _Optional[str] = ..., note: _Optional[str] = ...) -> None: ...

class RequestInvoiceResponse(_message.Message):
    __slots__ = ("invoice",)
    INVOICE_FIELD_NUMBER: _ClassVar[int]
    invoice: Invoice
    def __init__(self, invoice: _Optional[_Union[Invoice, _Mapping]] = ...) -> None: ...

class GetInvoiceRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class GetInvoiceResponse(_message.Message):
    __slots__ = ("invoice",)
    INVOICE_FIELD_NUMBER: _ClassVar[int]
    invoice: Invoice
    def __init__(self, invoice: _Optional[_Union[Invoice, _Mapping]] = ...) -> None: ...

class ListInvoicesRequest(_message.Message):
    __slots__ = ("options",)
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    options: ListOptions
    def __init__(self, options: _Optional[_Union[ListOptions, _Mapping]] = ...) -> None: ...

class ListInvoicesResponse(_message.Message):
    __slots__ = ("invoices", "page")
    INVOICES_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    invoices: _containers.RepeatedCompositeFieldContainer[Invoice]
    page: _paging_pb2.PageResponse
    def __init__(self, invoices: _Optional[_Iterable[_Union[Invoice, _Mapping]]] = ..., page: _Optional[_Union[_paging_pb2.PageResponse, _Mapping]] = ...) -> None: ...

class InvoiceFields(_message.Message):
    __slots__ = ("billing", "note")
    BILLING_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    billing: BillingProfile
    note: str
    def __init__(self, billing: _Optional[_Union[BillingProfile, _Mapping]] = ..., note: _Optional[str] = ...) -> None: ...

class UpdateInvoiceRequest(_message.Message):
    __slots__ = ("id", "expected_version", "patch", "update_mask")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    PATCH_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    patch: InvoiceFields
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ..., patch: _Optional[_Union[InvoiceFields, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdateInvoiceResponse(_message.Message):
    __slots__ = ("invoice",)
    INVOICE_FIELD_NUMBER: _ClassVar[int]
    invoice: Invoice
    def __init__(self, invoice: _Optional[_Union[Invoice, _Mapping]] = ...) -> None: ...

class IssueInvoiceRequest(_message.Message):
    __slots__ = ("id", "invoice_number", "issued_on", "expected_version")
    ID_FIELD_NUMBER: _ClassVar[int]
    INVOICE_NUMBER_FIELD_NUMBER: _ClassVar[int]
    ISSUED_ON_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    invoice_number: str
    issued_on: str
    expected_version: int
    def __init__(self, id: _Optional[str] = ..., invoice_number: _Optional[str] = ..., issued_on: _Optional[str] = ..., expected_version: _Optional[int] = ...) -> None: ...

class IssueInvoiceResponse(_message.Message):
    __slots__ = ("invoice",)
    INVOICE_FIELD_NUMBER: _ClassVar[int]
    invoice: Invoice
    def __init__(self, invoice: _Optional[_Union[Invoice, _Mapping]] = ...) -> None: ...

class VoidInvoiceRequest(_message.Message):
    __slots__ = ("id", "reason", "expected_version")
    ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    reason: str
    expected_version: int
    def __init__(self, id: _Optional[str] = ..., reason: _Optional[str] = ..., expected_version: _Optional[int] = ...) -> None: ...

class VoidInvoiceResponse(_message.Message):
    __slots__ = ("invoice",)
    INVOICE_FIELD_NUMBER: _ClassVar[int]
    invoice: Invoice
    def __init__(self, invoice: _Optional[_Union[Invoice, _Mapping]] = ...) -> None: ...

class Target(_message.Message):
    __slots__ = ("id", "month", "metric", "scope_type", "scope_id", "value", "currency", "version", "created_at", "updated_at", "updated_by")
    ID_FIELD_NUMBER: _ClassVar[int]
    MONTH_FIELD_NUMBER: _ClassVar[int]
    METRIC_FIELD_NUMBER: _ClassVar[int]
    SCOPE_TYPE_FIELD_NUMBER: _ClassVar[int]
    SCOPE_ID_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_BY_FIELD_NUMBER: _ClassVar[int]
    id: str
    month: str
    metric: str
    scope_type: str
    scope_id: str
    value: int
    currency: str
    version: int
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    updated_by: str
    def __init__(self, id: _Optional[str] = ..., month: _Optional[str] = ..., metric: _Optional[str] = ..., scope_type: _Optional[str] = ..., scope_id: _Optional[str] = ..., value: _Optional[int] = ..., currency: _Optional[str] = ..., version: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_by: _Optional[str] = ...) -> None: ...

class CreateTargetRequest(_message.Message):
    __slots__ = ("month", "metric", "scope_type", "scope_id", "value", "currency")
    MONTH_FIELD_NUMBER: _ClassVar[int]
    METRIC_FIELD_NUMBER: _ClassVar[int]
    SCOPE_TYPE_FIELD_NUMBER: _ClassVar[int]
    SCOPE_ID_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    month: str
    metric: str
    scope_type: str
    scope_id: str
    value: int
    currency: str
    def __init__(self, month: _Optional[str] = ..., metric: _Optional[str] = ..., scope_type: _Optional[str] = ..., scope_id: _Optional[str] = ..., value: _Optional[int] = ..., currency: _Optional[str] = ...) -> None: ...

class CreateTargetResponse(_message.Message):
    __slots__ = ("target",)
    TARGET_FIELD_NUMBER: _ClassVar[int]
    target: Target
    def __init__(self, target: _Optional[_Union[Target, _Mapping]] = ...) -> None: ...

class GetTargetRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class GetTargetResponse(_message.Message):
    __slots__ = ("target",)
    TARGET_FIELD_NUMBER: _ClassVar[int]
    target: Target
    def __init__(self, target: _Optional[_Union[Target, _Mapping]] = ...) -> None: ...

class ListTargetsRequest(_message.Message):
    __slots__ = ("options",)
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    options: ListOptions
    def __init__(self, options: _Optional[_Union[ListOptions, _Mapping]] = ...) -> None: ...

class ListTargetsResponse(_message.Message):
    __slots__ = ("targets", "page")
    TARGETS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    targets: _containers.RepeatedCompositeFieldContainer[Target]
    page: _paging_pb2.PageResponse
    def __init__(self, targets: _Optional[_Iterable[_Union[Target, _Mapping]]] = ..., page: _Optional[_Union[_paging_pb2.PageResponse, _Mapping]] = ...) -> None: ...

class UpdateTargetRequest(_message.Message):
    __slots__ = ("id", "expected_version", "value", "currency")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    value: int
    currency: str
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ..., value: _Optional[int] = ..., currency: _Optional[str] = ...) -> None: ...

class UpdateTargetResponse(_message.Message):
    __slots__ = ("target",)
    TARGET_FIELD_NUMBER: _ClassVar[int]
    target: Target
    def __init__(self, target: _Optional[_Union[Target, _Mapping]] = ...) -> None: ...

class Stage(_message.Message):
    __slots__ = ("key", "label", "probability")
    KEY_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    PROBABILITY_FIELD_NUMBER: _ClassVar[int]
    key: str
    label: str
    probability: int
    def __init__(self, key: _Optional[str] = ..., label: _Optional[str] = ..., probability: _Optional[int] = ...) -> None: ...

class ApprovalFlow(_message.Message):
    __slots__ = ("record_type", "version", "steps")
    RECORD_TYPE_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    STEPS_FIELD_NUMBER: _ClassVar[int]
    record_type: str
    version: int
    steps: _containers.RepeatedCompositeFieldContainer[ApprovalStep]
    def __init__(self, record_type: _Optional[str] = ..., version: _Optional[int] = ..., steps: _Optional[_Iterable[_Union[ApprovalStep, _Mapping]]] = ...) -> None: ...

class SalesSettings(_message.Message):
    __slots__ = ("stages", "discount_approval_percent", "flows", "payment_grace_days", "renewal_reminder_days", "time_zone", "default_tax_rate", "version")
    STAGES_FIELD_NUMBER: _ClassVar[int]
    DISCOUNT_APPROVAL_PERCENT_FIELD_NUMBER: _ClassVar[int]
    FLOWS_FIELD_NUMBER: _ClassVar[int]
    PAYMENT_GRACE_DAYS_FIELD_NUMBER: _ClassVar[int]
    RENEWAL_REMINDER_DAYS_FIELD_NUMBER: _ClassVar[int]
    TIME_ZONE_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_TAX_RATE_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    stages: _containers.RepeatedCompositeFieldContainer[Stage]
    discount_approval_percent: str
    flows: _containers.RepeatedCompositeFieldContainer[ApprovalFlow]
    payment_grace_days: int
    renewal_reminder_days: int
    time_zone: str
    default_tax_rate: str
    version: int
    def __init__(self, stages: _Optional[_Iterable[_Union[Stage, _Mapping]]] = ..., discount_approval_percent: _Optional[str] = ..., flows: _Optional[_Iterable[_Union[ApprovalFlow, _Mapping]]] = ..., payment_grace_days: _Optional[int] = ..., renewal_reminder_days: _Optional[int] = ..., time_zone: _Optional[str] = ..., default_tax_rate: _Optional[str] = ..., version: _Optional[int] = ...) -> None: ...

class GetSalesSettingsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetSalesSettingsResponse(_message.Message):
    __slots__ = ("settings",)
    SETTINGS_FIELD_NUMBER: _ClassVar[int]
    settings: SalesSettings
    def __init__(self, settings: _Optional[_Union[SalesSettings, _Mapping]] = ...) -> None: ...

class UpdateSalesSettingsRequest(_message.Message):
    __slots__ = ("expected_version", "settings", "update_mask")
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    SETTINGS_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    expected_version: int
    settings: SalesSettings
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, expected_version: _Optional[int] = ..., settings: _Optional[_Union[SalesSettings, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdateSalesSettingsResponse(_message.Message):
    __slots__ = ("settings",)
    SETTINGS_FIELD_NUMBER: _ClassVar[int]
    settings: SalesSettings
    def __init__(self, settings: _Optional[_Union[SalesSettings, _Mapping]] = ...) -> None: ...
