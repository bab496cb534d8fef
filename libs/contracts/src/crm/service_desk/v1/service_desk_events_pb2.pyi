from crm.service_desk.v1 import service_desk_service_pb2 as _service_desk_service_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class WorkOrderCreated(_message.Message):
    __slots__ = ("work_order",)
    WORK_ORDER_FIELD_NUMBER: _ClassVar[int]
    work_order: _service_desk_service_pb2.WorkOrder
    def __init__(self, work_order: _Optional[_Union[_service_desk_service_pb2.WorkOrder, _Mapping]] = ...) -> None: ...

class WorkOrderAssigned(_message.Message):
    __slots__ = ("work_order", "previous_assignee_id", "assignee_user_id")
    WORK_ORDER_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_ASSIGNEE_ID_FIELD_NUMBER: _ClassVar[int]
    ASSIGNEE_USER_ID_FIELD_NUMBER: _ClassVar[int]
    work_order: _service_desk_service_pb2.WorkOrder
    previous_assignee_id: str
    assignee_user_id: str
    def __init__(self, work_order: _Optional[_Union[_service_desk_service_pb2.WorkOrder, _Mapping]] = ..., previous_assignee_id: _Optional[str] = ..., assignee_user_id: _Optional[str] = ...) -> None: ...

class WorkOrderStatusChanged(_message.Message):
    __slots__ = ("work_order", "change")
    WORK_ORDER_FIELD_NUMBER: _ClassVar[int]
    CHANGE_FIELD_NUMBER: _ClassVar[int]
    work_order: _service_desk_service_pb2.WorkOrder
    change: _service_desk_service_pb2.StatusChange
    def __init__(self, work_order: _Optional[_Union[_service_desk_service_pb2.WorkOrder, _Mapping]] = ..., change: _Optional[_Union[_service_desk_service_pb2.StatusChange, _Mapping]] = ...) -> None: ...

class WorkOrderResolved(_message.Message):
    __slots__ = ("work_order",)
    WORK_ORDER_FIELD_NUMBER: _ClassVar[int]
    work_order: _service_desk_service_pb2.WorkOrder
    def __init__(self, work_order: _Optional[_Union[_service_desk_service_pb2.WorkOrder, _Mapping]] = ...) -> None: ...

class WorkOrderClosed(_message.Message):
    __slots__ = ("work_order",)
    WORK_ORDER_FIELD_NUMBER: _ClassVar[int]
    work_order: _service_desk_service_pb2.WorkOrder
    def __init__(self, work_order: _Optional[_Union[_service_desk_service_pb2.WorkOrder, _Mapping]] = ...) -> None: ...

class SlaAtRisk(_message.Message):
    __slots__ = ("work_order", "target", "elapsed_minutes", "target_minutes")
    WORK_ORDER_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    ELAPSED_MINUTES_FIELD_NUMBER: _ClassVar[int]
    TARGET_MINUTES_FIELD_NUMBER: _ClassVar[int]
    work_order: _service_desk_service_pb2.WorkOrder
    target: str
    elapsed_minutes: int
    target_minutes: int
    def __init__(self, work_order: _Optional[_Union[_service_desk_service_pb2.WorkOrder, _Mapping]] = ..., target: _Optional[str] = ..., elapsed_minutes: _Optional[int] = ..., target_minutes: _Optional[int] = ...) -> None: ...

class SlaBreached(_message.Message):
    __slots__ = ("work_order", "target", "elapsed_minutes", "target_minutes", "notify_user_id", "previous_priority", "new_priority")
    WORK_ORDER_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    ELAPSED_MINUTES_FIELD_NUMBER: _ClassVar[int]
    TARGET_MINUTES_FIELD_NUMBER: _ClassVar[int]
    NOTIFY_USER_ID_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_PRIORITY_FIELD_NUMBER: _ClassVar[int]
    NEW_PRIORITY_FIELD_NUMBER: _ClassVar[int]
    work_order: _service_desk_service_pb2.WorkOrder
    target: str
    elapsed_minutes: int
    target_minutes: int
    notify_user_id: str
    previous_priority: str
    new_priority: str
    def __init__(self, work_order: _Optional[_Union[_service_desk_service_pb2.WorkOrder, _Mapping]] = ..., target: _Optional[str] = ..., elapsed_minutes: _Optional[int] = ..., target_minutes: _Optional[int] = ..., notify_user_id: _Optional[str] = ..., previous_priority: _Optional[str] = ..., new_priority: _Optional[str] = ...) -> None: ...

class VisitScheduled(_message.Message):
    __slots__ = ("visit",)
    VISIT_FIELD_NUMBER: _ClassVar[int]
    visit: _service_desk_service_pb2.Visit
    def __init__(self, visit: _Optional[_Union[_service_desk_service_pb2.Visit, _Mapping]] = ...) -> None: ...

class VisitCompleted(_message.Message):
    __slots__ = ("visit",)
    VISIT_FIELD_NUMBER: _ClassVar[int]
    visit: _service_desk_service_pb2.Visit
    def __init__(self, visit: _Optional[_Union[_service_desk_service_pb2.Visit, _Mapping]] = ...) -> None: ...

class ServiceChargeRecorded(_message.Message):
    __slots__ = ("charge",)
    CHARGE_FIELD_NUMBER: _ClassVar[int]
    charge: _service_desk_service_pb2.ServiceCharge
    def __init__(self, charge: _Optional[_Union[_service_desk_service_pb2.ServiceCharge, _Mapping]] = ...) -> None: ...

class ComplaintCreated(_message.Message):
    __slots__ = ("complaint",)
    COMPLAINT_FIELD_NUMBER: _ClassVar[int]
    complaint: _service_desk_service_pb2.Complaint
    def __init__(self, complaint: _Optional[_Union[_service_desk_service_pb2.Complaint, _Mapping]] = ...) -> None: ...

class ComplaintResolved(_message.Message):
    __slots__ = ("complaint",)
    COMPLAINT_FIELD_NUMBER: _ClassVar[int]
    complaint: _service_desk_service_pb2.Complaint
    def __init__(self, complaint: _Optional[_Union[_service_desk_service_pb2.Complaint, _Mapping]] = ...) -> None: ...

class ReturnVisitPlanned(_message.Message):
    __slots__ = ("return_visit",)
    RETURN_VISIT_FIELD_NUMBER: _ClassVar[int]
    return_visit: _service_desk_service_pb2.ReturnVisit
    def __init__(self, return_visit: _Optional[_Union[_service_desk_service_pb2.ReturnVisit, _Mapping]] = ...) -> None: ...

class ReturnVisitCompleted(_message.Message):
    __slots__ = ("return_visit",)
    RETURN_VISIT_FIELD_NUMBER: _ClassVar[int]
    return_visit: _service_desk_service_pb2.ReturnVisit
    def __init__(self, return_visit: _Optional[_Union[_service_desk_service_pb2.ReturnVisit, _Mapping]] = ...) -> None: ...
