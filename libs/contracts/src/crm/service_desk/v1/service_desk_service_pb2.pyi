import datetime

from crm.common.v1 import money_pb2 as _money_pb2
from crm.common.v1 import paging_pb2 as _paging_pb2
from google.protobuf import field_mask_pb2 as _field_mask_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ListOptions(_message.Message):
    __slots__ = ("page", "filter", "order_by")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    ORDER_BY_FIELD_NUMBER: _ClassVar[int]
    page: _paging_pb2.PageRequest
    filter: str
    order_by: str
    def __init__(self, page: _Optional[_Union[_paging_pb2.PageRequest, _Mapping]] = ..., filter: _Optional[str] = ..., order_by: _Optional[str] = ...) -> None: ...

class Attachment(_message.Message):
    __slots__ = ("name", "url", "content_type", "size_bytes")
    NAME_FIELD_NUMBER: _ClassVar[int]
    URL_FIELD_NUMBER: _ClassVar[int]
    CONTENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    SIZE_BYTES_FIELD_NUMBER: _ClassVar[int]
    name: str
    url: str
    content_type: str
    size_bytes: int
    def __init__(self, name: _Optional[str] = ..., url: _Optional[str] = ..., content_type: _Optional[str] = ..., size_bytes: _Optional[int] = ...) -> None: ...

