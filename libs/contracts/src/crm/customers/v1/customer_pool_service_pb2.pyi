import datetime

from crm.common.v1 import paging_pb2 as _paging_pb2
from crm.customers.v1 import customers_service_pb2 as _customers_service_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class PoolRule(_message.Message):
    __slots__ = ("pool_id", "version", "no_follow_up_days", "no_deal_days", "remind_days", "reclaim_cooldown_days", "claimable_after_days", "owned_cap", "daily_claim_limit", "exempt_levels", "created_at", "created_by")
    POOL_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    NO_FOLLOW_UP_DAYS_FIELD_NUMBER: _ClassVar[int]
    NO_DEAL_DAYS_FIELD_NUMBER: _ClassVar[int]
    REMIND_DAYS_FIELD_NUMBER: _ClassVar[int]
    RECLAIM_COOLDOWN_DAYS_FIELD_NUMBER: _ClassVar[int]
    CLAIMABLE_AFTER_DAYS_FIELD_NUMBER: _ClassVar[int]
    OWNED_CAP_FIELD_NUMBER: _ClassVar[int]
    DAILY_CLAIM_LIMIT_FIELD_NUMBER: _ClassVar[int]
    EXEMPT_LEVELS_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    pool_id: str
    version: int
    no_follow_up_days: int
    no_deal_days: int
    remind_days: _containers.RepeatedScalarFieldContainer[int]
    reclaim_cooldown_days: int
    claimable_after_days: int
    owned_cap: int
    daily_claim_limit: int
    exempt_levels: _containers.RepeatedScalarFieldContainer[str]
    created_at: _timestamp_pb2.Timestamp
    created_by: str
    def __init__(self, pool_id: _Optional[str] = ..., version: _Optional[int] = ..., no_follow_up_days: _Optional[int] = ..., no_deal_days: _Optional[int] = ..., remind_days: _Optional[_Iterable[int]] = ..., reclaim_cooldown_days: _Optional[int] = ..., claimable_after_days: _Optional[int] = ..., owned_cap: _Optional[int] = ..., daily_claim_limit: _Optional[int] = ..., exempt_levels: _Optional[_Iterable[str]] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., created_by: _Optional[str] = ...) -> None: ...

class Pool(_message.Message):
    __slots__ = ("id", "name", "department_ids", "priority", "active", "release_reasons", "rule")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    DEPARTMENT_IDS_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    RELEASE_REASONS_FIELD_NUMBER: _ClassVar[int]
    RULE_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    department_ids: _containers.RepeatedScalarFieldContainer[str]
    priority: int
    active: bool
    release_reasons: _containers.RepeatedScalarFieldContainer[str]
    rule: PoolRule
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., department_ids: _Optional[_Iterable[str]] = ..., priority: _Optional[int] = ..., active: _Optional[bool] = ..., release_reasons: _Optional[_Iterable[str]] = ..., rule: _Optional[_Union[PoolRule, _Mapping]] = ...) -> None: ...

class ListPoolsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListPoolsResponse(_message.Message):
    __slots__ = ("pools",)
    POOLS_FIELD_NUMBER: _ClassVar[int]
    pools: _containers.RepeatedCompositeFieldContainer[Pool]
    def __init__(self, pools: _Optional[_Iterable[_Union[Pool, _Mapping]]] = ...) -> None: ...

class ListPoolCustomersRequest(_message.Message):
    __slots__ = ("page", "pool_id", "filter", "order_by")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    POOL_ID_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    ORDER_BY_FIELD_NUMBER: _ClassVar[int]
    page: _paging_pb2.PageRequest
    pool_id: str
    filter: str
    order_by: str
    def __init__(self, page: _Optional[_Union[_paging_pb2.PageRequest, _Mapping]] = ..., pool_id: _Optional[str] = ..., filter: _Optional[str] = ..., order_by: _Optional[str] = ...) -> None: ...

