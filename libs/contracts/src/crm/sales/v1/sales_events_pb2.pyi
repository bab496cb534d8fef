from crm.sales.v1 import sales_service_pb2 as _sales_service_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class OpportunityCreated(_message.Message):
    __slots__ = ("opportunity",)
    OPPORTUNITY_FIELD_NUMBER: _ClassVar[int]
    opportunity: _sales_service_pb2.Opportunity
    def __init__(self, opportunity: _Optional[_Union[_sales_service_pb2.Opportunity, _Mapping]] = ...) -> None: ...

class OpportunityStageChanged(_message.Message):
    __slots__ = ("opportunity", "change")
    OPPORTUNITY_FIELD_NUMBER: _ClassVar[int]
    CHANGE_FIELD_NUMBER: _ClassVar[int]
    opportunity: _sales_service_pb2.Opportunity
    change: _sales_service_pb2.StageChange
    def __init__(self, opportunity: _Optional[_Union[_sales_service_pb2.Opportunity, _Mapping]] = ..., change: _Optional[_Union[_sales_service_pb2.StageChange, _Mapping]] = ...) -> None: ...

class OpportunityWon(_message.Message):
    __slots__ = ("opportunity", "change")
    OPPORTUNITY_FIELD_NUMBER: _ClassVar[int]
    CHANGE_FIELD_NUMBER: _ClassVar[int]
    opportunity: _sales_service_pb2.Opportunity
    change: _sales_service_pb2.StageChange
    def __init__(self, opportunity: _Optional[_Union[_sales_service_pb2.Opportunity, _Mapping]] = ..., change: _Optional[_Union[_sales_service_pb2.StageChange, _Mapping]] = ...) -> None: ...

class OpportunityLost(_message.Message):
    __slots__ = ("opportunity", "change")
    OPPORTUNITY_FIELD_NUMBER: _ClassVar[int]
    CHANGE_FIELD_NUMBER: _ClassVar[int]
    opportunity: _sales_service_pb2.Opportunity
    change: _sales_service_pb2.StageChange
    def __init__(self, opportunity: _Optional[_Union[_sales_service_pb2.Opportunity, _Mapping]] = ..., change: _Optional[_Union[_sales_service_pb2.StageChange, _Mapping]] = ...) -> None: ...

class QuoteSent(_message.Message):
    __slots__ = ("quote",)
    QUOTE_FIELD_NUMBER: _ClassVar[int]
    quote: _sales_service_pb2.Quote
    def __init__(self, quote: _Optional[_Union[_sales_service_pb2.Quote, _Mapping]] = ...) -> None: ...

class QuoteAccepted(_message.Message):
    __slots__ = ("quote",)
    QUOTE_FIELD_NUMBER: _ClassVar[int]
    quote: _sales_service_pb2.Quote
    def __init__(self, quote: _Optional[_Union[_sales_service_pb2.Quote, _Mapping]] = ...) -> None: ...

class OrderConfirmed(_message.Message):
    __slots__ = ("order",)
    ORDER_FIELD_NUMBER: _ClassVar[int]
    order: _sales_service_pb2.Order
    def __init__(self, order: _Optional[_Union[_sales_service_pb2.Order, _Mapping]] = ...) -> None: ...

class OrderFulfilled(_message.Message):
    __slots__ = ("order",)
    ORDER_FIELD_NUMBER: _ClassVar[int]
    order: _sales_service_pb2.Order
    def __init__(self, order: _Optional[_Union[_sales_service_pb2.Order, _Mapping]] = ...) -> None: ...

class OrderCancelled(_message.Message):
    __slots__ = ("order",)
    ORDER_FIELD_NUMBER: _ClassVar[int]
    order: _sales_service_pb2.Order
    def __init__(self, order: _Optional[_Union[_sales_service_pb2.Order, _Mapping]] = ...) -> None: ...

class ContractActivated(_message.Message):
    __slots__ = ("contract",)
    CONTRACT_FIELD_NUMBER: _ClassVar[int]
    contract: _sales_service_pb2.Contract
    def __init__(self, contract: _Optional[_Union[_sales_service_pb2.Contract, _Mapping]] = ...) -> None: ...

