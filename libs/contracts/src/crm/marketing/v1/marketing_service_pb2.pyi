import datetime

from crm.common.v1 import money_pb2 as _money_pb2
from crm.common.v1 import paging_pb2 as _paging_pb2
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

class ApprovalEntry(_message.Message):
    __slots__ = ("at", "actor_id", "action", "round", "comment")
    AT_FIELD_NUMBER: _ClassVar[int]
    ACTOR_ID_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    ROUND_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    at: _timestamp_pb2.Timestamp
    actor_id: str
    action: str
    round: int
    comment: str
    def __init__(self, at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., actor_id: _Optional[str] = ..., action: _Optional[str] = ..., round: _Optional[int] = ..., comment: _Optional[str] = ...) -> None: ...

class Campaign(_message.Message):
    __slots__ = ("id", "name", "type", "channel", "start_date", "end_date", "owner_id", "budget", "expected_revenue", "actual_cost", "status", "needs_approval", "approval_status", "approval_history", "description", "member_count", "version", "created_at", "updated_at", "created_by")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    BUDGET_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_REVENUE_FIELD_NUMBER: _ClassVar[int]
    ACTUAL_COST_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    NEEDS_APPROVAL_FIELD_NUMBER: _ClassVar[int]
    APPROVAL_STATUS_FIELD_NUMBER: _ClassVar[int]
    APPROVAL_HISTORY_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    MEMBER_COUNT_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    type: str
    channel: str
    start_date: str
    end_date: str
    owner_id: str
    budget: _money_pb2.Money
    expected_revenue: _money_pb2.Money
    actual_cost: _money_pb2.Money
    status: str
    needs_approval: bool
    approval_status: str
    approval_history: _containers.RepeatedCompositeFieldContainer[ApprovalEntry]
    description: str
    member_count: int
    version: int
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    created_by: str
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., type: _Optional[str] = ..., channel: _Optional[str] = ..., start_date: _Optional[str] = ..., end_date: _Optional[str] = ..., owner_id: _Optional[str] = ..., budget: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., expected_revenue: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., actual_cost: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., status: _Optional[str] = ..., needs_approval: _Optional[bool] = ..., approval_status: _Optional[str] = ..., approval_history: _Optional[_Iterable[_Union[ApprovalEntry, _Mapping]]] = ..., description: _Optional[str] = ..., member_count: _Optional[int] = ..., version: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., created_by: _Optional[str] = ...) -> None: ...

class CampaignFields(_message.Message):
    __slots__ = ("name", "type", "channel", "start_date", "end_date", "owner_id", "budget", "expected_revenue", "description")
    NAME_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    CHANNEL_FIELD_NUMBER: _ClassVar[int]
    START_DATE_FIELD_NUMBER: _ClassVar[int]
    END_DATE_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    BUDGET_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_REVENUE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    name: str
    type: str
    channel: str
    start_date: str
    end_date: str
    owner_id: str
    budget: _money_pb2.Money
    expected_revenue: _money_pb2.Money
    description: str
    def __init__(self, name: _Optional[str] = ..., type: _Optional[str] = ..., channel: _Optional[str] = ..., start_date: _Optional[str] = ..., end_date: _Optional[str] = ..., owner_id: _Optional[str] = ..., budget: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., expected_revenue: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., description: _Optional[str] = ...) -> None: ...

class CostEntry(_message.Message):
    __slots__ = ("id", "campaign_id", "amount", "incurred_on", "description", "recorded_by", "recorded_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    INCURRED_ON_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    RECORDED_BY_FIELD_NUMBER: _ClassVar[int]
    RECORDED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    campaign_id: str
    amount: _money_pb2.Money
    incurred_on: str
    description: str
    recorded_by: str
    recorded_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., campaign_id: _Optional[str] = ..., amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., incurred_on: _Optional[str] = ..., description: _Optional[str] = ..., recorded_by: _Optional[str] = ..., recorded_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CampaignMember(_message.Message):
    __slots__ = ("id", "campaign_id", "member_type", "lead_id", "customer_id", "name", "response_status", "added_at", "updated_at", "version")
    ID_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    MEMBER_TYPE_FIELD_NUMBER: _ClassVar[int]
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    RESPONSE_STATUS_FIELD_NUMBER: _ClassVar[int]
    ADDED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    campaign_id: str
    member_type: str
    lead_id: str
    customer_id: str
    name: str
    response_status: str
    added_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    version: int
    def __init__(self, id: _Optional[str] = ..., campaign_id: _Optional[str] = ..., member_type: _Optional[str] = ..., lead_id: _Optional[str] = ..., customer_id: _Optional[str] = ..., name: _Optional[str] = ..., response_status: _Optional[str] = ..., added_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., version: _Optional[int] = ...) -> None: ...

class CreateCampaignRequest(_message.Message):
    __slots__ = ("campaign",)
    CAMPAIGN_FIELD_NUMBER: _ClassVar[int]
    campaign: CampaignFields
    def __init__(self, campaign: _Optional[_Union[CampaignFields, _Mapping]] = ...) -> None: ...

class GetCampaignRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ListCampaignsRequest(_message.Message):
    __slots__ = ("options",)
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    options: ListOptions
    def __init__(self, options: _Optional[_Union[ListOptions, _Mapping]] = ...) -> None: ...

class ListCampaignsResponse(_message.Message):
    __slots__ = ("campaigns", "page")
    CAMPAIGNS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    campaigns: _containers.RepeatedCompositeFieldContainer[Campaign]
    page: _paging_pb2.PageResponse
    def __init__(self, campaigns: _Optional[_Iterable[_Union[Campaign, _Mapping]]] = ..., page: _Optional[_Union[_paging_pb2.PageResponse, _Mapping]] = ...) -> None: ...

class UpdateCampaignRequest(_message.Message):
    __slots__ = ("id", "expected_version", "patch", "fields")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    PATCH_FIELD_NUMBER: _ClassVar[int]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    patch: CampaignFields
    fields: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ..., patch: _Optional[_Union[CampaignFields, _Mapping]] = ..., fields: _Optional[_Iterable[str]] = ...) -> None: ...

