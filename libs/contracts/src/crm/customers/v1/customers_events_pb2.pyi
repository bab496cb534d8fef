from crm.customers.v1 import customers_service_pb2 as _customers_service_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CustomerCreated(_message.Message):
    __slots__ = ("customer",)
    CUSTOMER_FIELD_NUMBER: _ClassVar[int]
    customer: _customers_service_pb2.Customer
    def __init__(self, customer: _Optional[_Union[_customers_service_pb2.Customer, _Mapping]] = ...) -> None: ...
