import datetime

from crm.customers.v1 import customers_service_pb2 as _customers_service_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CustomerView(_message.Message):
    __slots__ = ("id", "owner_id", "name", "filter", "order_by", "columns", "shared", "version", "created_at", "updated_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    ORDER_BY_FIELD_NUMBER: _ClassVar[int]
    COLUMNS_FIELD_NUMBER: _ClassVar[int]
    SHARED_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    owner_id: str
    name: str
    filter: str
    order_by: str
    columns: _containers.RepeatedScalarFieldContainer[str]
    shared: bool
    version: int
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., owner_id: _Optional[str] = ..., name: _Optional[str] = ..., filter: _Optional[str] = ..., order_by: _Optional[str] = ..., columns: _Optional[_Iterable[str]] = ..., shared: _Optional[bool] = ..., version: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CreateCustomerViewRequest(_message.Message):
    __slots__ = ("name", "filter", "order_by", "columns", "shared")
    NAME_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    ORDER_BY_FIELD_NUMBER: _ClassVar[int]
    COLUMNS_FIELD_NUMBER: _ClassVar[int]
    SHARED_FIELD_NUMBER: _ClassVar[int]
    name: str
    filter: str
    order_by: str
    columns: _containers.RepeatedScalarFieldContainer[str]
    shared: bool
    def __init__(self, name: _Optional[str] = ..., filter: _Optional[str] = ..., order_by: _Optional[str] = ..., columns: _Optional[_Iterable[str]] = ..., shared: _Optional[bool] = ...) -> None: ...

class CreateCustomerViewResponse(_message.Message):
    __slots__ = ("view",)
    VIEW_FIELD_NUMBER: _ClassVar[int]
    view: CustomerView
    def __init__(self, view: _Optional[_Union[CustomerView, _Mapping]] = ...) -> None: ...

class UpdateCustomerViewRequest(_message.Message):
    __slots__ = ("id", "expected_version", "name", "filter", "order_by", "columns", "shared")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    ORDER_BY_FIELD_NUMBER: _ClassVar[int]
    COLUMNS_FIELD_NUMBER: _ClassVar[int]
    SHARED_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    name: str
    filter: str
    order_by: str
    columns: _containers.RepeatedScalarFieldContainer[str]
    shared: bool
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ..., name: _Optional[str] = ..., filter: _Optional[str] = ..., order_by: _Optional[str] = ..., columns: _Optional[_Iterable[str]] = ..., shared: _Optional[bool] = ...) -> None: ...

class UpdateCustomerViewResponse(_message.Message):
    __slots__ = ("view",)
    VIEW_FIELD_NUMBER: _ClassVar[int]
    view: CustomerView
    def __init__(self, view: _Optional[_Union[CustomerView, _Mapping]] = ...) -> None: ...

class DeleteCustomerViewRequest(_message.Message):
    __slots__ = ("id", "expected_version")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ...) -> None: ...

class DeleteCustomerViewResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetCustomerViewRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class GetCustomerViewResponse(_message.Message):
    __slots__ = ("view",)
    VIEW_FIELD_NUMBER: _ClassVar[int]
    view: CustomerView
    def __init__(self, view: _Optional[_Union[CustomerView, _Mapping]] = ...) -> None: ...

class ListCustomerViewsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListCustomerViewsResponse(_message.Message):
    __slots__ = ("views",)
    VIEWS_FIELD_NUMBER: _ClassVar[int]
    views: _containers.RepeatedCompositeFieldContainer[CustomerView]
    def __init__(self, views: _Optional[_Iterable[_Union[CustomerView, _Mapping]]] = ...) -> None: ...

class GetCustomerNeighboursRequest(_message.Message):
    __slots__ = ("customer_id", "view_id", "filter", "order_by")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    VIEW_ID_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    ORDER_BY_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    view_id: str
    filter: str
    order_by: str
    def __init__(self, customer_id: _Optional[str] = ..., view_id: _Optional[str] = ..., filter: _Optional[str] = ..., order_by: _Optional[str] = ...) -> None: ...

class GetCustomerNeighboursResponse(_message.Message):
    __slots__ = ("previous", "next")
    PREVIOUS_FIELD_NUMBER: _ClassVar[int]
    NEXT_FIELD_NUMBER: _ClassVar[int]
    previous: _customers_service_pb2.Customer
    next: _customers_service_pb2.Customer
    def __init__(self, previous: _Optional[_Union[_customers_service_pb2.Customer, _Mapping]] = ..., next: _Optional[_Union[_customers_service_pb2.Customer, _Mapping]] = ...) -> None: ...
