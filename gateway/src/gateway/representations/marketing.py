"""How marketing records look on the public API: campaigns, cost entries, members, leads (with
their conversion state), touches, assignment rules and web forms.

The JSON of a record is its proto message field by field, money as `{"currency", "amount"}`
exactly as the sales records (`gateway.representations.sales`); the response models are derived
from the proto descriptors, so the document cannot drift from what the routes answer."""

from __future__ import annotations

from typing import Any

from google.protobuf.message import Message

from crm.marketing.v1 import marketing_service_pb2 as pb
from gateway.representations.sales import model_for, page_model, sales_json


def marketing_json(message: Message) -> dict[str, Any]:
    """A marketing proto message as public JSON (money as `{"currency", "amount"}`)."""
    return sales_json(message)


Campaign = model_for(pb.Campaign.DESCRIPTOR, "Campaign")
CostEntry = model_for(pb.CostEntry.DESCRIPTOR, "CampaignCostEntry")
CampaignMember = model_for(pb.CampaignMember.DESCRIPTOR, "CampaignMember")
Lead = model_for(pb.Lead.DESCRIPTOR, "Lead")
Touch = model_for(pb.Touch.DESCRIPTOR, "LeadTouch")
AssignmentRule = model_for(pb.AssignmentRule.DESCRIPTOR, "AssignmentRule")
Form = model_for(pb.Form.DESCRIPTOR, "WebForm")
ImportReport = model_for(pb.ImportLeadsResponse.DESCRIPTOR, "LeadImportReport")
MembersAdded = model_for(pb.AddCampaignMembersResponse.DESCRIPTOR, "CampaignMembersAdded")
CostRecorded = model_for(pb.RecordCampaignCostResponse.DESCRIPTOR, "CampaignCostRecorded")
LeadIntake = model_for(pb.CreateLeadResponse.DESCRIPTOR, "LeadIntake")

CampaignPage = page_model(Campaign, "CampaignPage")
CostPage = page_model(CostEntry, "CampaignCostPage")
MemberPage = page_model(CampaignMember, "CampaignMemberPage")
LeadPage = page_model(Lead, "LeadPage")
TouchPage = page_model(Touch, "LeadTouchPage")
RulePage = page_model(AssignmentRule, "AssignmentRulePage")
FormPage = page_model(Form, "WebFormPage")
