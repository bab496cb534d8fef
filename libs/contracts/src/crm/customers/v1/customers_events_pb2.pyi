from crm.customers.v1 import customers_service_pb2 as _customers_service_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CustomerCreated(_message.Message):
    __slots__ = ("customer",)
    CUSTOMER_FIELD_NUMBER: _ClassVar[int]
    customer: _customers_service_pb2.Customer
    def __init__(self, customer: _Optional[_Union[_customers_service_pb2.Customer, _Mapping]] = ...) -> None: ...

class CustomerUpdated(_message.Message):
    __slots__ = ("customer", "changed_fields")
    CUSTOMER_FIELD_NUMBER: _ClassVar[int]
    CHANGED_FIELDS_FIELD_NUMBER: _ClassVar[int]
    customer: _customers_service_pb2.Customer
    changed_fields: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, customer: _Optional[_Union[_customers_service_pb2.Customer, _Mapping]] = ..., changed_fields: _Optional[_Iterable[str]] = ...) -> None: ...

class CustomerDeleted(_message.Message):
    __slots__ = ("customer", "contact_ids", "activity_ids")
    CUSTOMER_FIELD_NUMBER: _ClassVar[int]
    CONTACT_IDS_FIELD_NUMBER: _ClassVar[int]
    ACTIVITY_IDS_FIELD_NUMBER: _ClassVar[int]
    customer: _customers_service_pb2.Customer
    contact_ids: _containers.RepeatedScalarFieldContainer[str]
    activity_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, customer: _Optional[_Union[_customers_service_pb2.Customer, _Mapping]] = ..., contact_ids: _Optional[_Iterable[str]] = ..., activity_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class CustomerRestored(_message.Message):
    __slots__ = ("customer", "contact_ids", "activity_ids")
    CUSTOMER_FIELD_NUMBER: _ClassVar[int]
    CONTACT_IDS_FIELD_NUMBER: _ClassVar[int]
    ACTIVITY_IDS_FIELD_NUMBER: _ClassVar[int]
    customer: _customers_service_pb2.Customer
    contact_ids: _containers.RepeatedScalarFieldContainer[str]
    activity_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, customer: _Optional[_Union[_customers_service_pb2.Customer, _Mapping]] = ..., contact_ids: _Optional[_Iterable[str]] = ..., activity_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class CustomerPurged(_message.Message):
    __slots__ = ("customer_id",)
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    def __init__(self, customer_id: _Optional[str] = ...) -> None: ...

class CustomerMerged(_message.Message):
    __slots__ = ("survivor", "victim", "moved_contact_ids", "moved_activity_ids")
    SURVIVOR_FIELD_NUMBER: _ClassVar[int]
    VICTIM_FIELD_NUMBER: _ClassVar[int]
    MOVED_CONTACT_IDS_FIELD_NUMBER: _ClassVar[int]
    MOVED_ACTIVITY_IDS_FIELD_NUMBER: _ClassVar[int]
    survivor: _customers_service_pb2.Customer
    victim: _customers_service_pb2.Customer
    moved_contact_ids: _containers.RepeatedScalarFieldContainer[str]
    moved_activity_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, survivor: _Optional[_Union[_customers_service_pb2.Customer, _Mapping]] = ..., victim: _Optional[_Union[_customers_service_pb2.Customer, _Mapping]] = ..., moved_contact_ids: _Optional[_Iterable[str]] = ..., moved_activity_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class CustomerLocked(_message.Message):
    __slots__ = ("customer", "locked")
    CUSTOMER_FIELD_NUMBER: _ClassVar[int]
    LOCKED_FIELD_NUMBER: _ClassVar[int]
    customer: _customers_service_pb2.Customer
    locked: bool
    def __init__(self, customer: _Optional[_Union[_customers_service_pb2.Customer, _Mapping]] = ..., locked: _Optional[bool] = ...) -> None: ...

class ContactCreated(_message.Message):
    __slots__ = ("contact",)
    CONTACT_FIELD_NUMBER: _ClassVar[int]
    contact: _customers_service_pb2.Contact
    def __init__(self, contact: _Optional[_Union[_customers_service_pb2.Contact, _Mapping]] = ...) -> None: ...

class ContactUpdated(_message.Message):
    __slots__ = ("contact", "changed_fields")
    CONTACT_FIELD_NUMBER: _ClassVar[int]
    CHANGED_FIELDS_FIELD_NUMBER: _ClassVar[int]
    contact: _customers_service_pb2.Contact
    changed_fields: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, contact: _Optional[_Union[_customers_service_pb2.Contact, _Mapping]] = ..., changed_fields: _Optional[_Iterable[str]] = ...) -> None: ...

class ActivityLogged(_message.Message):
    __slots__ = ("activity", "counts_as_follow_up")
    ACTIVITY_FIELD_NUMBER: _ClassVar[int]
    COUNTS_AS_FOLLOW_UP_FIELD_NUMBER: _ClassVar[int]
    activity: _customers_service_pb2.Activity
    counts_as_follow_up: bool
    def __init__(self, activity: _Optional[_Union[_customers_service_pb2.Activity, _Mapping]] = ..., counts_as_follow_up: _Optional[bool] = ...) -> None: ...