class ContractExpired(_message.Message):
    __slots__ = ("contract",)
    CONTRACT_FIELD_NUMBER: _ClassVar[int]
    contract: _sales_service_pb2.Contract
    def __init__(self, contract: _Optional[_Union[_sales_service_pb2.Contract, _Mapping]] = ...) -> None: ...

class ContractTerminated(_message.Message):
    __slots__ = ("contract",)
    CONTRACT_FIELD_NUMBER: _ClassVar[int]
    contract: _sales_service_pb2.Contract
    def __init__(self, contract: _Optional[_Union[_sales_service_pb2.Contract, _Mapping]] = ...) -> None: ...

class PaymentPlanCreated(_message.Message):
    __slots__ = ("plan",)
    PLAN_FIELD_NUMBER: _ClassVar[int]
    plan: _sales_service_pb2.PaymentPlan
    def __init__(self, plan: _Optional[_Union[_sales_service_pb2.PaymentPlan, _Mapping]] = ...) -> None: ...

class PaymentReceived(_message.Message):
    __slots__ = ("receipt",)
    RECEIPT_FIELD_NUMBER: _ClassVar[int]
    receipt: _sales_service_pb2.Receipt
    def __init__(self, receipt: _Optional[_Union[_sales_service_pb2.Receipt, _Mapping]] = ...) -> None: ...

class PaymentOverdue(_message.Message):
    __slots__ = ("plan_id", "contract_id", "contract_number", "customer_id", "owner_id", "instalment", "as_of", "order_id", "order_number")
    PLAN_ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_ID_FIELD_NUMBER: _ClassVar[int]
    CONTRACT_NUMBER_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    INSTALMENT_FIELD_NUMBER: _ClassVar[int]
    AS_OF_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_NUMBER_FIELD_NUMBER: _ClassVar[int]
    plan_id: str
    contract_id: str
    contract_number: str
    customer_id: str
    owner_id: str
    instalment: _sales_service_pb2.Instalment
    as_of: str
    order_id: str
    order_number: str
    def __init__(self, plan_id: _Optional[str] = ..., contract_id: _Optional[str] = ..., contract_number: _Optional[str] = ..., customer_id: _Optional[str] = ..., owner_id: _Optional[str] = ..., instalment: _Optional[_Union[_sales_service_pb2.Instalment, _Mapping]] = ..., as_of: _Optional[str] = ..., order_id: _Optional[str] = ..., order_number: _Optional[str] = ...) -> None: ...

class InvoiceIssued(_message.Message):
    __slots__ = ("invoice",)
    INVOICE_FIELD_NUMBER: _ClassVar[int]
    invoice: _sales_service_pb2.Invoice
    def __init__(self, invoice: _Optional[_Union[_sales_service_pb2.Invoice, _Mapping]] = ...) -> None: ...

class TargetSet(_message.Message):
    __slots__ = ("target",)
    TARGET_FIELD_NUMBER: _ClassVar[int]
    target: _sales_service_pb2.Target
    def __init__(self, target: _Optional[_Union[_sales_service_pb2.Target, _Mapping]] = ...) -> None: ...

class ApprovalRequested(_message.Message):
    __slots__ = ("approval", "owner_id", "summary")
    APPROVAL_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    approval: _sales_service_pb2.Approval
    owner_id: str
    summary: str
    def __init__(self, approval: _Optional[_Union[_sales_service_pb2.Approval, _Mapping]] = ..., owner_id: _Optional[str] = ..., summary: _Optional[str] = ...) -> None: ...

class ApprovalDecided(_message.Message):
    __slots__ = ("approval", "owner_id", "summary")
    APPROVAL_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    SUMMARY_FIELD_NUMBER: _ClassVar[int]
    approval: _sales_service_pb2.Approval
    owner_id: str
    summary: str
    def __init__(self, approval: _Optional[_Union[_sales_service_pb2.Approval, _Mapping]] = ..., owner_id: _Optional[str] = ..., summary: _Optional[str] = ...) -> None: ...
