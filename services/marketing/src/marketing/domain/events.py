"""Domain events of the marketing service (translated to published events in events/outgoing.py)."""

from __future__ import annotations

import dataclasses

from marketing.domain.campaign import Campaign, CostEntry
from marketing.domain.lead import Lead


@dataclasses.dataclass(frozen=True)
class CampaignCreated:
    campaign: Campaign


@dataclasses.dataclass(frozen=True)
class CampaignApproved:
    campaign: Campaign
    approver_id: str
    comment: str
    reviewed: bool


@dataclasses.dataclass(frozen=True)
class CampaignCostRecorded:
    campaign: Campaign
    cost: CostEntry


@dataclasses.dataclass(frozen=True)
class CampaignStatusChanged:
    campaign: Campaign
    from_status: str
    to_status: str
    actor_id: str
    comment: str = ""


@dataclasses.dataclass(frozen=True)
class LeadCreated:
    lead: Lead


@dataclasses.dataclass(frozen=True)
class LeadAssigned:
    lead: Lead
    from_owner_id: str
    reason: str  # rule | grab | manager | creator
    rule_id: str
    actor_id: str


@dataclasses.dataclass(frozen=True)
class LeadReturnedToPool:
    lead: Lead
    from_owner_id: str
    reason: str  # release | uncontacted
    actor_id: str


@dataclasses.dataclass(frozen=True)
class LeadStatusChanged:
    lead: Lead
    from_status: str
    to_status: str
    actor_id: str
    reason: str = ""


@dataclasses.dataclass(frozen=True)
class LeadDisqualified:
    lead: Lead
    reason: str
    actor_id: str


@dataclasses.dataclass(frozen=True)
class LeadConverted:
    """The whole conversion request (see LeadConverted in marketing_events.proto)."""

    lead: Lead
    customer_id: str
    converted_by: str
