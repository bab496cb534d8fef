import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetCustomerSummaryRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class OwnerCount(_message.Message):
    __slots__ = ("owner_id", "count")
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    owner_id: str
    count: int
    def __init__(self, owner_id: _Optional[str] = ..., count: _Optional[int] = ...) -> None: ...

class GetCustomerSummaryResponse(_message.Message):
    __slots__ = ("total", "by_owner", "as_of")
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    BY_OWNER_FIELD_NUMBER: _ClassVar[int]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    total: int
    by_owner: _containers.RepeatedCompositeFieldContainer[OwnerCount]
    as_of: _timestamp_pb2.Timestamp
    def __init__(self, total: _Optional[int] = ..., by_owner: _Optional[_Iterable[_Union[OwnerCount, _Mapping]]] = ..., as_of: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