class CustomerOwnerChanged(_message.Message):
    __slots__ = ("customer", "from_owner_id", "to_owner_id", "reason", "rule_id", "rule_version", "cascade", "pool_id", "note")
    CUSTOMER_FIELD_NUMBER: _ClassVar[int]
    FROM_OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    TO_OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    RULE_ID_FIELD_NUMBER: _ClassVar[int]
    RULE_VERSION_FIELD_NUMBER: _ClassVar[int]
    CASCADE_FIELD_NUMBER: _ClassVar[int]
    POOL_ID_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    customer: _customers_service_pb2.Customer
    from_owner_id: str
    to_owner_id: str
    reason: str
    rule_id: str
    rule_version: int
    cascade: bool
    pool_id: str
    note: str
    def __init__(self, customer: _Optional[_Union[_customers_service_pb2.Customer, _Mapping]] = ..., from_owner_id: _Optional[str] = ..., to_owner_id: _Optional[str] = ..., reason: _Optional[str] = ..., rule_id: _Optional[str] = ..., rule_version: _Optional[int] = ..., cascade: _Optional[bool] = ..., pool_id: _Optional[str] = ..., note: _Optional[str] = ...) -> None: ...

class CustomerReturnedToPool(_message.Message):
    __slots__ = ("customer", "pool_id", "previous_owner_id", "reason", "trigger", "rule_id", "rule_version")
    CUSTOMER_FIELD_NUMBER: _ClassVar[int]
    POOL_ID_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    TRIGGER_FIELD_NUMBER: _ClassVar[int]
    RULE_ID_FIELD_NUMBER: _ClassVar[int]
    RULE_VERSION_FIELD_NUMBER: _ClassVar[int]
    customer: _customers_service_pb2.Customer
    pool_id: str
    previous_owner_id: str
    reason: str
    trigger: str
    rule_id: str
    rule_version: int
    def __init__(self, customer: _Optional[_Union[_customers_service_pb2.Customer, _Mapping]] = ..., pool_id: _Optional[str] = ..., previous_owner_id: _Optional[str] = ..., reason: _Optional[str] = ..., trigger: _Optional[str] = ..., rule_id: _Optional[str] = ..., rule_version: _Optional[int] = ...) -> None: ...

class PoolRecycleWarning(_message.Message):
    __slots__ = ("customer", "owner_id", "days_left", "recycle_on", "trigger", "rule_id", "rule_version")
    CUSTOMER_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    DAYS_LEFT_FIELD_NUMBER: _ClassVar[int]
    RECYCLE_ON_FIELD_NUMBER: _ClassVar[int]
    TRIGGER_FIELD_NUMBER: _ClassVar[int]
    RULE_ID_FIELD_NUMBER: _ClassVar[int]
    RULE_VERSION_FIELD_NUMBER: _ClassVar[int]
    customer: _customers_service_pb2.Customer
    owner_id: str
    days_left: int
    recycle_on: str
    trigger: str
    rule_id: str
    rule_version: int
    def __init__(self, customer: _Optional[_Union[_customers_service_pb2.Customer, _Mapping]] = ..., owner_id: _Optional[str] = ..., days_left: _Optional[int] = ..., recycle_on: _Optional[str] = ..., trigger: _Optional[str] = ..., rule_id: _Optional[str] = ..., rule_version: _Optional[int] = ...) -> None: ...

class FollowUpDue(_message.Message):
    __slots__ = ("activity", "owner_id", "customer_name")
    ACTIVITY_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_NAME_FIELD_NUMBER: _ClassVar[int]
    activity: _customers_service_pb2.Activity
    owner_id: str
    customer_name: str
    def __init__(self, activity: _Optional[_Union[_customers_service_pb2.Activity, _Mapping]] = ..., owner_id: _Optional[str] = ..., customer_name: _Optional[str] = ...) -> None: ...

class LeadConversionResolved(_message.Message):
    __slots__ = ("lead_id", "conversion_id", "outcome", "customer_id", "customer_name", "contact_id", "conflict_owner_id", "detail", "campaign_id", "owner_id")
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    CONVERSION_ID_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_NAME_FIELD_NUMBER: _ClassVar[int]
    CONTACT_ID_FIELD_NUMBER: _ClassVar[int]
    CONFLICT_OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    DETAIL_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    lead_id: str
    conversion_id: str
    outcome: str
    customer_id: str
    customer_name: str
    contact_id: str
    conflict_owner_id: str
    detail: str
    campaign_id: str
    owner_id: str
    def __init__(self, lead_id: _Optional[str] = ..., conversion_id: _Optional[str] = ..., outcome: _Optional[str] = ..., customer_id: _Optional[str] = ..., customer_name: _Optional[str] = ..., contact_id: _Optional[str] = ..., conflict_owner_id: _Optional[str] = ..., detail: _Optional[str] = ..., campaign_id: _Optional[str] = ..., owner_id: _Optional[str] = ...) -> None: ...
