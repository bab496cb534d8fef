import datetime

from google.protobuf import struct_pb2 as _struct_pb2
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

class ReportFilter(_message.Message):
    __slots__ = ("period", "restrict_owners", "owner_ids", "owner_departments", "params")
    class OwnerDepartmentsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    class ParamsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    RESTRICT_OWNERS_FIELD_NUMBER: _ClassVar[int]
    OWNER_IDS_FIELD_NUMBER: _ClassVar[int]
    OWNER_DEPARTMENTS_FIELD_NUMBER: _ClassVar[int]
    PARAMS_FIELD_NUMBER: _ClassVar[int]
    period: str
    restrict_owners: bool
    owner_ids: _containers.RepeatedScalarFieldContainer[str]
    owner_departments: _containers.ScalarMap[str, str]
    params: _containers.ScalarMap[str, str]
    def __init__(self, period: _Optional[str] = ..., restrict_owners: _Optional[bool] = ..., owner_ids: _Optional[_Iterable[str]] = ..., owner_departments: _Optional[_Mapping[str, str]] = ..., params: _Optional[_Mapping[str, str]] = ...) -> None: ...

class ReportColumn(_message.Message):
    __slots__ = ("name", "kind")
    NAME_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    name: str
    kind: str
    def __init__(self, name: _Optional[str] = ..., kind: _Optional[str] = ...) -> None: ...

class ReportTable(_message.Message):
    __slots__ = ("name", "title", "basis", "chart", "columns", "rows")
    NAME_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    BASIS_FIELD_NUMBER: _ClassVar[int]
    CHART_FIELD_NUMBER: _ClassVar[int]
    COLUMNS_FIELD_NUMBER: _ClassVar[int]
    ROWS_FIELD_NUMBER: _ClassVar[int]
    name: str
    title: str
    basis: str
    chart: str
    columns: _containers.RepeatedCompositeFieldContainer[ReportColumn]
    rows: _containers.RepeatedCompositeFieldContainer[_struct_pb2.ListValue]
    def __init__(self, name: _Optional[str] = ..., title: _Optional[str] = ..., basis: _Optional[str] = ..., chart: _Optional[str] = ..., columns: _Optional[_Iterable[_Union[ReportColumn, _Mapping]]] = ..., rows: _Optional[_Iterable[_Union[_struct_pb2.ListValue, _Mapping]]] = ...) -> None: ...

class ReportInfo(_message.Message):
    __slots__ = ("name", "number", "title", "basis", "chart", "params")
    NAME_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    BASIS_FIELD_NUMBER: _ClassVar[int]
    CHART_FIELD_NUMBER: _ClassVar[int]
    PARAMS_FIELD_NUMBER: _ClassVar[int]
    name: str
    number: int
    title: str
    basis: str
    chart: str
    params: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, name: _Optional[str] = ..., number: _Optional[int] = ..., title: _Optional[str] = ..., basis: _Optional[str] = ..., chart: _Optional[str] = ..., params: _Optional[_Iterable[str]] = ...) -> None: ...

class DatasetInfo(_message.Message):
    __slots__ = ("name", "label", "dimensions", "fields", "dates")
    NAME_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    DIMENSIONS_FIELD_NUMBER: _ClassVar[int]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    DATES_FIELD_NUMBER: _ClassVar[int]
    name: str
    label: str
    dimensions: _containers.RepeatedScalarFieldContainer[str]
    fields: _containers.RepeatedScalarFieldContainer[str]
    dates: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, name: _Optional[str] = ..., label: _Optional[str] = ..., dimensions: _Optional[_Iterable[str]] = ..., fields: _Optional[_Iterable[str]] = ..., dates: _Optional[_Iterable[str]] = ...) -> None: ...

class ListReportsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListReportsResponse(_message.Message):
    __slots__ = ("reports", "datasets")
    REPORTS_FIELD_NUMBER: _ClassVar[int]
    DATASETS_FIELD_NUMBER: _ClassVar[int]
    reports: _containers.RepeatedCompositeFieldContainer[ReportInfo]
    datasets: _containers.RepeatedCompositeFieldContainer[DatasetInfo]
    def __init__(self, reports: _Optional[_Iterable[_Union[ReportInfo, _Mapping]]] = ..., datasets: _Optional[_Iterable[_Union[DatasetInfo, _Mapping]]] = ...) -> None: ...

class RunReportRequest(_message.Message):
    __slots__ = ("name", "filter")
    NAME_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    name: str
    filter: ReportFilter
    def __init__(self, name: _Optional[str] = ..., filter: _Optional[_Union[ReportFilter, _Mapping]] = ...) -> None: ...

class RunReportResponse(_message.Message):
    __slots__ = ("table",)
    TABLE_FIELD_NUMBER: _ClassVar[int]
    table: ReportTable
    def __init__(self, table: _Optional[_Union[ReportTable, _Mapping]] = ...) -> None: ...

