import datetime

from crm.common.v1 import paging_pb2 as _paging_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ImportMode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    IMPORT_MODE_UNSPECIFIED: _ClassVar[ImportMode]
    IMPORT_MODE_CREATE_ONLY: _ClassVar[ImportMode]
    IMPORT_MODE_UPDATE_BY_KEY: _ClassVar[ImportMode]
    IMPORT_MODE_SKIP_DUPLICATES: _ClassVar[ImportMode]
IMPORT_MODE_UNSPECIFIED: ImportMode
IMPORT_MODE_CREATE_ONLY: ImportMode
IMPORT_MODE_UPDATE_BY_KEY: ImportMode
IMPORT_MODE_SKIP_DUPLICATES: ImportMode

class ImportJob(_message.Message):
    __slots__ = ("id", "status", "mode", "dry_run", "file_name", "created_by", "total_rows", "processed_rows", "created", "updated", "skipped", "duplicates", "invalid", "created_at", "updated_at", "finished_at", "error")
    ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    DRY_RUN_FIELD_NUMBER: _ClassVar[int]
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    TOTAL_ROWS_FIELD_NUMBER: _ClassVar[int]
    PROCESSED_ROWS_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    UPDATED_FIELD_NUMBER: _ClassVar[int]
    SKIPPED_FIELD_NUMBER: _ClassVar[int]
    DUPLICATES_FIELD_NUMBER: _ClassVar[int]
    INVALID_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    FINISHED_AT_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    id: str
    status: str
    mode: str
    dry_run: bool
    file_name: str
    created_by: str
    total_rows: int
    processed_rows: int
    created: int
    updated: int
    skipped: int
    duplicates: int
    invalid: int
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    finished_at: _timestamp_pb2.Timestamp
    error: str
    def __init__(self, id: _Optional[str] = ..., status: _Optional[str] = ..., mode: _Optional[str] = ..., dry_run: _Optional[bool] = ..., file_name: _Optional[str] = ..., created_by: _Optional[str] = ..., total_rows: _Optional[int] = ..., processed_rows: _Optional[int] = ..., created: _Optional[int] = ..., updated: _Optional[int] = ..., skipped: _Optional[int] = ..., duplicates: _Optional[int] = ..., invalid: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., finished_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., error: _Optional[str] = ...) -> None: ...

class StartImportRequest(_message.Message):
    __slots__ = ("csv", "mode", "dry_run", "file_name", "column_map")
    class ColumnMapEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    CSV_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    DRY_RUN_FIELD_NUMBER: _ClassVar[int]
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    COLUMN_MAP_FIELD_NUMBER: _ClassVar[int]
    csv: bytes
    mode: ImportMode
    dry_run: bool
    file_name: str
    column_map: _containers.ScalarMap[str, str]
    def __init__(self, csv: _Optional[bytes] = ..., mode: _Optional[_Union[ImportMode, str]] = ..., dry_run: _Optional[bool] = ..., file_name: _Optional[str] = ..., column_map: _Optional[_Mapping[str, str]] = ...) -> None: ...

class StartImportResponse(_message.Message):
    __slots__ = ("job",)
    JOB_FIELD_NUMBER: _ClassVar[int]
    job: ImportJob
    def __init__(self, job: _Optional[_Union[ImportJob, _Mapping]] = ...) -> None: ...

class GetImportRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class GetImportResponse(_message.Message):
    __slots__ = ("job",)
    JOB_FIELD_NUMBER: _ClassVar[int]
    job: ImportJob
    def __init__(self, job: _Optional[_Union[ImportJob, _Mapping]] = ...) -> None: ...

class ListImportsRequest(_message.Message):
    __slots__ = ("page",)
    PAGE_FIELD_NUMBER: _ClassVar[int]
    page: _paging_pb2.PageRequest
    def __init__(self, page: _Optional[_Union[_paging_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListImportsResponse(_message.Message):
    __slots__ = ("jobs", "page")
    JOBS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    jobs: _containers.RepeatedCompositeFieldContainer[ImportJob]
    page: _paging_pb2.PageResponse
    def __init__(self, jobs: _Optional[_Iterable[_Union[ImportJob, _Mapping]]] = ..., page: _Optional[_Union[_paging_pb2.PageResponse, _Mapping]] = ...) -> None: ...

class ImportRowResult(_message.Message):
    __slots__ = ("row", "outcome", "customer_id", "code", "field", "reason")
    ROW_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    FIELD_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    row: int
    outcome: str
    customer_id: str
    code: str
    field: str
    reason: str
    def __init__(self, row: _Optional[int] = ..., outcome: _Optional[str] = ..., customer_id: _Optional[str] = ..., code: _Optional[str] = ..., field: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class GetImportReportRequest(_message.Message):
    __slots__ = ("id", "page", "outcomes")
    ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    OUTCOMES_FIELD_NUMBER: _ClassVar[int]
    id: str
    page: _paging_pb2.PageRequest
    outcomes: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, id: _Optional[str] = ..., page: _Optional[_Union[_paging_pb2.PageRequest, _Mapping]] = ..., outcomes: _Optional[_Iterable[str]] = ...) -> None: ...

class GetImportReportResponse(_message.Message):
    __slots__ = ("rows", "page", "job")
    ROWS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    JOB_FIELD_NUMBER: _ClassVar[int]
    rows: _containers.RepeatedCompositeFieldContainer[ImportRowResult]
    page: _paging_pb2.PageResponse
    job: ImportJob
    def __init__(self, rows: _Optional[_Iterable[_Union[ImportRowResult, _Mapping]]] = ..., page: _Optional[_Union[_paging_pb2.PageResponse, _Mapping]] = ..., job: _Optional[_Union[ImportJob, _Mapping]] = ...) -> None: ...