class Entitlement(_message.Message):
    __slots__ = ("decision", "reason", "order_id", "contract_id", "covered_until", "decided_at")
    DECISION_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    COVERED_UNTIL_FIELD_NUMBER: _ClassVar[int]
    DECIDED_AT_FIELD_NUMBER: _ClassVar[int]
    decision: str
    reason: str
    order_id: str
    contract_id: str
    covered_until: str
    decided_at: _timestamp_pb2.Timestamp
    def __init__(self, decision: _Optional[str] = ..., reason: _Optional[str] = ..., order_id: _Optional[str] = ..., contract_id: _Optional[str] = ..., covered_until: _Optional[str] = ..., decided_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class Sla(_message.Message):
    __slots__ = ("policy_id", "first_response_target_minutes", "resolution_target_minutes", "first_response_due_at", "resolution_due_at", "first_responded_at", "paused_minutes", "first_response_at_risk", "first_response_breached", "resolution_at_risk", "resolution_breached", "escalation_level", "first_response_minutes", "resolution_minutes", "at_risk_percent")
    POLICY_ID_FIELD_NUMBER: _ClassVar[int]
    FIRST_RESPONSE_TARGET_MINUTES_FIELD_NUMBER: _ClassVar[int]
    RESOLUTION_TARGET_MINUTES_FIELD_NUMBER: _ClassVar[int]
    FIRST_RESPONSE_DUE_AT_FIELD_NUMBER: _ClassVar[int]
    RESOLUTION_DUE_AT_FIELD_NUMBER: _ClassVar[int]
    FIRST_RESPONDED_AT_FIELD_NUMBER: _ClassVar[int]
    PAUSED_MINUTES_FIELD_NUMBER: _ClassVar[int]
    FIRST_RESPONSE_AT_RISK_FIELD_NUMBER: _ClassVar[int]
    FIRST_RESPONSE_BREACHED_FIELD_NUMBER: _ClassVar[int]
    RESOLUTION_AT_RISK_FIELD_NUMBER: _ClassVar[int]
    RESOLUTION_BREACHED_FIELD_NUMBER: _ClassVar[int]
    ESCALATION_LEVEL_FIELD_NUMBER: _ClassVar[int]
    FIRST_RESPONSE_MINUTES_FIELD_NUMBER: _ClassVar[int]
    RESOLUTION_MINUTES_FIELD_NUMBER: _ClassVar[int]
    AT_RISK_PERCENT_FIELD_NUMBER: _ClassVar[int]
    policy_id: str
    first_response_target_minutes: int
    resolution_target_minutes: int
    first_response_due_at: _timestamp_pb2.Timestamp
    resolution_due_at: _timestamp_pb2.Timestamp
    first_responded_at: _timestamp_pb2.Timestamp
    paused_minutes: int
    first_response_at_risk: bool
    first_response_breached: bool
    resolution_at_risk: bool
    resolution_breached: bool
    escalation_level: int
    first_response_minutes: int
    resolution_minutes: int
    at_risk_percent: int
    def __init__(self, policy_id: _Optional[str] = ..., first_response_target_minutes: _Optional[int] = ..., resolution_target_minutes: _Optional[int] = ..., first_response_due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., resolution_due_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., first_responded_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., paused_minutes: _Optional[int] = ..., first_response_at_risk: _Optional[bool] = ..., first_response_breached: _Optional[bool] = ..., resolution_at_risk: _Optional[bool] = ..., resolution_breached: _Optional[bool] = ..., escalation_level: _Optional[int] = ..., first_response_minutes: _Optional[int] = ..., resolution_minutes: _Optional[int] = ..., at_risk_percent: _Optional[int] = ...) -> None: ...

class DispatchCandidate(_message.Message):
    __slots__ = ("technician_id", "name", "eligible", "excluded_because", "distance_km", "open_work_orders", "capacity", "score")
    TECHNICIAN_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    ELIGIBLE_FIELD_NUMBER: _ClassVar[int]
    EXCLUDED_BECAUSE_FIELD_NUMBER: _ClassVar[int]
    DISTANCE_KM_FIELD_NUMBER: _ClassVar[int]
    OPEN_WORK_ORDERS_FIELD_NUMBER: _ClassVar[int]
    CAPACITY_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    technician_id: str
    name: str
    eligible: bool
    excluded_because: str
    distance_km: float
    open_work_orders: int
    capacity: int
    score: float
    def __init__(self, technician_id: _Optional[str] = ..., name: _Optional[str] = ..., eligible: _Optional[bool] = ..., excluded_because: _Optional[str] = ..., distance_km: _Optional[float] = ..., open_work_orders: _Optional[int] = ..., capacity: _Optional[int] = ..., score: _Optional[float] = ...) -> None: ...

class DispatchDecision(_message.Message):
    __slots__ = ("mode", "technician_id", "reason", "candidates", "decided_at", "decided_by")
    MODE_FIELD_NUMBER: _ClassVar[int]
    TECHNICIAN_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    CANDIDATES_FIELD_NUMBER: _ClassVar[int]
    DECIDED_AT_FIELD_NUMBER: _ClassVar[int]
    DECIDED_BY_FIELD_NUMBER: _ClassVar[int]
    mode: str
    technician_id: str
    reason: str
    candidates: _containers.RepeatedCompositeFieldContainer[DispatchCandidate]
    decided_at: _timestamp_pb2.Timestamp
    decided_by: str
    def __init__(self, mode: _Optional[str] = ..., technician_id: _Optional[str] = ..., reason: _Optional[str] = ..., candidates: _Optional[_Iterable[_Union[DispatchCandidate, _Mapping]]] = ..., decided_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., decided_by: _Optional[str] = ...) -> None: ...

class StatusChange(_message.Message):
    __slots__ = ("from_status", "to_status", "action", "reason", "actor_id", "at")
    FROM_STATUS_FIELD_NUMBER: _ClassVar[int]
    TO_STATUS_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    ACTOR_ID_FIELD_NUMBER: _ClassVar[int]
    AT_FIELD_NUMBER: _ClassVar[int]
    from_status: str
    to_status: str
    action: str
    reason: str
    actor_id: str
    at: _timestamp_pb2.Timestamp
    def __init__(self, from_status: _Optional[str] = ..., to_status: _Optional[str] = ..., action: _Optional[str] = ..., reason: _Optional[str] = ..., actor_id: _Optional[str] = ..., at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class WorkOrder(_message.Message):
    __slots__ = ("id", "number", "type", "channel", "customer_id", "customer_name", "contact_id", "product_id", "serial_number", "order_id", "contract_id", "priority", "description", "attachments", "status", "entitlement", "sla", "team", "assignee_id", "owner_id", "dispatch", "resolution", "reopen_count", "article_ids", "history", "resolved_at", "closed_at", "version", "created_at", "updated_at", "created_by")
    ID_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_NAME_FIELD_NUMBER: _ClassVar[int]
    CONTACT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    SERIAL_NUMBER_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    ATTACHMENTS_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    ENTITLEMENT_FIELD_NUMBER: _ClassVar[int]
    SLA_FIELD_NUMBER: _ClassVar[int]
    TEAM_FIELD_NUMBER: _ClassVar[int]
    ASSIGNEE_ID_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    DISPATCH_FIELD_NUMBER: _ClassVar[int]
    RESOLUTION_FIELD_NUMBER: _ClassVar[int]
    REOPEN_COUNT_FIELD_NUMBER: _ClassVar[int]
    ARTICLE_IDS_FIELD_NUMBER: _ClassVar[int]
    HISTORY_FIELD_NUMBER: _ClassVar[int]
    RESOLVED_AT_FIELD_NUMBER: _ClassVar[int]
    CLOSED_AT_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    id: str
    number: str
    type: str
    channel: str
    customer_id: str
    customer_name: str
    contact_id: str
    product_id: str
    serial_number: str
    order_id: str
    contract_id: str
    priority: str
    description: str
    attachments: _containers.RepeatedCompositeFieldContainer[Attachment]
    status: str
    entitlement: Entitlement
    sla: Sla
    team: str
    assignee_id: str
    owner_id: str
    dispatch: DispatchDecision
    resolution: str
    reopen_count: int
    article_ids: _containers.RepeatedScalarFieldContainer[str]
    history: _containers.RepeatedCompositeFieldContainer[StatusChange]
    resolved_at: _timestamp_pb2.Timestamp
    closed_at: _timestamp_pb2.Timestamp
    version: int
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    created_by: str
    def __init__(self, id: _Optional[str] = ..., number: _Optional[str] = ..., type: _Optional[str] = ..., channel: _Optional[str] = ..., customer_id: _Optional[str] = ..., customer_name: _Optional[str] = ..., contact_id: _Optional[str] = ..., product_id: _Optional[str] = ..., serial_number: _Optional[str] = ..., order_id: _Optional[str] = ..., contract_id: _Optional[str] = ..., priority: _Optional[str] = ..., description: _Optional[str] = ..., attachments: _Optional[_Iterable[_Union[Attachment, _Mapping]]] = ..., status: _Optional[str] = ..., entitlement: _Optional[_Union[Entitlement, _Mapping]] = ..., sla: _Optional[_Union[Sla, _Mapping]] = ..., team: _Optional[str] = ..., assignee_id: _Optional[str] = ..., owner_id: _Optional[str] = ..., dispatch: _Optional[_Union[DispatchDecision, _Mapping]] = ..., resolution: _Optional[str] = ..., reopen_count: _Optional[int] = ..., article_ids: _Optional[_Iterable[str]] = ..., history: _Optional[_Iterable[_Union[StatusChange, _Mapping]]] = ..., resolved_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., closed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., version: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., created_by: _Optional[str] = ...) -> None: ...

class WorkOrderFields(_message.Message):
    __slots__ = ("type", "channel", "customer_id", "contact_id", "product_id", "serial_number", "order_id", "contract_id", "priority", "description", "attachments", "team", "owner_id", "reported_at")
    TYPE_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    CONTACT_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    SERIAL_NUMBER_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    ATTACHMENTS_FIELD_NUMBER: _ClassVar[int]
    TEAM_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    REPORTED_AT_FIELD_NUMBER: _ClassVar[int]
    type: str
    channel: str
    customer_id: str
    contact_id: str
    product_id: str
    serial_number: str
    order_id: str
    contract_id: str
    priority: str
    description: str
    attachments: _containers.RepeatedCompositeFieldContainer[Attachment]
    team: str
    owner_id: str
    reported_at: _timestamp_pb2.Timestamp
    def __init__(self, type: _Optional[str] = ..., channel: _Optional[str] = ..., customer_id: _Optional[str] = ..., contact_id: _Optional[str] = ..., product_id: _Optional[str] = ..., serial_number: _Optional[str] = ..., order_id: _Optional[str] = ..., contract_id: _Optional[str] = ..., priority: _Optional[str] = ..., description: _Optional[str] = ..., attachments: _Optional[_Iterable[_Union[Attachment, _Mapping]]] = ..., team: _Optional[str] = ..., owner_id: _Optional[str] = ..., reported_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CreateWorkOrderRequest(_message.Message):
    __slots__ = ("work_order",)
    WORK_ORDER_FIELD_NUMBER: _ClassVar[int]
    work_order: WorkOrderFields
    def __init__(self, work_order: _Optional[_Union[WorkOrderFields, _Mapping]] = ...) -> None: ...

class CreateWorkOrderResponse(_message.Message):
    __slots__ = ("work_order",)
    WORK_ORDER_FIELD_NUMBER: _ClassVar[int]
    work_order: WorkOrder
    def __init__(self, work_order: _Optional[_Union[WorkOrder, _Mapping]] = ...) -> None: ...

class GetWorkOrderRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class GetWorkOrderResponse(_message.Message):
    __slots__ = ("work_order",)
    WORK_ORDER_FIELD_NUMBER: _ClassVar[int]
    work_order: WorkOrder
    def __init__(self, work_order: _Optional[_Union[WorkOrder, _Mapping]] = ...) -> None: ...

class ListWorkOrdersRequest(_message.Message):
    __slots__ = ("options",)
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    options: ListOptions
    def __init__(self, options: _Optional[_Union[ListOptions, _Mapping]] = ...) -> None: ...

class ListWorkOrdersResponse(_message.Message):
    __slots__ = ("work_orders", "page")
    WORK_ORDERS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    work_orders: _containers.RepeatedCompositeFieldContainer[WorkOrder]
    page: _paging_pb2.PageResponse
    def __init__(self, work_orders: _Optional[_Iterable[_Union[WorkOrder, _Mapping]]] = ..., page: _Optional[_Union[_paging_pb2.PageResponse, _Mapping]] = ...) -> None: ...

class UpdateWorkOrderRequest(_message.Message):
    __slots__ = ("id", "expected_version", "patch", "update_mask")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    PATCH_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    patch: WorkOrderFields
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ..., patch: _Optional[_Union[WorkOrderFields, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdateWorkOrderResponse(_message.Message):
    __slots__ = ("work_order",)
    WORK_ORDER_FIELD_NUMBER: _ClassVar[int]
    work_order: WorkOrder
    def __init__(self, work_order: _Optional[_Union[WorkOrder, _Mapping]] = ...) -> None: ...

class AssignWorkOrderRequest(_message.Message):
    __slots__ = ("id", "expected_version", "mode", "technician_id", "reason")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    TECHNICIAN_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    mode: str
    technician_id: str
    reason: str
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ..., mode: _Optional[str] = ..., technician_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class AssignWorkOrderResponse(_message.Message):
    __slots__ = ("work_order",)
    WORK_ORDER_FIELD_NUMBER: _ClassVar[int]
    work_order: WorkOrder
    def __init__(self, work_order: _Optional[_Union[WorkOrder, _Mapping]] = ...) -> None: ...

class GrabWorkOrderRequest(_message.Message):
    __slots__ = ("id", "technician_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    TECHNICIAN_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    technician_id: str
    def __init__(self, id: _Optional[str] = ..., technician_id: _Optional[str] = ...) -> None: ...

class GrabWorkOrderResponse(_message.Message):
    __slots__ = ("work_order",)
    WORK_ORDER_FIELD_NUMBER: _ClassVar[int]
    work_order: WorkOrder
    def __init__(self, work_order: _Optional[_Union[WorkOrder, _Mapping]] = ...) -> None: ...

class TransitionWorkOrderRequest(_message.Message):
    __slots__ = ("id", "expected_version", "action", "reason", "resolution")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    RESOLUTION_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    action: str
    reason: str
    resolution: str
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ..., action: _Optional[str] = ..., reason: _Optional[str] = ..., resolution: _Optional[str] = ...) -> None: ...

class TransitionWorkOrderResponse(_message.Message):
    __slots__ = ("work_order",)
    WORK_ORDER_FIELD_NUMBER: _ClassVar[int]
    work_order: WorkOrder
    def __init__(self, work_order: _Optional[_Union[WorkOrder, _Mapping]] = ...) -> None: ...

class LinkArticleRequest(_message.Message):
    __slots__ = ("work_order_id", "article_id", "expected_version")
    WORK_ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    ARTICLE_ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    work_order_id: str
    article_id: str
    expected_version: int
    def __init__(self, work_order_id: _Optional[str] = ..., article_id: _Optional[str] = ..., expected_version: _Optional[int] = ...) -> None: ...

class LinkArticleResponse(_message.Message):
    __slots__ = ("work_order",)
    WORK_ORDER_FIELD_NUMBER: _ClassVar[int]
    work_order: WorkOrder
    def __init__(self, work_order: _Optional[_Union[WorkOrder, _Mapping]] = ...) -> None: ...

class ListQueueRequest(_message.Message):
    __slots__ = ("team", "page")
    TEAM_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    team: str
    page: _paging_pb2.PageRequest
    def __init__(self, team: _Optional[str] = ..., page: _Optional[_Union[_paging_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListQueueResponse(_message.Message):
    __slots__ = ("work_orders", "page")
    WORK_ORDERS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    work_orders: _containers.RepeatedCompositeFieldContainer[WorkOrder]
    page: _paging_pb2.PageResponse
    def __init__(self, work_orders: _Optional[_Iterable[_Union[WorkOrder, _Mapping]]] = ..., page: _Optional[_Union[_paging_pb2.PageResponse, _Mapping]] = ...) -> None: ...

class CheckEntitlementRequest(_message.Message):
    __slots__ = ("customer_id", "product_id", "serial_number", "order_id", "contract_id", "type")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_ID_FIELD_NUMBER: _ClassVar[int]
    SERIAL_NUMBER_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    product_id: str
    serial_number: str
    order_id: str
    contract_id: str
    type: str
    def __init__(self, customer_id: _Optional[str] = ..., product_id: _Optional[str] = ..., serial_number: _Optional[str] = ..., order_id: _Optional[str] = ..., contract_id: _Optional[str] = ..., type: _Optional[str] = ...) -> None: ...

class CheckEntitlementResponse(_message.Message):
    __slots__ = ("entitlement",)
    ENTITLEMENT_FIELD_NUMBER: _ClassVar[int]
    entitlement: Entitlement
    def __init__(self, entitlement: _Optional[_Union[Entitlement, _Mapping]] = ...) -> None: ...

class Part(_message.Message):
    __slots__ = ("sku", "name", "quantity", "unit_price")
    SKU_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    UNIT_PRICE_FIELD_NUMBER: _ClassVar[int]
    sku: str
    name: str
    quantity: str
    unit_price: _money_pb2.Money
    def __init__(self, sku: _Optional[str] = ..., name: _Optional[str] = ..., quantity: _Optional[str] = ..., unit_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ...) -> None: ...

class GeoPoint(_message.Message):
    __slots__ = ("latitude", "longitude")
    LATITUDE_FIELD_NUMBER: _ClassVar[int]
    LONGITUDE_FIELD_NUMBER: _ClassVar[int]
    latitude: float
    longitude: float
    def __init__(self, latitude: _Optional[float] = ..., longitude: _Optional[float] = ...) -> None: ...

class Visit(_message.Message):
    __slots__ = ("id", "work_order_id", "technician_id", "window_start", "window_end", "status", "checked_in_at", "check_in_location", "checked_out_at", "check_out_location", "work_done", "parts", "labour_minutes", "charge", "service_charge_id", "version", "created_at", "updated_at", "customer_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    WORK_ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    TECHNICIAN_ID_FIELD_NUMBER: _ClassVar[int]
    WINDOW_START_FIELD_NUMBER: _ClassVar[int]
    WINDOW_END_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    CHECKED_IN_AT_FIELD_NUMBER: _ClassVar[int]
    CHECK_IN_LOCATION_FIELD_NUMBER: _ClassVar[int]
    CHECKED_OUT_AT_FIELD_NUMBER: _ClassVar[int]
    CHECK_OUT_LOCATION_FIELD_NUMBER: _ClassVar[int]
    WORK_DONE_FIELD_NUMBER: _ClassVar[int]
    PARTS_FIELD_NUMBER: _ClassVar[int]
    LABOUR_MINUTES_FIELD_NUMBER: _ClassVar[int]
    CHARGE_FIELD_NUMBER: _ClassVar[int]
    SERVICE_CHARGE_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    work_order_id: str
    technician_id: str
    window_start: _timestamp_pb2.Timestamp
    window_end: _timestamp_pb2.Timestamp
    status: str
    checked_in_at: _timestamp_pb2.Timestamp
    check_in_location: GeoPoint
    checked_out_at: _timestamp_pb2.Timestamp
    check_out_location: GeoPoint
    work_done: str
    parts: _containers.RepeatedCompositeFieldContainer[Part]
    labour_minutes: int
    charge: _money_pb2.Money
    service_charge_id: str
    version: int
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    customer_id: str
    def __init__(self, id: _Optional[str] = ..., work_order_id: _Optional[str] = ..., technician_id: _Optional[str] = ..., window_start: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., window_end: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., status: _Optional[str] = ..., checked_in_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., check_in_location: _Optional[_Union[GeoPoint, _Mapping]] = ..., checked_out_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., check_out_location: _Optional[_Union[GeoPoint, _Mapping]] = ..., work_done: _Optional[str] = ..., parts: _Optional[_Iterable[_Union[Part, _Mapping]]] = ..., labour_minutes: _Optional[int] = ..., charge: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., service_charge_id: _Optional[str] = ..., version: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., customer_id: _Optional[str] = ...) -> None: ...

class ServiceCharge(_message.Message):
    __slots__ = ("id", "work_order_id", "visit_id", "customer_id", "parts", "labour", "total", "reason", "created_at", "version")
    ID_FIELD_NUMBER: _ClassVar[int]
    WORK_ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    VISIT_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    PARTS_FIELD_NUMBER: _ClassVar[int]
    LABOUR_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    work_order_id: str
    visit_id: str
    customer_id: str
    parts: _money_pb2.Money
    labour: _money_pb2.Money
    total: _money_pb2.Money
    reason: str
    created_at: _timestamp_pb2.Timestamp
    version: int
    def __init__(self, id: _Optional[str] = ..., work_order_id: _Optional[str] = ..., visit_id: _Optional[str] = ..., customer_id: _Optional[str] = ..., parts: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., labour: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., total: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., reason: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., version: _Optional[int] = ...) -> None: ...

class ScheduleVisitRequest(_message.Message):
    __slots__ = ("work_order_id", "technician_id", "window_start", "window_end")
    WORK_ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    TECHNICIAN_ID_FIELD_NUMBER: _ClassVar[int]
    WINDOW_START_FIELD_NUMBER: _ClassVar[int]
    WINDOW_END_FIELD_NUMBER: _ClassVar[int]
    work_order_id: str
    technician_id: str
    window_start: _timestamp_pb2.Timestamp
    window_end: _timestamp_pb2.Timestamp
    def __init__(self, work_order_id: _Optional[str] = ..., technician_id: _Optional[str] = ..., window_start: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., window_end: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ScheduleVisitResponse(_message.Message):
    __slots__ = ("visit",)
    VISIT_FIELD_NUMBER: _ClassVar[int]
    visit: Visit
    def __init__(self, visit: _Optional[_Union[Visit, _Mapping]] = ...) -> None: ...

class GetVisitRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class GetVisitResponse(_message.Message):
    __slots__ = ("visit",)
    VISIT_FIELD_NUMBER: _ClassVar[int]
    visit: Visit
    def __init__(self, visit: _Optional[_Union[Visit, _Mapping]] = ...) -> None: ...

class ListVisitsRequest(_message.Message):
    __slots__ = ("options",)
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    options: ListOptions
    def __init__(self, options: _Optional[_Union[ListOptions, _Mapping]] = ...) -> None: ...

class ListVisitsResponse(_message.Message):
    __slots__ = ("visits", "page")
    VISITS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    visits: _containers.RepeatedCompositeFieldContainer[Visit]
    page: _paging_pb2.PageResponse
    def __init__(self, visits: _Optional[_Iterable[_Union[Visit, _Mapping]]] = ..., page: _Optional[_Union[_paging_pb2.PageResponse, _Mapping]] = ...) -> None: ...

class CheckInVisitRequest(_message.Message):
    __slots__ = ("id", "expected_version", "location")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    location: GeoPoint
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ..., location: _Optional[_Union[GeoPoint, _Mapping]] = ...) -> None: ...

class CheckInVisitResponse(_message.Message):
    __slots__ = ("visit",)
    VISIT_FIELD_NUMBER: _ClassVar[int]
    visit: Visit
    def __init__(self, visit: _Optional[_Union[Visit, _Mapping]] = ...) -> None: ...

class CheckOutVisitRequest(_message.Message):
    __slots__ = ("id", "expected_version", "location", "work_done", "parts", "labour_minutes")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    LOCATION_FIELD_NUMBER: _ClassVar[int]
    WORK_DONE_FIELD_NUMBER: _ClassVar[int]
    PARTS_FIELD_NUMBER: _ClassVar[int]
    LABOUR_MINUTES_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    location: GeoPoint
    work_done: str
    parts: _containers.RepeatedCompositeFieldContainer[Part]
    labour_minutes: int
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ..., location: _Optional[_Union[GeoPoint, _Mapping]] = ..., work_done: _Optional[str] = ..., parts: _Optional[_Iterable[_Union[Part, _Mapping]]] = ..., labour_minutes: _Optional[int] = ...) -> None: ...

class CheckOutVisitResponse(_message.Message):
    __slots__ = ("visit", "charge")
    VISIT_FIELD_NUMBER: _ClassVar[int]
    CHARGE_FIELD_NUMBER: _ClassVar[int]
    visit: Visit
    charge: ServiceCharge
    def __init__(self, visit: _Optional[_Union[Visit, _Mapping]] = ..., charge: _Optional[_Union[ServiceCharge, _Mapping]] = ...) -> None: ...

class ListServiceChargesRequest(_message.Message):
    __slots__ = ("options",)
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    options: ListOptions
    def __init__(self, options: _Optional[_Union[ListOptions, _Mapping]] = ...) -> None: ...

class ListServiceChargesResponse(_message.Message):
    __slots__ = ("charges", "page")
    CHARGES_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    charges: _containers.RepeatedCompositeFieldContainer[ServiceCharge]
    page: _paging_pb2.PageResponse
    def __init__(self, charges: _Optional[_Iterable[_Union[ServiceCharge, _Mapping]]] = ..., page: _Optional[_Union[_paging_pb2.PageResponse, _Mapping]] = ...) -> None: ...

class ComplaintStep(_message.Message):
    __slots__ = ("at", "actor_id", "kind", "note")
    AT_FIELD_NUMBER: _ClassVar[int]
    ACTOR_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    at: _timestamp_pb2.Timestamp
    actor_id: str
    kind: str
    note: str
    def __init__(self, at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., actor_id: _Optional[str] = ..., kind: _Optional[str] = ..., note: _Optional[str] = ...) -> None: ...

class Complaint(_message.Message):
    __slots__ = ("id", "number", "customer_id", "work_order_id", "order_id", "contract_id", "return_visit_id", "category", "severity", "description", "responsible_department_id", "assignee_id", "status", "deadline_at", "steps", "root_cause", "resolution", "customer_confirmed", "escalation_level", "resolved_at", "version", "created_at", "updated_at", "owner_id", "created_by", "subject_user_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    NUMBER_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    WORK_ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    RETURN_VISIT_ID_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    SEVERITY_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    RESPONSIBLE_DEPARTMENT_ID_FIELD_NUMBER: _ClassVar[int]
    ASSIGNEE_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_AT_FIELD_NUMBER: _ClassVar[int]
    STEPS_FIELD_NUMBER: _ClassVar[int]
    ROOT_CAUSE_FIELD_NUMBER: _ClassVar[int]
    RESOLUTION_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_CONFIRMED_FIELD_NUMBER: _ClassVar[int]
    ESCALATION_LEVEL_FIELD_NUMBER: _ClassVar[int]
    RESOLVED_AT_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_USER_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    number: str
    customer_id: str
    work_order_id: str
    order_id: str
    contract_id: str
    return_visit_id: str
    category: str
    severity: str
    description: str
    responsible_department_id: str
    assignee_id: str
    status: str
    deadline_at: _timestamp_pb2.Timestamp
    steps: _containers.RepeatedCompositeFieldContainer[ComplaintStep]
    root_cause: str
    resolution: str
    customer_confirmed: bool
    escalation_level: int
    resolved_at: _timestamp_pb2.Timestamp
    version: int
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    owner_id: str
    created_by: str
    subject_user_id: str
    def __init__(self, id: _Optional[str] = ..., number: _Optional[str] = ..., customer_id: _Optional[str] = ..., work_order_id: _Optional[str] = ..., order_id: _Optional[str] = ..., contract_id: _Optional[str] = ..., return_visit_id: _Optional[str] = ..., category: _Optional[str] = ..., severity: _Optional[str] = ..., description: _Optional[str] = ..., responsible_department_id: _Optional[str] = ..., assignee_id: _Optional[str] = ..., status: _Optional[str] = ..., deadline_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., steps: _Optional[_Iterable[_Union[ComplaintStep, _Mapping]]] = ..., root_cause: _Optional[str] = ..., resolution: _Optional[str] = ..., customer_confirmed: _Optional[bool] = ..., escalation_level: _Optional[int] = ..., resolved_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., version: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., owner_id: _Optional[str] = ..., created_by: _Optional[str] = ..., subject_user_id: _Optional[str] = ...) -> None: ...

class ComplaintFields(_message.Message):
    __slots__ = ("customer_id", "work_order_id", "order_id", "contract_id", "category", "severity", "description", "responsible_department_id", "assignee_id", "owner_id", "subject_user_id")
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    WORK_ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    SEVERITY_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    RESPONSIBLE_DEPARTMENT_ID_FIELD_NUMBER: _ClassVar[int]
    ASSIGNEE_ID_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_USER_ID_FIELD_NUMBER: _ClassVar[int]
    customer_id: str
    work_order_id: str
    order_id: str
    contract_id: str
    category: str
    severity: str
    description: str
    responsible_department_id: str
    assignee_id: str
    owner_id: str
    subject_user_id: str
    def __init__(self, customer_id: _Optional[str] = ..., work_order_id: _Optional[str] = ..., order_id: _Optional[str] = ..., contract_id: _Optional[str] = ..., category: _Optional[str] = ..., severity: _Optional[str] = ..., description: _Optional[str] = ..., responsible_department_id: _Optional[str] = ..., assignee_id: _Optional[str] = ..., owner_id: _Optional[str] = ..., subject_user_id: _Optional[str] = ...) -> None: ...

class CreateComplaintRequest(_message.Message):
    __slots__ = ("complaint",)
    COMPLAINT_FIELD_NUMBER: _ClassVar[int]
    complaint: ComplaintFields
    def __init__(self, complaint: _Optional[_Union[ComplaintFields, _Mapping]] = ...) -> None: ...

class CreateComplaintResponse(_message.Message):
    __slots__ = ("complaint",)
    COMPLAINT_FIELD_NUMBER: _ClassVar[int]
    complaint: Complaint
    def __init__(self, complaint: _Optional[_Union[Complaint, _Mapping]] = ...) -> None: ...

class GetComplaintRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class GetComplaintResponse(_message.Message):
    __slots__ = ("complaint",)
    COMPLAINT_FIELD_NUMBER: _ClassVar[int]
    complaint: Complaint
    def __init__(self, complaint: _Optional[_Union[Complaint, _Mapping]] = ...) -> None: ...

class ListComplaintsRequest(_message.Message):
    __slots__ = ("options",)
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    options: ListOptions
    def __init__(self, options: _Optional[_Union[ListOptions, _Mapping]] = ...) -> None: ...

class ListComplaintsResponse(_message.Message):
    __slots__ = ("complaints", "page")
    COMPLAINTS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    complaints: _containers.RepeatedCompositeFieldContainer[Complaint]
    page: _paging_pb2.PageResponse
    def __init__(self, complaints: _Optional[_Iterable[_Union[Complaint, _Mapping]]] = ..., page: _Optional[_Union[_paging_pb2.PageResponse, _Mapping]] = ...) -> None: ...

class ActOnComplaintRequest(_message.Message):
    __slots__ = ("id", "expected_version", "action", "note", "root_cause", "resolution")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    ROOT_CAUSE_FIELD_NUMBER: _ClassVar[int]
    RESOLUTION_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    action: str
    note: str
    root_cause: str
    resolution: str
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ..., action: _Optional[str] = ..., note: _Optional[str] = ..., root_cause: _Optional[str] = ..., resolution: _Optional[str] = ...) -> None: ...

class ActOnComplaintResponse(_message.Message):
    __slots__ = ("complaint",)
    COMPLAINT_FIELD_NUMBER: _ClassVar[int]
    complaint: Complaint
    def __init__(self, complaint: _Optional[_Union[Complaint, _Mapping]] = ...) -> None: ...

class ReturnVisit(_message.Message):
    __slots__ = ("id", "rule", "source_kind", "source_id", "customer_id", "work_order_id", "order_id", "due_on", "assignee_id", "status", "outcome", "score", "nps", "follow_up", "complaint_id", "completed_at", "version", "created_at", "updated_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    RULE_FIELD_NUMBER: _ClassVar[int]
    SOURCE_KIND_FIELD_NUMBER: _ClassVar[int]
    SOURCE_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    WORK_ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    DUE_ON_FIELD_NUMBER: _ClassVar[int]
    ASSIGNEE_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    NPS_FIELD_NUMBER: _ClassVar[int]
    FOLLOW_UP_FIELD_NUMBER: _ClassVar[int]
    COMPLAINT_ID_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_AT_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    rule: str
    source_kind: str
    source_id: str
    customer_id: str
    work_order_id: str
    order_id: str
    due_on: str
    assignee_id: str
    status: str
    outcome: str
    score: int
    nps: int
    follow_up: str
    complaint_id: str
    completed_at: _timestamp_pb2.Timestamp
    version: int
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., rule: _Optional[str] = ..., source_kind: _Optional[str] = ..., source_id: _Optional[str] = ..., customer_id: _Optional[str] = ..., work_order_id: _Optional[str] = ..., order_id: _Optional[str] = ..., due_on: _Optional[str] = ..., assignee_id: _Optional[str] = ..., status: _Optional[str] = ..., outcome: _Optional[str] = ..., score: _Optional[int] = ..., nps: _Optional[int] = ..., follow_up: _Optional[str] = ..., complaint_id: _Optional[str] = ..., completed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., version: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CreateReturnVisitRequest(_message.Message):
    __slots__ = ("work_order_id", "order_id", "due_on", "assignee_id")
    WORK_ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    DUE_ON_FIELD_NUMBER: _ClassVar[int]
    ASSIGNEE_ID_FIELD_NUMBER: _ClassVar[int]
    work_order_id: str
    order_id: str
    due_on: str
    assignee_id: str
    def __init__(self, work_order_id: _Optional[str] = ..., order_id: _Optional[str] = ..., due_on: _Optional[str] = ..., assignee_id: _Optional[str] = ...) -> None: ...

class CreateReturnVisitResponse(_message.Message):
    __slots__ = ("return_visit",)
    RETURN_VISIT_FIELD_NUMBER: _ClassVar[int]
    return_visit: ReturnVisit
    def __init__(self, return_visit: _Optional[_Union[ReturnVisit, _Mapping]] = ...) -> None: ...

class GetReturnVisitRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class GetReturnVisitResponse(_message.Message):
    __slots__ = ("return_visit",)
    RETURN_VISIT_FIELD_NUMBER: _ClassVar[int]
    return_visit: ReturnVisit
    def __init__(self, return_visit: _Optional[_Union[ReturnVisit, _Mapping]] = ...) -> None: ...

class ListReturnVisitsRequest(_message.Message):
    __slots__ = ("options",)
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    options: ListOptions
    def __init__(self, options: _Optional[_Union[ListOptions, _Mapping]] = ...) -> None: ...

class ListReturnVisitsResponse(_message.Message):
    __slots__ = ("return_visits", "page")
    RETURN_VISITS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    return_visits: _containers.RepeatedCompositeFieldContainer[ReturnVisit]
    page: _paging_pb2.PageResponse
    def __init__(self, return_visits: _Optional[_Iterable[_Union[ReturnVisit, _Mapping]]] = ..., page: _Optional[_Union[_paging_pb2.PageResponse, _Mapping]] = ...) -> None: ...

class CompleteReturnVisitRequest(_message.Message):
    __slots__ = ("id", "expected_version", "outcome", "score", "nps")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    NPS_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    outcome: str
    score: int
    nps: int
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ..., outcome: _Optional[str] = ..., score: _Optional[int] = ..., nps: _Optional[int] = ...) -> None: ...

class CompleteReturnVisitResponse(_message.Message):
    __slots__ = ("return_visit", "complaint_id")
    RETURN_VISIT_FIELD_NUMBER: _ClassVar[int]
    COMPLAINT_ID_FIELD_NUMBER: _ClassVar[int]
    return_visit: ReturnVisit
    complaint_id: str
    def __init__(self, return_visit: _Optional[_Union[ReturnVisit, _Mapping]] = ..., complaint_id: _Optional[str] = ...) -> None: ...

class SlaPolicy(_message.Message):
    __slots__ = ("id", "name", "priority", "classification", "first_response_minutes", "resolution_minutes", "at_risk_percent", "round_the_clock", "active", "version", "created_at", "updated_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    CLASSIFICATION_FIELD_NUMBER: _ClassVar[int]
    FIRST_RESPONSE_MINUTES_FIELD_NUMBER: _ClassVar[int]
    RESOLUTION_MINUTES_FIELD_NUMBER: _ClassVar[int]
    AT_RISK_PERCENT_FIELD_NUMBER: _ClassVar[int]
    ROUND_THE_CLOCK_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    priority: str
    classification: str
    first_response_minutes: int
    resolution_minutes: int
    at_risk_percent: int
    round_the_clock: bool
    active: bool
    version: int
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., priority: _Optional[str] = ..., classification: _Optional[str] = ..., first_response_minutes: _Optional[int] = ..., resolution_minutes: _Optional[int] = ..., at_risk_percent: _Optional[int] = ..., round_the_clock: _Optional[bool] = ..., active: _Optional[bool] = ..., version: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CreateSlaPolicyRequest(_message.Message):
    __slots__ = ("policy",)
    POLICY_FIELD_NUMBER: _ClassVar[int]
    policy: SlaPolicy
    def __init__(self, policy: _Optional[_Union[SlaPolicy, _Mapping]] = ...) -> None: ...

class CreateSlaPolicyResponse(_message.Message):
    __slots__ = ("policy",)
    POLICY_FIELD_NUMBER: _ClassVar[int]
    policy: SlaPolicy
    def __init__(self, policy: _Optional[_Union[SlaPolicy, _Mapping]] = ...) -> None: ...

class ListSlaPoliciesRequest(_message.Message):
    __slots__ = ("options",)
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    options: ListOptions
    def __init__(self, options: _Optional[_Union[ListOptions, _Mapping]] = ...) -> None: ...

class ListSlaPoliciesResponse(_message.Message):
    __slots__ = ("policies", "page")
    POLICIES_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    policies: _containers.RepeatedCompositeFieldContainer[SlaPolicy]
    page: _paging_pb2.PageResponse
    def __init__(self, policies: _Optional[_Iterable[_Union[SlaPolicy, _Mapping]]] = ..., page: _Optional[_Union[_paging_pb2.PageResponse, _Mapping]] = ...) -> None: ...

class UpdateSlaPolicyRequest(_message.Message):
    __slots__ = ("id", "expected_version", "patch", "update_mask")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    PATCH_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    patch: SlaPolicy
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ..., patch: _Optional[_Union[SlaPolicy, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdateSlaPolicyResponse(_message.Message):
    __slots__ = ("policy",)
    POLICY_FIELD_NUMBER: _ClassVar[int]
    policy: SlaPolicy
    def __init__(self, policy: _Optional[_Union[SlaPolicy, _Mapping]] = ...) -> None: ...

class Technician(_message.Message):
    __slots__ = ("id", "user_id", "name", "team", "skills", "capacity", "working_days", "latitude", "longitude", "location_updated_at", "active", "open_work_orders", "manager_id", "version", "created_at", "updated_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TEAM_FIELD_NUMBER: _ClassVar[int]
    SKILLS_FIELD_NUMBER: _ClassVar[int]
    CAPACITY_FIELD_NUMBER: _ClassVar[int]
    WORKING_DAYS_FIELD_NUMBER: _ClassVar[int]
    LATITUDE_FIELD_NUMBER: _ClassVar[int]
    LONGITUDE_FIELD_NUMBER: _ClassVar[int]
    LOCATION_UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    OPEN_WORK_ORDERS_FIELD_NUMBER: _ClassVar[int]
    MANAGER_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    user_id: str
    name: str
    team: str
    skills: _containers.RepeatedScalarFieldContainer[str]
    capacity: int
    working_days: _containers.RepeatedScalarFieldContainer[int]
    latitude: float
    longitude: float
    location_updated_at: _timestamp_pb2.Timestamp
    active: bool
    open_work_orders: int
    manager_id: str
    version: int
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., user_id: _Optional[str] = ..., name: _Optional[str] = ..., team: _Optional[str] = ..., skills: _Optional[_Iterable[str]] = ..., capacity: _Optional[int] = ..., working_days: _Optional[_Iterable[int]] = ..., latitude: _Optional[float] = ..., longitude: _Optional[float] = ..., location_updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., active: _Optional[bool] = ..., open_work_orders: _Optional[int] = ..., manager_id: _Optional[str] = ..., version: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CreateTechnicianRequest(_message.Message):
    __slots__ = ("technician",)
    TECHNICIAN_FIELD_NUMBER: _ClassVar[int]
    technician: Technician
    def __init__(self, technician: _Optional[_Union[Technician, _Mapping]] = ...) -> None: ...

class CreateTechnicianResponse(_message.Message):
    __slots__ = ("technician",)
    TECHNICIAN_FIELD_NUMBER: _ClassVar[int]
    technician: Technician
    def __init__(self, technician: _Optional[_Union[Technician, _Mapping]] = ...) -> None: ...

class GetTechnicianRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class GetTechnicianResponse(_message.Message):
    __slots__ = ("technician",)
    TECHNICIAN_FIELD_NUMBER: _ClassVar[int]
    technician: Technician
    def __init__(self, technician: _Optional[_Union[Technician, _Mapping]] = ...) -> None: ...

class ListTechniciansRequest(_message.Message):
    __slots__ = ("options",)
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    options: ListOptions
    def __init__(self, options: _Optional[_Union[ListOptions, _Mapping]] = ...) -> None: ...

class ListTechniciansResponse(_message.Message):
    __slots__ = ("technicians", "page")
    TECHNICIANS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    technicians: _containers.RepeatedCompositeFieldContainer[Technician]
    page: _paging_pb2.PageResponse
    def __init__(self, technicians: _Optional[_Iterable[_Union[Technician, _Mapping]]] = ..., page: _Optional[_Union[_paging_pb2.PageResponse, _Mapping]] = ...) -> None: ...

class UpdateTechnicianRequest(_message.Message):
    __slots__ = ("id", "expected_version", "patch", "update_mask")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    PATCH_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    patch: Technician
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ..., patch: _Optional[_Union[Technician, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdateTechnicianResponse(_message.Message):
    __slots__ = ("technician",)
    TECHNICIAN_FIELD_NUMBER: _ClassVar[int]
    technician: Technician
    def __init__(self, technician: _Optional[_Union[Technician, _Mapping]] = ...) -> None: ...

class UpdateTechnicianLocationRequest(_message.Message):
    __slots__ = ("id", "latitude", "longitude")
    ID_FIELD_NUMBER: _ClassVar[int]
    LATITUDE_FIELD_NUMBER: _ClassVar[int]
    LONGITUDE_FIELD_NUMBER: _ClassVar[int]
    id: str
    latitude: float
    longitude: float
    def __init__(self, id: _Optional[str] = ..., latitude: _Optional[float] = ..., longitude: _Optional[float] = ...) -> None: ...

class UpdateTechnicianLocationResponse(_message.Message):
    __slots__ = ("technician",)
    TECHNICIAN_FIELD_NUMBER: _ClassVar[int]
    technician: Technician
    def __init__(self, technician: _Optional[_Union[Technician, _Mapping]] = ...) -> None: ...

class Article(_message.Message):
    __slots__ = ("id", "title", "category", "problem", "solution", "tags", "status", "version", "created_at", "updated_at", "created_by")
    ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    PROBLEM_FIELD_NUMBER: _ClassVar[int]
    SOLUTION_FIELD_NUMBER: _ClassVar[int]
    TAGS_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    id: str
    title: str
    category: str
    problem: str
    solution: str
    tags: _containers.RepeatedScalarFieldContainer[str]
    status: str
    version: int
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    created_by: str
    def __init__(self, id: _Optional[str] = ..., title: _Optional[str] = ..., category: _Optional[str] = ..., problem: _Optional[str] = ..., solution: _Optional[str] = ..., tags: _Optional[_Iterable[str]] = ..., status: _Optional[str] = ..., version: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., created_by: _Optional[str] = ...) -> None: ...

class CreateArticleRequest(_message.Message):
    __slots__ = ("article",)
    ARTICLE_FIELD_NUMBER: _ClassVar[int]
    article: Article
    def __init__(self, article: _Optional[_Union[Article, _Mapping]] = ...) -> None: ...

class CreateArticleResponse(_message.Message):
    __slots__ = ("article",)
    ARTICLE_FIELD_NUMBER: _ClassVar[int]
    article: Article
    def __init__(self, article: _Optional[_Union[Article, _Mapping]] = ...) -> None: ...

class GetArticleRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class GetArticleResponse(_message.Message):
    __slots__ = ("article",)
    ARTICLE_FIELD_NUMBER: _ClassVar[int]
    article: Article
    def __init__(self, article: _Optional[_Union[Article, _Mapping]] = ...) -> None: ...

class ListArticlesRequest(_message.Message):
    __slots__ = ("options", "query")
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    QUERY_FIELD_NUMBER: _ClassVar[int]
    options: ListOptions
    query: str
    def __init__(self, options: _Optional[_Union[ListOptions, _Mapping]] = ..., query: _Optional[str] = ...) -> None: ...

class ListArticlesResponse(_message.Message):
    __slots__ = ("articles", "page")
    ARTICLES_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    articles: _containers.RepeatedCompositeFieldContainer[Article]
    page: _paging_pb2.PageResponse
    def __init__(self, articles: _Optional[_Iterable[_Union[Article, _Mapping]]] = ..., page: _Optional[_Union[_paging_pb2.PageResponse, _Mapping]] = ...) -> None: ...

class UpdateArticleRequest(_message.Message):
    __slots__ = ("id", "expected_version", "patch", "update_mask")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    PATCH_FIELD_NUMBER: _ClassVar[int]
    UPDATE_MASK_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    patch: Article
    update_mask: _field_mask_pb2.FieldMask
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ..., patch: _Optional[_Union[Article, _Mapping]] = ..., update_mask: _Optional[_Union[_field_mask_pb2.FieldMask, _Mapping]] = ...) -> None: ...

class UpdateArticleResponse(_message.Message):
    __slots__ = ("article",)
    ARTICLE_FIELD_NUMBER: _ClassVar[int]
    article: Article
    def __init__(self, article: _Optional[_Union[Article, _Mapping]] = ...) -> None: ...

class RunSweepsRequest(_message.Message):
    __slots__ = ("as_of",)
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    as_of: _timestamp_pb2.Timestamp
    def __init__(self, as_of: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class RunSweepsResponse(_message.Message):
    __slots__ = ("sla_at_risk", "sla_breached", "return_visits_planned", "complaints_escalated")
    SLA_AT_RISK_FIELD_NUMBER: _ClassVar[int]
    SLA_BREACHED_FIELD_NUMBER: _ClassVar[int]
    RETURN_VISITS_PLANNED_FIELD_NUMBER: _ClassVar[int]
    COMPLAINTS_ESCALATED_FIELD_NUMBER: _ClassVar[int]
    sla_at_risk: int
    sla_breached: int
    return_visits_planned: int
    complaints_escalated: int
    def __init__(self, sla_at_risk: _Optional[int] = ..., sla_breached: _Optional[int] = ..., return_visits_planned: _Optional[int] = ..., complaints_escalated: _Optional[int] = ...) -> None: ...