class PoolCustomer(_message.Message):
    __slots__ = ("customer", "contact_details_masked", "claimable_from")
    CUSTOMER_FIELD_NUMBER: _ClassVar[int]
    CONTACT_DETAILS_MASKED_FIELD_NUMBER: _ClassVar[int]
    CLAIMABLE_FROM_FIELD_NUMBER: _ClassVar[int]
    customer: _customers_service_pb2.Customer
    contact_details_masked: bool
    claimable_from: _timestamp_pb2.Timestamp
    def __init__(self, customer: _Optional[_Union[_customers_service_pb2.Customer, _Mapping]] = ..., contact_details_masked: _Optional[bool] = ..., claimable_from: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ListPoolCustomersResponse(_message.Message):
    __slots__ = ("customers", "page")
    CUSTOMERS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    customers: _containers.RepeatedCompositeFieldContainer[PoolCustomer]
    page: _paging_pb2.PageResponse
    def __init__(self, customers: _Optional[_Iterable[_Union[PoolCustomer, _Mapping]]] = ..., page: _Optional[_Union[_paging_pb2.PageResponse, _Mapping]] = ...) -> None: ...

class ClaimCustomersRequest(_message.Message):
    __slots__ = ("customer_ids",)
    CUSTOMER_IDS_FIELD_NUMBER: _ClassVar[int]
    customer_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, customer_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class ClaimCustomersResponse(_message.Message):
    __slots__ = ("customers",)
    CUSTOMERS_FIELD_NUMBER: _ClassVar[int]
    customers: _containers.RepeatedCompositeFieldContainer[_customers_service_pb2.Customer]
    def __init__(self, customers: _Optional[_Iterable[_Union[_customers_service_pb2.Customer, _Mapping]]] = ...) -> None: ...

class ReleaseCustomerRequest(_message.Message):
    __slots__ = ("customer_id", "pool_id", "reason", "expected_version")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    POOL_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    pool_id: str
    reason: str
    expected_version: int
    def __init__(self, customer_id: _Optional[str] = ..., pool_id: _Optional[str] = ..., reason: _Optional[str] = ..., expected_version: _Optional[int] = ...) -> None: ...

class ReleaseCustomerResponse(_message.Message):
    __slots__ = ("customer",)
    CUSTOMER_FIELD_NUMBER: _ClassVar[int]
    customer: _customers_service_pb2.Customer
    def __init__(self, customer: _Optional[_Union[_customers_service_pb2.Customer, _Mapping]] = ...) -> None: ...

class AssignCustomersRequest(_message.Message):
    __slots__ = ("customer_ids", "owner_id", "reason")
    CUSTOMER_IDS_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    customer_ids: _containers.RepeatedScalarFieldContainer[str]
    owner_id: str
    reason: str
    def __init__(self, customer_ids: _Optional[_Iterable[str]] = ..., owner_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class AssignCustomersResponse(_message.Message):
    __slots__ = ("customers",)
    CUSTOMERS_FIELD_NUMBER: _ClassVar[int]
    customers: _containers.RepeatedCompositeFieldContainer[_customers_service_pb2.Customer]
    def __init__(self, customers: _Optional[_Iterable[_Union[_customers_service_pb2.Customer, _Mapping]]] = ...) -> None: ...

class TransferCustomersRequest(_message.Message):
    __slots__ = ("customer_ids", "owner_id", "cascade", "reason", "keep_previous_owner_access", "keep_previous_owner_days")
    CUSTOMER_IDS_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    CASCADE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    KEEP_PREVIOUS_OWNER_ACCESS_FIELD_NUMBER: _ClassVar[int]
    KEEP_PREVIOUS_OWNER_DAYS_FIELD_NUMBER: _ClassVar[int]
    customer_ids: _containers.RepeatedScalarFieldContainer[str]
    owner_id: str
    cascade: bool
    reason: str
    keep_previous_owner_access: str
    keep_previous_owner_days: int
    def __init__(self, customer_ids: _Optional[_Iterable[str]] = ..., owner_id: _Optional[str] = ..., cascade: _Optional[bool] = ..., reason: _Optional[str] = ..., keep_previous_owner_access: _Optional[str] = ..., keep_previous_owner_days: _Optional[int] = ...) -> None: ...

class TransferCustomersResponse(_message.Message):
    __slots__ = ("customers",)
    CUSTOMERS_FIELD_NUMBER: _ClassVar[int]
    customers: _containers.RepeatedCompositeFieldContainer[_customers_service_pb2.Customer]
    def __init__(self, customers: _Optional[_Iterable[_Union[_customers_service_pb2.Customer, _Mapping]]] = ...) -> None: ...

class TransferAllCustomersRequest(_message.Message):
    __slots__ = ("from_owner_id", "to_owner_id", "cascade", "reason", "keep_previous_owner_access", "keep_previous_owner_days")
    FROM_OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    TO_OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    CASCADE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    KEEP_PREVIOUS_OWNER_ACCESS_FIELD_NUMBER: _ClassVar[int]
    KEEP_PREVIOUS_OWNER_DAYS_FIELD_NUMBER: _ClassVar[int]
    from_owner_id: str
    to_owner_id: str
    cascade: bool
    reason: str
    keep_previous_owner_access: str
    keep_previous_owner_days: int
    def __init__(self, from_owner_id: _Optional[str] = ..., to_owner_id: _Optional[str] = ..., cascade: _Optional[bool] = ..., reason: _Optional[str] = ..., keep_previous_owner_access: _Optional[str] = ..., keep_previous_owner_days: _Optional[int] = ...) -> None: ...

class TransferAllCustomersResponse(_message.Message):
    __slots__ = ("customer_ids",)
    CUSTOMER_IDS_FIELD_NUMBER: _ClassVar[int]
    customer_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, customer_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class RunRecycleSweepRequest(_message.Message):
    __slots__ = ("as_of", "dry_run", "confirm")
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    DRY_RUN_FIELD_NUMBER: _ClassVar[int]
    CONFIRM_FIELD_NUMBER: _ClassVar[int]
    as_of: _timestamp_pb2.Timestamp
    dry_run: bool
    confirm: bool
    def __init__(self, as_of: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., dry_run: _Optional[bool] = ..., confirm: _Optional[bool] = ...) -> None: ...

class RunRecycleSweepResponse(_message.Message):
    __slots__ = ("evaluated", "acted", "skipped", "exempted", "failed", "customer_ids", "stopped_by_guard")
    EVALUATED_FIELD_NUMBER: _ClassVar[int]
    ACTED_FIELD_NUMBER: _ClassVar[int]
    SKIPPED_FIELD_NUMBER: _ClassVar[int]
    EXEMPTED_FIELD_NUMBER: _ClassVar[int]
    FAILED_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_IDS_FIELD_NUMBER: _ClassVar[int]
    STOPPED_BY_GUARD_FIELD_NUMBER: _ClassVar[int]
    evaluated: int
    acted: int
    skipped: int
    exempted: int
    failed: int
    customer_ids: _containers.RepeatedScalarFieldContainer[str]
    stopped_by_guard: bool
    def __init__(self, evaluated: _Optional[int] = ..., acted: _Optional[int] = ..., skipped: _Optional[int] = ..., exempted: _Optional[int] = ..., failed: _Optional[int] = ..., customer_ids: _Optional[_Iterable[str]] = ..., stopped_by_guard: _Optional[bool] = ...) -> None: ...

class RunRemindersRequest(_message.Message):
    __slots__ = ("as_of",)
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    as_of: _timestamp_pb2.Timestamp
    def __init__(self, as_of: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class RunRemindersResponse(_message.Message):
    __slots__ = ("recycle_warnings", "follow_ups_due")
    RECYCLE_WARNINGS_FIELD_NUMBER: _ClassVar[int]
    FOLLOW_UPS_DUE_FIELD_NUMBER: _ClassVar[int]
    recycle_warnings: int
    follow_ups_due: int
    def __init__(self, recycle_warnings: _Optional[int] = ..., follow_ups_due: _Optional[int] = ...) -> None: ...

class DefinePoolRuleRequest(_message.Message):
    __slots__ = ("rule",)
    RULE_FIELD_NUMBER: _ClassVar[int]
    rule: PoolRule
    def __init__(self, rule: _Optional[_Union[PoolRule, _Mapping]] = ...) -> None: ...

class DefinePoolRuleResponse(_message.Message):
    __slots__ = ("rule", "due_now", "due_soon", "graced")
    RULE_FIELD_NUMBER: _ClassVar[int]
    DUE_NOW_FIELD_NUMBER: _ClassVar[int]
    DUE_SOON_FIELD_NUMBER: _ClassVar[int]
    GRACED_FIELD_NUMBER: _ClassVar[int]
    rule: PoolRule
    due_now: _containers.RepeatedScalarFieldContainer[str]
    due_soon: _containers.RepeatedScalarFieldContainer[str]
    graced: int
    def __init__(self, rule: _Optional[_Union[PoolRule, _Mapping]] = ..., due_now: _Optional[_Iterable[str]] = ..., due_soon: _Optional[_Iterable[str]] = ..., graced: _Optional[int] = ...) -> None: ...

class PreviewPoolRuleRequest(_message.Message):
    __slots__ = ("rule",)
    RULE_FIELD_NUMBER: _ClassVar[int]
    rule: PoolRule
    def __init__(self, rule: _Optional[_Union[PoolRule, _Mapping]] = ...) -> None: ...

class PreviewPoolRuleResponse(_message.Message):
    __slots__ = ("due_now", "due_soon")
    DUE_NOW_FIELD_NUMBER: _ClassVar[int]
    DUE_SOON_FIELD_NUMBER: _ClassVar[int]
    due_now: _containers.RepeatedScalarFieldContainer[str]
    due_soon: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, due_now: _Optional[_Iterable[str]] = ..., due_soon: _Optional[_Iterable[str]] = ...) -> None: ...
