import datetime

from crm.common.v1 import paging_pb2 as _paging_pb2
from google.protobuf import field_mask_pb2 as _field_mask_pb2
from google.protobuf import struct_pb2 as _struct_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Customer(_message.Message):
    __slots__ = ("id", "name", "owner_id", "level", "industry", "phone", "email", "version", "created_at", "updated_at", "created_by", "kind", "classification", "status", "region", "source", "address", "latitude", "longitude", "phones", "emails", "website", "tags", "uscc", "custom", "owner_since", "last_follow_up_at", "deal_at", "pool_id", "pool_entered_at", "previous_owner_id", "exemption_ended_at", "locked", "deleted_at", "deletion_batch_id", "merged_into_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    INDUSTRY_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    CLASSIFICATION_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    LATITUDE_FIELD_NUMBER: _ClassVar[int]
    LONGITUDE_FIELD_NUMBER: _ClassVar[int]
    PHONES_FIELD_NUMBER: _ClassVar[int]
    EMAILS_FIELD_NUMBER: _ClassVar[int]
    WEBSITE_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    USCC_FIELD_NUMBER: _ClassVar[int]
    CUSTOM_FIELD_NUMBER: _ClassVar[int]
    OWNER_SINCE_FIELD_NUMBER: _ClassVar[int]
    LAST_FOLLOW_UP_AT_FIELD_NUMBER: _ClassVar[int]
    DEAL_AT_FIELD_NUMBER: _ClassVar[int]
    POOL_ID_FIELD_NUMBER: _ClassVar[int]
    POOL_ENTERED_AT_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    EXEMPTION_ENDED_AT_FIELD_NUMBER: _ClassVar[int]
    LOCKED_FIELD_NUMBER: _ClassVar[int]
    DELETED_AT_FIELD_NUMBER: _ClassVar[int]
    DELETION_BATCH_ID_FIELD_NUMBER: _ClassVar[int]
    MERGED_INTO_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    owner_id: str
    level: str
    industry: str
    phone: str
    email: str
    version: int
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    created_by: str
    kind: str
    classification: str
    status: str
    region: str
    source: str
    address: str
    latitude: float
    longitude: float
    phones: _containers.RepeatedScalarFieldContainer[str]
    emails: _containers.RepeatedScalarFieldContainer[str]
    website: str
    tags: _containers.RepeatedScalarFieldContainer[str]
    uscc: str
    custom: _struct_pb2.Struct
    owner_since: _timestamp_pb2.Timestamp
    last_follow_up_at: _timestamp_pb2.Timestamp
    deal_at: _timestamp_pb2.Timestamp
    pool_id: str
    pool_entered_at: _timestamp_pb2.Timestamp
    previous_owner_id: str
    exemption_ended_at: _timestamp_pb2.Timestamp
    locked: bool
    deleted_at: _timestamp_pb2.Timestamp
    deletion_batch_id: str
    merged_into_id: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., owner_id: _Optional[str] = ..., level: _Optional[str] = ..., industry: _Optional[str] = ..., phone: _Optional[str] = ..., email: _Optional[str] = ..., version: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., created_by: _Optional[str] = ..., kind: _Optional[str] = ..., classification: _Optional[str] = ..., status: _Optional[str] = ..., region: _Optional[str] = ..., source: _Optional[str] = ..., address: _Optional[str] = ..., latitude: _Optional[float] = ..., longitude: _Optional[float] = ..., phones: _Optional[_Iterable[str]] = ..., emails: _Optional[_Iterable[str]] = ..., website: _Optional[str] = ..., tags: _Optional[_Iterable[str]] = ..., uscc: _Optional[str] = ..., custom: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., owner_since: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., last_follow_up_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., deal_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., pool_id: _Optional[str] = ..., pool_entered_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., previous_owner_id: _Optional[str] = ..., exemption_ended_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., locked: _Optional[bool] = ..., deleted_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., deletion_batch_id: _Optional[str] = ..., merged_into_id: _Optional[str] = ...) -> None: ...