class TransitionCampaignRequest(_message.Message):
    __slots__ = ("id", "expected_version", "action", "comment")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    action: str
    comment: str
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ..., action: _Optional[str] = ..., comment: _Optional[str] = ...) -> None: ...

class RecordCampaignCostRequest(_message.Message):
    __slots__ = ("campaign_id", "amount", "incurred_on", "description")
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    INCURRED_ON_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    campaign_id: str
    amount: _money_pb2.Money
    incurred_on: str
    description: str
    def __init__(self, campaign_id: _Optional[str] = ..., amount: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., incurred_on: _Optional[str] = ..., description: _Optional[str] = ...) -> None: ...

class RecordCampaignCostResponse(_message.Message):
    __slots__ = ("campaign", "cost")
    CAMPAIGN_FIELD_NUMBER: _ClassVar[int]
    COST_FIELD_NUMBER: _ClassVar[int]
    campaign: Campaign
    cost: CostEntry
    def __init__(self, campaign: _Optional[_Union[Campaign, _Mapping]] = ..., cost: _Optional[_Union[CostEntry, _Mapping]] = ...) -> None: ...

class ListCampaignCostsRequest(_message.Message):
    __slots__ = ("campaign_id", "page")
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    campaign_id: str
    page: _paging_pb2.PageRequest
    def __init__(self, campaign_id: _Optional[str] = ..., page: _Optional[_Union[_paging_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListCampaignCostsResponse(_message.Message):
    __slots__ = ("costs", "page", "campaign")
    COSTS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_FIELD_NUMBER: _ClassVar[int]
    costs: _containers.RepeatedCompositeFieldContainer[CostEntry]
    page: _paging_pb2.PageResponse
    campaign: Campaign
    def __init__(self, costs: _Optional[_Iterable[_Union[CostEntry, _Mapping]]] = ..., page: _Optional[_Union[_paging_pb2.PageResponse, _Mapping]] = ..., campaign: _Optional[_Union[Campaign, _Mapping]] = ...) -> None: ...

class AddCampaignMembersRequest(_message.Message):
    __slots__ = ("campaign_id", "lead_ids", "customer_filter", "customer_limit")
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    LEAD_IDS_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_FILTER_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_LIMIT_FIELD_NUMBER: _ClassVar[int]
    campaign_id: str
    lead_ids: _containers.RepeatedScalarFieldContainer[str]
    customer_filter: str
    customer_limit: int
    def __init__(self, campaign_id: _Optional[str] = ..., lead_ids: _Optional[_Iterable[str]] = ..., customer_filter: _Optional[str] = ..., customer_limit: _Optional[int] = ...) -> None: ...

class AddCampaignMembersResponse(_message.Message):
    __slots__ = ("added", "skipped", "campaign")
    ADDED_FIELD_NUMBER: _ClassVar[int]
    SKIPPED_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_FIELD_NUMBER: _ClassVar[int]
    added: int
    skipped: int
    campaign: Campaign
    def __init__(self, added: _Optional[int] = ..., skipped: _Optional[int] = ..., campaign: _Optional[_Union[Campaign, _Mapping]] = ...) -> None: ...

class ListCampaignMembersRequest(_message.Message):
    __slots__ = ("campaign_id", "options")
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    campaign_id: str
    options: ListOptions
    def __init__(self, campaign_id: _Optional[str] = ..., options: _Optional[_Union[ListOptions, _Mapping]] = ...) -> None: ...

class ListCampaignMembersResponse(_message.Message):
    __slots__ = ("members", "page")
    MEMBERS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    members: _containers.RepeatedCompositeFieldContainer[CampaignMember]
    page: _paging_pb2.PageResponse
    def __init__(self, members: _Optional[_Iterable[_Union[CampaignMember, _Mapping]]] = ..., page: _Optional[_Union[_paging_pb2.PageResponse, _Mapping]] = ...) -> None: ...

class UpdateCampaignMemberRequest(_message.Message):
    __slots__ = ("campaign_id", "member_id", "response_status", "expected_version")
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    MEMBER_ID_FIELD_NUMBER: _ClassVar[int]
    RESPONSE_STATUS_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    campaign_id: str
    member_id: str
    response_status: str
    expected_version: int
    def __init__(self, campaign_id: _Optional[str] = ..., member_id: _Optional[str] = ..., response_status: _Optional[str] = ..., expected_version: _Optional[int] = ...) -> None: ...

class UpdateCampaignMemberResponse(_message.Message):
    __slots__ = ("member",)
    MEMBER_FIELD_NUMBER: _ClassVar[int]
    member: CampaignMember
    def __init__(self, member: _Optional[_Union[CampaignMember, _Mapping]] = ...) -> None: ...

class Utm(_message.Message):
    __slots__ = ("source", "medium", "campaign", "term", "content")
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    MEDIUM_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_FIELD_NUMBER: _ClassVar[int]
    TERM_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    source: str
    medium: str
    campaign: str
    term: str
    content: str
    def __init__(self, source: _Optional[str] = ..., medium: _Optional[str] = ..., campaign: _Optional[str] = ..., term: _Optional[str] = ..., content: _Optional[str] = ...) -> None: ...

class LeadConversion(_message.Message):
    __slots__ = ("conversion_id", "state", "outcome", "customer_id", "contact_id", "opportunity_id", "create_opportunity", "conflict_owner_id", "detail", "requested_by", "requested_at", "resolved_at")
    CONVERSION_ID_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    CONTACT_ID_FIELD_NUMBER: _ClassVar[int]
    OPPORTUNITY_ID_FIELD_NUMBER: _ClassVar[int]
    CREATE_OPPORTUNITY_FIELD_NUMBER: _ClassVar[int]
    CONFLICT_OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    DETAIL_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_BY_FIELD_NUMBER: _ClassVar[int]
    REQUESTED_AT_FIELD_NUMBER: _ClassVar[int]
    RESOLVED_AT_FIELD_NUMBER: _ClassVar[int]
    conversion_id: str
    state: str
    outcome: str
    customer_id: str
    contact_id: str
    opportunity_id: str
    create_opportunity: bool
    conflict_owner_id: str
    detail: str
    requested_by: str
    requested_at: _timestamp_pb2.Timestamp
    resolved_at: _timestamp_pb2.Timestamp
    def __init__(self, conversion_id: _Optional[str] = ..., state: _Optional[str] = ..., outcome: _Optional[str] = ..., customer_id: _Optional[str] = ..., contact_id: _Optional[str] = ..., opportunity_id: _Optional[str] = ..., create_opportunity: _Optional[bool] = ..., conflict_owner_id: _Optional[str] = ..., detail: _Optional[str] = ..., requested_by: _Optional[str] = ..., requested_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., resolved_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class Lead(_message.Message):
    __slots__ = ("id", "company", "contact_name", "title", "phones", "emails", "region", "industry", "source", "campaign_id", "product_interest", "estimated_budget", "notes", "utm", "owner_id", "status", "disqualify_reason", "in_pool", "pool_entered_at", "assigned_at", "contacted_at", "reminded_at", "previous_owner_id", "assignment_rule_id", "touch_count", "last_touch_at", "form_id", "conversion", "converted_customer_id", "converted_contact_id", "converted_opportunity_id", "version", "created_at", "updated_at", "created_by")
    ID_FIELD_NUMBER: _ClassVar[int]
    COMPANY_FIELD_NUMBER: _ClassVar[int]
    CONTACT_NAME_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    PHONES_FIELD_NUMBER: _ClassVar[int]
    EMAILS_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    INDUSTRY_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_INTEREST_FIELD_NUMBER: _ClassVar[int]
    ESTIMATED_BUDGET_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    UTM_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    DISQUALIFY_REASON_FIELD_NUMBER: _ClassVar[int]
    IN_POOL_FIELD_NUMBER: _ClassVar[int]
    POOL_ENTERED_AT_FIELD_NUMBER: _ClassVar[int]
    ASSIGNED_AT_FIELD_NUMBER: _ClassVar[int]
    CONTACTED_AT_FIELD_NUMBER: _ClassVar[int]
    REMINDED_AT_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    ASSIGNMENT_RULE_ID_FIELD_NUMBER: _ClassVar[int]
    TOUCH_COUNT_FIELD_NUMBER: _ClassVar[int]
    LAST_TOUCH_AT_FIELD_NUMBER: _ClassVar[int]
    FORM_ID_FIELD_NUMBER: _ClassVar[int]
    CONVERSION_FIELD_NUMBER: _ClassVar[int]
    CONVERTED_CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    CONVERTED_CONTACT_ID_FIELD_NUMBER: _ClassVar[int]
    CONVERTED_OPPORTUNITY_ID_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    id: str
    company: str
    contact_name: str
    title: str
    phones: _containers.RepeatedScalarFieldContainer[str]
    emails: _containers.RepeatedScalarFieldContainer[str]
    region: str
    industry: str
    source: str
    campaign_id: str
    product_interest: str
    estimated_budget: _money_pb2.Money
    notes: str
    utm: Utm
    owner_id: str
    status: str
    disqualify_reason: str
    in_pool: bool
    pool_entered_at: _timestamp_pb2.Timestamp
    assigned_at: _timestamp_pb2.Timestamp
    contacted_at: _timestamp_pb2.Timestamp
    reminded_at: _timestamp_pb2.Timestamp
    previous_owner_id: str
    assignment_rule_id: str
    touch_count: int
    last_touch_at: _timestamp_pb2.Timestamp
    form_id: str
    conversion: LeadConversion
    converted_customer_id: str
    converted_contact_id: str
    converted_opportunity_id: str
    version: int
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    created_by: str
    def __init__(self, id: _Optional[str] = ..., company: _Optional[str] = ..., contact_name: _Optional[str] = ..., title: _Optional[str] = ..., phones: _Optional[_Iterable[str]] = ..., emails: _Optional[_Iterable[str]] = ..., region: _Optional[str] = ..., industry: _Optional[str] = ..., source: _Optional[str] = ..., campaign_id: _Optional[str] = ..., product_interest: _Optional[str] = ..., estimated_budget: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., notes: _Optional[str] = ..., utm: _Optional[_Union[Utm, _Mapping]] = ..., owner_id: _Optional[str] = ..., status: _Optional[str] = ..., disqualify_reason: _Optional[str] = ..., in_pool: _Optional[bool] = ..., pool_entered_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., assigned_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., contacted_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., reminded_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., previous_owner_id: _Optional[str] = ..., assignment_rule_id: _Optional[str] = ..., touch_count: _Optional[int] = ..., last_touch_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., form_id: _Optional[str] = ..., conversion: _Optional[_Union[LeadConversion, _Mapping]] = ..., converted_customer_id: _Optional[str] = ..., converted_contact_id: _Optional[str] = ..., converted_opportunity_id: _Optional[str] = ..., version: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., created_by: _Optional[str] = ...) -> None: ...

class LeadFields(_message.Message):
    __slots__ = ("company", "contact_name", "title", "phones", "emails", "region", "industry", "source", "campaign_id", "product_interest", "estimated_budget", "notes", "utm", "status")
    COMPANY_FIELD_NUMBER: _ClassVar[int]
    CONTACT_NAME_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    PHONES_FIELD_NUMBER: _ClassVar[int]
    EMAILS_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    INDUSTRY_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    PRODUCT_INTEREST_FIELD_NUMBER: _ClassVar[int]
    ESTIMATED_BUDGET_FIELD_NUMBER: _ClassVar[int]
    NOTES_FIELD_NUMBER: _ClassVar[int]
    UTM_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    company: str
    contact_name: str
    title: str
    phones: _containers.RepeatedScalarFieldContainer[str]
    emails: _containers.RepeatedScalarFieldContainer[str]
    region: str
    industry: str
    source: str
    campaign_id: str
    product_interest: str
    estimated_budget: _money_pb2.Money
    notes: str
    utm: Utm
    status: str
    def __init__(self, company: _Optional[str] = ..., contact_name: _Optional[str] = ..., title: _Optional[str] = ..., phones: _Optional[_Iterable[str]] = ..., emails: _Optional[_Iterable[str]] = ..., region: _Optional[str] = ..., industry: _Optional[str] = ..., source: _Optional[str] = ..., campaign_id: _Optional[str] = ..., product_interest: _Optional[str] = ..., estimated_budget: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., notes: _Optional[str] = ..., utm: _Optional[_Union[Utm, _Mapping]] = ..., status: _Optional[str] = ...) -> None: ...

class Touch(_message.Message):
    __slots__ = ("id", "lead_id", "at", "source", "campaign_id", "form_id", "submission_id", "utm", "detail")
    ID_FIELD_NUMBER: _ClassVar[int]
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    AT_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    FORM_ID_FIELD_NUMBER: _ClassVar[int]
    SUBMISSION_ID_FIELD_NUMBER: _ClassVar[int]
    UTM_FIELD_NUMBER: _ClassVar[int]
    DETAIL_FIELD_NUMBER: _ClassVar[int]
    id: str
    lead_id: str
    at: _timestamp_pb2.Timestamp
    source: str
    campaign_id: str
    form_id: str
    submission_id: str
    utm: Utm
    detail: str
    def __init__(self, id: _Optional[str] = ..., lead_id: _Optional[str] = ..., at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., source: _Optional[str] = ..., campaign_id: _Optional[str] = ..., form_id: _Optional[str] = ..., submission_id: _Optional[str] = ..., utm: _Optional[_Union[Utm, _Mapping]] = ..., detail: _Optional[str] = ...) -> None: ...

class CreateLeadRequest(_message.Message):
    __slots__ = ("lead", "submission_id", "auto_assign")
    LEAD_FIELD_NUMBER: _ClassVar[int]
    SUBMISSION_ID_FIELD_NUMBER: _ClassVar[int]
    AUTO_ASSIGN_FIELD_NUMBER: _ClassVar[int]
    lead: LeadFields
    submission_id: str
    auto_assign: bool
    def __init__(self, lead: _Optional[_Union[LeadFields, _Mapping]] = ..., submission_id: _Optional[str] = ..., auto_assign: _Optional[bool] = ...) -> None: ...

class GetLeadRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ListLeadsRequest(_message.Message):
    __slots__ = ("options", "pool_only")
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    POOL_ONLY_FIELD_NUMBER: _ClassVar[int]
    options: ListOptions
    pool_only: bool
    def __init__(self, options: _Optional[_Union[ListOptions, _Mapping]] = ..., pool_only: _Optional[bool] = ...) -> None: ...

class ListLeadsResponse(_message.Message):
    __slots__ = ("leads", "page")
    LEADS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    leads: _containers.RepeatedCompositeFieldContainer[Lead]
    page: _paging_pb2.PageResponse
    def __init__(self, leads: _Optional[_Iterable[_Union[Lead, _Mapping]]] = ..., page: _Optional[_Union[_paging_pb2.PageResponse, _Mapping]] = ...) -> None: ...

class UpdateLeadRequest(_message.Message):
    __slots__ = ("id", "expected_version", "patch", "fields")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    PATCH_FIELD_NUMBER: _ClassVar[int]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    patch: LeadFields
    fields: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ..., patch: _Optional[_Union[LeadFields, _Mapping]] = ..., fields: _Optional[_Iterable[str]] = ...) -> None: ...

class AssignLeadRequest(_message.Message):
    __slots__ = ("id", "expected_version", "owner_id", "reason")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    OWNER_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    owner_id: str
    reason: str
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ..., owner_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class GrabLeadRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ReleaseLeadRequest(_message.Message):
    __slots__ = ("id", "expected_version", "reason")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    reason: str
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ..., reason: _Optional[str] = ...) -> None: ...

class ConvertLeadRequest(_message.Message):
    __slots__ = ("id", "expected_version", "create_opportunity", "opportunity", "customer_id")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    CREATE_OPPORTUNITY_FIELD_NUMBER: _ClassVar[int]
    OPPORTUNITY_FIELD_NUMBER: _ClassVar[int]
    CUSTOMER_ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    create_opportunity: bool
    opportunity: OpportunityAsk
    customer_id: str
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ..., create_opportunity: _Optional[bool] = ..., opportunity: _Optional[_Union[OpportunityAsk, _Mapping]] = ..., customer_id: _Optional[str] = ...) -> None: ...

class OpportunityAsk(_message.Message):
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

class DisqualifyLeadRequest(_message.Message):
    __slots__ = ("id", "expected_version", "reason")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    reason: str
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ..., reason: _Optional[str] = ...) -> None: ...

