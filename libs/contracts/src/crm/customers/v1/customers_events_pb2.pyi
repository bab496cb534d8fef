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