class CreateCustomerRequest(_message.Message):
    __slots__ = ("name", "owner_id", "level", "industry", "phone", "email", "kind", "classification", "status", "region", "source", "address", "latitude", "longitude", "phones", "emails", "website", "tags", "uscc", "custom")
    NAME_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    INDUSTRY_FIELD_NUMBER: _ClassVar[int]
    PHONE_FIELD_NUMBER: _ClassVar[int]
    EMAIL_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    CLASSIFICATION_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    LATITUDE_FIELD_NUMBER: _ClassVar[int]
    LONGITUDE_FIELD_NUMBER: _ClassVar[int]
    PHONES_FIELD_NUMBER: _ClassVar[int]
    EMAILS_FIELD_NUMBER: _ClassVar[int]
    WEBSITE_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    USCC_FIELD_NUMBER: _ClassVar[int]
    CUSTOM_FIELD_NUMBER: _ClassVar[int]
    name: str
    owner_id: str
    level: str
    industry: str
    phone: str
    email: str
    kind: str
    classification: str
    status: str
    region: str
    source: str
    address: str
    latitude: float
    longitude: float
    phones: _containers.RepeatedScalarFieldContainer[str]
    emails: _containers.RepeatedScalarFieldContainer[str]
    website: str
    tags: _containers.RepeatedScalarFieldContainer[str]
    uscc: str
    custom: _struct_pb2.Struct
    def __init__(self, name: _Optional[str] = ..., owner_id: _Optional[str] = ..., level: _Optional[str] = ..., industry: _Optional[str] = ..., phone: _Optional[str] = ..., email: _Optional[str] = ..., kind: _Optional[str] = ..., classification: _Optional[str] = ..., status: _Optional[str] = ..., region: _Optional[str] = ..., source: _Optional[str] = ..., address: _Optional[str] = ..., latitude: _Optional[float] = ..., longitude: _Optional[float] = ..., phones: _Optional[_Iterable[str]] = ..., emails: _Optional[_Iterable[str]] = ..., website: _Optional[str] = ..., tags: _Optional[_Iterable[str]] = ..., uscc: _Optional[str] = ..., custom: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class DuplicateMatch(_message.Message):
    __slots__ = ("key_type", "hard", "customer_id", "owner_id", "contact_id")
    KEY_TYPE_FIELD_NUMBER: _ClassVar[int]
    HARD_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    CONTACT_ID_FIELD_NUMBER: _ClassVar[int]
    key_type: str
    hard: bool
    customer_id: str
    owner_id: str
    contact_id: str
    def __init__(self, key_type: _Optional[str] = ..., hard: _Optional[bool] = ..., customer_id: _Optional[str] = ..., owner_id: _Optional[str] = ..., contact_id: _Optional[str] = ...) -> None: ...

class CreateCustomerResponse(_message.Message):
    __slots__ = ("customer", "warnings")
    CUSTOMER_FIELD_NUMBER: _ClassVar[int]
    WARNINGS_FIELD_NUMBER: _ClassVar[int]
    customer: Customer
    warnings: _containers.RepeatedCompositeFieldContainer[DuplicateMatch]
    def __init__(self, customer: _Optional[_Union[Customer, _Mapping]] = ..., warnings: _Optional[_Iterable[_Union[DuplicateMatch, _Mapping]]] = ...) -> None: ...

class GetCustomerRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class GetCustomerResponse(_message.Message):
    __slots__ = ("customer",)
    CUSTOMER_FIELD_NUMBER: _ClassVar[int]
    customer: Customer
    def __init__(self, customer: _Optional[_Union[Customer, _Mapping]] = ...) -> None: ...

class ListCustomersRequest(_message.Message):
    __slots__ = ("page", "owner_id", "filter", "order_by")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    ORDER_BY_FIELD_NUMBER: _ClassVar[int]
    page: _paging_pb2.PageRequest
    owner_id: str
    filter: str
    order_by: str
    def __init__(self, page: _Optional[_Union[_paging_pb2.PageRequest, _Mapping]] = ..., owner_id: _Optional[str] = ..., filter: _Optional[str] = ..., order_by: _Optional[str] = ...) -> None: ...

class ListCustomersResponse(_message.Message):
    __slots__ = ("customers", "page")
    CUSTOMERS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    customers: _containers.RepeatedCompositeFieldContainer[Customer]
    page: _paging_pb2.PageResponse
    def __init__(self, customers: _Optional[_Iterable[_Union[Customer, _Mapping]]] = ..., page: _Optional[_Union[_paging_pb2.PageResponse, _Mapping]] = ...) -> None: ...

class CustomerPatch(_message.Message):
    __slots__ = ("name", "level", "industry", "kind", "classification", "status", "region", "source", "address", "latitude", "longitude", "phones", "emails", "website", "tags", "uscc", "custom")
    NAME_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    INDUSTRY_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    CLASSIFICATION_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    LATITUDE_FIELD_NUMBER: _ClassVar[int]
    LONGITUDE_FIELD_NUMBER: _ClassVar[int]
    PHONES_FIELD_NUMBER: _ClassVar[int]
    EMAILS_FIELD_NUMBER: _ClassVar[int]
    WEBSITE_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    USCC_FIELD_NUMBER: _ClassVar[int]
    CUSTOM_FIELD_NUMBER: _ClassVar[int]
    name: str
    level: str
    industry: str
    kind: str
    classification: str
    status: str
    region: str
    source: str
    address: str
    latitude: float
    longitude: float
    phones: _containers.RepeatedScalarFieldContainer[str]
    emails: _containers.RepeatedScalarFieldContainer[str]
    website: str
    tags: _containers.RepeatedScalarFieldContainer[str]
    uscc: str
    custom: _struct_pb2.Struct
    def __init__(self, name: _Optional[str] = ..., level: _Optional[str] = ..., industry: _Optional[str] = ..., kind: _Optional[str] = ..., classification: _Optional[str] = ..., status: _Optional[str] = ..., region: _Optional[str] = ..., source: _Optional[str] = ..., address: _Optional[str] = ..., latitude: _Optional[float] = ..., longitude: _Optional[float] = ..., phones: _Optional[_Iterable[str]] = ..., emails: _Optional[_Iterable[str]] = ..., website: _Optional[str] = ..., tags: _Optional[_Iterable[str]] = ..., uscc: _Optional[str] = ..., custom: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class UpdateCustomerRequest(_message.Message):
    __slots__ = ("id", "expected_version", "patch", "update_mask")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    PATCH_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    patch: CustomerPatch
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ..., patch: _Optional[_Union[CustomerPatch, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdateCustomerResponse(_message.Message):
    __slots__ = ("customer", "warnings")
    CUSTOMER_FIELD_NUMBER: _ClassVar[int]
    WARNINGS_FIELD_NUMBER: _ClassVar[int]
    customer: Customer
    warnings: _containers.RepeatedCompositeFieldContainer[DuplicateMatch]
    def __init__(self, customer: _Optional[_Union[Customer, _Mapping]] = ..., warnings: _Optional[_Iterable[_Union[DuplicateMatch, _Mapping]]] = ...) -> None: ...

class HistoryEntry(_message.Message):
    __slots__ = ("id", "entity_type", "entity_id", "field", "old_value", "new_value", "actor_id", "changed_at", "reason", "change_id", "version")
    ID_FIELD_NUMBER: _ClassVar[int]
    ENTITY_TYPE_FIELD_NUMBER: _ClassVar[int]
    ENTITY_ID_FIELD_NUMBER: _ClassVar[int]
    FIELD_FIELD_NUMBER: _ClassVar[int]
    OLD_VALUE_FIELD_NUMBER: _ClassVar[int]
    NEW_VALUE_FIELD_NUMBER: _ClassVar[int]
    ACTOR_ID_FIELD_NUMBER: _ClassVar[int]
    CHANGED_AT_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    CHANGE_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    entity_type: str
    entity_id: str
    field: str
    old_value: str
    new_value: str
    actor_id: str
    changed_at: _timestamp_pb2.Timestamp
    reason: str
    change_id: str
    version: int
    def __init__(self, id: _Optional[str] = ..., entity_type: _Optional[str] = ..., entity_id: _Optional[str] = ..., field: _Optional[str] = ..., old_value: _Optional[str] = ..., new_value: _Optional[str] = ..., actor_id: _Optional[str] = ..., changed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., reason: _Optional[str] = ..., change_id: _Optional[str] = ..., version: _Optional[int] = ...) -> None: ...

class GetCustomerHistoryRequest(_message.Message):
    __slots__ = ("customer_id", "page")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    page: _paging_pb2.PageRequest
    def __init__(self, customer_id: _Optional[str] = ..., page: _Optional[_Union[_paging_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class GetCustomerHistoryResponse(_message.Message):
    __slots__ = ("entries", "page")
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    entries: _containers.RepeatedCompositeFieldContainer[HistoryEntry]
    page: _paging_pb2.PageResponse
    def __init__(self, entries: _Optional[_Iterable[_Union[HistoryEntry, _Mapping]]] = ..., page: _Optional[_Union[_paging_pb2.PageResponse, _Mapping]] = ...) -> None: ...

class CheckDuplicatesRequest(_message.Message):
    __slots__ = ("kind", "name", "phones", "emails", "website", "uscc", "exclude_customer_id")
    KIND_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PHONES_FIELD_NUMBER: _ClassVar[int]
    EMAILS_FIELD_NUMBER: _ClassVar[int]
    WEBSITE_FIELD_NUMBER: _ClassVar[int]
    USCC_FIELD_NUMBER: _ClassVar[int]
    EXCLUDE_CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    kind: str
    name: str
    phones: _containers.RepeatedScalarFieldContainer[str]
    emails: _containers.RepeatedScalarFieldContainer[str]
    website: str
    uscc: str
    exclude_customer_id: str
    def __init__(self, kind: _Optional[str] = ..., name: _Optional[str] = ..., phones: _Optional[_Iterable[str]] = ..., emails: _Optional[_Iterable[str]] = ..., website: _Optional[str] = ..., uscc: _Optional[str] = ..., exclude_customer_id: _Optional[str] = ...) -> None: ...

class CheckDuplicatesResponse(_message.Message):
    __slots__ = ("conflicts", "warnings")
    CONFLICTS_FIELD_NUMBER: _ClassVar[int]
    WARNINGS_FIELD_NUMBER: _ClassVar[int]
    conflicts: _containers.RepeatedCompositeFieldContainer[DuplicateMatch]
    warnings: _containers.RepeatedCompositeFieldContainer[DuplicateMatch]
    def __init__(self, conflicts: _Optional[_Iterable[_Union[DuplicateMatch, _Mapping]]] = ..., warnings: _Optional[_Iterable[_Union[DuplicateMatch, _Mapping]]] = ...) -> None: ...

class FindByPhoneRequest(_message.Message):
    __slots__ = ("phone",)
    PHONE_FIELD_NUMBER: _ClassVar[int]
    phone: str
    def __init__(self, phone: _Optional[str] = ...) -> None: ...

class FindByPhoneResponse(_message.Message):
    __slots__ = ("customers", "contacts")
    CUSTOMERS_FIELD_NUMBER: _ClassVar[int]
    CONTACTS_FIELD_NUMBER: _ClassVar[int]
    customers: _containers.RepeatedCompositeFieldContainer[Customer]
    contacts: _containers.RepeatedCompositeFieldContainer[Contact]
    def __init__(self, customers: _Optional[_Iterable[_Union[Customer, _Mapping]]] = ..., contacts: _Optional[_Iterable[_Union[Contact, _Mapping]]] = ...) -> None: ...

class LockCustomerRequest(_message.Message):
    __slots__ = ("id", "expected_version")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ...) -> None: ...

class LockCustomerResponse(_message.Message):
    __slots__ = ("customer",)
    CUSTOMER_FIELD_NUMBER: _ClassVar[int]
    customer: Customer
    def __init__(self, customer: _Optional[_Union[Customer, _Mapping]] = ...) -> None: ...

class UnlockCustomerRequest(_message.Message):
    __slots__ = ("id", "expected_version")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ...) -> None: ...

class UnlockCustomerResponse(_message.Message):
    __slots__ = ("customer",)
    CUSTOMER_FIELD_NUMBER: _ClassVar[int]
    customer: Customer
    def __init__(self, customer: _Optional[_Union[Customer, _Mapping]] = ...) -> None: ...

class DeleteCustomerRequest(_message.Message):
    __slots__ = ("id", "expected_version")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ...) -> None: ...

class DeleteCustomerResponse(_message.Message):
    __slots__ = ("customer",)
    CUSTOMER_FIELD_NUMBER: _ClassVar[int]
    customer: Customer
    def __init__(self, customer: _Optional[_Union[Customer, _Mapping]] = ...) -> None: ...

class RestoreCustomerRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class RestoreCustomerResponse(_message.Message):
    __slots__ = ("customer",)
    CUSTOMER_FIELD_NUMBER: _ClassVar[int]
    customer: Customer
    def __init__(self, customer: _Optional[_Union[Customer, _Mapping]] = ...) -> None: ...

class ListDeletedCustomersRequest(_message.Message):
    __slots__ = ("page",)
    PAGE_FIELD_NUMBER: _ClassVar[int]
    page: _paging_pb2.PageRequest
    def __init__(self, page: _Optional[_Union[_paging_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListDeletedCustomersResponse(_message.Message):
    __slots__ = ("customers", "page")
    CUSTOMERS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    customers: _containers.RepeatedCompositeFieldContainer[Customer]
    page: _paging_pb2.PageResponse
    def __init__(self, customers: _Optional[_Iterable[_Union[Customer, _Mapping]]] = ..., page: _Optional[_Union[_paging_pb2.PageResponse, _Mapping]] = ...) -> None: ...

class PurgeDeletedRequest(_message.Message):
    __slots__ = ("older_than_days", "limit")
    OLDER_THAN_DAYS_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    older_than_days: int
    limit: int
    def __init__(self, older_than_days: _Optional[int] = ..., limit: _Optional[int] = ...) -> None: ...

class PurgeDeletedResponse(_message.Message):
    __slots__ = ("purged_customer_ids", "purged_contacts", "more")
    PURGED_CUSTOMER_IDS_FIELD_NUMBER: _ClassVar[int]
    PURGED_CONTACTS_FIELD_NUMBER: _ClassVar[int]
    MORE_FIELD_NUMBER: _ClassVar[int]
    purged_customer_ids: _containers.RepeatedScalarFieldContainer[str]
    purged_contacts: int
    more: bool
    def __init__(self, purged_customer_ids: _Optional[_Iterable[str]] = ..., purged_contacts: _Optional[int] = ..., more: _Optional[bool] = ...) -> None: ...

class MergeCustomersRequest(_message.Message):
    __slots__ = ("survivor_id", "victim_id", "survivor_version", "victim_version", "choices")
    class ChoicesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    SURVIVOR_ID_FIELD_NUMBER: _ClassVar[int]
    VICTIM_ID_FIELD_NUMBER: _ClassVar[int]
    SURVIVOR_VERSION_FIELD_NUMBER: _ClassVar[int]
    VICTIM_VERSION_FIELD_NUMBER: _ClassVar[int]
    CHOICES_FIELD_NUMBER: _ClassVar[int]
    survivor_id: str
    victim_id: str
    survivor_version: int
    victim_version: int
    choices: _containers.ScalarMap[str, str]
    def __init__(self, survivor_id: _Optional[str] = ..., victim_id: _Optional[str] = ..., survivor_version: _Optional[int] = ..., victim_version: _Optional[int] = ..., choices: _Optional[_Mapping[str, str]] = ...) -> None: ...

class MergeCustomersResponse(_message.Message):
    __slots__ = ("survivor",)
    SURVIVOR_FIELD_NUMBER: _ClassVar[int]
    survivor: Customer
    def __init__(self, survivor: _Optional[_Union[Customer, _Mapping]] = ...) -> None: ...

class Share(_message.Message):
    __slots__ = ("customer_id", "grantee_type", "grantee_id", "access", "expires_at", "created_at", "created_by")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    GRANTEE_TYPE_FIELD_NUMBER: _ClassVar[int]
    GRANTEE_ID_FIELD_NUMBER: _ClassVar[int]
    ACCESS_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    grantee_type: str
    grantee_id: str
    access: str
    expires_at: _timestamp_pb2.Timestamp
    created_at: _timestamp_pb2.Timestamp
    created_by: str
    def __init__(self, customer_id: _Optional[str] = ..., grantee_type: _Optional[str] = ..., grantee_id: _Optional[str] = ..., access: _Optional[str] = ..., expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., created_by: _Optional[str] = ...) -> None: ...

class ShareCustomerRequest(_message.Message):
    __slots__ = ("customer_id", "grantee_type", "grantee_id", "access", "expires_at")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    GRANTEE_TYPE_FIELD_NUMBER: _ClassVar[int]
    GRANTEE_ID_FIELD_NUMBER: _ClassVar[int]
    ACCESS_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    grantee_type: str
    grantee_id: str
    access: str
    expires_at: _timestamp_pb2.Timestamp
    def __init__(self, customer_id: _Optional[str] = ..., grantee_type: _Optional[str] = ..., grantee_id: _Optional[str] = ..., access: _Optional[str] = ..., expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ShareCustomerResponse(_message.Message):
    __slots__ = ("share",)
    SHARE_FIELD_NUMBER: _ClassVar[int]
    share: Share
    def __init__(self, share: _Optional[_Union[Share, _Mapping]] = ...) -> None: ...

class UnshareCustomerRequest(_message.Message):
    __slots__ = ("customer_id", "grantee_type", "grantee_id")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    GRANTEE_TYPE_FIELD_NUMBER: _ClassVar[int]
    GRANTEE_ID_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    grantee_type: str
    grantee_id: str
    def __init__(self, customer_id: _Optional[str] = ..., grantee_type: _Optional[str] = ..., grantee_id: _Optional[str] = ...) -> None: ...

class UnshareCustomerResponse(_message.Message):
    __slots__ = ("removed",)
    REMOVED_FIELD_NUMBER: _ClassVar[int]
    removed: bool
    def __init__(self, removed: _Optional[bool] = ...) -> None: ...

class ListCustomerSharesRequest(_message.Message):
    __slots__ = ("customer_id",)
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    def __init__(self, customer_id: _Optional[str] = ...) -> None: ...

class ListCustomerSharesResponse(_message.Message):
    __slots__ = ("shares",)
    SHARES_FIELD_NUMBER: _ClassVar[int]
    shares: _containers.RepeatedCompositeFieldContainer[Share]
    def __init__(self, shares: _Optional[_Iterable[_Union[Share, _Mapping]]] = ...) -> None: ...

class Contact(_message.Message):
    __slots__ = ("id", "customer_id", "name", "title", "phones", "emails", "primary", "custom", "version", "created_at", "updated_at", "created_by", "deleted_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    PHONES_FIELD_NUMBER: _ClassVar[int]
    EMAILS_FIELD_NUMBER: _ClassVar[int]
    PRIMARY_FIELD_NUMBER: _ClassVar[int]
    CUSTOM_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    DELETED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    customer_id: str
    name: str
    title: str
    phones: _containers.RepeatedScalarFieldContainer[str]
    emails: _containers.RepeatedScalarFieldContainer[str]
    primary: bool
    custom: _struct_pb2.Struct
    version: int
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    created_by: str
    deleted_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., customer_id: _Optional[str] = ..., name: _Optional[str] = ..., title: _Optional[str] = ..., phones: _Optional[_Iterable[str]] = ..., emails: _Optional[_Iterable[str]] = ..., primary: _Optional[bool] = ..., custom: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., version: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., created_by: _Optional[str] = ..., deleted_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CreateContactRequest(_message.Message):
    __slots__ = ("customer_id", "name", "title", "phones", "emails", "primary", "custom")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    PHONES_FIELD_NUMBER: _ClassVar[int]
    EMAILS_FIELD_NUMBER: _ClassVar[int]
    PRIMARY_FIELD_NUMBER: _ClassVar[int]
    CUSTOM_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    name: str
    title: str
    phones: _containers.RepeatedScalarFieldContainer[str]
    emails: _containers.RepeatedScalarFieldContainer[str]
    primary: bool
    custom: _struct_pb2.Struct
    def __init__(self, customer_id: _Optional[str] = ..., name: _Optional[str] = ..., title: _Optional[str] = ..., phones: _Optional[_Iterable[str]] = ..., emails: _Optional[_Iterable[str]] = ..., primary: _Optional[bool] = ..., custom: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class CreateContactResponse(_message.Message):
    __slots__ = ("contact", "warnings")
    CONTACT_FIELD_NUMBER: _ClassVar[int]
    WARNINGS_FIELD_NUMBER: _ClassVar[int]
    contact: Contact
    warnings: _containers.RepeatedCompositeFieldContainer[DuplicateMatch]
    def __init__(self, contact: _Optional[_Union[Contact, _Mapping]] = ..., warnings: _Optional[_Iterable[_Union[DuplicateMatch, _Mapping]]] = ...) -> None: ...

class ContactPatch(_message.Message):
    __slots__ = ("name", "title", "phones", "emails", "primary", "custom")
    NAME_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    PHONES_FIELD_NUMBER: _ClassVar[int]
    EMAILS_FIELD_NUMBER: _ClassVar[int]
    PRIMARY_FIELD_NUMBER: _ClassVar[int]
    CUSTOM_FIELD_NUMBER: _ClassVar[int]
    name: str
    title: str
    phones: _containers.RepeatedScalarFieldContainer[str]
    emails: _containers.RepeatedScalarFieldContainer[str]
    primary: bool
    custom: _struct_pb2.Struct
    def __init__(self, name: _Optional[str] = ..., title: _Optional[str] = ..., phones: _Optional[_Iterable[str]] = ..., emails: _Optional[_Iterable[str]] = ..., primary: _Optional[bool] = ..., custom: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ...) -> None: ...

class UpdateContactRequest(_message.Message):
    __slots__ = ("id", "expected_version", "patch", "update_mask")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    PATCH_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    patch: ContactPatch
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ..., patch: _Optional[_Union[ContactPatch, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdateContactResponse(_message.Message):
    __slots__ = ("contact", "warnings")
    CONTACT_FIELD_NUMBER: _ClassVar[int]
    WARNINGS_FIELD_NUMBER: _ClassVar[int]
    contact: Contact
    warnings: _containers.RepeatedCompositeFieldContainer[DuplicateMatch]
    def __init__(self, contact: _Optional[_Union[Contact, _Mapping]] = ..., warnings: _Optional[_Iterable[_Union[DuplicateMatch, _Mapping]]] = ...) -> None: ...

class ListContactsRequest(_message.Message):
    __slots__ = ("customer_id", "page")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    page: _paging_pb2.PageRequest
    def __init__(self, customer_id: _Optional[str] = ..., page: _Optional[_Union[_paging_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListContactsResponse(_message.Message):
    __slots__ = ("contacts", "page")
    CONTACTS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    contacts: _containers.RepeatedCompositeFieldContainer[Contact]
    page: _paging_pb2.PageResponse
    def __init__(self, contacts: _Optional[_Iterable[_Union[Contact, _Mapping]]] = ..., page: _Optional[_Union[_paging_pb2.PageResponse, _Mapping]] = ...) -> None: ...

class DeleteContactRequest(_message.Message):
    __slots__ = ("id", "expected_version")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ...) -> None: ...

class DeleteContactResponse(_message.Message):
    __slots__ = ("contact",)
    CONTACT_FIELD_NUMBER: _ClassVar[int]
    contact: Contact
    def __init__(self, contact: _Optional[_Union[Contact, _Mapping]] = ...) -> None: ...

class Activity(_message.Message):
    __slots__ = ("id", "customer_id", "contact_id", "type", "occurred_at", "actor_id", "content", "opportunity_id", "work_order_id", "next_follow_up_at", "created_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    CONTACT_ID_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    OCCURRED_AT_FIELD_NUMBER: _ClassVar[int]
    ACTOR_ID_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    OPPORTUNITY_ID_FIELD_NUMBER: _ClassVar[int]
    WORK_ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    NEXT_FOLLOW_UP_AT_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    customer_id: str
    contact_id: str
    type: str
    occurred_at: _timestamp_pb2.Timestamp
    actor_id: str
    content: str
    opportunity_id: str
    work_order_id: str
    next_follow_up_at: _timestamp_pb2.Timestamp
    created_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., customer_id: _Optional[str] = ..., contact_id: _Optional[str] = ..., type: _Optional[str] = ..., occurred_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., actor_id: _Optional[str] = ..., content: _Optional[str] = ..., opportunity_id: _Optional[str] = ..., work_order_id: _Optional[str] = ..., next_follow_up_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class LogActivityRequest(_message.Message):
    __slots__ = ("customer_id", "contact_id", "type", "occurred_at", "content", "opportunity_id", "work_order_id", "next_follow_up_at")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    CONTACT_ID_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    OCCURRED_AT_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    OPPORTUNITY_ID_FIELD_NUMBER: _ClassVar[int]
    WORK_ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    NEXT_FOLLOW_UP_AT_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    contact_id: str
    type: str
    occurred_at: _timestamp_pb2.Timestamp
    content: str
    opportunity_id: str
    work_order_id: str
    next_follow_up_at: _timestamp_pb2.Timestamp
    def __init__(self, customer_id: _Optional[str] = ..., contact_id: _Optional[str] = ..., type: _Optional[str] = ..., occurred_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., content: _Optional[str] = ..., opportunity_id: _Optional[str] = ..., work_order_id: _Optional[str] = ..., next_follow_up_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class LogActivityResponse(_message.Message):
    __slots__ = ("activity", "customer")
    ACTIVITY_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_FIELD_NUMBER: _ClassVar[int]
    activity: Activity
    customer: Customer
    def __init__(self, activity: _Optional[_Union[Activity, _Mapping]] = ..., customer: _Optional[_Union[Customer, _Mapping]] = ...) -> None: ...

class ListActivitiesRequest(_message.Message):
    __slots__ = ("customer_id", "page")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    page: _paging_pb2.PageRequest
    def __init__(self, customer_id: _Optional[str] = ..., page: _Optional[_Union[_paging_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListActivitiesResponse(_message.Message):
    __slots__ = ("activities", "page")
    ACTIVITIES_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    activities: _containers.RepeatedCompositeFieldContainer[Activity]
    page: _paging_pb2.PageResponse
    def __init__(self, activities: _Optional[_Iterable[_Union[Activity, _Mapping]]] = ..., page: _Optional[_Union[_paging_pb2.PageResponse, _Mapping]] = ...) -> None: ...

class CustomFieldDefinition(_message.Message):
    __slots__ = ("entity", "key", "label", "type", "required", "options", "version", "created_at", "updated_at")
    ENTITY_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    REQUIRED_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    entity: str
    key: str
    label: str
    type: str
    required: bool
    options: _containers.RepeatedScalarFieldContainer[str]
    version: int
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    def __init__(self, entity: _Optional[str] = ..., key: _Optional[str] = ..., label: _Optional[str] = ..., type: _Optional[str] = ..., required: _Optional[bool] = ..., options: _Optional[_Iterable[str]] = ..., version: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class DefineCustomFieldRequest(_message.Message):
    __slots__ = ("entity", "key", "label", "type", "required", "options")
    ENTITY_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    REQUIRED_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    entity: str
    key: str
    label: str
    type: str
    required: bool
    options: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, entity: _Optional[str] = ..., key: _Optional[str] = ..., label: _Optional[str] = ..., type: _Optional[str] = ..., required: _Optional[bool] = ..., options: _Optional[_Iterable[str]] = ...) -> None: ...

class DefineCustomFieldResponse(_message.Message):
    __slots__ = ("definition",)
    DEFINITION_FIELD_NUMBER: _ClassVar[int]
    definition: CustomFieldDefinition
    def __init__(self, definition: _Optional[_Union[CustomFieldDefinition, _Mapping]] = ...) -> None: ...

class UpdateCustomFieldRequest(_message.Message):
    __slots__ = ("entity", "key", "expected_version", "label", "required", "options")
    ENTITY_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    REQUIRED_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    entity: str
    key: str
    expected_version: int
    label: str
    required: bool
    options: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, entity: _Optional[str] = ..., key: _Optional[str] = ..., expected_version: _Optional[int] = ..., label: _Optional[str] = ..., required: _Optional[bool] = ..., options: _Optional[_Iterable[str]] = ...) -> None: ...

class UpdateCustomFieldResponse(_message.Message):
    __slots__ = ("definition",)
    DEFINITION_FIELD_NUMBER: _ClassVar[int]
    definition: CustomFieldDefinition
    def __init__(self, definition: _Optional[_Union[CustomFieldDefinition, _Mapping]] = ...) -> None: ...

class ListCustomFieldsRequest(_message.Message):
    __slots__ = ("entity",)
    ENTITY_FIELD_NUMBER: _ClassVar[int]
    entity: str
    def __init__(self, entity: _Optional[str] = ...) -> None: ...

class ListCustomFieldsResponse(_message.Message):
    __slots__ = ("definitions",)
    DEFINITIONS_FIELD_NUMBER: _ClassVar[int]
    definitions: _containers.RepeatedCompositeFieldContainer[CustomFieldDefinition]
    def __init__(self, definitions: _Optional[_Iterable[_Union[CustomFieldDefinition, _Mapping]]] = ...) -> None: ...