class ListLeadTouchesRequest(_message.Message):
    __slots__ = ("lead_id", "page")
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    lead_id: str
    page: _paging_pb2.PageRequest
    def __init__(self, lead_id: _Optional[str] = ..., page: _Optional[_Union[_paging_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class ListLeadTouchesResponse(_message.Message):
    __slots__ = ("touches", "page")
    TOUCHES_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    touches: _containers.RepeatedCompositeFieldContainer[Touch]
    page: _paging_pb2.PageResponse
    def __init__(self, touches: _Optional[_Iterable[_Union[Touch, _Mapping]]] = ..., page: _Optional[_Union[_paging_pb2.PageResponse, _Mapping]] = ...) -> None: ...

class ImportLeadsRequest(_message.Message):
    __slots__ = ("csv", "dry_run", "file_name", "auto_assign")
    CSV_FIELD_NUMBER: _ClassVar[int]
    DRY_RUN_FIELD_NUMBER: _ClassVar[int]
    FILE_NAME_FIELD_NUMBER: _ClassVar[int]
    AUTO_ASSIGN_FIELD_NUMBER: _ClassVar[int]
    csv: bytes
    dry_run: bool
    file_name: str
    auto_assign: bool
    def __init__(self, csv: _Optional[bytes] = ..., dry_run: _Optional[bool] = ..., file_name: _Optional[str] = ..., auto_assign: _Optional[bool] = ...) -> None: ...

class ImportRowResult(_message.Message):
    __slots__ = ("row", "outcome", "lead_id", "code", "field", "reason")
    ROW_FIELD_NUMBER: _ClassVar[int]
    OUTCOME_FIELD_NUMBER: _ClassVar[int]
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    FIELD_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    row: int
    outcome: str
    lead_id: str
    code: str
    field: str
    reason: str
    def __init__(self, row: _Optional[int] = ..., outcome: _Optional[str] = ..., lead_id: _Optional[str] = ..., code: _Optional[str] = ..., field: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class ImportLeadsResponse(_message.Message):
    __slots__ = ("dry_run", "total_rows", "created", "merged", "invalid", "rows")
    DRY_RUN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_ROWS_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    MERGED_FIELD_NUMBER: _ClassVar[int]
    INVALID_FIELD_NUMBER: _ClassVar[int]
    ROWS_FIELD_NUMBER: _ClassVar[int]
    dry_run: bool
    total_rows: int
    created: int
    merged: int
    invalid: int
    rows: _containers.RepeatedCompositeFieldContainer[ImportRowResult]
    def __init__(self, dry_run: _Optional[bool] = ..., total_rows: _Optional[int] = ..., created: _Optional[int] = ..., merged: _Optional[int] = ..., invalid: _Optional[int] = ..., rows: _Optional[_Iterable[_Union[ImportRowResult, _Mapping]]] = ...) -> None: ...

class AssignmentRule(_message.Message):
    __slots__ = ("id", "name", "position", "active", "regions", "industries", "sources", "campaign_ids", "target", "user_id", "member_ids", "daily_capacity", "version", "created_at", "updated_at")
    ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    POSITION_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    REGIONS_FIELD_NUMBER: _ClassVar[int]
    INDUSTRIES_FIELD_NUMBER: _ClassVar[int]
    SOURCES_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_IDS_FIELD_NUMBER: _ClassVar[int]
    TARGET_FIELD_NUMBER: _ClassVar[int]
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    MEMBER_IDS_FIELD_NUMBER: _ClassVar[int]
    DAILY_CAPACITY_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    name: str
    position: int
    active: bool
    regions: _containers.RepeatedScalarFieldContainer[str]
    industries: _containers.RepeatedScalarFieldContainer[str]
    sources: _containers.RepeatedScalarFieldContainer[str]
    campaign_ids: _containers.RepeatedScalarFieldContainer[str]
    target: str
    user_id: str
    member_ids: _containers.RepeatedScalarFieldContainer[str]
    daily_capacity: int
    version: int
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., name: _Optional[str] = ..., position: _Optional[int] = ..., active: _Optional[bool] = ..., regions: _Optional[_Iterable[str]] = ..., industries: _Optional[_Iterable[str]] = ..., sources: _Optional[_Iterable[str]] = ..., campaign_ids: _Optional[_Iterable[str]] = ..., target: _Optional[str] = ..., user_id: _Optional[str] = ..., member_ids: _Optional[_Iterable[str]] = ..., daily_capacity: _Optional[int] = ..., version: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CreateAssignmentRuleRequest(_message.Message):
    __slots__ = ("rule",)
    RULE_FIELD_NUMBER: _ClassVar[int]
    rule: AssignmentRule
    def __init__(self, rule: _Optional[_Union[AssignmentRule, _Mapping]] = ...) -> None: ...

class GetAssignmentRuleRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ListAssignmentRulesRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListAssignmentRulesResponse(_message.Message):
    __slots__ = ("rules",)
    RULES_FIELD_NUMBER: _ClassVar[int]
    rules: _containers.RepeatedCompositeFieldContainer[AssignmentRule]
    def __init__(self, rules: _Optional[_Iterable[_Union[AssignmentRule, _Mapping]]] = ...) -> None: ...

class UpdateAssignmentRuleRequest(_message.Message):
    __slots__ = ("id", "expected_version", "rule")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    RULE_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    rule: AssignmentRule
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ..., rule: _Optional[_Union[AssignmentRule, _Mapping]] = ...) -> None: ...

class DeleteAssignmentRuleRequest(_message.Message):
    __slots__ = ("id", "expected_version")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ...) -> None: ...

class DeleteAssignmentRuleResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class FormField(_message.Message):
    __slots__ = ("name", "label", "type", "required", "max_length", "options")
    NAME_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    REQUIRED_FIELD_NUMBER: _ClassVar[int]
    MAX_LENGTH_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    name: str
    label: str
    type: str
    required: bool
    max_length: int
    options: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, name: _Optional[str] = ..., label: _Optional[str] = ..., type: _Optional[str] = ..., required: _Optional[bool] = ..., max_length: _Optional[int] = ..., options: _Optional[_Iterable[str]] = ...) -> None: ...

class Form(_message.Message):
    __slots__ = ("id", "key", "name", "campaign_id", "fields", "mapping", "thank_you_message", "honeypot_field", "active", "auto_assign", "version", "created_at", "updated_at", "created_by")
    class MappingEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    ID_FIELD_NUMBER: _ClassVar[int]
    KEY_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    CAMPAIGN_ID_FIELD_NUMBER: _ClassVar[int]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    MAPPING_FIELD_NUMBER: _ClassVar[int]
    THANK_YOU_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    HONEYPOT_FIELD_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    AUTO_ASSIGN_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    UPDATED_AT_FIELD_NUMBER: _ClassVar[int]
    CREATED_BY_FIELD_NUMBER: _ClassVar[int]
    id: str
    key: str
    name: str
    campaign_id: str
    fields: _containers.RepeatedCompositeFieldContainer[FormField]
    mapping: _containers.ScalarMap[str, str]
    thank_you_message: str
    honeypot_field: str
    active: bool
    auto_assign: bool
    version: int
    created_at: _timestamp_pb2.Timestamp
    updated_at: _timestamp_pb2.Timestamp
    created_by: str
    def __init__(self, id: _Optional[str] = ..., key: _Optional[str] = ..., name: _Optional[str] = ..., campaign_id: _Optional[str] = ..., fields: _Optional[_Iterable[_Union[FormField, _Mapping]]] = ..., mapping: _Optional[_Mapping[str, str]] = ..., thank_you_message: _Optional[str] = ..., honeypot_field: _Optional[str] = ..., active: _Optional[bool] = ..., auto_assign: _Optional[bool] = ..., version: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., updated_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., created_by: _Optional[str] = ...) -> None: ...

class CreateFormRequest(_message.Message):
    __slots__ = ("form",)
    FORM_FIELD_NUMBER: _ClassVar[int]
    form: Form
    def __init__(self, form: _Optional[_Union[Form, _Mapping]] = ...) -> None: ...

class GetFormRequest(_message.Message):
    __slots__ = ("id",)
    ID_FIELD_NUMBER: _ClassVar[int]
    id: str
    def __init__(self, id: _Optional[str] = ...) -> None: ...

class ListFormsRequest(_message.Message):
    __slots__ = ("options",)
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    options: ListOptions
    def __init__(self, options: _Optional[_Union[ListOptions, _Mapping]] = ...) -> None: ...

class ListFormsResponse(_message.Message):
    __slots__ = ("forms", "page")
    FORMS_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    forms: _containers.RepeatedCompositeFieldContainer[Form]
    page: _paging_pb2.PageResponse
    def __init__(self, forms: _Optional[_Iterable[_Union[Form, _Mapping]]] = ..., page: _Optional[_Union[_paging_pb2.PageResponse, _Mapping]] = ...) -> None: ...

class UpdateFormRequest(_message.Message):
    __slots__ = ("id", "expected_version", "form")
    ID_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_VERSION_FIELD_NUMBER: _ClassVar[int]
    FORM_FIELD_NUMBER: _ClassVar[int]
    id: str
    expected_version: int
    form: Form
    def __init__(self, id: _Optional[str] = ..., expected_version: _Optional[int] = ..., form: _Optional[_Union[Form, _Mapping]] = ...) -> None: ...

class SubmitFormRequest(_message.Message):
    __slots__ = ("form_key", "values", "submission_id", "utm", "client_address")
    class ValuesEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    FORM_KEY_FIELD_NUMBER: _ClassVar[int]
    VALUES_FIELD_NUMBER: _ClassVar[int]
    SUBMISSION_ID_FIELD_NUMBER: _ClassVar[int]
    UTM_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    form_key: str
    values: _containers.ScalarMap[str, str]
    submission_id: str
    utm: Utm
    client_address: str
    def __init__(self, form_key: _Optional[str] = ..., values: _Optional[_Mapping[str, str]] = ..., submission_id: _Optional[str] = ..., utm: _Optional[_Union[Utm, _Mapping]] = ..., client_address: _Optional[str] = ...) -> None: ...

class SubmitFormResponse(_message.Message):
    __slots__ = ("thank_you_message", "lead_id", "merged")
    THANK_YOU_MESSAGE_FIELD_NUMBER: _ClassVar[int]
    LEAD_ID_FIELD_NUMBER: _ClassVar[int]
    MERGED_FIELD_NUMBER: _ClassVar[int]
    thank_you_message: str
    lead_id: str
    merged: bool
    def __init__(self, thank_you_message: _Optional[str] = ..., lead_id: _Optional[str] = ..., merged: _Optional[bool] = ...) -> None: ...

class CreateCampaignResponse(_message.Message):
    __slots__ = ("campaign",)
    CAMPAIGN_FIELD_NUMBER: _ClassVar[int]
    campaign: Campaign
    def __init__(self, campaign: _Optional[_Union[Campaign, _Mapping]] = ...) -> None: ...

class GetCampaignResponse(_message.Message):
    __slots__ = ("campaign",)
    CAMPAIGN_FIELD_NUMBER: _ClassVar[int]
    campaign: Campaign
    def __init__(self, campaign: _Optional[_Union[Campaign, _Mapping]] = ...) -> None: ...

class UpdateCampaignResponse(_message.Message):
    __slots__ = ("campaign",)
    CAMPAIGN_FIELD_NUMBER: _ClassVar[int]
    campaign: Campaign
    def __init__(self, campaign: _Optional[_Union[Campaign, _Mapping]] = ...) -> None: ...

class TransitionCampaignResponse(_message.Message):
    __slots__ = ("campaign",)
    CAMPAIGN_FIELD_NUMBER: _ClassVar[int]
    campaign: Campaign
    def __init__(self, campaign: _Optional[_Union[Campaign, _Mapping]] = ...) -> None: ...

class CreateLeadResponse(_message.Message):
    __slots__ = ("lead", "merged", "touch")
    LEAD_FIELD_NUMBER: _ClassVar[int]
    MERGED_FIELD_NUMBER: _ClassVar[int]
    TOUCH_FIELD_NUMBER: _ClassVar[int]
    lead: Lead
    merged: bool
    touch: Touch
    def __init__(self, lead: _Optional[_Union[Lead, _Mapping]] = ..., merged: _Optional[bool] = ..., touch: _Optional[_Union[Touch, _Mapping]] = ...) -> None: ...

class GetLeadResponse(_message.Message):
    __slots__ = ("lead",)
    LEAD_FIELD_NUMBER: _ClassVar[int]
    lead: Lead
    def __init__(self, lead: _Optional[_Union[Lead, _Mapping]] = ...) -> None: ...

class UpdateLeadResponse(_message.Message):
    __slots__ = ("lead",)
    LEAD_FIELD_NUMBER: _ClassVar[int]
    lead: Lead
    def __init__(self, lead: _Optional[_Union[Lead, _Mapping]] = ...) -> None: ...

class AssignLeadResponse(_message.Message):
    __slots__ = ("lead",)
    LEAD_FIELD_NUMBER: _ClassVar[int]
    lead: Lead
    def __init__(self, lead: _Optional[_Union[Lead, _Mapping]] = ...) -> None: ...

class GrabLeadResponse(_message.Message):
    __slots__ = ("lead",)
    LEAD_FIELD_NUMBER: _ClassVar[int]
    lead: Lead
    def __init__(self, lead: _Optional[_Union[Lead, _Mapping]] = ...) -> None: ...

class ReleaseLeadResponse(_message.Message):
    __slots__ = ("lead",)
    LEAD_FIELD_NUMBER: _ClassVar[int]
    lead: Lead
    def __init__(self, lead: _Optional[_Union[Lead, _Mapping]] = ...) -> None: ...

class ConvertLeadResponse(_message.Message):
    __slots__ = ("lead",)
    LEAD_FIELD_NUMBER: _ClassVar[int]
    lead: Lead
    def __init__(self, lead: _Optional[_Union[Lead, _Mapping]] = ...) -> None: ...

class DisqualifyLeadResponse(_message.Message):
    __slots__ = ("lead",)
    LEAD_FIELD_NUMBER: _ClassVar[int]
    lead: Lead
    def __init__(self, lead: _Optional[_Union[Lead, _Mapping]] = ...) -> None: ...

class CreateAssignmentRuleResponse(_message.Message):
    __slots__ = ("rule",)
    RULE_FIELD_NUMBER: _ClassVar[int]
    rule: AssignmentRule
    def __init__(self, rule: _Optional[_Union[AssignmentRule, _Mapping]] = ...) -> None: ...

class GetAssignmentRuleResponse(_message.Message):
    __slots__ = ("rule",)
    RULE_FIELD_NUMBER: _ClassVar[int]
    rule: AssignmentRule
    def __init__(self, rule: _Optional[_Union[AssignmentRule, _Mapping]] = ...) -> None: ...

class UpdateAssignmentRuleResponse(_message.Message):
    __slots__ = ("rule",)
    RULE_FIELD_NUMBER: _ClassVar[int]
    rule: AssignmentRule
    def __init__(self, rule: _Optional[_Union[AssignmentRule, _Mapping]] = ...) -> None: ...

class CreateFormResponse(_message.Message):
    __slots__ = ("form",)
    FORM_FIELD_NUMBER: _ClassVar[int]
    form: Form
    def __init__(self, form: _Optional[_Union[Form, _Mapping]] = ...) -> None: ...

class GetFormResponse(_message.Message):
    __slots__ = ("form",)
    FORM_FIELD_NUMBER: _ClassVar[int]
    form: Form
    def __init__(self, form: _Optional[_Union[Form, _Mapping]] = ...) -> None: ...

class UpdateFormResponse(_message.Message):
    __slots__ = ("form",)
    FORM_FIELD_NUMBER: _ClassVar[int]
    form: Form
    def __init__(self, form: _Optional[_Union[Form, _Mapping]] = ...) -> None: ...