class RunQueryRequest(_message.Message):
    __slots__ = ("query", "filter")
    QUERY_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    query: _struct_pb2.Struct
    filter: ReportFilter
    def __init__(self, query: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., filter: _Optional[_Union[ReportFilter, _Mapping]] = ...) -> None: ...

class RunQueryResponse(_message.Message):
    __slots__ = ("table",)
    TABLE_FIELD_NUMBER: _ClassVar[int]
    table: ReportTable
    def __init__(self, table: _Optional[_Union[ReportTable, _Mapping]] = ...) -> None: ...

class ReportDefinition(_message.Message):
    __slots__ = ("id", "name", "owner_id", "shared", "query", "version", "created_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    SHARED_FIELD_NUMBER: _ClassVar[int]
    QUERY_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    owner_id: str
    shared: bool
    query: _struct_pb2.Struct
    version: int
    created_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., owner_id: _Optional[str] = ..., shared: _Optional[bool] = ..., query: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., version: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class SaveReportDefinitionRequest(_message.Message):
    __slots__ = ("id", "name", "shared", "query", "expected_version")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    SHARED_FIELD_NUMBER: _ClassVar[int]
    QUERY_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    shared: bool
    query: _struct_pb2.Struct
    expected_version: int
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., shared: _Optional[bool] = ..., query: _Optional[_Union[_struct_pb2.Struct, _Mapping]] = ..., expected_version: _Optional[int] = ...) -> None: ...

class SaveReportDefinitionResponse(_message.Message):
    __slots__ = ("definition",)
    DEFINITION_FIELD_NUMBER: _ClassVar[int]
    definition: ReportDefinition
    def __init__(self, definition: _Optional[_Union[ReportDefinition, _Mapping]] = ...) -> None: ...

class ListReportDefinitionsRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListReportDefinitionsResponse(_message.Message):
    __slots__ = ("definitions",)
    DEFINITIONS_FIELD_NUMBER: _ClassVar[int]
    definitions: _containers.RepeatedCompositeFieldContainer[ReportDefinition]
    def __init__(self, definitions: _Optional[_Iterable[_Union[ReportDefinition, _Mapping]]] = ...) -> None: ...

class GetReportDefinitionRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class GetReportDefinitionResponse(_message.Message):
    __slots__ = ("definition",)
    DEFINITION_FIELD_NUMBER: _ClassVar[int]
    definition: ReportDefinition
    def __init__(self, definition: _Optional[_Union[ReportDefinition, _Mapping]] = ...) -> None: ...

class DeleteReportDefinitionRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class DeleteReportDefinitionResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class RunReportDefinitionRequest(_message.Message):
    __slots__ = ("id", "filter")
    ID_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    id: str
    filter: ReportFilter
    def __init__(self, id: _Optional[str] = ..., filter: _Optional[_Union[ReportFilter, _Mapping]] = ...) -> None: ...

class RunReportDefinitionResponse(_message.Message):
    __slots__ = ("table",)
    TABLE_FIELD_NUMBER: _ClassVar[int]
    table: ReportTable
    def __init__(self, table: _Optional[_Union[ReportTable, _Mapping]] = ...) -> None: ...

class DashboardItem(_message.Message):
    __slots__ = ("report", "title", "period", "params")
    class ParamsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    REPORT_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    PARAMS_FIELD_NUMBER: _ClassVar[int]
    report: str
    title: str
    period: str
    params: _containers.ScalarMap[str, str]
    def __init__(self, report: _Optional[str] = ..., title: _Optional[str] = ..., period: _Optional[str] = ..., params: _Optional[_Mapping[str, str]] = ...) -> None: ...

class Dashboard(_message.Message):
    __slots__ = ("user_id", "items", "version")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    items: _containers.RepeatedCompositeFieldContainer[DashboardItem]
    version: int
    def __init__(self, user_id: _Optional[str] = ..., items: _Optional[_Iterable[_Union[DashboardItem, _Mapping]]] = ..., version: _Optional[int] = ...) -> None: ...

class GetDashboardRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetDashboardResponse(_message.Message):
    __slots__ = ("dashboard",)
    DASHBOARD_FIELD_NUMBER: _ClassVar[int]
    dashboard: Dashboard
    def __init__(self, dashboard: _Optional[_Union[Dashboard, _Mapping]] = ...) -> None: ...

class SaveDashboardRequest(_message.Message):
    __slots__ = ("items", "expected_version")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[DashboardItem]
    expected_version: int
    def __init__(self, items: _Optional[_Iterable[_Union[DashboardItem, _Mapping]]] = ..., expected_version: _Optional[int] = ...) -> None: ...

class SaveDashboardResponse(_message.Message):
    __slots__ = ("dashboard",)
    DASHBOARD_FIELD_NUMBER: _ClassVar[int]
    dashboard: Dashboard
    def __init__(self, dashboard: _Optional[_Union[Dashboard, _Mapping]] = ...) -> None: ...
