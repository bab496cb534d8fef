from crm.common.v1 import money_pb2 as _money_pb2
from crm.marketing.v1 import marketing_service_pb2 as _marketing_service_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class LeadConverted(_message.Message):
    __slots__ = ("lead_id", "conversion_id", "owner_id", "converted_by", "company", "contact_name", "title", "phones", "emails", "region", "industry", "source", "campaign_id", "customer_id", "create_opportunity", "opportunity", "notes")
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    CONVERSION_ID_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    CONVERTED_BY_FIELD_NUMBER: _ClassVar[int]
    COMPANY_FIELD_NUMBER: _ClassVar[int]
    CONTACT_NAME_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    PHONES_FIELD_NUMBER: _ClassVar[int]
    EMAILS_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    INDUSTRY_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    CREATE_OPPORTUNITY_FIELD_NUMBER: _ClassVar[int]
    OPPORTUNITY_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    lead_id: str
    conversion_id: str
    owner_id: str
    converted_by: str
    company: str
    contact_name: str
    title: str
    phones: _containers.RepeatedScalarFieldContainer[str]
    emails: _containers.RepeatedScalarFieldContainer[str]
    region: str
    industry: str
    source: str
    campaign_id: str
    customer_id: str
    create_opportunity: bool
    opportunity: OpportunityRequest
    notes: str
    def __init__(self, lead_id: _Optional[str] = ..., conversion_id: _Optional[str] = ..., owner_id: _Optional[str] = ..., converted_by: _Optional[str] = ..., company: _Optional[str] = ..., contact_name: _Optional[str] = ..., title: _Optional[str] = ..., phones: _Optional[_Iterable[str]] = ..., emails: _Optional[_Iterable[str]] = ..., region: _Optional[str] = ..., industry: _Optional[str] = ..., source: _Optional[str] = ..., campaign_id: _Optional[str] = ..., customer_id: _Optional[str] = ..., create_opportunity: _Optional[bool] = ..., opportunity: _Optional[_Union[OpportunityRequest, _Mapping]] = ..., notes: _Optional[str] = ...) -> None: ...

class OpportunityRequest(_message.Message):
    __slots__ = ("name", "amount", "expected_close_date", "stage")
    NAME_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_CLOSE_DATE_FIELD_NUMBER: _ClassVar[int]
    STAGE_FIELD_NUMBER: _ClassVar[int]
    name: str
    amount: _money_pb2.Money
    expected_close_date: str
    stage: str
    def __init__(self, name: _Optional[str] = ..., amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., expected_close_date: _Optional[str] = ..., stage: _Optional[str] = ...) -> None: ...

class CampaignCreated(_message.Message):
    __slots__ = ("campaign",)
    CAMPAIGN_FIELD_NUMBER: _ClassVar[int]
    campaign: _marketing_service_pb2.Campaign
    def __init__(self, campaign: _Optional[_Union[_marketing_service_pb2.Campaign, _Mapping]] = ...) -> None: ...

class CampaignApproved(_message.Message):
    __slots__ = ("campaign", "approver_id", "comment", "reviewed")
    CAMPAIGN_FIELD_NUMBER: _ClassVar[int]
    APPROVER_ID_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    REVIEWED_FIELD_NUMBER: _ClassVar[int]
    campaign: _marketing_service_pb2.Campaign
    approver_id: str
    comment: str
    reviewed: bool
    def __init__(self, campaign: _Optional[_Union[_marketing_service_pb2.Campaign, _Mapping]] = ..., approver_id: _Optional[str] = ..., comment: _Optional[str] = ..., reviewed: _Optional[bool] = ...) -> None: ...

class CampaignCostRecorded(_message.Message):
    __slots__ = ("campaign", "cost")
    CAMPAIGN_FIELD_NUMBER: _ClassVar[int]
    COST_FIELD_NUMBER: _ClassVar[int]
    campaign: _marketing_service_pb2.Campaign
    cost: _marketing_service_pb2.CostEntry
    def __init__(self, campaign: _Optional[_Union[_marketing_service_pb2.Campaign, _Mapping]] = ..., cost: _Optional[_Union[_marketing_service_pb2.CostEntry, _Mapping]] = ...) -> None: ...

class CampaignStatusChanged(_message.Message):
    __slots__ = ("campaign", "from_status", "to_status", "actor_id", "comment")
    CAMPAIGN_FIELD_NUMBER: _ClassVar[int]
    FROM_STATUS_FIELD_NUMBER: _ClassVar[int]
    TO_STATUS_FIELD_NUMBER: _ClassVar[int]
    ACTOR_ID_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    campaign: _marketing_service_pb2.Campaign
    from_status: str
    to_status: str
    actor_id: str
    comment: str
    def __init__(self, campaign: _Optional[_Union[_marketing_service_pb2.Campaign, _Mapping]] = ..., from_status: _Optional[str] = ..., to_status: _Optional[str] = ..., actor_id: _Optional[str] = ..., comment: _Optional[str] = ...) -> None: ...

class LeadCreated(_message.Message):
    __slots__ = ("lead",)
    LEAD_FIELD_NUMBER: _ClassVar[int]
    lead: _marketing_service_pb2.Lead
    def __init__(self, lead: _Optional[_Union[_marketing_service_pb2.Lead, _Mapping]] = ...) -> None: ...

class LeadAssigned(_message.Message):
    __slots__ = ("lead", "from_owner_id", "to_owner_id", "reason", "rule_id", "actor_id")
    LEAD_FIELD_NUMBER: _ClassVar[int]
    FROM_OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    TO_OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    RULE_ID_FIELD_NUMBER: _ClassVar[int]
    ACTOR_ID_FIELD_NUMBER: _ClassVar[int]
    lead: _marketing_service_pb2.Lead
    from_owner_id: str
    to_owner_id: str
    reason: str
    rule_id: str
    actor_id: str
    def __init__(self, lead: _Optional[_Union[_marketing_service_pb2.Lead, _Mapping]] = ..., from_owner_id: _Optional[str] = ..., to_owner_id: _Optional[str] = ..., reason: _Optional[str] = ..., rule_id: _Optional[str] = ..., actor_id: _Optional[str] = ...) -> None: ...

class LeadReturnedToPool(_message.Message):
    __slots__ = ("lead", "from_owner_id", "reason", "actor_id")
    LEAD_FIELD_NUMBER: _ClassVar[int]
    FROM_OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    ACTOR_ID_FIELD_NUMBER: _ClassVar[int]
    lead: _marketing_service_pb2.Lead
    from_owner_id: str
    reason: str
    actor_id: str
    def __init__(self, lead: _Optional[_Union[_marketing_service_pb2.Lead, _Mapping]] = ..., from_owner_id: _Optional[str] = ..., reason: _Optional[str] = ..., actor_id: _Optional[str] = ...) -> None: ...

class LeadStatusChanged(_message.Message):
    __slots__ = ("lead", "from_status", "to_status", "actor_id", "reason")
    LEAD_FIELD_NUMBER: _ClassVar[int]
    FROM_STATUS_FIELD_NUMBER: _ClassVar[int]
    TO_STATUS_FIELD_NUMBER: _ClassVar[int]
    ACTOR_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    lead: _marketing_service_pb2.Lead
    from_status: str
    to_status: str
    actor_id: str
    reason: str
    def __init__(self, lead: _Optional[_Union[_marketing_service_pb2.Lead, _Mapping]] = ..., from_status: _Optional[str] = ..., to_status: _Optional[str] = ..., actor_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class LeadDisqualified(_message.Message):
    __slots__ = ("lead", "reason", "actor_id")
    LEAD_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    ACTOR_ID_FIELD_NUMBER: _ClassVar[int]
    lead: _marketing_service_pb2.Lead
    reason: str
    actor_id: str
    def __init__(self, lead: _Optional[_Union[_marketing_service_pb2.Lead, _Mapping]] = ..., reason: _Optional[str] = ..., actor_id: _Optional[str] = ...) -> None: ...
